using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace RecordingGen.Record
{
    /// <summary>
    /// JSON text exactly as Python's <c>json.dumps(value, sort_keys=True)</c> writes the value <c>json.loads</c> reads:
    /// <c>", "</c> and <c>": "</c> separators, keys sorted by code point, every non-ASCII character escaped (lower-case
    /// hex), integers as written, other numbers as Python floats (<c>repr</c>: shortest round trip, <c>1.0</c>,
    /// <c>1e-05</c>, <c>1e+16</c>). ogx hashes this text, so one character of difference is another file name.
    /// </summary>
    internal static class PythonJson
    {
        /// <summary><c>json.dumps(value, sort_keys=True)</c>, the text ogx hashes.</summary>
        public static void Write(StringBuilder output, PythonValue value) => Write(output, value, sortKeys: true, indent: null, depth: 0);

        /// <summary><c>json.dump(value, f, indent=2)</c>, how ogx writes a recording file (keys in their order).</summary>
        public static void WriteIndented(StringBuilder output, PythonValue value) => Write(output, value, sortKeys: false, indent: 2, depth: 0);

        private static void Write(StringBuilder output, PythonValue value, bool sortKeys, int? indent, int depth)
        {
            switch (value.Kind)
            {
                case PythonValue.ValueKind.Object when value.Properties!.Count == 0:
                    output.Append("{}");
                    break;
                case PythonValue.ValueKind.Object:
                    var properties = new List<KeyValuePair<string, PythonValue>>(value.Properties);
                    if (sortKeys)
                    {
                        properties.Sort((a, b) => CompareCodePoints(a.Key, b.Key));
                    }

                    output.Append('{');
                    for (int i = 0; i < properties.Count; i++)
                    {
                        Separate(output, i, indent, depth + 1);
                        WriteString(output, properties[i].Key);
                        output.Append(": ");
                        Write(output, properties[i].Value, sortKeys, indent, depth + 1);
                    }

                    Close(output, indent, depth);
                    output.Append('}');
                    break;
                case PythonValue.ValueKind.Array when value.Items!.Count == 0:
                    output.Append("[]");
                    break;
                case PythonValue.ValueKind.Array:
                    output.Append('[');
                    for (int i = 0; i < value.Items.Count; i++)
                    {
                        Separate(output, i, indent, depth + 1);
                        Write(output, value.Items[i], sortKeys, indent, depth + 1);
                    }

                    Close(output, indent, depth);
                    output.Append(']');
                    break;
                case PythonValue.ValueKind.String:
                    WriteString(output, value.Text!);
                    break;
                case PythonValue.ValueKind.Integer:
                    output.Append(value.Text);
                    break;
                case PythonValue.ValueKind.Float:
                    output.Append(Repr(value.Float));
                    break;
                case PythonValue.ValueKind.True:
                    output.Append("true");
                    break;
                case PythonValue.ValueKind.False:
                    output.Append("false");
                    break;
                default:
                    output.Append("null");
                    break;
            }
        }

        // Python's separators: ", " on one line; "," then a new line and the indentation when indenting.
        private static void Separate(StringBuilder output, int index, int? indent, int depth)
        {
            if (indent is { } spaces)
            {
                output.Append(index == 0 ? string.Empty : ",").Append('\n').Append(' ', spaces * depth);
            }
            else if (index > 0)
            {
                output.Append(", ");
            }
        }

        private static void Close(StringBuilder output, int? indent, int depth)
        {
            if (indent is { } spaces)
            {
                output.Append('\n').Append(' ', spaces * depth);
            }
        }

        /// <summary>A string with <c>ensure_ascii</c>: control characters, quotes, backslashes and everything past U+007F escaped.</summary>
        public static void WriteString(StringBuilder output, string text)
        {
            output.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': output.Append("\\\""); break;
                    case '\\': output.Append("\\\\"); break;
                    case '\n': output.Append("\\n"); break;
                    case '\r': output.Append("\\r"); break;
                    case '\t': output.Append("\\t"); break;
                    case '\b': output.Append("\\b"); break;
                    case '\f': output.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c > 0x7E && c != 0x7F)
                        {
                            output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            output.Append(c);
                        }

                        break;
                }
            }

            output.Append('"');
        }

        /// <summary>Python's <c>repr(float)</c>: the shortest digits that read back, fixed notation for exponents -4 to 15.</summary>
        public static string Repr(double value)
        {
            if (value == 0)
            {
                return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0.0" : "0.0";
            }

            // "E16" is not shortest; "R" is, on .NET Core 3.0 and later (the digits are then Python's).
            string shortest = value.ToString("R", CultureInfo.InvariantCulture);
            bool negative = shortest[0] == '-';
            string unsigned = negative ? shortest.Substring(1) : shortest;
            int exponentAt = unsigned.IndexOf('E');
            string mantissa = exponentAt < 0 ? unsigned : unsigned.Substring(0, exponentAt);
            int exponent = exponentAt < 0 ? 0 : int.Parse(unsigned.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            int point = mantissa.IndexOf('.');
            string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
            int pointAfter = (point < 0 ? mantissa.Length : point) + exponent; // digits before the decimal point
            int leadingZeros = 0;
            while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
            {
                leadingZeros++;
            }

            digits = digits.Substring(leadingZeros).TrimEnd('0');
            pointAfter -= leadingZeros;
            if (digits.Length == 0)
            {
                digits = "0";
            }

            int decimalExponent = pointAfter - 1;
            var text = new StringBuilder(negative ? "-" : string.Empty);
            if (decimalExponent >= -4 && decimalExponent < 16)
            {
                if (pointAfter <= 0)
                {
                    text.Append("0.").Append('0', -pointAfter).Append(digits);
                }
                else if (pointAfter >= digits.Length)
                {
                    text.Append(digits).Append('0', pointAfter - digits.Length).Append(".0");
                }
                else
                {
                    text.Append(digits, 0, pointAfter).Append('.').Append(digits, pointAfter, digits.Length - pointAfter);
                }
            }
            else
            {
                text.Append(digits[0]);
                if (digits.Length > 1)
                {
                    text.Append('.').Append(digits, 1, digits.Length - 1);
                }

                text.Append('e').Append(decimalExponent < 0 ? '-' : '+').Append(Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>
        /// Python's <c>round(value, places)</c>: the exact binary value rounded half to even at that decimal place, read back
        /// as the nearest double (scaling by a power of ten, as <see cref="Math.Round(double, int)"/> does, can be off by one digit).
        /// </summary>
        public static double Round(double value, int places)
        {
            if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
            {
                return value;
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int exponentBits = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xFFFFFFFFFFFFFL;
            BigInteger mantissa = exponentBits == 0 ? fraction : fraction | (1L << 52);
            int exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;
            if (exponent >= 0)
            {
                return value; // an integer already
            }

            // value = mantissa / 2^-exponent = mantissa * 5^-exponent / 10^-exponent.
            int scale = -exponent;
            BigInteger scaled = mantissa * BigInteger.Pow(5, scale);
            if (scale <= places)
            {
                return value;
            }

            BigInteger divisor = BigInteger.Pow(10, scale - places);
            BigInteger quotient = BigInteger.DivRem(scaled, divisor, out BigInteger remainder);
            int half = (remainder * 2).CompareTo(divisor);
            if (half > 0 || (half == 0 && !quotient.IsEven))
            {
                quotient += 1;
            }

            string digits = quotient.ToString(CultureInfo.InvariantCulture);
            string text = (negative ? "-" : string.Empty) + (digits.Length <= places ? "0." + digits.PadLeft(places, '0') : digits.Insert(digits.Length - places, "."));
            double rounded = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return rounded == 0 && negative ? -0.0 : rounded;
        }

        /// <summary>Python's <c>'%.{places}f' % value</c>: fixed notation, the exact value rounded half to even.</summary>
        public static string Fixed(double value, int places)
        {
            double rounded = Round(value, places);
            string text = rounded.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return text;
        }

        // Python orders strings by code point; UTF-16 ordinal order differs only where supplementary characters meet U+E000-U+FFFF.
        private static int CompareCodePoints(string a, string b)
        {
            int i = 0;
            while (i < a.Length && i < b.Length)
            {
                int x = CodePointAt(a, i);
                int y = CodePointAt(b, i);
                if (x != y)
                {
                    return x.CompareTo(y);
                }

                i += x > 0xFFFF ? 2 : 1;
            }

            return (a.Length - i).CompareTo(b.Length - i);
        }

        private static int CodePointAt(string text, int index)
            => char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
                ? char.ConvertToUtf32(text[index], text[index + 1])
                : text[index];
    }
}
