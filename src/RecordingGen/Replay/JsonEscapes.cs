using System.Globalization;
using System.Text;

namespace RecordingGen.Replay
{
    /// <summary>Decodes a JSON string literal character by character, keeping escaped lone surrogates as they are.</summary>
    internal static class JsonEscapes
    {
        /// <param name="literal">The string as written in JSON, quotes included.</param>
        public static string Unescape(string literal)
        {
            int end = literal.Length - 1;
            var builder = new StringBuilder(literal.Length);
            for (int i = 1; i < end; i++)
            {
                char c = literal[i];
                if (c != '\\' || i + 1 >= end)
                {
                    builder.Append(c);
                    continue;
                }

                char escape = literal[++i];
                switch (escape)
                {
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'u' when i + 4 < end:
                        builder.Append((char)int.Parse(literal.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default:
                        builder.Append(escape);
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
