using System.Globalization;
using System.Text;

namespace RecordingGen.Internal
{
    /// <summary>Writes compact JSON tokens back as JSON text (no whitespace, strings escaped as JSON requires).</summary>
    internal static class JsonTokenWriter
    {
        public static string Write(string[] strings, int[] tokens, int start, int count)
        {
            var builder = new StringBuilder(count * 8);
            bool needComma = false;
            for (int i = start; i < start + count; i++)
            {
                int token = tokens[i];
                int value = CompactFormat.ValueOf(token);
                switch (CompactFormat.KindOf(token))
                {
                    case CompactFormat.KindPropertyName:
                        if (needComma)
                        {
                            builder.Append(',');
                        }

                        WriteString(builder, strings[value]);
                        builder.Append(':');
                        needComma = false;
                        break;
                    case CompactFormat.KindString:
                        if (needComma)
                        {
                            builder.Append(',');
                        }

                        WriteString(builder, strings[value]);
                        needComma = true;
                        break;
                    case CompactFormat.KindNumber:
                        if (needComma)
                        {
                            builder.Append(',');
                        }

                        if (CompactFormat.IsDecimal(token))
                        {
                            CompactFormat.DecodeDecimal(token, out bool negative, out int scale);
                            CompactFormat.AppendDecimal(builder, negative, scale, tokens[++i]);
                        }
                        else
                        {
                            builder.Append(strings[CompactFormat.TextIndexOf(token)]);
                        }

                        needComma = true;
                        break;
                    default:
                        WriteStructural(builder, token, ref needComma);
                        break;
                }
            }

            return builder.ToString();
        }

        private static void WriteStructural(StringBuilder builder, int token, ref bool needComma)
        {
            switch (token)
            {
                case CompactFormat.StartObject:
                case CompactFormat.StartArray:
                    if (needComma)
                    {
                        builder.Append(',');
                    }

                    builder.Append(token == CompactFormat.StartObject ? '{' : '[');
                    needComma = false;
                    return;
                case CompactFormat.EndObject:
                    builder.Append('}');
                    break;
                case CompactFormat.EndArray:
                    builder.Append(']');
                    break;
                default:
                    if (needComma)
                    {
                        builder.Append(',');
                    }

                    builder.Append(token == CompactFormat.Null ? "null" : token == CompactFormat.True ? "true" : "false");
                    break;
            }

            needComma = true;
        }

        private static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            AppendEscaped(builder, value, 0, value.Length);
            builder.Append('"');
        }

        /// <summary>The characters of <paramref name="value"/> from <paramref name="start"/> to <paramref name="end"/>, escaped as inside a JSON string.</summary>
        internal static void AppendEscaped(StringBuilder builder, string value, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = value[i];
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
                        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(value[i + 1]))
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else if (c < ' ' || char.IsSurrogate(c))
                        {
                            // Control characters must be escaped; a lone surrogate is escaped so it survives as text.
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
    }
}
