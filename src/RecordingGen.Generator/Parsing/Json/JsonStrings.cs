using System;
using System.Globalization;
using System.Text;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// Decodes JSON strings exactly, lone surrogates included. JSON allows an escaped lone surrogate
    /// ("\ud800") and recorded model output contains them (a stream cut inside an emoji); System.Text.Json
    /// refuses to turn them into a .NET string, so <see cref="FlatJson"/> decodes those here.
    /// </summary>
    internal static class JsonStrings
    {
        /// <summary>Decodes the content of a JSON string token (without its quotes) that contains escapes.</summary>
        public static string Unescape(ReadOnlySpan<byte> raw)
        {
            string text = Encoding.UTF8.GetString(raw.ToArray());
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c != '\\' || i + 1 >= text.Length)
                {
                    builder.Append(c);
                    continue;
                }

                char escape = text[++i];
                switch (escape)
                {
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append((char)int.Parse(text.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: builder.Append(escape); break;
                }
            }

            return builder.ToString();
        }
    }
}
