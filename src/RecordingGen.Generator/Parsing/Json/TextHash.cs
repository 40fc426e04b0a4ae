using System;
using System.Runtime.InteropServices;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// A fast 64-bit hash of raw bytes, for FlatJson's table of the strings of one file (never stored, never
    /// compared across machines). Unkeyed, so text can be crafted to collide: the table then moves to
    /// <see cref="KeyedHash"/>.
    /// </summary>
    internal static class TextHash
    {
        /// <summary>Eight bytes a step: the strings hashed run from two bytes to whole prompts.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static long Of(ReadOnlySpan<byte> bytes)
        {
            ulong hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
            foreach (ulong word in words)
            {
                hash = (hash ^ word) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 29;
            }

            for (int i = words.Length * 8; i < bytes.Length; i++)
            {
                hash = (hash ^ bytes[i]) * 0xC4CEB9FE1A85EC53UL;
            }

            hash ^= hash >> 32;
            return (long)hash;
        }
    }
}
