using System.Collections.Generic;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// Maps the JSON reader's byte positions to locations in the file's text. The reader counts UTF-8 bytes;
    /// the build prints characters, and lines as an editor counts them: CR, LF and CRLF end a line, while
    /// NEL, U+2028 and U+2029 (legal raw inside JSON strings) are characters of the line they sit on.
    /// </summary>
    /// <remarks>
    /// A long conversation can carry hundreds of findings, so a location must not cost a pass over the file.
    /// The text is indexed once, lazily and only as far as the furthest location asked for (most locations
    /// sit near the start): the character count at every <see cref="BlockSize"/> bytes, and where each line
    /// starts. A location then costs at most one block of counting and a binary search. Paths are resolved
    /// on the document as read, whose tokens know their byte offsets.
    /// </remarks>
    internal sealed class JsonPositions
    {
        private const int BlockShift = 6;
        private const int BlockSize = 1 << BlockShift;

        private readonly string _path;
        private readonly SourceText _text;
        private readonly byte[] _utf8;
        private readonly int _length;
        private readonly int _jsonStart;

        // The index, as far as it has been built: characters before each block's first byte, and the character
        // offset at which each line starts.
        private readonly List<int> _blockChars = new List<int>();
        private readonly List<int> _lineStarts = new List<int> { 0 };
        private int _scannedBytes;
        private int _scannedChars;

        private FlatJson? _document;

        /// <param name="utf8">The file's text as UTF-8 in its first <paramref name="length"/> bytes (a pooled buffer may be longer).</param>
        public JsonPositions(string path, SourceText text, byte[] utf8, int length)
        {
            _path = path;
            _text = text;
            _utf8 = utf8;
            _length = length;

            // A byte order mark that survived decoding is not JSON; the reader starts after it.
            _jsonStart = length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        }

        public JsonPositions(string path, SourceText text, byte[] utf8)
            : this(path, text, utf8, utf8.Length)
        {
        }

        /// <summary>The bytes the JSON reader reads: the file without a leading byte order mark.</summary>
        public System.ReadOnlyMemory<byte> Json => new System.ReadOnlyMemory<byte>(_utf8, _jsonStart, _length - _jsonStart);

        /// <summary>
        /// The document read from <see cref="Json"/>, whose tokens locate paths; the caller keeps ownership.
        /// Without it, a path is located on a document read for the purpose.
        /// </summary>
        public void Attach(FlatJson document) => _document = document;

        /// <summary>The location of <paramref name="byteLength"/> bytes at <paramref name="byteOffset"/> of <see cref="Json"/>.</summary>
        public LocationInfo At(long byteOffset, int byteLength = 1)
        {
            int start = CharOffset(_jsonStart + byteOffset);
            int end = System.Math.Max(start, CharOffset(_jsonStart + byteOffset + byteLength));
            var span = TextSpan.FromBounds(System.Math.Min(start, _text.Length), System.Math.Min(end, _text.Length));
            return new LocationInfo(_path, span, new LinePositionSpan(PositionOf(span.Start), PositionOf(span.End)));
        }

        /// <summary>The location of bytes counted from the start of the whole text (a byte order mark included).</summary>
        public LocationInfo AtTextBytes(int byteOffset, int byteLength) => At(byteOffset - _jsonStart, byteLength);

        /// <summary>The location a <see cref="JsonException"/> points at (0-based line and byte in line, the reader counting '\n' only).</summary>
        public LocationInfo At(JsonException exception)
        {
            long line = exception.LineNumber ?? 0;
            System.ReadOnlySpan<byte> json = Json.Span;
            int offset = 0;
            for (long seen = 0; seen < line && offset < json.Length; offset++)
            {
                if (json[offset] == (byte)'\n')
                {
                    seen++;
                }
            }

            return At(offset + (exception.BytePositionInLine ?? 0), 1);
        }

        /// <summary>The location of a member of the root object: its quoted name, or the root's start when it has none.</summary>
        public LocationInfo OfRootMember(string name)
        {
            FlatJson document = Document();
            JsonValue root = document.Root;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonValue value))
            {
                int nameToken = value.Index - 1;
                return At(document.StartAt(nameToken), document.RawAt(nameToken).Length);
            }

            return At(document.StartAt(0), 1);
        }

        /// <summary>
        /// The location of the value at <paramref name="path"/> (property names and array indexes from the root)
        /// in the file as written. Falls back to the deepest part of the path that exists.
        /// </summary>
        public LocationInfo Find(JsonPath path)
        {
            FlatJson document = Document();
            JsonValue current = document.Root;
            foreach (object segment in path.Segments)
            {
                if (!TryEnter(current, segment, out JsonValue next))
                {
                    break;
                }

                current = next;
            }

            int length = current.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? 1 : document.RawAt(current.Index).Length;
            return At(document.StartAt(current.Index), length);
        }

        private static bool TryEnter(JsonValue container, object segment, out JsonValue value)
        {
            value = default;
            if (segment is string name && container.ValueKind == JsonValueKind.Object)
            {
                return container.TryGetProperty(name, out value);
            }

            if (segment is int index && container.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (JsonValue item in container.EnumerateArray())
                {
                    if (i++ == index)
                    {
                        value = item;
                        return true;
                    }
                }
            }

            return false;
        }

        private FlatJson Document()
            => _document ??= FlatJson.Parse(Json, RecordingParser.MaxDepth);

        /// <summary>The number of UTF-16 characters before <paramref name="byteOffset"/> of the whole text.</summary>
        private int CharOffset(long byteOffset)
        {
            int end = (int)System.Math.Min(System.Math.Max(byteOffset, 0), _length);
            ScanTo(end);
            int block = end >> BlockShift;
            if (block >= _blockChars.Count)
            {
                // The offset is the end of the scanned text, at a block boundary.
                return _scannedChars;
            }

            int chars = _blockChars[block];
            for (int i = block << BlockShift; i < end; i++)
            {
                chars += Weight(_utf8[i]);
            }

            return chars;
        }

        private LinePosition PositionOf(int charOffset)
        {
            // The last line that starts at or before the offset; lines up to it are indexed, as the scan has
            // passed the offset's byte.
            int low = 0;
            int high = _lineStarts.Count - 1;
            while (low < high)
            {
                int middle = (low + high + 1) >> 1;
                if (_lineStarts[middle] <= charOffset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return new LinePosition(low, charOffset - _lineStarts[low]);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private void ScanTo(int end)
        {
            int chars = _scannedChars;
            for (int i = _scannedBytes; i < end; i++)
            {
                if ((i & (BlockSize - 1)) == 0)
                {
                    _blockChars.Add(chars);
                }

                byte b = _utf8[i];
                chars += Weight(b);
                if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= _length || _utf8[i + 1] != (byte)'\n')))
                {
                    _lineStarts.Add(chars);
                }
            }

            if (end > _scannedBytes)
            {
                _scannedBytes = end;
                _scannedChars = chars;
            }
        }

        // UTF-16 characters a UTF-8 byte starts: none for a continuation byte, two for a four-byte sequence
        // (a surrogate pair).
        private static int Weight(byte b) => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
    }
}
