using System;
using System.Buffers;
using System.Text;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// Decodes JSON strings exactly, lone surrogates included. JSON allows an escaped lone surrogate
    /// ("\ud800") and recorded model output contains them (a stream cut inside an emoji); System.Text.Json
    /// refuses to turn them into a .NET string, so <see cref="FlatJson"/> decodes escaped strings here.
    /// Bytes that are not UTF-8 become U+FFFD, as <see cref="Encoding.UTF8"/> decodes them.
    /// </summary>
    internal static class JsonStrings
    {
        /// <summary>
        /// Decodes the content of a JSON string token (without its quotes) that contains escapes, already checked
        /// by a reader: every backslash starts a valid escape.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static string Unescape(byte[] json, int start, int length)
        {
            // Never more characters than bytes: a UTF-8 sequence or an invalid byte gives at most one per byte, an
            // escape one per two or six.
            char[] chars = ArrayPool<char>.Shared.Rent(length);
            try
            {
                int count = 0;
                int run = start;
                int end = start + length;
                int i = start;
                while (i < end)
                {
                    if (json[i] != (byte)'\\')
                    {
                        i++;
                        continue;
                    }

                    // A backslash ends any UTF-8 sequence, so decoding between escapes decodes as the whole would.
                    count += Encoding.UTF8.GetChars(json, run, i - run, chars, count);
                    byte escape = json[i + 1];
                    switch (escape)
                    {
                        case (byte)'b': chars[count++] = '\b'; break;
                        case (byte)'f': chars[count++] = '\f'; break;
                        case (byte)'n': chars[count++] = '\n'; break;
                        case (byte)'r': chars[count++] = '\r'; break;
                        case (byte)'t': chars[count++] = '\t'; break;
                        case (byte)'u':
                            chars[count++] = (char)((Hex(json[i + 2]) << 12) | (Hex(json[i + 3]) << 8) | (Hex(json[i + 4]) << 4) | Hex(json[i + 5]));
                            i += 4;
                            break;
                        default: chars[count++] = (char)escape; break;
                    }

                    i += 2;
                    run = i;
                }

                count += Encoding.UTF8.GetChars(json, run, end - run, chars, count);
                return new string(chars, 0, count);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        private static int Hex(byte digit) => digit <= (byte)'9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
    }
}
