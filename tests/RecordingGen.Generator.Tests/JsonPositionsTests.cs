using System.Text;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>Locations count lines and columns as an editor does: CR, LF and CRLF end lines; NEL, LS and PS do not.</summary>
    public sealed class JsonPositionsTests
    {
        [Theory]
        [InlineData("{\n\"a\": 1,\r\n\"b\": \"é😀\",\r\"c\": [1,\n2]}")]
        [InlineData("{\"a\": \"x\u2028y\", \u2029\"b\":\u0085 1}")]
        [InlineData("\r\n\r\n{ }\r")]
        [InlineData("{}")]
        public void Every_position_matches_an_editors_lines(string json)
        {
            SourceText text = SourceText.From(json, Encoding.UTF8);
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            var positions = new JsonPositions("/p/a.json", text, utf8);
            for (int offset = 0; offset < utf8.Length; offset++)
            {
                if ((utf8[offset] & 0xC0) == 0x80)
                {
                    continue;
                }

                for (int length = 0; length <= 3 && offset + length <= utf8.Length; length++)
                {
                    LocationInfo location = positions.At(offset, length);
                    Assert.Equal(EditorLines.Of(text, location.Span), location.LineSpan);
                }
            }
        }
    }
}
