using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;

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

        /// <summary>One recording's literals, collected per recording (and cached with it).</summary>
        public static LiteralCosts Measure(RecordingData data)
            => new LiteralCosts(data.FilePath, data.SourcePath, new EquatableArray<string>(Literals(data)));

        /// <param name="hash">
        /// The hash that finds candidate duplicates; <see cref="KeyedHash"/> unless a test needs texts that collide.
        /// </param>
        public static DiagnosticInfo? Check(IReadOnlyList<LiteralCosts> recordings, System.Func<string, long>? hash = null)
        {
            // Every literal counted, shared ones as often as they occur: a bound the heap never exceeds. Most
            // projects fit under it and need nothing more (this runs on every edit of any recording, so each
            // recording's part was added up when it was measured).
            long upperBound = 0;
            int literals = 0;
            foreach (LiteralCosts data in recordings)
            {
                literals += data.Literals.Count;
                upperBound += data.UpperBound;
            }

            if (upperBound <= HeapLimit - Reserve)
            {
                return null;
            }

            // Identical literals are stored once. A hash finds candidates, and the literals themselves decide, so
            // texts that share a hash are still counted apart: the estimate never falls below what the compiler
            // needs.
            hash ??= KeyedHash.Of;
            var seen = new LiteralSet(literals);
            long total = 0;
            var perRecording = new List<(LiteralCosts Data, long Bytes)>(recordings.Count);
            foreach (LiteralCosts data in recordings)
            {
                long own = 0;
                for (int i = 0; i < data.Literals.Count; i++)
                {
                    long cost = Cost(data.Literals[i]);
                    own += cost;
                    if (seen.Add(hash(data.Literals[i]), data.Literals[i]))
                    {
                        total += cost;
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
                Megabytes(total),
                Megabytes(limit),
                over,
                string.Join(", ", largest.Select(entry => entry.Data.SourcePath + " " + Megabytes(entry.Bytes) + " MB")));
        }

        /// <summary>What the literals would cost if none were shared with another.</summary>
        internal static long CostOfAll(EquatableArray<string> literals)
        {
            long sum = 0;
            foreach (string literal in literals)
            {
                sum += Cost(literal);
            }

            return sum;
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

        /// <summary>
        /// A set of literals with no removal, found by their hashes. The hash is keyed per process
        /// (<see cref="KeyedHash"/>), so recordings cannot be crafted to pile their literals into one run of slots.
        /// </summary>
        private sealed class LiteralSet
        {
            private readonly long[] _hashes;
            private readonly string?[] _literals;
            private readonly int _mask;

            public LiteralSet(int count)
            {
                int size = 16;
                while (size < count * 2)
                {
                    size *= 2;
                }

                _hashes = new long[size];
                _literals = new string?[size];
                _mask = size - 1;
            }

            public bool Add(long hash, string literal)
            {
                int slot = (int)((ulong)hash ^ ((ulong)hash >> 32)) & _mask;
                while (_literals[slot] is { } present)
                {
                    if (_hashes[slot] == hash && string.Equals(present, literal, System.StringComparison.Ordinal))
                    {
                        return false;
                    }

                    slot = (slot + 1) & _mask;
                }

                _hashes[slot] = hash;
                _literals[slot] = literal;
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

    /// <summary>What one recording adds to the literal heap: its literals (the data's own strings, not copies).</summary>
    internal sealed record LiteralCosts(string FilePath, string SourcePath, EquatableArray<string> Literals)
    {
        public long UpperBound { get; } = LiteralBudget.CostOfAll(Literals);
    }
}
