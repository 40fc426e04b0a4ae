using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Compact;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// A JSON text read once into flat arrays: one entry per token (kind, string or number id, end of its
    /// container, its bytes in the text), every distinct string decoded once. It stands in for JsonDocument,
    /// which turns every property name and string into a new string each time it is read: a streamed
    /// recording repeats the same names, ids and model in every chunk, and those strings were most of what a
    /// generator run allocated. Encoding a value is copying its tokens (see <see cref="JsonTokenEncoder"/>).
    /// Well-formed text is tokenized by <see cref="TryScan"/>; anything else is read again by System.Text.Json's
    /// reader, so reading errors are the reader's <see cref="JsonException"/>s, as from JsonDocument.Parse.
    /// </summary>
    internal sealed partial class FlatJson : IDisposable
    {
        internal const byte StartObject = 1;
        internal const byte EndObject = 2;
        internal const byte StartArray = 3;
        internal const byte EndArray = 4;
        internal const byte PropertyName = 5;
        internal const byte String = 6;
        internal const byte Number = 7;
        internal const byte True = 8;
        internal const byte False = 9;
        internal const byte Null = 10;

        private readonly ReadOnlyMemory<byte> _json;
        private readonly ArraySegment<byte> _jsonArray;

        // Per token: its kind, its byte offset in the text, and either its string id (names, strings, numbers)
        // or, for a container's start, the index of its end token.
        private byte[] _kinds;
        private int[] _values;
        private int[] _starts;
        private int _count;

        private string[] _strings;
        private int[] _rawStarts;
        private int[] _rawLengths;
        private int _stringCount;
        private int[] _buckets;
        private int _bucketMask;
        private int _internedCount;
        private bool _keyedHash;

        // Linear probing with a well-mixed hash rarely walks more than a few slots. A longer walk means strings
        // crafted to share TextHash's value: the table then switches to the keyed hash, which they cannot target.
        private const int ProbesBeforeKeyedHash = 48;

        // Strings up to this many bytes are looked up before being decoded; longer ones are decoded as met.
        private const int InternedLength = 128;

        private FlatJson(ReadOnlyMemory<byte> json)
        {
            _json = json;
            if (!MemoryMarshal.TryGetArray(json, out _jsonArray))
            {
                _jsonArray = new ArraySegment<byte>(json.ToArray());
            }

            int tokens = Math.Max(16, json.Length / 8);
            _kinds = ArrayPool<byte>.Shared.Rent(tokens);
            _values = ArrayPool<int>.Shared.Rent(tokens);
            _starts = ArrayPool<int>.Shared.Rent(tokens);
            int strings = Math.Max(16, tokens / 4);
            _strings = ArrayPool<string>.Shared.Rent(strings);
            _rawStarts = ArrayPool<int>.Shared.Rent(strings);
            _rawLengths = ArrayPool<int>.Shared.Rent(strings);
            int buckets = BucketCountFor(strings);
            _buckets = ArrayPool<int>.Shared.Rent(buckets);
            Array.Clear(_buckets, 0, buckets);
            _bucketMask = buckets - 1;
        }

        public JsonValue Root => new JsonValue(this, 0);

        /// <summary>The length of the JSON text in bytes.</summary>
        public int Length => _json.Length;

        /// <summary>Whether the scanner read the text (well-formed), not System.Text.Json's reader (for tests).</summary>
        internal bool Scanned { get; private set; }

        /// <summary>The number of tokens; indexes run from 0 to this.</summary>
        internal int TokenCount => _count;

        /// <summary>The number of distinct strings (names, values and number texts); ids run from 0 to this.</summary>
        public int StringCount => _stringCount;

        /// <summary>
        /// Whether <see cref="Parse(ReadOnlyMemory{byte}, int)"/> tries the scanner first. Only the task benchmark turns
        /// it off, in a process of its own, to time the reader alone against the scanner in one run.
        /// </summary>
        internal static bool ScanFirst { get; set; } = true;

        /// <summary>Reads <paramref name="json"/>, which must stay unchanged while the result is in use.</summary>
        public static FlatJson Parse(ReadOnlyMemory<byte> json, int maxDepth) => Parse(json, maxDepth, scan: ScanFirst);

        /// <summary>
        /// <paramref name="scan"/> false reads with System.Text.Json's reader only, as text the scanner declines is
        /// read (for tests that hold the two to the same result).
        /// </summary>
        internal static FlatJson Parse(ReadOnlyMemory<byte> json, int maxDepth, bool scan)
        {
            var document = new FlatJson(json);
            try
            {
                document.Scanned = scan && document.TryScan(maxDepth);
                if (!document.Scanned)
                {
                    document.Reset();
                    document.Read(maxDepth);
                }

                return document;
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }

        /// <summary>Reads JSON text held in a string; a lone surrogate in it throws an <see cref="ArgumentException"/>, as JsonDocument.Parse does.</summary>
        public static FlatJson Parse(string json, int maxDepth) => Parse(StrictUtf8.GetBytes(json), maxDepth);

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public void Dispose()
        {
            if (_kinds.Length == 0)
            {
                return;
            }

            ArrayPool<byte>.Shared.Return(_kinds);
            ArrayPool<int>.Shared.Return(_values);
            ArrayPool<int>.Shared.Return(_starts);
            ArrayPool<string>.Shared.Return(_strings, clearArray: true);
            ArrayPool<int>.Shared.Return(_rawStarts);
            ArrayPool<int>.Shared.Return(_rawLengths);
            ArrayPool<int>.Shared.Return(_buckets);
            _kinds = System.Array.Empty<byte>();
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal byte KindAt(int index) => _kinds[index];

        /// <summary>The string id of a name, string or number token.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal int ValueAt(int index) => _values[index];

        /// <summary>The index of the token after the value at <paramref name="index"/>.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal int Next(int index) => _kinds[index] is StartObject or StartArray ? _values[index] + 1 : index + 1;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal string StringAt(int id) => _strings[id];

        /// <summary>The byte offset of the token at <paramref name="index"/> in the text (a string's opening quote).</summary>
        internal int StartAt(int index) => _starts[index];

        /// <summary>The value's text as written in the file.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal ReadOnlySpan<byte> RawAt(int index)
        {
            int start = _starts[index];
            int length = _kinds[index] switch
            {
                StartObject or StartArray => _starts[_values[index]] + 1 - start,
                String or PropertyName => _rawLengths[_values[index]] + 2,
                Number => _rawLengths[_values[index]],
                True or Null => 4,
                False => 5,
                _ => 1,
            };
            return _json.Span.Slice(start, length);
        }

        /// <summary>Forgets what a declined scan added, keeping the arrays.</summary>
        private void Reset()
        {
            _count = 0;
            _stringCount = 0;
            _internedCount = 0;
            _keyedHash = false;
            Array.Clear(_buckets, 0, _bucketMask + 1);
        }

        /// <summary>Reads with System.Text.Json's reader, which throws a <see cref="JsonException"/> at what is wrong.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void Read(int maxDepth)
        {
            var reader = new Utf8JsonReader(_json.Span, new JsonReaderOptions { MaxDepth = maxDepth });
            int[] open = ArrayPool<int>.Shared.Rent(maxDepth + 2);
            int depth = 0;
            try
            {
                while (reader.Read())
                {
                    int start = (int)reader.TokenStartIndex;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            open[depth++] = Add(reader.TokenType == JsonTokenType.StartObject ? StartObject : StartArray, start);
                            break;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            int end = Add(reader.TokenType == JsonTokenType.EndObject ? EndObject : EndArray, start);
                            _values[open[--depth]] = end;
                            break;
                        case JsonTokenType.PropertyName:
                        case JsonTokenType.String:
                            AddString(reader.TokenType == JsonTokenType.PropertyName ? PropertyName : String, start, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                            break;
                        case JsonTokenType.Number:
                            AddString(Number, start, start, reader.ValueSpan.Length, escaped: false);
                            break;
                        case JsonTokenType.True:
                            Add(True, start);
                            break;
                        case JsonTokenType.False:
                            Add(False, start);
                            break;
                        default:
                            Add(Null, start);
                            break;
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(open);
            }
        }

        /// <summary>
        /// Appends a token of <paramref name="kind"/> at byte offset <paramref name="start"/> and returns its index. It may
        /// replace the arrays with larger ones, so a caller stores the index into <c>_values</c> only after the call.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private int Add(byte kind, int start)
        {
            if (_count == _kinds.Length)
            {
                Grow(ref _kinds);
                Grow(ref _values);
                Grow(ref _starts);
            }

            _kinds[_count] = kind;
            _starts[_count] = start;
            return _count++;
        }

        /// <summary>Appends a name, string or number token with the id of its text (the raw bytes at <paramref name="rawStart"/>).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void AddString(byte kind, int start, int rawStart, int rawLength, bool escaped)
        {
            // Added first: Add may replace _values with a larger array.
            int index = Add(kind, start);
            _values[index] = Intern(rawStart, rawLength, escaped);
        }

        /// <summary>
        /// The id of a token's string (its raw, still escaped bytes at <paramref name="rawStart"/>), decoding it
        /// the first time. Long strings (prompts, answers) rarely repeat within a file, so they skip the table:
        /// hashing and comparing them would read them twice more.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private int Intern(int rawStart, int rawLength, bool escaped)
        {
            ReadOnlySpan<byte> raw = _json.Span.Slice(rawStart, rawLength);
            bool shared = raw.Length <= InternedLength;
            int bucket = 0;
            if (shared)
            {
                bucket = Hash(raw);
                ReadOnlySpan<byte> json = _json.Span;
                for (int probes = 0; ; probes++)
                {
                    int entry = _buckets[bucket];
                    if (entry == 0)
                    {
                        break;
                    }

                    int id = entry - 1;
                    if (_rawLengths[id] == raw.Length && json.Slice(_rawStarts[id], raw.Length).SequenceEqual(raw))
                    {
                        return id;
                    }

                    if (probes == ProbesBeforeKeyedHash && !_keyedHash)
                    {
                        _keyedHash = true;
                        Rehash(_bucketMask + 1);
                        bucket = Hash(raw);
                        probes = 0;
                        continue;
                    }

                    bucket = (bucket + 1) & _bucketMask;
                }
            }

            if (_stringCount == _strings.Length)
            {
                Grow(ref _strings);
                Grow(ref _rawStarts);
                Grow(ref _rawLengths);
            }

            int added = _stringCount++;
            _strings[added] = Decode(rawStart, raw.Length, escaped);
            _rawStarts[added] = rawStart;
            _rawLengths[added] = raw.Length;
            if (shared)
            {
                _buckets[bucket] = added + 1;
                if (++_internedCount * 2 > _bucketMask + 1)
                {
                    Rehash((_bucketMask + 1) * 2);
                }
            }

            return added;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private string Decode(int rawStart, int rawLength, bool escaped)
        {
            if (rawLength == 0)
            {
                return string.Empty;
            }

            return escaped
                ? JsonStrings.Unescape(_jsonArray.Array!, _jsonArray.Offset + rawStart, rawLength)
                : Encoding.UTF8.GetString(_jsonArray.Array!, _jsonArray.Offset + rawStart, rawLength);
        }

        private void Rehash(int count)
        {
            ArrayPool<int>.Shared.Return(_buckets);
            _buckets = ArrayPool<int>.Shared.Rent(count);
            Array.Clear(_buckets, 0, count);
            _bucketMask = count - 1;
            ReadOnlySpan<byte> json = _json.Span;
            for (int id = 0; id < _stringCount; id++)
            {
                if (_rawLengths[id] > InternedLength)
                {
                    continue;
                }

                int bucket = Hash(json.Slice(_rawStarts[id], _rawLengths[id]));
                while (_buckets[bucket] != 0)
                {
                    bucket = (bucket + 1) & _bucketMask;
                }

                _buckets[bucket] = id + 1;
            }
        }

        /// <summary>Whether crafted strings made the table switch to <see cref="KeyedHash"/> (for tests).</summary>
        internal bool UsesKeyedHash => _keyedHash;

        private int Hash(ReadOnlySpan<byte> raw) => (int)(_keyedHash ? KeyedHash.Of(raw) : TextHash.Of(raw)) & _bucketMask;

        // A power of two, so that a hash masked with count - 1 is a bucket.
        private static int BucketCountFor(int strings)
        {
            int count = 64;
            while (count < strings * 2)
            {
                count *= 2;
            }

            return count;
        }

        private static void Grow<T>(ref T[] array)
        {
            T[] larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
            Array.Copy(array, larger, array.Length);
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpersIsReference<T>());
            array = larger;
        }

        private static bool RuntimeHelpersIsReference<T>() => !typeof(T).IsValueType;
    }
}
