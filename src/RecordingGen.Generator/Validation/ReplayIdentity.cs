using System;
using System.Globalization;
using System.Text.Json;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;

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
        /// <param name="responseHash">The response's hash, which the encoder computes from what it stores.</param>
        public static RequestFingerprint Compute(string sourcePath, JsonValue request, string? testId, LocationInfo location, string responseHash)
        {
            var key = new StableHash();
            int folderEnd = sourcePath.LastIndexOf('/');
            key.Add(folderEnd < 0 ? string.Empty : sourcePath.Substring(0, folderEnd));
            string stem = PathNames.FileStem(sourcePath);
            key.Add(stem.StartsWith("models-", StringComparison.Ordinal) ? stem.Substring(stem.LastIndexOf('-') + 1) : null);
            key.Add(request.Member("method").String());
            key.Add(request.Member("endpoint").String() ?? request.Member("url").String());
            key.Add(testId);
            WriteCanonical((request.Member("body") ?? request.Member("payload")) ?? request, key);
            return new RequestFingerprint(sourcePath, key.ToString(), responseHash, location);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void WriteCanonical(JsonValue element, StableHash builder)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = new System.Collections.Generic.List<JsonMember>(element.EnumerateObject());
                    properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                    builder.Add('{');
                    foreach (JsonMember property in properties)
                    {
                        builder.Add(property.Name);
                        WriteCanonical(property.Value, builder);
                    }

                    builder.Add('}');
                    break;
                case JsonValueKind.Array:
                    builder.Add('[');
                    foreach (JsonValue item in element.EnumerateArray())
                    {
                        WriteCanonical(item, builder);
                    }

                    builder.Add(']');
                    break;
                case JsonValueKind.String:
                    builder.Add('"').Add(element.GetString()!);
                    break;
                case JsonValueKind.Number:
                    builder.Add('#').Add(CanonicalNumber(element));
                    break;
                default:
                    builder.Add((char)('0' + (int)element.ValueKind));
                    break;
            }
        }

        private static string CanonicalNumber(JsonValue number)
        {
            if (number.TryGetInt64(out long integer))
            {
                return integer.ToString(CultureInfo.InvariantCulture);
            }

            return number.TryGetDouble(out double value) && !double.IsInfinity(value)
                ? Math.Round(value, 5).ToString("R", CultureInfo.InvariantCulture)
                : number.GetRawText();
        }
    }
}
