using System;
using System.Buffers.Text;
using System.Collections;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// A value in a <see cref="FlatJson"/>, with the members of System.Text.Json's JsonElement that the readers
    /// use and the same meaning (the last of duplicate names wins, numbers are read from their text), except
    /// that strings always decode: a lone surrogate escape becomes that character instead of an exception.
    /// </summary>
    internal readonly struct JsonValue
    {
        private readonly FlatJson? _document;
        private readonly int _index;

        internal JsonValue(FlatJson document, int index)
        {
            _document = document;
            _index = index;
        }

        internal FlatJson Document => _document ?? throw new InvalidOperationException("The value is not part of a document.");

        internal int Index => _index;

        public JsonValueKind ValueKind
        {
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            get => _document is null ? JsonValueKind.Undefined : _document.KindAt(_index) switch
            {
                FlatJson.StartObject => JsonValueKind.Object,
                FlatJson.StartArray => JsonValueKind.Array,
                FlatJson.String => JsonValueKind.String,
                FlatJson.Number => JsonValueKind.Number,
                FlatJson.True => JsonValueKind.True,
                FlatJson.False => JsonValueKind.False,
                _ => JsonValueKind.Null,
            };
        }

        public JsonValue this[int index]
        {
            get
            {
                int i = 0;
                foreach (JsonValue item in EnumerateArray())
                {
                    if (i++ == index)
                    {
                        return item;
                    }
                }

                throw new IndexOutOfRangeException();
            }
        }

        public ArrayEnumerator EnumerateArray() => new ArrayEnumerator(Expect(FlatJson.StartArray), _index);

        public ObjectEnumerator EnumerateObject() => new ObjectEnumerator(Expect(FlatJson.StartObject), _index);

        public int GetArrayLength()
        {
            int length = 0;
            foreach (JsonValue _ in EnumerateArray())
            {
                length++;
            }

            return length;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public bool TryGetProperty(string name, out JsonValue value)
        {
            FlatJson document = Expect(FlatJson.StartObject);
            bool found = false;
            value = default;
            for (int i = _index + 1; document.KindAt(i) != FlatJson.EndObject; i = document.Next(i + 1))
            {
                if (string.Equals(document.StringAt(document.ValueAt(i)), name, StringComparison.Ordinal))
                {
                    value = new JsonValue(document, i + 1);
                    found = true;
                }
            }

            return found;
        }

        public JsonValue GetProperty(string name)
            => TryGetProperty(name, out JsonValue value) ? value : throw new KeyNotFoundException(name);

        public string? GetString()
        {
            FlatJson document = Document;
            return document.KindAt(_index) switch
            {
                FlatJson.String => document.StringAt(document.ValueAt(_index)),
                FlatJson.Null => null,
                _ => throw new InvalidOperationException("The value is " + ValueKind + ", not a string."),
            };
        }

        public string GetRawText()
        {
            ReadOnlySpan<byte> raw = Document.RawAt(_index);
            return Encoding.UTF8.GetString(raw.ToArray());
        }

        public bool TryGetInt32(out int value)
        {
            ReadOnlySpan<byte> raw = Expect(FlatJson.Number).RawAt(_index);
            if (Utf8Parser.TryParse(raw, out int parsed, out int consumed) && consumed == raw.Length)
            {
                value = parsed;
                return true;
            }

            value = 0;
            return false;
        }

        public bool TryGetInt64(out long value)
        {
            ReadOnlySpan<byte> raw = Expect(FlatJson.Number).RawAt(_index);
            if (Utf8Parser.TryParse(raw, out long parsed, out int consumed) && consumed == raw.Length)
            {
                value = parsed;
                return true;
            }

            value = 0;
            return false;
        }

        public bool TryGetDouble(out double value)
        {
            ReadOnlySpan<byte> raw = Expect(FlatJson.Number).RawAt(_index);
            if (Utf8Parser.TryParse(raw, out double parsed, out int consumed) && consumed == raw.Length && !double.IsInfinity(parsed) && !double.IsNaN(parsed))
            {
                value = parsed;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>Writes the value as JSON; numbers keep their text, strings are re-escaped by the writer.</summary>
        public void WriteTo(Utf8JsonWriter writer)
        {
            FlatJson document = Document;
            switch (document.KindAt(_index))
            {
                case FlatJson.StartObject:
                    writer.WriteStartObject();
                    foreach (JsonMember member in EnumerateObject())
                    {
                        writer.WritePropertyName(member.Name);
                        member.Value.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                    break;
                case FlatJson.StartArray:
                    writer.WriteStartArray();
                    foreach (JsonValue item in EnumerateArray())
                    {
                        item.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    break;
                case FlatJson.String:
                    writer.WriteStringValue(document.StringAt(document.ValueAt(_index)));
                    break;
                case FlatJson.Number:
                    writer.WriteRawValue(document.RawAt(_index), skipInputValidation: true);
                    break;
                case FlatJson.True:
                    writer.WriteBooleanValue(true);
                    break;
                case FlatJson.False:
                    writer.WriteBooleanValue(false);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        public override string ToString() => _document is null ? string.Empty : GetRawText();

        private FlatJson Expect(byte kind)
        {
            FlatJson document = Document;
            if (document.KindAt(_index) != kind)
            {
                throw new InvalidOperationException("The value is " + ValueKind + ".");
            }

            return document;
        }

        /// <summary>The items of an array, in order.</summary>
        public struct ArrayEnumerator : IEnumerable<JsonValue>, IEnumerator<JsonValue>
        {
            private readonly FlatJson _document;
            private readonly int _start;
            private int _current;
            private int _next;

            internal ArrayEnumerator(FlatJson document, int start)
            {
                _document = document;
                _start = start;
                _current = -1;
                _next = start + 1;
            }

            public JsonValue Current => new JsonValue(_document, _current);

            object IEnumerator.Current => Current;

            public ArrayEnumerator GetEnumerator() => new ArrayEnumerator(_document, _start);

            IEnumerator<JsonValue> IEnumerable<JsonValue>.GetEnumerator() => GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public bool MoveNext()
            {
                if (_document.KindAt(_next) == FlatJson.EndArray)
                {
                    return false;
                }

                _current = _next;
                _next = _document.Next(_next);
                return true;
            }

            public void Reset()
            {
                _current = -1;
                _next = _start + 1;
            }

            public void Dispose()
            {
            }
        }

        /// <summary>The members of an object, in order, duplicates included.</summary>
        public struct ObjectEnumerator : IEnumerable<JsonMember>, IEnumerator<JsonMember>
        {
            private readonly FlatJson _document;
            private readonly int _start;
            private int _current;
            private int _next;

            internal ObjectEnumerator(FlatJson document, int start)
            {
                _document = document;
                _start = start;
                _current = -1;
                _next = start + 1;
            }

            public JsonMember Current => new JsonMember(_document.StringAt(_document.ValueAt(_current)), new JsonValue(_document, _current + 1));

            object IEnumerator.Current => Current;

            public ObjectEnumerator GetEnumerator() => new ObjectEnumerator(_document, _start);

            IEnumerator<JsonMember> IEnumerable<JsonMember>.GetEnumerator() => GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public bool MoveNext()
            {
                if (_document.KindAt(_next) == FlatJson.EndObject)
                {
                    return false;
                }

                _current = _next;
                _next = _document.Next(_next + 1);
                return true;
            }

            public void Reset()
            {
                _current = -1;
                _next = _start + 1;
            }

            public void Dispose()
            {
            }
        }
    }

    /// <summary>A member of a JSON object: its decoded name and its value.</summary>
    internal readonly struct JsonMember
    {
        public JsonMember(string name, JsonValue value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public JsonValue Value { get; }
    }
}
