using System.Globalization;
using System.Text;

namespace RecordingGen.Generator.Diagnostics
{
    /// <summary>
    /// Makes recording content safe to put in a diagnostic message. The build prints each diagnostic as one
    /// line, and MSBuild reads every line of the compiler's output that looks like <c>file(1,1): error X: ...</c>
    /// as a diagnostic of its own: a model-written tool name with a line break in it could forge a build error.
    /// Line breaks, other control characters and direction marks are written as escapes, and a long value keeps
    /// its start and end around a count of what was left out.
    /// </summary>
    internal static class MessageText
    {
        /// <summary>How many characters of one message argument are shown.</summary>
        public const int MaxLength = 400;

        public static string Argument(string? value)
        {
            if (value is null)
            {
                return string.Empty;
            }

            if (value.Length <= MaxLength && !NeedsEscaping(value))
            {
                return value;
            }

            var builder = new StringBuilder(MaxLength + 64);
            if (value.Length <= MaxLength)
            {
                AppendEscaped(builder, value, 0, value.Length);
                return builder.ToString();
            }

            const int Kept = (MaxLength / 2) - 20;
            int head = KeepPairs(value, Kept);
            int tail = value.Length - KeepPairs(value, value.Length - Kept);
            AppendEscaped(builder, value, 0, head);
            builder.Append(" [... ").Append((value.Length - head - tail).ToString(CultureInfo.InvariantCulture)).Append(" characters ...] ");
            AppendEscaped(builder, value, value.Length - tail, tail);
            return builder.ToString();
        }

        private static bool NeedsEscaping(string value)
        {
            foreach (char c in value)
            {
                if (IsUnsafe(c))
                {
                    return true;
                }
            }

            return false;
        }

        // A cut never splits a surrogate pair.
        private static int KeepPairs(string value, int index)
            => index > 0 && index < value.Length && char.IsLowSurrogate(value[index]) && char.IsHighSurrogate(value[index - 1]) ? index - 1 : index;

        private static void AppendEscaped(StringBuilder builder, string value, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                char c = value[i];
                switch (c)
                {
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
                        if (IsUnsafe(c) || (char.IsSurrogate(c) && !IsPairedAt(value, i)))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }
        }

        private static bool IsPairedAt(string value, int i)
            => char.IsHighSurrogate(value[i]) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) : i > 0 && char.IsHighSurrogate(value[i - 1]);

        // Control characters (C0, DEL, C1 with NEL), line and paragraph separators, and the bidirectional
        // formatting characters that can make a message read differently from what it says.
        private static bool IsUnsafe(char c)
            => c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029'
               || (c >= '\u200E' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
               || c == '\uFEFF';
    }
}
