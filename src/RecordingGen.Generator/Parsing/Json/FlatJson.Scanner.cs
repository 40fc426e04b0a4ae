using System;
using System.Buffers;
using System.Runtime.InteropServices;

namespace RecordingGen.Generator.Parsing.Json
{
    internal sealed partial class FlatJson
    {
        /// <summary>
        /// Tokenizes well-formed JSON (RFC 8259, as System.Text.Json's reader accepts it by default) into the arrays,
        /// and declines anything else, which <see cref="Read"/> then reads again for the reader's error. It exists
        /// because of where the parser runs: the build task runs once in a fresh MSBuild process, where the reader's
        /// hot loops (white space, strings) ran in the runtime's instrumented code, calling a counting helper per
        /// byte, for most of the task's two seconds; this loop is compiled optimized on first call. Declining is
        /// always safe, so every check here is strict: the two readers must only ever agree.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScan(int maxDepth)
        {
            ReadOnlySpan<byte> json = _json.Span;

            // The reader's own rule: 0 means its default of 64, and a container may open at a depth below the limit.
            int limit = maxDepth == 0 ? 64 : maxDepth;
            int[] open = ArrayPool<int>.Shared.Rent(Math.Max(limit, 1));
            int depth = 0;
            try
            {
                int i = SkipWhiteSpace(json, 0);
                while (true)
                {
                    // A value starts at i.
                    if (i >= json.Length)
                    {
                        return false;
                    }

                    byte first = json[i];
                    if (first == (byte)'{' || first == (byte)'[')
                    {
                        if (depth >= limit)
                        {
                            return false;
                        }

                        open[depth++] = Add(first == (byte)'{' ? StartObject : StartArray, i);
                        i = SkipWhiteSpace(json, i + 1);
                        if (i >= json.Length)
                        {
                            return false;
                        }

                        byte close = first == (byte)'{' ? (byte)'}' : (byte)']';
                        if (json[i] != close)
                        {
                            if (first == (byte)'{' && !TryScanName(json, ref i))
                            {
                                return false;
                            }

                            continue;
                        }
                    }
                    else
                    {
                        if (!TryScanScalar(json, ref i))
                        {
                            return false;
                        }

                        i = SkipWhiteSpace(json, i);
                    }

                    // After a value, or at an empty container's end: close containers until a comma or the end.
                    while (true)
                    {
                        if (depth == 0)
                        {
                            return i == json.Length;
                        }

                        if (i >= json.Length)
                        {
                            return false;
                        }

                        int container = open[depth - 1];
                        bool isObject = _kinds[container] == StartObject;
                        byte next = json[i];
                        if (next == (byte)',')
                        {
                            i = SkipWhiteSpace(json, i + 1);
                            if (isObject && !TryScanName(json, ref i))
                            {
                                return false;
                            }

                            break;
                        }

                        if (next != (isObject ? (byte)'}' : (byte)']'))
                        {
                            return false;
                        }

                        int end = Add(isObject ? EndObject : EndArray, i);
                        _values[container] = end;
                        depth--;
                        i = SkipWhiteSpace(json, i + 1);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(open);
            }
        }

        /// <summary>A property name, its colon and the white space after it; <paramref name="i"/> ends at the value.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScanName(ReadOnlySpan<byte> json, ref int i)
        {
            if (i >= json.Length || json[i] != (byte)'"' || !TryScanString(json, ref i, PropertyName))
            {
                return false;
            }

            i = SkipWhiteSpace(json, i);
            if (i >= json.Length || json[i] != (byte)':')
            {
                return false;
            }

            i = SkipWhiteSpace(json, i + 1);
            return true;
        }

        /// <summary>A string, number, true, false or null at <paramref name="i"/>; <paramref name="i"/> ends after it.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScanScalar(ReadOnlySpan<byte> json, ref int i)
        {
            byte first = json[i];
            switch (first)
            {
                case (byte)'"':
                    return TryScanString(json, ref i, String);
                case (byte)'t':
                    return TryScanLiteral(json, ref i, True, TrueText);
                case (byte)'f':
                    return TryScanLiteral(json, ref i, False, FalseText);
                case (byte)'n':
                    return TryScanLiteral(json, ref i, Null, NullText);
                default:
                    return TryScanNumber(json, ref i);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScanString(ReadOnlySpan<byte> json, ref int i, byte kind)
        {
            int start = i;
            int j = i + 1;
            bool escaped = false;
            while (true)
            {
                // Eight bytes at a time while none is a quote, a backslash or a control character.
                while (j + 8 <= json.Length && !MayEndPlainRun(MemoryMarshal.Read<ulong>(json.Slice(j))))
                {
                    j += 8;
                }

                if (j >= json.Length)
                {
                    return false;
                }

                byte b = json[j];
                if (b == (byte)'"')
                {
                    break;
                }

                if (b == (byte)'\\')
                {
                    escaped = true;
                    if (j + 1 >= json.Length)
                    {
                        return false;
                    }

                    switch (json[j + 1])
                    {
                        case (byte)'"':
                        case (byte)'\\':
                        case (byte)'/':
                        case (byte)'b':
                        case (byte)'f':
                        case (byte)'n':
                        case (byte)'r':
                        case (byte)'t':
                            j += 2;
                            break;
                        case (byte)'u':
                            if (j + 5 >= json.Length || !IsHex(json[j + 2]) || !IsHex(json[j + 3]) || !IsHex(json[j + 4]) || !IsHex(json[j + 5]))
                            {
                                return false;
                            }

                            j += 6;
                            break;
                        default:
                            return false;
                    }

                    continue;
                }

                // Control characters must be escaped; any other byte, UTF-8 or not, is the reader's to pass on.
                if (b < 0x20)
                {
                    return false;
                }

                j++;
            }

            AddString(kind, start, start + 1, j - start - 1, escaped);
            i = j + 1;
            return true;
        }

        /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScanNumber(ReadOnlySpan<byte> json, ref int i)
        {
            int start = i;
            int j = i;
            if (json[j] == (byte)'-')
            {
                j++;
            }

            if (j >= json.Length || !IsDigit(json[j]))
            {
                return false;
            }

            if (json[j] == (byte)'0')
            {
                j++;
            }
            else
            {
                j = SkipDigits(json, j);
            }

            if (j < json.Length && json[j] == (byte)'.')
            {
                j++;
                if (j >= json.Length || !IsDigit(json[j]))
                {
                    return false;
                }

                j = SkipDigits(json, j);
            }

            if (j < json.Length && (json[j] | 0x20) == (byte)'e')
            {
                j++;
                if (j < json.Length && (json[j] == (byte)'+' || json[j] == (byte)'-'))
                {
                    j++;
                }

                if (j >= json.Length || !IsDigit(json[j]))
                {
                    return false;
                }

                j = SkipDigits(json, j);
            }

            // Whatever follows ("01", "1true") is left to the caller, which accepts only white space, a comma, a
            // container's end or the end of the text.
            AddString(Number, start, start, j - start, escaped: false);
            i = j;
            return true;
        }

        private static readonly byte[] TrueText = { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseText = { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] NullText = { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private bool TryScanLiteral(ReadOnlySpan<byte> json, ref int i, byte kind, byte[] text)
        {
            if (i + text.Length > json.Length)
            {
                return false;
            }

            for (int k = 1; k < text.Length; k++)
            {
                if (json[i + k] != text[k])
                {
                    return false;
                }
            }

            Add(kind, i);
            i += text.Length;
            return true;
        }

        private const ulong EveryByte = 0x0101010101010101UL;
        private const ulong HighBits = 0x8080808080808080UL;

        /// <summary>
        /// Whether eight bytes may hold a quote, a backslash or a byte below 0x20 (bit tricks that find a zero or
        /// a smaller byte in a word; never a false "no", which is all the caller needs).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining | HotPath.Optimized)]
        private static bool MayEndPlainRun(ulong word)
        {
            ulong quotes = word ^ (EveryByte * '"');
            ulong backslashes = word ^ (EveryByte * '\\');
            ulong found = ((quotes - EveryByte) & ~quotes) | ((backslashes - EveryByte) & ~backslashes) | ((word - (EveryByte * 0x20)) & ~word);
            return (found & HighBits) != 0;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int i)
        {
            // Indentation comes in runs of spaces.
            while (i + 8 <= json.Length && MemoryMarshal.Read<ulong>(json.Slice(i)) == EveryByte * ' ')
            {
                i += 8;
            }

            while (i < json.Length)
            {
                byte b = json[i];
                if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    break;
                }

                i++;
            }

            return i;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static int SkipDigits(ReadOnlySpan<byte> json, int i)
        {
            while (i < json.Length && IsDigit(json[i]))
            {
                i++;
            }

            return i;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsHex(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 5;
    }
}
