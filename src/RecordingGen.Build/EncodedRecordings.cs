using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Build
{
    /// <summary>
    /// What the task writes for the recordings it chose: the data resource (DataResourceFormat), its fingerprint and
    /// the manifest. Apart from the task itself, which needs MSBuild's types, so tests can run the same code.
    /// </summary>
    internal sealed record EncodedRecordings(RecordingManifest Manifest, ulong Fingerprint, byte[] Data)
    {
        /// <summary>
        /// Parses and encodes <paramref name="files"/> as the generator would, in the order of its facade (as it collects
        /// them); <paramref name="others"/> are findings about files not taken, which the manifest carries.
        /// </summary>
        public static EncodedRecordings Of(IReadOnlyList<RecordingFile> files, GeneratorOptions options, IEnumerable<DiagnosticInfo> others)
        {
            var results = new ParseResult[files.Count];
            Parallel.For(0, files.Count, i => results[i] = RecordingParser.Parse(files[i], options, CancellationToken.None));
            List<RecordingData> sorted = PathOrder.SortedDistinct(results.Where(result => result.Data is not null).Select(result => result.Data!), value => value.SourcePath);
            using var data = new MemoryStream();
            ulong fingerprint = DataResourceWriter.Write(data, sorted);
            return new EncodedRecordings(RecordingManifest.Of(results, fingerprint, others), fingerprint, data.ToArray());
        }
    }
}
