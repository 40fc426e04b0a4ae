using System.Collections.Generic;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing.Compact
{
    /// <summary>
    /// Turns JSON values into compact tokens whose strings live in the recording's string table. A value is
    /// a run of <see cref="FlatJson"/> tokens, so encoding it is one loop over them; each distinct string
    /// and number of a document is looked up in the table once, however many chunks repeat it.
    /// </summary>
    internal sealed class JsonTokenEncoder : System.IDisposable
    {
        private readonly StringTable _table;
        private readonly List<DocumentMap> _maps = new List<DocumentMap>();
        private DocumentMap? _last;

        public JsonTokenEncoder(StringTable table)
        {
            _table = table;
        }

        public List<int> Encode(JsonValue element)
        {
            // One compact token per JSON token, two for a number with a fraction: sized once, not grown.
            int count = element.Document.Next(element.Index) - element.Index;
            var tokens = new List<int>(count + (count / 4) + 2);
            Write(element, tokens);
            return tokens;
        }

        /// <summary>Appends the value's tokens to <paramref name="tokens"/>.</summary>
        public void EncodeInto(JsonValue element, List<int> tokens) => Write(element, tokens);

        public List<int> EncodeArray(IEnumerable<JsonValue> items)
        {
            var tokens = new List<int> { CompactFormat.StartArray };
            foreach (JsonValue item in items)
            {
                Write(item, tokens);
            }

            tokens.Add(CompactFormat.EndArray);
            return tokens;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Write(JsonValue element, List<int> tokens)
        {
            FlatJson document = element.Document;
            DocumentMap map = MapOf(document);
            int end = document.Next(element.Index);
            for (int i = element.Index; i < end; i++)
            {
                switch (document.KindAt(i))
                {
                    case FlatJson.StartObject:
                        tokens.Add(CompactFormat.StartObject);
                        break;
                    case FlatJson.EndObject:
                        tokens.Add(CompactFormat.EndObject);
                        break;
                    case FlatJson.StartArray:
                        tokens.Add(CompactFormat.StartArray);
                        break;
                    case FlatJson.EndArray:
                        tokens.Add(CompactFormat.EndArray);
                        break;
                    case FlatJson.PropertyName:
                        tokens.Add(CompactFormat.Token(CompactFormat.KindPropertyName, map.StringIndex(document.ValueAt(i))));
                        break;
                    case FlatJson.String:
                        tokens.Add(CompactFormat.Token(CompactFormat.KindString, map.StringIndex(document.ValueAt(i))));
                        break;
                    case FlatJson.Number:
                        map.AddNumber(new JsonValue(document, i), tokens);
                        break;
                    case FlatJson.True:
                        tokens.Add(CompactFormat.True);
                        break;
                    case FlatJson.False:
                        tokens.Add(CompactFormat.False);
                        break;
                    default:
                        tokens.Add(CompactFormat.Null);
                        break;
                }
            }
        }

        /// <summary>Returns the maps' pooled arrays.</summary>
        public void Dispose()
        {
            foreach (DocumentMap map in _maps)
            {
                map.Dispose();
            }

            _maps.Clear();
            _last = null;
        }

        private DocumentMap MapOf(FlatJson document)
        {
            if (_last?.Document == document)
            {
                return _last;
            }

            foreach (DocumentMap map in _maps)
            {
                if (map.Document == document)
                {
                    return _last = map;
                }
            }

            _last = new DocumentMap(document, _table);
            _maps.Add(_last);
            return _last;
        }

        /// <summary>A document's string ids mapped to table indices, and its numbers to their tokens, as first met.</summary>
        private sealed class DocumentMap : System.IDisposable
        {
            private const byte NumberUnknown = 0;
            private const byte NumberDecimal = 1;
            private const byte NumberText = 2;

            private readonly StringTable _table;

            // Pooled: one map per document and part, as large as the document's string count. Per string id:
            // its table index + 1 (0: not yet added), and for a number its kind, first token and mantissa.
            private readonly int[] _indices;
            private readonly byte[] _numberKinds;
            private readonly int[] _numberTokens;
            private readonly int[] _mantissas;

            public DocumentMap(FlatJson document, StringTable table)
            {
                Document = document;
                _table = table;
                int count = document.StringCount;
                _indices = System.Buffers.ArrayPool<int>.Shared.Rent(count);
                _numberKinds = System.Buffers.ArrayPool<byte>.Shared.Rent(count);
                _numberTokens = System.Buffers.ArrayPool<int>.Shared.Rent(count);
                _mantissas = System.Buffers.ArrayPool<int>.Shared.Rent(count);
                System.Array.Clear(_indices, 0, count);
                System.Array.Clear(_numberKinds, 0, count);
            }

            public void Dispose()
            {
                System.Buffers.ArrayPool<int>.Shared.Return(_indices);
                System.Buffers.ArrayPool<byte>.Shared.Return(_numberKinds);
                System.Buffers.ArrayPool<int>.Shared.Return(_numberTokens);
                System.Buffers.ArrayPool<int>.Shared.Return(_mantissas);
            }

            public FlatJson Document { get; }

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            public int StringIndex(int id)
            {
                int index = _indices[id];
                if (index == 0)
                {
                    index = _table.Add(Document.StringAt(id)) + 1;
                    _indices[id] = index;
                }

                return index - 1;
            }

            public void AddNumber(JsonValue number, List<int> tokens)
            {
                int id = Document.ValueAt(number.Index);
                if (_numberKinds[id] == NumberUnknown)
                {
                    Classify(number, id);
                }

                tokens.Add(_numberTokens[id]);
                if (_numberKinds[id] == NumberDecimal)
                {
                    tokens.Add(_mantissas[id]);
                }
            }

            private void Classify(JsonValue number, int id)
            {
                if (number.TryGetInt32(out int integer) && integer != 0 && integer != int.MinValue)
                {
                    // An integer's text is its digits (JSON has no leading zeros or plus sign), so no text is
                    // needed; zero is left to the general case, which keeps "-0" apart from "0".
                    _numberKinds[id] = NumberDecimal;
                    _numberTokens[id] = CompactFormat.NumberDecimal(integer < 0, 0);
                    _mantissas[id] = integer < 0 ? -integer : integer;
                    return;
                }

                string text = Document.StringAt(id);
                if (CompactFormat.TryDecimal(text, out bool negative, out int scale, out int mantissa))
                {
                    _numberKinds[id] = NumberDecimal;
                    _numberTokens[id] = CompactFormat.NumberDecimal(negative, scale);
                    _mantissas[id] = mantissa;
                }
                else
                {
                    _numberKinds[id] = NumberText;
                    _numberTokens[id] = CompactFormat.NumberText(_table.Add(text));
                }
            }
        }
    }
}
