using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>
    /// Reads JSON strings exactly, lone surrogates included. JSON allows an escaped lone surrogate
    /// ("\ud800") and recorded model output contains them (a stream cut inside an emoji); System.Text.Json
    /// refuses to turn them into a .NET string, so those strings are unescaped here from the raw text.
    /// </summary>
    internal static class JsonStrings
    {
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static string Value(JsonElement element)
        {
            try
            {
                return element.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return UnescapeQuoted(element.GetRawText());
            }
        }

        public static string Name(JsonProperty property)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException)
            {
                // A property's text is its quoted name, a colon and its value.
                return UnescapeQuoted(property.ToString());
            }
        }

        /// <summary>Decodes the JSON string token that starts <paramref name="raw"/>.</summary>
        public static string UnescapeQuoted(string raw)
        {
            var builder = new StringBuilder(raw.Length);
            for (int i = 1; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '"')
                {
                    break;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                char escape = raw[++i];
                switch (escape)
                {
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append((char)int.Parse(raw.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: builder.Append(escape); break;
                }
            }

            return builder.ToString();
        }
    }
}
