using System.Collections.Generic;
using System.Linq;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Validation
{
    /// <summary>RG0008: recordings whose requests replay cannot tell apart but whose responses differ.</summary>
    internal static class ReplayConflicts
    {
        public static IEnumerable<DiagnosticInfo> Find(IEnumerable<RequestFingerprint> fingerprints)
        {
            foreach (IGrouping<string, RequestFingerprint> group in fingerprints
                .OrderBy(print => print.SourcePath, System.StringComparer.Ordinal)
                .GroupBy(print => print.RequestKey))
            {
                RequestFingerprint first = group.First();
                foreach (RequestFingerprint other in group.Skip(1))
                {
                    if (other.ResponseHash != first.ResponseHash)
                    {
                        yield return new DiagnosticInfo(
                            DiagnosticDescriptors.AmbiguousReplay,
                            other.Location,
                            new EquatableArray<string>(new[] { other.SourcePath, first.SourcePath }));
                    }
                }
            }
        }
    }
}
