using System;
using System.Runtime.InteropServices;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>
    /// A 64-bit hash of a string's characters, four at a time, for telling strings apart within one run
    /// (never stored, never compared across machines). Every string of every recording passes through it.
    /// </summary>
    internal static class TextHash
    {
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static long Of(string text)
        {
            ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)text.Length;
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<char, ulong>(text.AsSpan());
            foreach (ulong word in words)
            {
                hash = (hash ^ word) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 29;
            }

            for (int i = words.Length * 4; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 0xC4CEB9FE1A85EC53UL;
            }

            hash ^= hash >> 32;
            return (long)hash;
        }
    }
}
