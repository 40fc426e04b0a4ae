using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RecordingGen.Internal;

namespace RecordingGen.Replay
{
    /// <summary>
    /// A small mutable JSON tree that request matching normalizes and compares. A recorded body is built
    /// from its compact tokens (never from JSON text); an incoming body from the parsed request.
    /// </summary>
    internal sealed class JsonTree
    {
        private JsonTree(JsonValueKind kind, string? text = null)
        {
            Kind = kind;
            Text = text;
        }

        public JsonValueKind Kind { get; private set; }

        /// <summary>A string's value or a number's text.</summary>
        public string? Text { get; private set; }

        public List<KeyValuePair<string, JsonTree>> Properties { get; } = new List<KeyValuePair<string, JsonTree>>();

        public List<JsonTree> Items { get; } = new List<JsonTree>();

        /// <summary>For an item of an array compared as a set (tools): what identifies it, and where the body had it.</summary>
        public (string Key, int Position)? SetMember { get; set; }

        public static JsonTree String(string value) => new JsonTree(JsonValueKind.String, value);

        public static JsonTree EmptyObject() => new JsonTree(JsonValueKind.Object);

        public static JsonTree FromElement(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var node = new JsonTree(JsonValueKind.Object);
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        node.Properties.Add(new KeyValuePair<string, JsonTree>(property.Name, FromElement(property.Value)));
                    }

                    return node;
                case JsonValueKind.Array:
                    var array = new JsonTree(JsonValueKind.Array);
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        array.Items.Add(FromElement(item));
                    }

                    return array;
                case JsonValueKind.String:
                    return new JsonTree(JsonValueKind.String, StringOf(element));
                case JsonValueKind.Number:
                    return new JsonTree(JsonValueKind.Number, element.GetRawText());
                default:
                    return new JsonTree(element.ValueKind);
            }
        }

        /// <summary>
        /// A string's value. An escaped lone surrogate (<c>"\ud800"</c>, valid JSON that models do produce) is
        /// kept as that character, as the generator keeps it, where the reader refuses to make a string of it.
        /// </summary>
        private static string StringOf(JsonElement element)
        {
            try
            {
                return element.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return JsonEscapes.Unescape(element.GetRawText());
            }
        }

        /// <summary>Builds the tree of a recorded JSON value from its tokens; falls back to parsing only for values given as text.</summary>
        public static JsonTree? FromRecorded(JsonText json)
        {
            if (json.TryGetTokens(out string[] strings, out int[] tokens, out int start, out int count))
            {
                if (count == 0)
                {
                    return null;
                }

                int position = start;
                return FromTokens(strings, tokens, ref position);
            }

            if (json.Value is not { } text)
            {
                return null;
            }

            using JsonDocument document = JsonDocument.Parse(text);
            return FromElement(document.RootElement);
        }

        private static JsonTree FromTokens(string[] strings, int[] tokens, ref int position)
        {
            int token = tokens[position++];
            switch (CompactFormat.KindOf(token))
            {
                case CompactFormat.KindString:
                    return new JsonTree(JsonValueKind.String, strings[CompactFormat.ValueOf(token)]);
                case CompactFormat.KindNumber:
                    if (!CompactFormat.IsDecimal(token))
                    {
                        return new JsonTree(JsonValueKind.Number, strings[CompactFormat.TextIndexOf(token)]);
                    }

                    CompactFormat.DecodeDecimal(token, out bool negative, out int scale);
                    var number = new StringBuilder();
                    CompactFormat.AppendDecimal(number, negative, scale, tokens[position++]);
                    return new JsonTree(JsonValueKind.Number, number.ToString());
            }

            switch (token)
            {
                case CompactFormat.StartObject:
                    var node = new JsonTree(JsonValueKind.Object);
                    while (tokens[position] != CompactFormat.EndObject)
                    {
                        string name = strings[CompactFormat.ValueOf(tokens[position++])];
                        node.Properties.Add(new KeyValuePair<string, JsonTree>(name, FromTokens(strings, tokens, ref position)));
                    }

                    position++;
                    return node;
                case CompactFormat.StartArray:
                    var array = new JsonTree(JsonValueKind.Array);
                    while (tokens[position] != CompactFormat.EndArray)
                    {
                        array.Items.Add(FromTokens(strings, tokens, ref position));
                    }

                    position++;
                    return array;
                case CompactFormat.True:
                    return new JsonTree(JsonValueKind.True);
                case CompactFormat.False:
                    return new JsonTree(JsonValueKind.False);
                default:
                    return new JsonTree(JsonValueKind.Null);
            }
        }

        public JsonTree? Get(string name)
        {
            foreach (KeyValuePair<string, JsonTree> property in Properties)
            {
                if (property.Key == name)
                {
                    return property.Value;
                }
            }

            return null;
        }

        public void Remove(string name) => Properties.RemoveAll(property => property.Key == name);

        public void Set(string name, JsonTree value)
        {
            Remove(name);
            Properties.Add(new KeyValuePair<string, JsonTree>(name, value));
        }

        public bool IsString(string value) => Kind == JsonValueKind.String && Text == value;

        /// <summary>Turns a string holding JSON (tool-call arguments) into that JSON, so it compares as JSON; other strings stay.</summary>
        public void ParseStringAsJson()
        {
            if (Kind != JsonValueKind.String || Text is not { Length: > 0 } text)
            {
                return;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                JsonTree parsed = FromElement(document.RootElement);
                Kind = parsed.Kind;
                Text = parsed.Text;
                Properties.AddRange(parsed.Properties);
                Items.AddRange(parsed.Items);
            }
            catch (Exception exception) when (exception is JsonException or ArgumentException)
            {
                // Not JSON (or text with a lone surrogate, which no JSON reader takes): compared as the text it is.
            }
        }

        /// <summary>Two JSON numbers are equal by exact value, so 1 and 1.0 compare equal and 2^53 + 1 does not equal 2^53.</summary>
        public static bool NumbersEqual(string a, string b) => JsonNumber.Equal(a, b);

        /// <summary>
        /// Two different strings as messages show them: each as a JSON string (escaped), cut to the region around their
        /// first difference, an ellipsis where text was left out, and where that region starts.
        /// </summary>
        public static (string Recorded, string Incoming) AroundFirstDifference(string recorded, string incoming)
        {
            int first = 0;
            while (first < recorded.Length && first < incoming.Length && recorded[first] == incoming[first])
            {
                first++;
            }

            const int Before = 30;
            const int Window = 80;
            int start = Math.Max(0, first - Before);
            string at = start == 0 ? string.Empty : " (from character " + start.ToString(CultureInfo.InvariantCulture) + ")";
            return (Region(recorded, start, Window) + at, Region(incoming, start, Window) + at);
        }

        private static string Region(string text, int start, int length)
        {
            var builder = new StringBuilder("\"");
            if (start > 0)
            {
                builder.Append("...");
            }

            int end = Math.Min(text.Length, start + length);
            JsonTokenWriter.AppendEscaped(builder, text, Math.Min(start, text.Length), end);

            if (end < text.Length)
            {
                builder.Append("...");
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A short JSON rendering for messages; long values are cut.</summary>
        public string Describe(int limit = 120)
        {
            var builder = new StringBuilder();
            Write(builder, limit);
            return builder.Length > limit ? builder.ToString(0, limit) + "..." : builder.ToString();
        }

        private void Write(StringBuilder builder, int limit)
        {
            if (builder.Length > limit)
            {
                return;
            }

            switch (Kind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    for (int i = 0; i < Properties.Count; i++)
                    {
                        builder.Append(i == 0 ? string.Empty : ",").Append('"').Append(MessageText.Bounded(Properties[i].Key, limit)).Append("\":");
                        Properties[i].Value.Write(builder, limit);
                    }

                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    for (int i = 0; i < Items.Count; i++)
                    {
                        builder.Append(i == 0 ? string.Empty : ",");
                        Items[i].Write(builder, limit);
                    }

                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    builder.Append('"').Append(MessageText.Bounded(Text!, limit)).Append('"');
                    break;
                case JsonValueKind.Number:
                    builder.Append(MessageText.Bounded(Text!, limit));
                    break;
                case JsonValueKind.True:
                    builder.Append("true");
                    break;
                case JsonValueKind.False:
                    builder.Append("false");
                    break;
                default:
                    builder.Append("null");
                    break;
            }
        }
    }
}
