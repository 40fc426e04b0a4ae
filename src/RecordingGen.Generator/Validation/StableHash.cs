using System.Globalization;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// A streaming 128-bit hash (two FNV-1a 64 lanes with different seeds) for comparing recordings across files:
    /// fed as a recording is walked, so no canonical text is ever built. Not cryptographic; recordings are not adversaries
    /// of their own project.
    /// </summary>
    internal sealed class StableHash
    {
        private const ulong Prime = 1099511628211UL;
        private ulong _a = 14695981039346656037UL;
        private ulong _b = 0x9E3779B97F4A7C15UL;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public StableHash Add(char value)
        {
            _a = (_a ^ value) * Prime;
            _b = (_b ^ (ulong)(value * 31 + 7)) * 0x100000001B3UL ^ (_b >> 29);
            return this;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public StableHash Add(string? value)
        {
            if (value is null)
            {
                return Add('\u0001');
            }

            Add(value.Length);

            // Four characters per step: prompts and conversation histories make this the bulk of the hashing.
            System.ReadOnlySpan<ulong> words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(System.MemoryExtensions.AsSpan(value));
            foreach (ulong word in words)
            {
                AddWord(word);
            }

            for (int i = words.Length * 4; i < value.Length; i++)
            {
                Add(value[i]);
            }

            return this;
        }

        /// <summary>Mixes 64 bits in one step.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public StableHash AddWord(ulong word)
        {
            _a = (_a ^ word) * Prime;
            _b = ((_b ^ (word * 31)) * 0x100000001B3UL) ^ (_b >> 29);
            return this;
        }

        public StableHash Add(int value)
        {
            Add((char)(value & 0xFFFF));
            return Add((char)((value >> 16) & 0xFFFF));
        }

        public StableHash Add(long value)
        {
            Add((int)value);
            return Add((int)(value >> 32));
        }

        /// <summary>Both lanes folded into 64 bits.</summary>
        public ulong ToUInt64() => _a ^ ((_b << 32) | (_b >> 32));

        public override string ToString() => _a.ToString("x16", CultureInfo.InvariantCulture) + _b.ToString("x16", CultureInfo.InvariantCulture);
    }
}
