using System;

namespace RecordingGen.Replay
{
    /// <summary>
    /// Compares JSON numbers by their exact decimal value, from their text. Through <c>double</c>, a seed of
    /// 9007199254740993 would equal 9007199254740992 and a long decimal its neighbours; written out as digits
    /// and a power of ten, 1, 1.0 and 1e0 are one value and nothing else is.
    /// </summary>
    internal static class JsonNumber
    {
        public static bool Equal(string a, string b)
        {
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                return true;
            }

            return TryCanonical(a, out bool negativeA, out string digitsA, out long exponentA)
                   && TryCanonical(b, out bool negativeB, out string digitsB, out long exponentB)
                   && string.Equals(digitsA, digitsB, StringComparison.Ordinal)
                   && (digitsA == "0" || (negativeA == negativeB && exponentA == exponentB));
        }

        /// <summary>One text for every spelling of a number's value (<c>1</c>, <c>1.0</c>, <c>1e0</c>), for hashing; the text itself when it is no number.</summary>
        public static string Canonical(string text)
        {
            if (!TryCanonical(text, out bool negative, out string digits, out long exponent))
            {
                return text;
            }

            return digits == "0" ? "0" : (negative ? "-" : string.Empty) + digits + "e" + exponent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The value as sign, significant digits (no leading or trailing zeros; "0" for zero) and the power of
        /// ten of the last digit. False for text that is not a JSON number.
        /// </summary>
        private static bool TryCanonical(string text, out bool negative, out string digits, out long exponent)
        {
            negative = false;
            digits = string.Empty;
            exponent = 0;
            int i = 0;
            if (i < text.Length && text[i] == '-')
            {
                negative = true;
                i++;
            }

            var all = new System.Text.StringBuilder(text.Length);
            int fractionDigits = 0;
            bool any = false;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                all.Append(text[i]);
                any = true;
            }

            if (i < text.Length && text[i] == '.')
            {
                for (i++; i < text.Length && IsDigit(text[i]); i++)
                {
                    all.Append(text[i]);
                    fractionDigits++;
                    any = true;
                }
            }

            if (!any)
            {
                return false;
            }

            long power = 0;
            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                bool negativePower = false;
                if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                {
                    negativePower = text[i] == '-';
                    i++;
                }

                bool anyPower = false;
                for (; i < text.Length && IsDigit(text[i]); i++)
                {
                    // Saturates: a power beyond this is a value no other text written here could equal.
                    power = Math.Min((power * 10) + (text[i] - '0'), 1_000_000_000_000L);
                    anyPower = true;
                }

                if (!anyPower)
                {
                    return false;
                }

                power = negativePower ? -power : power;
            }

            if (i != text.Length)
            {
                return false;
            }

            string significant = all.ToString().TrimStart('0');
            int trailing = significant.Length - significant.TrimEnd('0').Length;
            significant = significant.Substring(0, significant.Length - trailing);
            digits = significant.Length == 0 ? "0" : significant;
            exponent = power - fractionDigits + trailing;
            return true;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
