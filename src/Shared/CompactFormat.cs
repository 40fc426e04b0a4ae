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
// JSON is stored as tokens: each token is (value << 2 | kind). Strings and property names refer to the
// recording's string table; JSON text is rebuilt by writing, never by parsing. A number whose text is a
// plain decimal (such as -0.0123456789 or 1712345678) is stored as its sign, scale and digits, and
// written back character for character; any other number text (exponents, huge values) is a table string.
namespace RecordingGen.Internal
{
    internal static class CompactFormat
    {
        /// <summary>Bumped whenever the layout of a program changes; the reader rejects other versions.</summary>
        public const int Version = 10;

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

        /// <summary>The response text: none, or a table string (index + TextFromTableBase).</summary>
        public const int TextNone = 0;
        public const int TextFromTableBase = 1;

        /// <summary>Which optional strings follow a chunk's tokens, in this order.</summary>
        public const int ChunkHasText = 1;
        public const int ChunkHasFinishReason = 2;
        public const int ChunkHasEventName = 4;
        public const int ChunkHasThinking = 8;
        public const int ChunkHasRawData = 16;

        /// <summary>The largest scale (digits after the point) a decimal number token can carry.</summary>
        public const int MaxDecimalScale = 30;

        public static int Token(int kind, int value) => (value << 2) | kind;

        /// <summary>A number token whose text is the table string at <paramref name="index"/>.</summary>
        public static int NumberText(int index) => Token(KindNumber, index << 1);

        /// <summary>A number token for a plain decimal; the token is followed by one more program number, the mantissa.</summary>
        public static int NumberDecimal(bool negative, int scale) => Token(KindNumber, (((scale << 1) | (negative ? 1 : 0)) << 1) | 1);

        public static bool IsDecimal(int numberToken) => (ValueOf(numberToken) & 1) == 1;

        public static int TextIndexOf(int numberToken) => ValueOf(numberToken) >> 1;

        /// <summary>
        /// Splits a JSON number's text into sign, scale and mantissa when writing those back gives the same
        /// text; otherwise (exponent, leading zeros of a scale-0 number, more than 9 digits) returns false.
        /// </summary>
#if RECORDINGGEN_GENERATOR
        [System.Runtime.CompilerServices.MethodImpl(RecordingGen.Generator.HotPath.Optimized)]
#endif
        public static bool TryDecimal(string text, out bool negative, out int scale, out int mantissa)
        {
            negative = text.Length > 0 && text[0] == '-';
            scale = 0;
            mantissa = 0;
            long value = 0;
            int digits = 0;
            int point = -1;
            for (int i = negative ? 1 : 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.' && point < 0)
                {
                    point = i;
                    continue;
                }

                if (c < '0' || c > '9' || ++digits > 10)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (digits == 0 || value > int.MaxValue)
            {
                return false;
            }

            scale = point < 0 ? 0 : text.Length - point - 1;
            mantissa = (int)value;
            if (scale > MaxDecimalScale)
            {
                return false;
            }

            var check = new System.Text.StringBuilder(text.Length);
            AppendDecimal(check, negative, scale, mantissa);
            return check.ToString() == text;
        }

        /// <summary>Writes a decimal number token's text: the mantissa's digits with the point <paramref name="scale"/> digits from the right.</summary>
        public static void AppendDecimal(System.Text.StringBuilder builder, bool negative, int scale, int mantissa)
        {
            if (negative)
            {
                builder.Append('-');
            }

            string digits = mantissa.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (scale == 0)
            {
                builder.Append(digits);
                return;
            }

            if (digits.Length <= scale)
            {
                builder.Append('0').Append('.').Append('0', scale - digits.Length).Append(digits);
                return;
            }

            builder.Append(digits, 0, digits.Length - scale).Append('.').Append(digits, digits.Length - scale, scale);
        }

        /// <summary>The value of a decimal number token, as the nearest double (exact division by a power of ten).</summary>
        public static double DecimalValue(bool negative, int scale, int mantissa)
        {
            double value = mantissa / Pow10(scale);
            return negative ? -value : value;
        }

        public static void DecodeDecimal(int numberToken, out bool negative, out int scale)
        {
            int header = ValueOf(numberToken) >> 1;
            negative = (header & 1) == 1;
            scale = header >> 1;
        }

        private static double Pow10(int exponent)
        {
            double result = 1;
            for (int i = 0; i < exponent; i++)
            {
                result *= 10;
            }

            return result;
        }

        public static int KindOf(int token) => token & 3;

        public static int ValueOf(int token) => token >> 2;

#if RECORDINGGEN_GENERATOR
        [System.Runtime.CompilerServices.MethodImpl(RecordingGen.Generator.HotPath.Optimized)]
#endif
        public static void Append(System.Text.StringBuilder builder, int value)
        {
            if (value < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(value), value, "The compact format stores non-negative numbers only.");
            }

            // Almost every number is one or two digits; the general loop below is for the rest.
            if (value < Base)
            {
                builder.Append((char)(FirstDigit + value));
                return;
            }

            if (value < Base * Base)
            {
                builder.Append((char)(FirstDigit + Base + (value / Base))).Append((char)(FirstDigit + (value % Base)));
                return;
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
                throw Corrupt(c);
            }

            return digit;
        }

        // Apart from DigitOf, which every first access compiles.
        private static System.FormatException Corrupt(char c)
            => new System.FormatException("The recording data is corrupt: unexpected character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ".");
    }
}
