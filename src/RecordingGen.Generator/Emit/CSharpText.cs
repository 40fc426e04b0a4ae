using System.Globalization;
using System.Text;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// Puts recording content into C# safely: string literals escape everything outside printable ASCII
    /// and the CJK Unified Ideographs (which the compact format's programs are written in), and comment text
    /// keeps printable ASCII only, so no content can end a literal or a comment early, start a directive,
    /// or hide code behind direction marks.
    /// </summary>
    internal static class CSharpText
    {
        public static string Literal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var builder = new StringBuilder(value.Length + 2);
            AppendLiteral(builder, value);
            return builder.ToString();
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static void AppendLiteral(StringBuilder builder, string value)
        {
            builder.Append('"');
            int run = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c != '"' && c != '\\' && ((c >= ' ' && c <= '~') || (c >= '\u4E00' && c <= '\u9FFF')))
                {
                    continue;
                }

                // Safe characters go in runs; the packed programs and strings are nearly all safe.
                builder.Append(value, run, i - run);
                run = i + 1;
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        break;
                }
            }

            builder.Append(value, run, value.Length - run).Append('"');
        }

        /// <summary>Text for an XML doc comment: printable ASCII, XML-escaped; anything else becomes '?'.</summary>
        public static string Comment(string? value)
        {
            if (value is null)
            {
                return string.Empty;
            }

            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '<':
                        builder.Append("&lt;");
                        break;
                    case '>':
                        builder.Append("&gt;");
                        break;
                    case '&':
                        builder.Append("&amp;");
                        break;
                    default:
                        builder.Append(c >= ' ' && c <= '~' ? c : '?');
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
