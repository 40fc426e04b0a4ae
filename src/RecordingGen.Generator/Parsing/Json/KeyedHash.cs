using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// SipHash-1-3 under a key drawn once per process: a hash that text crafted in advance cannot make collide,
    /// for tables that recording content fills. <see cref="TextHash"/> is faster but unkeyed: anyone can compute
    /// strings that share its value and turn a hash table into a list. Values never leave the process, so the
    /// random key cannot make output differ between builds.
    /// </summary>
    internal static class KeyedHash
    {
        private static readonly ulong K0;
        private static readonly ulong K1;

        static KeyedHash()
        {
            var key = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(key);
            }

            K0 = BitConverter.ToUInt64(key, 0);
            K1 = BitConverter.ToUInt64(key, 8);
        }

        public static long Of(string text) => Of(MemoryMarshal.AsBytes(text.AsSpan()));

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static long Of(ReadOnlySpan<byte> bytes)
        {
            ulong v0 = K0 ^ 0x736f6d6570736575UL;
            ulong v1 = K1 ^ 0x646f72616e646f6dUL;
            ulong v2 = K0 ^ 0x6c7967656e657261UL;
            ulong v3 = K1 ^ 0x7465646279746573UL;

            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
            foreach (ulong word in words)
            {
                v3 ^= word;
                Round(ref v0, ref v1, ref v2, ref v3);
                v0 ^= word;
            }

            ulong last = (ulong)bytes.Length << 56;
            for (int i = words.Length * 8, shift = 0; i < bytes.Length; i++, shift += 8)
            {
                last |= (ulong)bytes[i] << shift;
            }

            v3 ^= last;
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= last;
            v2 ^= 0xff;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            return (long)(v0 ^ v1 ^ v2 ^ v3);
        }

        private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
        {
            v0 += v1;
            v1 = Rotate(v1, 13);
            v1 ^= v0;
            v0 = Rotate(v0, 32);
            v2 += v3;
            v3 = Rotate(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Rotate(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Rotate(v1, 17);
            v1 ^= v2;
            v2 = Rotate(v2, 32);
        }

        private static ulong Rotate(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
    }
}
