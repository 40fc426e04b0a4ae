using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Line and column as an editor shows them: CR, LF and CRLF end a line; NEL, U+2028 and U+2029 (which JSON
    /// allows raw inside strings) do not, although <see cref="SourceText.Lines"/> counts them.
    /// </summary>
    internal static class EditorLines
    {
        public static LinePositionSpan Of(SourceText text, TextSpan span) => new LinePositionSpan(Of(text, span.Start), Of(text, span.End));

        public static LinePosition Of(SourceText text, int offset)
        {
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new LinePosition(line, offset - lineStart);
        }
    }
}
