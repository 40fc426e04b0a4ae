using System.Collections.Generic;
using System.Collections.Immutable;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Validation
{
    /// <summary>RG0008: recordings whose requests replay cannot tell apart but whose responses differ.</summary>
    internal static class ReplayConflicts
    {
        /// <summary>
        /// Each conflicting recording against the first of its group by path (ordinal), in path order. Runs
        /// on every edit of any recording, so it hashes request keys once and sorts only the groups that
        /// share one.
        /// </summary>
        public static EquatableArray<DiagnosticInfo> Find(ImmutableArray<RequestFingerprint> fingerprints)
        {
            var groups = new Dictionary<string, object>(fingerprints.Length, System.StringComparer.Ordinal);
            List<List<RequestFingerprint>>? shared = null;
            foreach (RequestFingerprint print in fingerprints)
            {
                if (!groups.TryGetValue(print.RequestKey, out object? existing))
                {
                    groups.Add(print.RequestKey, print);
                }
                else if (existing is List<RequestFingerprint> list)
                {
                    list.Add(print);
                }
                else
                {
                    var group = new List<RequestFingerprint> { (RequestFingerprint)existing, print };
                    groups[print.RequestKey] = group;
                    (shared ??= new List<List<RequestFingerprint>>()).Add(group);
                }
            }

            if (shared is null)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var conflicts = new List<(string SourcePath, DiagnosticInfo Diagnostic)>();
            foreach (List<RequestFingerprint> group in shared)
            {
                group.Sort(static (left, right) => string.CompareOrdinal(left.SourcePath, right.SourcePath));
                RequestFingerprint first = group[0];
                for (int i = 1; i < group.Count; i++)
                {
                    RequestFingerprint other = group[i];
                    if (other.ResponseHash != first.ResponseHash)
                    {
                        conflicts.Add((other.SourcePath, new DiagnosticInfo(
                            DiagnosticDescriptors.AmbiguousReplay,
                            other.Location,
                            other.SourcePath, first.SourcePath)));
                    }
                }
            }

            conflicts.Sort(static (left, right) => string.CompareOrdinal(left.SourcePath, right.SourcePath));
            return new EquatableArray<DiagnosticInfo>(conflicts.ConvertAll(conflict => conflict.Diagnostic));
        }
    }
}
