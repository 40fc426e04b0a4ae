// Text in string literals costs two bytes per character of the assembly's 16 MB literal heap, though almost
// all recorded text is ASCII. Packing stores two ASCII characters (printable, tab or line feed) in one CJK
// ideograph, halving that cost; the packed form is printable, never a quote, backslash or direction mark,
// and identical texts still pack to identical literals, which the compiler stores once.
namespace RecordingGen.Internal
{
    internal static class TextPacking
    {
        // The 97 packable characters: tab, line feed and printable ASCII.
        private const int Symbols = 97;

        private const char PairStart = '\u4E00';

        private const char SingleStart = (char)(PairStart + (Symbols * Symbols));

        /// <summary>Precedes a character of the packed range that stands for itself.</summary>
        private const char Verbatim = (char)(SingleStart + Symbols);

#if RECORDINGGEN_GENERATOR
        [System.Runtime.CompilerServices.MethodImpl(RecordingGen.Generator.HotPath.Optimized)]
#endif
        public static string Pack(string text)
        {
            // At most two characters out per character in (a verbatim marker and the character).
            char[] packed = System.Buffers.ArrayPool<char>.Shared.Rent((text.Length * 2) + 1);
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int symbol = SymbolOf(text[i]);
                if (symbol >= 0)
                {
                    int next = i + 1 < text.Length ? SymbolOf(text[i + 1]) : -1;
                    if (next >= 0)
                    {
                        packed[length++] = (char)(PairStart + (symbol * Symbols) + next);
                        i++;
                    }
                    else
                    {
                        packed[length++] = (char)(SingleStart + symbol);
                    }
                }
                else
                {
                    if (text[i] >= PairStart && text[i] <= Verbatim)
                    {
                        packed[length++] = Verbatim;
                    }

                    packed[length++] = text[i];
                }
            }

            string result = new string(packed, 0, length);
            System.Buffers.ArrayPool<char>.Shared.Return(packed);
            return result;
        }

        public static string Unpack(string packed)
        {
            var text = new System.Text.StringBuilder(packed.Length * 2);
            for (int i = 0; i < packed.Length; i++)
            {
                char c = packed[i];
                if (c >= PairStart && c < SingleStart)
                {
                    int pair = c - PairStart;
                    text.Append(CharOf(pair / Symbols)).Append(CharOf(pair % Symbols));
                }
                else if (c >= SingleStart && c < Verbatim)
                {
                    text.Append(CharOf(c - SingleStart));
                }
                else if (c == Verbatim && i + 1 < packed.Length)
                {
                    text.Append(packed[++i]);
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }

#if RECORDINGGEN_GENERATOR
        [System.Runtime.CompilerServices.MethodImpl(RecordingGen.Generator.HotPath.Optimized)]
#endif
        private static int SymbolOf(char c) => c == '\t' ? 0 : c == '\n' ? 1 : c >= ' ' && c <= '~' ? c - ' ' + 2 : -1;

        private static char CharOf(int symbol) => symbol == 0 ? '\t' : symbol == 1 ? '\n' : (char)(symbol - 2 + ' ');
    }
}
