using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Validation;

namespace RecordingGen.Generator.Manifest
{
    /// <summary>
    /// What the build task found in the recordings when it wrote the data resource, for the generator: every
    /// recording's summary (the facade's names and tools), every diagnostic with its JSON location (RG0008's across
    /// files included), and the fingerprint of the data written. With it the generator emits the facade without
    /// reading a recording, and the facade and the resource come from one reading of the files.
    /// </summary>
    internal sealed record RecordingManifest(ulong Fingerprint, EquatableArray<RecordingSummary> Summaries, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>The file name the build gives the manifest; the generator finds it among the AdditionalFiles by it.</summary>
        public const string FileName = "RecordingGen.Recordings.manifest";

        /// <summary>The first line; a manifest in another layout is not read (the generator then reads the recordings).</summary>
        public const string Header = "RecordingGen manifest 1";

        /// <summary>
        /// The manifest of the recordings read as <paramref name="results"/>, collected as the generator collects them:
        /// summaries by path, each path once; each file's diagnostics once; RG0008 across them; and the fingerprint
        /// <see cref="DataResourceWriter.Write"/> wrote into the resource; then the task's own findings about the
        /// files it did not take (<paramref name="others"/>: RG0016).
        /// </summary>
        public static RecordingManifest Of(IReadOnlyList<ParseResult> results, ulong fingerprint, IEnumerable<DiagnosticInfo>? others = null)
        {
            var summaries = PathOrder.SortedDistinct(results.Where(result => result.Summary is not null).Select(result => result.Summary!), summary => summary.SourcePath);
            EquatableArray<DiagnosticInfo> found = DiagnosticInfo.Distinct(results.Select(result => result.Diagnostics).Where(list => list.Count > 0).ToImmutableArray());
            EquatableArray<DiagnosticInfo> conflicts = ReplayConflicts.Find(results.Where(result => result.Fingerprint is not null).Select(result => result.Fingerprint!).ToImmutableArray());
            return new RecordingManifest(
                fingerprint,
                new EquatableArray<RecordingSummary>(summaries),
                new EquatableArray<DiagnosticInfo>(found.Items.AddRange(conflicts.Items).AddRange(others ?? Enumerable.Empty<DiagnosticInfo>())));
        }

        public static bool IsManifest(string path)
            => path.EndsWith(FileName, StringComparison.OrdinalIgnoreCase)
               && (path.Length == FileName.Length || path[path.Length - FileName.Length - 1] is '/' or '\\');
    }
}
