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

        public JsonPositions(string path, SourceText text, byte[] utf8)
        {
            _path = path;
            _text = text;
            _utf8 = utf8;
        }

        public LocationInfo At(long byteOffset, int byteLength = 1)
        {
            int start = CharOffset(byteOffset);
            int end = System.Math.Max(start, CharOffset(byteOffset + byteLength));
            var span = TextSpan.FromBounds(start, System.Math.Min(end, _text.Length));
            return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
        }

        /// <summary>The location a <see cref="JsonException"/> points at (0-based line and byte in line).</summary>
        public LocationInfo At(JsonException exception)
        {
            long line = exception.LineNumber ?? 0;
            long offset = 0;
            for (long seen = 0; seen < line && offset < _utf8.Length; offset++)
            {
                if (_utf8[offset] == (byte)'\n')
                {
                    seen++;
                }
            }

            return At(offset + (exception.BytePositionInLine ?? 0), 1);
        }

        /// <summary>The location of a member of the root object: its name, or the whole root when it is missing.</summary>
        public LocationInfo OfRootMember(string name)
        {
            var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = RecordingParser.MaxDepth });
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

        private int CharOffset(long byteOffset)
        {
            long end = System.Math.Min(byteOffset, _utf8.Length);
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
