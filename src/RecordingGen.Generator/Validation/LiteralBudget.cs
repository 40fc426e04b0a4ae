using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// All string literals of an assembly share one heap of at most 2^24 bytes (UTF-16, identical literals
    /// stored once); past it the compiler fails with CS8103 at an arbitrary literal. This adds up what the
    /// recordings need so that an oversized set fails with RG0009, which says by how much and what to do.
    /// </summary>
    internal static class LiteralBudget
    {
        public const int HeapLimit = 0xFFFFFF;

        // Room left for the project's own string literals.
        public const int Reserve = 256 * 1024;

        /// <summary>
        /// One recording's literals as hashes and costs: computed per recording (and cached with it), so
        /// re-checking the set after an edit adds numbers instead of hashing every literal again.
        /// </summary>
        public static LiteralCosts Measure(RecordingData data)
        {
            var hashes = new List<long>();
            var costs = new List<long>();
            foreach (string literal in Literals(data))
            {
                hashes.Add(Hash(literal));
                costs.Add(Cost(literal));
            }

            return new LiteralCosts(data.FilePath, data.SourcePath, new EquatableArray<long>(hashes), new EquatableArray<long>(costs));
        }

        public static DiagnosticInfo? Check(IReadOnlyList<LiteralCosts> recordings)
        {
            // Identical literals are stored once; a 64-bit hash stands for the literal in this estimate. This runs
            // on every edit of any recording, so the set is a flat open-addressed table sized once.
            int literals = 0;
            foreach (LiteralCosts data in recordings)
            {
                literals += data.Hashes.Count;
            }

            var seen = new LongSet(literals);
            long total = 0;
            var perRecording = new List<(LiteralCosts Data, long Bytes)>(recordings.Count);
            foreach (LiteralCosts data in recordings)
            {
                long own = 0;
                for (int i = 0; i < data.Hashes.Count; i++)
                {
                    own += data.Costs[i];
                    if (seen.Add(data.Hashes[i]))
                    {
                        total += data.Costs[i];
                    }
                }

                perRecording.Add((data, own));
            }

            if (total <= HeapLimit - Reserve)
            {
                return null;
            }

            var largest = perRecording
                .OrderByDescending(entry => entry.Bytes)
                .ThenBy(entry => entry.Data.SourcePath, System.StringComparer.Ordinal)
                .Take(3)
                .ToList();
            long limit = HeapLimit - Reserve;
            string over = ((total - limit) * 100.0 / limit).ToString("0.0", CultureInfo.InvariantCulture);
            // Reported at the start of the largest recording, the first candidate to move elsewhere.
            return new DiagnosticInfo(
                DiagnosticDescriptors.TooLargeForOneAssembly,
                new LocationInfo(largest[0].Data.FilePath, default, default),
                new EquatableArray<string>(new[]
                {
                    Megabytes(total),
                    Megabytes(limit),
                    over,
                    string.Join(", ", largest.Select(entry => entry.Data.SourcePath + " " + Megabytes(entry.Bytes) + " MB")),
                }));
        }

        private static IEnumerable<string> Literals(RecordingData data)
        {
            yield return data.SourcePath;
            foreach (RecordingPart part in new[] { data.Request, data.Response })
            {
                yield return part.Program;
                yield return part.PackedStrings;
                foreach (string value in part.LongStrings)
                {
                    yield return value;
                }
            }
        }

        private static long Hash(string literal) => TextHash.Of(literal);

        /// <summary>A set of 64-bit values with no removal; zero is kept apart, as the empty slot's value.</summary>
        private sealed class LongSet
        {
            private readonly long[] _slots;
            private readonly int _mask;
            private bool _hasZero;

            public LongSet(int count)
            {
                int size = 16;
                while (size < count * 2)
                {
                    size *= 2;
                }

                _slots = new long[size];
                _mask = size - 1;
            }

            public bool Add(long value)
            {
                if (value == 0)
                {
                    bool added = !_hasZero;
                    _hasZero = true;
                    return added;
                }

                int slot = (int)((ulong)value ^ ((ulong)value >> 32)) & _mask;
                while (_slots[slot] != 0)
                {
                    if (_slots[slot] == value)
                    {
                        return false;
                    }

                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = value;
                return true;
            }
        }

        // The #US heap stores a compressed length, two bytes per UTF-16 unit and one terminal byte.
        private static long Cost(string literal)
        {
            long bytes = (literal.Length * 2L) + 1;
            return bytes + (bytes < 0x80 ? 1 : bytes < 0x4000 ? 2 : 4);
        }

        private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>What one recording adds to the literal heap: its literals' hashes and byte costs.</summary>
    internal sealed record LiteralCosts(string FilePath, string SourcePath, EquatableArray<long> Hashes, EquatableArray<long> Costs);
}
