using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>
    /// Applies a recording's <c>id_normalization_mapping</c> (normalized key -> original value) as the recorder
    /// does when it loads a file: every original value is replaced by its key, in the mapping's order, before
    /// anything else reads the recording. The recorder replaces in the file's JSON text; replacing inside every
    /// string value and property name is the same for ids, and keeps the document's shape (so diagnostics still
    /// point at the right place in the file).
    /// </summary>
    internal static class IdNormalization
    {
        public const string MemberName = "id_normalization_mapping";

        /// <summary>The recording rewritten with the mapping applied, or null when it has no mapping to apply.</summary>
        public static byte[]? Apply(JsonValue root)
        {
            if (root.Member(MemberName).Object() is not { } mapping)
            {
                return null;
            }

            var replacements = new List<KeyValuePair<string, string>>();
            foreach (JsonMember pair in mapping.EnumerateObject())
            {
                string original = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : string.Empty;
                if (original.Length > 0)
                {
                    replacements.Add(new KeyValuePair<string, string>(original, pair.Name));
                }
            }

            if (replacements.Count == 0)
            {
                return null;
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                Write(root, writer, replacements, isRoot: true);
            }

            return stream.ToArray();
        }

        // Recursion is bounded by the document's MaxDepth, which the parser sets.
        private static void Write(JsonValue element, Utf8JsonWriter writer, List<KeyValuePair<string, string>> replacements, bool isRoot)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (JsonMember property in element.EnumerateObject())
                    {
                        string name = property.Name;
                        if (isRoot && name == MemberName)
                        {
                            // Applied: the loaded recording carries an empty mapping, as the recorder leaves it.
                            writer.WritePropertyName(name);
                            writer.WriteStartObject();
                            writer.WriteEndObject();
                            continue;
                        }

                        writer.WritePropertyName(Replace(name, replacements));
                        Write(property.Value, writer, replacements, isRoot: false);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (JsonValue item in element.EnumerateArray())
                    {
                        Write(item, writer, replacements, isRoot: false);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(Replace(element.GetString()!, replacements));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }

        private static string Replace(string value, List<KeyValuePair<string, string>> replacements)
        {
            foreach (KeyValuePair<string, string> replacement in replacements)
            {
                value = value.Replace(replacement.Key, replacement.Value);
            }

            return value;
        }
    }
}
