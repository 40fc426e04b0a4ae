using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RecordingGen.Record
{
    /// <summary>
    /// What ogx does to a request body before hashing it (<c>_normalize_body_for_hash</c>): floats rounded to 5 places,
    /// long decimals inside strings too, file-search scores, attributes, document ids and citations replaced, and the
    /// <c>project_id</c> of <c>extra_body</c>/<c>extra_query</c> removed (real and dummy credentials differ there).
    /// </summary>
    internal static class HashNormalization
    {
        private static readonly Regex FloatInString = new Regex(@"(-?\d+\.\d{4,})", RegexOptions.CultureInvariant);
        private static readonly Regex SearchScore = new Regex(@"score:\s*[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant);
        private static readonly Regex SearchAttributes = new Regex(@",?\s*attributes:\s*\{[^}]*\}", RegexOptions.CultureInvariant);
        private static readonly Regex SearchDocumentId = new Regex(@"document_id:\s*[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", RegexOptions.CultureInvariant);
        private static readonly Regex SearchCitation = new Regex(@"<\|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\|>", RegexOptions.CultureInvariant);

        /// <param name="value">The body, changed in place.</param>
        /// <param name="dropStreamOptions">ogx drops <c>stream_options</c> for Bedrock, whose runs differ in it.</param>
        /// <param name="isRoot">ogx treats the body and every object directly inside a list as a root (its recursion does).</param>
        public static PythonValue Normalize(PythonValue value, bool dropStreamOptions = false, bool isRoot = true)
        {
            switch (value.Kind)
            {
                case PythonValue.ValueKind.Object:
                    for (int i = 0; i < value.Properties!.Count; i++)
                    {
                        value.Properties[i] = new KeyValuePair<string, PythonValue>(value.Properties[i].Key, Normalize(value.Properties[i].Value, isRoot: false));
                    }

                    if (dropStreamOptions)
                    {
                        value.Remove("stream_options");
                    }

                    if (isRoot)
                    {
                        foreach (string extra in new[] { "extra_body", "extra_query" })
                        {
                            if (value.Get(extra) is { Kind: PythonValue.ValueKind.Object } found)
                            {
                                found.Remove("project_id");
                            }
                        }
                    }

                    return value;
                case PythonValue.ValueKind.Array:
                    for (int i = 0; i < value.Items!.Count; i++)
                    {
                        value.Items[i] = Normalize(value.Items[i]);
                    }

                    return value;
                case PythonValue.ValueKind.Float:
                    value.Float = PythonJson.Round(value.Float, 5);
                    return value;
                case PythonValue.ValueKind.String:
                    value.Text = NormalizeString(value.Text!);
                    return value;
                default:
                    return value;
            }
        }

        private static string NormalizeString(string text)
        {
            text = SearchScore.Replace(text, "score: __NORMALIZED__");
            text = SearchAttributes.Replace(text, string.Empty);
            text = SearchDocumentId.Replace(text, "document_id: __NORMALIZED__");
            text = SearchCitation.Replace(text, "<|__NORMALIZED__|>");
            return FloatInString.Replace(text, match => PythonJson.Fixed(double.Parse(match.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), 5));
        }
    }
}
