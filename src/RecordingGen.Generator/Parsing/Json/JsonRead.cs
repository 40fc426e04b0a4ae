using System.Text.Json;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>Tolerant accessors: a member of the wrong kind reads as absent, never as an exception.</summary>
    internal static class JsonRead
    {
        public static JsonValue? Member(this JsonValue element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return element.TryGetProperty(name, out JsonValue value) ? value : null;
        }

        public static JsonValue? Member(this JsonValue? element, string name)
            => element is { } value ? value.Member(name) : null;

        public static string? String(this JsonValue? element)
            => element is { ValueKind: JsonValueKind.String } value ? value.GetString()! : null;

        public static bool IsTrue(this JsonValue? element) => element is { ValueKind: JsonValueKind.True };

        public static int? Int(this JsonValue? element)
            => element is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out int number) ? number : null;

        public static JsonValue? Array(this JsonValue? element)
            => element is { ValueKind: JsonValueKind.Array } value ? value : null;

        public static JsonValue? Object(this JsonValue? element)
            => element is { ValueKind: JsonValueKind.Object } value ? value : null;

        public static JsonValue? FirstItem(this JsonValue element) => ((JsonValue?)element).FirstItem();

        public static JsonValue? FirstItem(this JsonValue? element)
        {
            if (element.Array() is { } array)
            {
                foreach (JsonValue item in array.EnumerateArray())
                {
                    return item;
                }
            }

            return null;
        }

        /// <summary>The recorder wraps typed values as <c>{"__type__": ..., "__data__": value}</c>; this returns the value.</summary>
        public static JsonValue Unwrap(this JsonValue element)
            => element.ValueKind == JsonValueKind.Object
               && element.TryGetProperty("__type__", out _)
               && element.TryGetProperty("__data__", out JsonValue data)
                ? data
                : element;

        /// <summary>The path of <see cref="Unwrap"/>'s result, given the wrapper's path.</summary>
        public static JsonPath UnwrapPath(this JsonValue element, JsonPath path)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("__type__", out _) && element.TryGetProperty("__data__", out _)
                ? path["__data__"]
                : path;

        /// <summary>The strings <paramref name="text"/> finds in an array's items, joined with newlines; null when it finds none.</summary>
        public static string? JoinLines(JsonValue array, System.Func<JsonValue, string?> text)
        {
            System.Text.StringBuilder? joined = null;
            foreach (JsonValue item in array.EnumerateArray())
            {
                if (text(item) is { } line)
                {
                    joined = joined is null ? new System.Text.StringBuilder(line) : joined.Append('\n').Append(line);
                }
            }

            return joined?.ToString();
        }

        /// <summary>The value as compact JSON text, independent of the file's formatting and line endings.</summary>
        public static string CompactText(this JsonValue element)
        {
            try
            {
                using var stream = new System.IO.MemoryStream();
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    element.WriteTo(writer);
                }

                return System.Text.Encoding.UTF8.GetString(stream.ToArray());
            }
            catch (System.InvalidOperationException)
            {
                // A lone surrogate the writer will not transcode: the raw text is still valid JSON.
                return element.GetRawText();
            }
            catch (System.ArgumentException)
            {
                return element.GetRawText();
            }
        }

        public static string? TypeName(this JsonValue element) => ((JsonValue?)element).Member("__type__").String();
    }
}
