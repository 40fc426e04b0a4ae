using System.Collections.Generic;
using System.Text.Json;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>Turns JSON values into compact tokens whose strings live in the recording's string table.</summary>
    internal sealed class JsonTokenEncoder
    {
        private readonly StringTable _table;

        public JsonTokenEncoder(StringTable table)
        {
            _table = table;
        }

        public List<int> Encode(JsonElement element)
        {
            var tokens = new List<int>();
            Write(element, tokens);
            return tokens;
        }

        public List<int> EncodeArray(IEnumerable<JsonElement> items)
        {
            var tokens = new List<int> { CompactFormat.StartArray };
            foreach (JsonElement item in items)
            {
                Write(item, tokens);
            }

            tokens.Add(CompactFormat.EndArray);
            return tokens;
        }

        // Recursion is bounded by the document's MaxDepth, which the parser sets.
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Write(JsonElement element, List<int> tokens)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    tokens.Add(CompactFormat.StartObject);
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        tokens.Add(CompactFormat.Token(CompactFormat.KindPropertyName, _table.Add(JsonStrings.Name(property))));
                        Write(property.Value, tokens);
                    }

                    tokens.Add(CompactFormat.EndObject);
                    break;
                case JsonValueKind.Array:
                    tokens.Add(CompactFormat.StartArray);
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Write(item, tokens);
                    }

                    tokens.Add(CompactFormat.EndArray);
                    break;
                case JsonValueKind.String:
                    tokens.Add(CompactFormat.Token(CompactFormat.KindString, _table.Add(JsonStrings.Value(element))));
                    break;
                case JsonValueKind.Number when element.TryGetInt32(out int integer) && integer != 0 && integer != int.MinValue:
                    // An integer's text is its digits (JSON has no leading zeros or plus sign), so no text is needed;
                    // zero is left to the general case, which keeps "-0" apart from "0".
                    tokens.Add(CompactFormat.NumberDecimal(integer < 0, 0));
                    tokens.Add(integer < 0 ? -integer : integer);
                    break;
                case JsonValueKind.Number:
                    string text = element.GetRawText();
                    if (CompactFormat.TryDecimal(text, out bool negative, out int scale, out int mantissa))
                    {
                        tokens.Add(CompactFormat.NumberDecimal(negative, scale));
                        tokens.Add(mantissa);
                    }
                    else
                    {
                        tokens.Add(CompactFormat.NumberText(_table.Add(text)));
                    }

                    break;
                case JsonValueKind.True:
                    tokens.Add(CompactFormat.True);
                    break;
                case JsonValueKind.False:
                    tokens.Add(CompactFormat.False);
                    break;
                default:
                    tokens.Add(CompactFormat.Null);
                    break;
            }
        }
    }
}
