// The compact encoding shared by the generator (which writes it) and the fixture library (which reads
// it). Generated code stores each recording as a few string literals in this encoding instead of object
// initializers: a literal costs no JIT time and identical literals are stored once per assembly.
//
// A recording's "program" is a sequence of non-negative integers written as base-46 digits in printable
// ASCII (never '"' or '\'), so it needs no escaping in C# source. Digits from the first half of the
// alphabet end a number; digits from the second half continue it (most significant first).
//
// JSON is stored as tokens: each token is (value << 2 | kind). Strings, property names and numbers'
// raw text refer to the recording's string table; JSON text is rebuilt by writing, never by parsing.
namespace RecordingGen.Internal
{
    internal static class CompactFormat
    {
        /// <summary>Bumped whenever the layout of a program changes; the reader rejects other versions.</summary>
        public const int Version = 1;

        public const int Base = 46;

        private const string FinalDigits = "!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNO";
        private const string ContinuationDigits = "PQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

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
                builder.Append(position == 0 ? FinalDigits[digit] : ContinuationDigits[digit]);
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

        private static readonly byte[] DigitTable = BuildDigitTable();

        private static int DigitOf(char c)
        {
            int digit = c < DigitTable.Length ? DigitTable[c] : byte.MaxValue;
            if (digit == byte.MaxValue)
            {
                throw new System.FormatException("The recording data is corrupt: unexpected character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ".");
            }

            return digit;
        }

        private static byte[] BuildDigitTable()
        {
            var table = new byte[128];
            for (int i = 0; i < table.Length; i++)
            {
                table[i] = byte.MaxValue;
            }

            for (int i = 0; i < Base; i++)
            {
                table[FinalDigits[i]] = (byte)i;
                table[ContinuationDigits[i]] = (byte)(Base + i);
            }

            return table;
        }
    }
}
