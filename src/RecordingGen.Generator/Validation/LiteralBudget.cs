using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;

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

        public static DiagnosticInfo? Check(IReadOnlyList<RecordingData> recordings)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            long total = 0;
            var perRecording = new List<(RecordingData Data, long Bytes)>(recordings.Count);
            foreach (RecordingData data in recordings)
            {
                long own = 0;
                foreach (string literal in Literals(data))
                {
                    long cost = Cost(literal);
                    own += cost;
                    if (seen.Add(literal))
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

        // The #US heap stores a compressed length, two bytes per UTF-16 unit and one terminal byte.
        private static long Cost(string literal)
        {
            long bytes = (literal.Length * 2L) + 1;
            return bytes + (bytes < 0x80 ? 1 : bytes < 0x4000 ? 2 : 4);
        }

        private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
