using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RecordingGen.Record
{
    /// <summary>
    /// A JSON value as Python's <c>json.loads</c> holds it: a number without a fraction or exponent is an integer (of any
    /// size), any other number a float; an object keeps the last of repeated keys.
    /// </summary>
    internal sealed class PythonValue
    {
        private PythonValue(ValueKind kind)
        {
            Kind = kind;
        }

        public enum ValueKind
        {
            Null,
            True,
            False,
            Integer,
            Float,
            String,
            Array,
            Object,
        }

        public ValueKind Kind { get; }

        /// <summary>A string's value, or an integer's digits (or a number's text to write as it is).</summary>
        public string? Text { get; set; }

        public double Float { get; set; }

        public List<PythonValue>? Items { get; private set; }

        /// <summary>An object's members in the order they came (a repeated key keeps its first place and its last value, as a Python dict does).</summary>
        public List<KeyValuePair<string, PythonValue>>? Properties { get; private set; }

        public PythonValue? Get(string key)
        {
            int at = IndexOf(key);
            return at < 0 ? null : Properties![at].Value;
        }

        public PythonValue Set(string key, PythonValue value)
        {
            int at = IndexOf(key);
            if (at < 0)
            {
                Properties!.Add(new KeyValuePair<string, PythonValue>(key, value));
            }
            else
            {
                Properties![at] = new KeyValuePair<string, PythonValue>(key, value);
            }

            return this;
        }

        public void Remove(string key)
        {
            int at = IndexOf(key);
            if (at >= 0)
            {
                Properties!.RemoveAt(at);
            }
        }

        private int IndexOf(string key) => Properties!.FindIndex(property => string.Equals(property.Key, key, StringComparison.Ordinal));

        public static PythonValue Parse(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
            return From(document.RootElement);
        }

        public static PythonValue String(string text) => new PythonValue(ValueKind.String) { Text = text };

        public static PythonValue Null() => new PythonValue(ValueKind.Null);

        public static PythonValue Object() => new PythonValue(ValueKind.Object) { Properties = new List<KeyValuePair<string, PythonValue>>() };

        public static PythonValue Array(IEnumerable<PythonValue> items) => new PythonValue(ValueKind.Array) { Items = new List<PythonValue>(items) };

        public static PythonValue Boolean(bool value) => new PythonValue(value ? ValueKind.True : ValueKind.False);

        public static PythonValue Integer(long value) => new PythonValue(ValueKind.Integer) { Text = value.ToString(CultureInfo.InvariantCulture) };

        /// <summary>A number written exactly as <paramref name="text"/> (a float32's own shortest digits, which a double's repr would lengthen).</summary>
        public static PythonValue NumberText(string text) => new PythonValue(ValueKind.Integer) { Text = text };

        public static PythonValue From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    PythonValue value = Object();
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        value.Set(property.Name, From(property.Value));
                    }

                    return value;
                case JsonValueKind.Array:
                    var array = Array(System.Array.Empty<PythonValue>());
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        array.Items!.Add(From(item));
                    }

                    return array;
                case JsonValueKind.String:
                    return String(element.GetString()!);
                case JsonValueKind.Number:
                    string raw = element.GetRawText();
                    if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0)
                    {
                        return new PythonValue(ValueKind.Integer) { Text = raw == "-0" ? "0" : raw };
                    }

                    return new PythonValue(ValueKind.Float) { Float = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture) };
                case JsonValueKind.True:
                    return new PythonValue(ValueKind.True);
                case JsonValueKind.False:
                    return new PythonValue(ValueKind.False);
                default:
                    return Null();
            }
        }
    }
}
