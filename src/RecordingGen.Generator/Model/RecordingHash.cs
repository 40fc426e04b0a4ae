using System.Collections.Generic;
using System.Linq;

namespace RecordingGen.Generator.Model
{
    /// <summary>A recording's path and the hash of its data: its part of the data resource's fingerprint.</summary>
    internal sealed record RecordingHash(string SourcePath, ulong Hash)
    {
        /// <summary>Sorted by path (ordinal), each path once, as the facade and the resource list recordings.</summary>
        public static IEnumerable<RecordingHash> SortedDistinct(IEnumerable<RecordingHash> all)
        {
            string? previous = null;
            foreach (RecordingHash hash in all.OrderBy(hash => hash.SourcePath, System.StringComparer.Ordinal))
            {
                if (hash.SourcePath != previous)
                {
                    yield return hash;
                }

                previous = hash.SourcePath;
            }
        }
    }
}
