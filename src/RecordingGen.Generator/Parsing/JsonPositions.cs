using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>
    /// Maps the JSON reader's byte positions to locations in the file's text. The reader counts UTF-8 bytes
    /// and '\n' lines; the build prints characters and lines as the source text counts them.
    /// </summary>
    internal sealed class JsonPositions
    {
        private readonly string _path;
        private readonly SourceText _text;
        private readonly byte[] _utf8;
        private readonly int _length;
        private readonly int _jsonStart;

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

        /// <summary>The location of <paramref name="byteLength"/> bytes at <paramref name="byteOffset"/> of <see cref="Json"/>.</summary>
        public LocationInfo At(long byteOffset, int byteLength = 1)
        {
            int start = CharOffset(_jsonStart + byteOffset);
            int end = System.Math.Max(start, CharOffset(_jsonStart + byteOffset + byteLength));
            var span = TextSpan.FromBounds(start, System.Math.Min(end, _text.Length));
            return new LocationInfo(_path, span, LinePositionsOf(span));
        }

        /// <summary>
        /// Line and column of both ends of <paramref name="span"/>, counted as <see cref="SourceText.Lines"/>
        /// counts them (CR, LF, CRLF, NEL, LS, PS). Most locations sit near the start of the file (the
        /// request's), and SourceText would first split the whole file into lines for them.
        /// </summary>
        private LinePositionSpan LinePositionsOf(TextSpan span)
        {
            int line = 0;
            int lineStart = 0;
            LinePosition start = default;
            for (int i = 0; i < span.End; i++)
            {
                if (i == span.Start)
                {
                    start = new LinePosition(line, i - lineStart);
                }

                char c = _text[i];
                if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
                {
                    continue;
                }

                if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            if (span.Start == span.End)
            {
                start = new LinePosition(line, span.Start - lineStart);
            }

            return new LinePositionSpan(start, new LinePosition(line, span.End - lineStart));
        }

        /// <summary>The location a <see cref="JsonException"/> points at (0-based line and byte in line).</summary>
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

        /// <summary>The location of a member of the root object: its name, or the whole root when it is missing.</summary>
        public LocationInfo OfRootMember(string name)
        {
            var reader = new Utf8JsonReader(Json.Span, new JsonReaderOptions { MaxDepth = RecordingParser.MaxDepth });
            long rootStart = 0;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    rootStart = reader.TokenStartIndex;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name))
                {
                    // The span covers the quoted name as written.
                    return At(reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                }

                if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }

            return At(rootStart, 1);
        }

        /// <summary>
        /// The location of the value at <paramref name="path"/> (property names and array indexes from the
        /// root), found by reading the file again; diagnostics are rare, so the fast path keeps no positions.
        /// Falls back to the deepest part of the path that exists.
        /// </summary>
        public LocationInfo Find(JsonPath path)
        {
            var reader = new Utf8JsonReader(Json.Span, new JsonReaderOptions { MaxDepth = RecordingParser.MaxDepth });
            if (!reader.Read())
            {
                return At(0, 1);
            }

            LocationInfo found = At(reader.TokenStartIndex, 1);
            foreach (object segment in path.Segments)
            {
                if (!Enter(ref reader, segment))
                {
                    return found;
                }

                long length = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : reader.BytesConsumed - reader.TokenStartIndex;
                found = At(reader.TokenStartIndex, (int)System.Math.Min(length, int.MaxValue));
            }

            return found;
        }

        // Moves the reader from a container's start token to the value of one of its members.
        private static bool Enter(ref Utf8JsonReader reader, object segment)
        {
            if (segment is string name && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool match = reader.ValueTextEquals(name);
                    reader.Read();
                    if (match)
                    {
                        return true;
                    }

                    reader.Skip();
                }
            }
            else if (segment is int index && reader.TokenType == JsonTokenType.StartArray)
            {
                for (int i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i == index)
                    {
                        return true;
                    }

                    reader.Skip();
                }
            }

            return false;
        }

        private int CharOffset(long byteOffset)
        {
            long end = System.Math.Min(byteOffset, _length);
            int chars = 0;
            for (long i = 0; i < end; i++)
            {
                byte b = _utf8[i];
                if ((b & 0xC0) != 0x80)
                {
                    // A four-byte sequence is a surrogate pair: two UTF-16 characters.
                    chars += b >= 0xF0 ? 2 : 1;
                }
            }

            return chars;
        }
    }
}
