using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

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

        /// <summary>
        /// How much the mapping may grow a recording: a short original mapped to a long key can otherwise make a small
        /// file need gigabytes (and the JSON writer refuses strings of 166 million characters). Ids the recorder
        /// normalizes keep about their length, so a recording may grow by four times its own size, plus this.
        /// </summary>
        public const long AllowedGrowth = 1_000_000;

        /// <summary>No single string may grow past this many characters, whatever the file's size.</summary>
        public const int MaxStringLength = 50_000_000;

        // Members of the root without which the file is no recording.
        private static readonly string[] RequiredMembers = { "request", "response" };

        /// <summary>Where a mapping entry sits in the file, for diagnostics.</summary>
        public static JsonPath EntryPath(string key) => JsonPath.Root[MemberName][key];

        /// <summary>
        /// An entry whose original value occurs in the name of a member every recording needs: applied, it would
        /// rename that member (the recorder's text replacement does the same), so the file is reported instead.
        /// </summary>
        public static (string Key, string Original, string Member)? RenamedMember(JsonValue root)
        {
            foreach (KeyValuePair<string, string> replacement in Replacements(root))
            {
                foreach (string member in RequiredMembers)
                {
                    if (member.IndexOf(replacement.Key, System.StringComparison.Ordinal) >= 0)
                    {
                        return (replacement.Value, replacement.Key, member);
                    }
                }
            }

            return null;
        }

        /// <summary>The recording rewritten with the mapping applied, or null when it has no mapping to apply.</summary>
        /// <exception cref="IdMappingException">The mapping would grow the recording past the limits above.</exception>
        public static byte[]? Apply(JsonValue root)
        {
            List<KeyValuePair<string, string>> replacements = Replacements(root);
            if (replacements.Count == 0)
            {
                return null;
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                Write(root, writer, new Rewrite(replacements, (4L * root.Document.Length) + AllowedGrowth), isRoot: true);
            }

            return stream.ToArray();
        }

        // Original -> key, in the mapping's order; entries without a usable original are skipped.
        private static List<KeyValuePair<string, string>> Replacements(JsonValue root)
        {
            var replacements = new List<KeyValuePair<string, string>>();
            if (root.Member(MemberName).Object() is not { } mapping)
            {
                return replacements;
            }

            foreach (JsonMember pair in mapping.EnumerateObject())
            {
                string original = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : string.Empty;
                if (original.Length > 0)
                {
                    replacements.Add(new KeyValuePair<string, string>(original, pair.Name));
                }
            }

            return replacements;
        }

        // Recursion is bounded by the document's MaxDepth, which the parser sets.
        private static void Write(JsonValue element, Utf8JsonWriter writer, Rewrite replacements, bool isRoot)
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

                        writer.WritePropertyName(replacements.Apply(name));
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
                    writer.WriteStringValue(replacements.Apply(element.GetString()!));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }

        /// <summary>The replacements, and how much they have grown the recording so far.</summary>
        private sealed class Rewrite
        {
            private readonly List<KeyValuePair<string, string>> _replacements;
            private readonly long _maxGrowth;
            private long _growth;

            public Rewrite(List<KeyValuePair<string, string>> replacements, long maxGrowth)
            {
                _replacements = replacements;
                _maxGrowth = maxGrowth;
            }

            public string Apply(string value)
            {
                foreach (KeyValuePair<string, string> replacement in _replacements)
                {
                    int growth = replacement.Value.Length - replacement.Key.Length;
                    if (growth > 0 && value.IndexOf(replacement.Key, System.StringComparison.Ordinal) >= 0)
                    {
                        long longer = (long)Count(value, replacement.Key) * growth;
                        _growth += longer;
                        if (value.Length + longer > MaxStringLength || _growth > _maxGrowth)
                        {
                            string limit = value.Length + longer > MaxStringLength ? MaxStringLength + " characters in one string" : _maxGrowth + " characters (four times the file's size, plus " + AllowedGrowth + ")";
                            throw new IdMappingException(replacement.Value, "replacing '" + replacement.Key + "' by its key (" + replacement.Value.Length + " characters) grows the recording by more than " + limit);
                        }
                    }

                    value = value.Replace(replacement.Key, replacement.Value);
                }

                return value;
            }

            private static int Count(string value, string part)
            {
                int count = 0;
                for (int at = value.IndexOf(part, System.StringComparison.Ordinal); at >= 0; at = value.IndexOf(part, at + part.Length, System.StringComparison.Ordinal))
                {
                    count++;
                }

                return count;
            }
        }
    }

    /// <summary>A mapping entry that cannot be applied; <see cref="Key"/> names the entry.</summary>
    internal sealed class IdMappingException : System.Exception
    {
        public IdMappingException(string key, string message)
            : base(message)
        {
            Key = key;
        }

        public string Key { get; }
    }
}
