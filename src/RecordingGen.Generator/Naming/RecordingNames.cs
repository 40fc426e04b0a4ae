using System.Text.RegularExpressions;

namespace RecordingGen.Generator.Naming
{
    /// <summary>
    /// The readable name of one recording, derived from that file alone so it never changes when other
    /// files come or go: the file name in PascalCase, or for the recorder's hash-named files the test
    /// function and parameter id (else the endpoint) with the first six hex digits of the hash; model
    /// lists are <c>Models_</c>, six hex digits of the hash and the digest.
    /// </summary>
    internal static class RecordingNames
    {
        private const int HashSuffixLength = 6;

        private static readonly Regex HashName = new Regex(
            "^(?:(?<hash>[0-9a-f]{64})|(?<hash>[0-9a-f]{12})|models-(?<hash>[0-9a-f]{6,})-(?<digest>[0-9a-f]+))$",
            RegexOptions.CultureInvariant);

        public static string PreferredName(string fileStem, string? testId, string? endpoint)
        {
            Match match = HashName.Match(fileStem);
            if (!match.Success)
            {
                return Identifiers.ToPascalCase(fileStem) ?? "Recording";
            }

            string hash = match.Groups["hash"].Value.Substring(0, HashSuffixLength);
            if (match.Groups["digest"].Success)
            {
                // Model lists: many share the first hash, and many share the digest; together they are unique.
                return "Models_" + hash + "_" + match.Groups["digest"].Value;
            }

            string prefix = FromTestId(testId)
                ?? Identifiers.ToPascalCase(endpoint ?? string.Empty)
                ?? "Recording";
            return prefix + "_" + hash;
        }

        /// <summary>
        /// <c>tests/x/test_file.py::TestClass::test_does_thing[param-id]</c> becomes <c>DoesThing_ParamId</c>.
        /// </summary>
        public static string? FromTestId(string? testId)
        {
            if (string.IsNullOrEmpty(testId))
            {
                return null;
            }

            string id = testId!;
            string parameters = string.Empty;
            int bracket = id.IndexOf('[');
            if (bracket >= 0)
            {
                parameters = id.Substring(bracket + 1).TrimEnd(']');
                id = id.Substring(0, bracket);
            }

            int separator = id.LastIndexOf("::", System.StringComparison.Ordinal);
            string function = separator >= 0 ? id.Substring(separator + 2) : id;
            if (function.StartsWith("test_", System.StringComparison.Ordinal))
            {
                function = function.Substring("test_".Length);
            }

            string? functionName = Identifiers.ToPascalCase(function);
            string? parameterName = Identifiers.ToPascalCase(parameters);
            if (functionName is null)
            {
                return parameterName;
            }

            return parameterName is null ? functionName : functionName + "_" + parameterName;
        }
    }
}
