using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// A request as the recorder identifies it (method, endpoint, body with keys sorted and floats rounded to
    /// 5 decimals, test id) and a fingerprint of the response, so that two recordings replay cannot tell
    /// apart can be found across files (RG0008). Like the recorder, it looks within one recordings folder
    /// (each suite replays from its own), tells model lists apart by the digest in their file names, and
    /// identifies a recording without a body (tool runtime) by its whole request.
    /// </summary>
    internal static class ReplayIdentity
    {
        public static RequestFingerprint Compute(string sourcePath, JsonElement request, JsonElement response, string? testId, LocationInfo location)
        {
            var key = new StringBuilder();
            int folderEnd = sourcePath.LastIndexOf('/');
            key.Append(folderEnd < 0 ? string.Empty : sourcePath.Substring(0, folderEnd)).Append('\n');
            string stem = PathNames.FileStem(sourcePath);
            if (stem.StartsWith("models-", StringComparison.Ordinal))
            {
                key.Append(stem.Substring(stem.LastIndexOf('-') + 1));
            }

            key.Append('\n');
            key.Append(request.Member("method").String()).Append('\n');
            key.Append(request.Member("endpoint").String() ?? request.Member("url").String()).Append('\n');
            key.Append(testId).Append('\n');
            WriteCanonical((request.Member("body") ?? request.Member("payload")) ?? request, key);

            var answer = new StringBuilder();
            WriteCanonical(response, answer);
            return new RequestFingerprint(sourcePath, Hash(key), Hash(answer), location);
        }

        private static void WriteCanonical(JsonElement element, StringBuilder builder)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = new System.Collections.Generic.List<JsonProperty>(element.EnumerateObject());
                    properties.Sort((a, b) => string.CompareOrdinal(JsonStrings.Name(a), JsonStrings.Name(b)));
                    builder.Append('{');
                    foreach (JsonProperty property in properties)
                    {
                        builder.Append(JsonStrings.Name(property).Length).Append(':').Append(JsonStrings.Name(property));
                        WriteCanonical(property.Value, builder);
                    }

                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        WriteCanonical(item, builder);
                    }

                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    string value = JsonStrings.Value(element);
                    builder.Append('"').Append(value.Length).Append(':').Append(value);
                    break;
                case JsonValueKind.Number:
                    builder.Append('#').Append(CanonicalNumber(element)).Append(';');
                    break;
                default:
                    builder.Append(element.ValueKind.ToString()[0]);
                    break;
            }
        }

        private static string CanonicalNumber(JsonElement number)
        {
            if (number.TryGetInt64(out long integer))
            {
                return integer.ToString(CultureInfo.InvariantCulture);
            }

            return number.TryGetDouble(out double value) && !double.IsInfinity(value)
                ? Math.Round(value, 5).ToString("R", CultureInfo.InvariantCulture)
                : number.GetRawText();
        }

        private static string Hash(StringBuilder text)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            var hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++)
            {
                hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
