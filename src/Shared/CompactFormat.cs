// The compact encoding shared by the generator (which writes it) and the fixture library (which reads
// it). Generated code stores each recording as a few string literals in this encoding instead of object
// initializers: a literal costs no JIT time and identical literals are stored once per assembly.
//
// A recording's "program" is a sequence of non-negative integers written in base 10,496 with one
// character per digit, drawn from the CJK Unified Ideographs block: printable in any editor, never a
// quote, backslash, line break or direction mark, so the literal needs no escaping, and almost every
// number takes one character (two bytes of the assembly's 16 MB literal heap). Digits from the first
// half of the block end a number; digits from the second half continue it (most significant first).
//
// JSON is stored as tokens: each token is (value << 2 | kind). Strings, property names and numbers'
// raw text refer to the recording's string table; JSON text is rebuilt by writing, never by parsing.
namespace RecordingGen.Internal
{
    internal static class CompactFormat
    {
        /// <summary>Bumped whenever the layout of a program changes; the reader rejects other versions.</summary>
        public const int Version = 6;

        public const int Base = 10496;

        /// <summary>U+4E00, the first CJK Unified Ideograph: final digits run from here, continuation digits follow.</summary>
        public const char FirstDigit = '\u4E00';

        public const int KindStructural = 0;
        public const int KindPropertyName = 1;
        public const int KindString = 2;
        public const int KindNumber = 3;

        public const int StartObject = 0 << 2;
        public const int EndObject = 1 << 2;
        public const int StartArray = 2 << 2;
        public const int EndArray = 3 << 2;
        public const int Null = 4 << 2;
        public const int True = 5 << 2;
        public const int False = 6 << 2;

        /// <summary>String table entries: (length &lt;&lt; 2) from the packed literal, (index &lt;&lt; 2 | 1) a long literal, (index &lt;&lt; 2 | 2) a well-known string.</summary>
        public const int EntryPacked = 0;
        public const int EntryLong = 1;
        public const int EntryWellKnown = 2;

        /// <summary>Where the response text comes from: none, the chunks' text deltas, or a table string.</summary>
        public const int TextNone = 0;
        public const int TextFromChunks = 1;
        public const int TextFromTableBase = 2;

        public static int Token(int kind, int value) => (value << 2) | kind;

        public static int KindOf(int token) => token & 3;

        public static int ValueOf(int token) => token >> 2;

        public static void Append(System.Text.StringBuilder builder, int value)
        {
            if (value < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(value), value, "The compact format stores non-negative numbers only.");
            }

            int digits = 1;
            for (int rest = value / Base; rest > 0; rest /= Base)
            {
                digits++;
            }

            for (int position = digits - 1; position >= 0; position--)
            {
                int digit = (int)(value / Pow(position) % Base);
                builder.Append((char)(FirstDigit + (position == 0 ? digit : Base + digit)));
            }
        }

        public static int Read(string program, ref int position)
        {
            int value = 0;
            while (true)
            {
                char c = program[position++];
                int digit = DigitOf(c);
                if (digit < Base)
                {
                    return (value * Base) + digit;
                }

                value = (value * Base) + (digit - Base);
            }
        }

        private static long Pow(int exponent)
        {
            long result = 1;
            for (int i = 0; i < exponent; i++)
            {
                result *= Base;
            }

            return result;
        }

        private static int DigitOf(char c)
        {
            int digit = c - FirstDigit;
            if (digit < 0 || digit >= 2 * Base)
            {
                throw new System.FormatException("The recording data is corrupt: unexpected character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ".");
            }

            return digit;
        }
    }
}
