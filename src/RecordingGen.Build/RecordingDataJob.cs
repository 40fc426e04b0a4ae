using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Build
{
    /// <summary>
    /// The work of <see cref="WriteRecordingData"/>: parse and encode the chosen recordings exactly as the generator does
    /// (the same code), then write the data resource and the manifest. It may run on a thread of its own while MSBuild
    /// goes on with the project (see <see cref="AwaitRecordingData"/>), so it never logs: what it has to say is its
    /// <see cref="Outcome"/>, logged by whichever task waits for it. Registered with MSBuild for the build's lifetime,
    /// whose end disposes it: a build that ends before waiting still never leaves it writing.
    /// </summary>
    internal sealed class RecordingDataJob : IDisposable
    {
        private readonly Task<Outcome> _work;

        private RecordingDataJob(Task<Outcome> work)
        {
            _work = work;
        }

        /// <summary>The key under which a started job waits for its <see cref="AwaitRecordingData"/>: its data file (a full path).</summary>
        public static string KeyOf(string outputFile) => "RecordingGen.RecordingDataJob:" + outputFile;

        public static RecordingDataJob Start(Chosen chosen, GeneratorOptions options, string outputFile, string manifestFile)
            => new RecordingDataJob(Task.Run(() => Run(chosen, options, outputFile, manifestFile)));

        /// <summary>
        /// The .json files as the generator would take them, by their metadata as the compiler would pass it: the
        /// recordings, and the files neither taken nor marked (<c>RecordingGen="false"</c>), which are checked for
        /// looking like recordings (RG0016) here, where the metadata is, rather than by the generator.
        /// </summary>
        public static Chosen Choose(ITaskItem[] items)
        {
            var recordings = new List<RecordingFile>();
            var unmarked = new List<RecordingSource>();
            foreach (ITaskItem item in items.Where(item => item.ItemSpec.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                var source = new RecordingSource(item.GetMetadata("FullPath"));
                string? flag = EditorConfigValue(item.GetMetadata("RecordingGen"));
                if (OptionsReader.Select(RecordingFile.Of(source, EditorConfigValue(item.GetMetadata("Link"))), flag) is { } recording)
                {
                    recordings.Add(recording);
                }
                else if (flag is null)
                {
                    unmarked.Add(source);
                }
            }

            return new Chosen(recordings.ToArray(), unmarked.ToArray());
        }

        public static Outcome Run(Chosen chosen, GeneratorOptions options, string outputFile, string manifestFile)
        {
            try
            {
                RecordingFile[] files = chosen.Recordings;
                var results = new ParseResult[files.Length];
                Parallel.For(0, files.Length, i => results[i] = RecordingParser.Parse(files[i], options, CancellationToken.None));
                DiagnosticInfo[] strays = chosen.Unmarked.Select(source => OptionsReader.CheckStray(source, CancellationToken.None)).Where(found => found is not null).Select(found => found!).ToArray();

                // In the order of the generator's facade, as the generator collects them.
                List<RecordingData> sorted = PathOrder.SortedDistinct(results.Where(result => result.Data is not null).Select(result => result.Data!), value => value.SourcePath);
                ulong fingerprint = 0;
                WriteAtomically(outputFile, output => fingerprint = DataResourceWriter.Write(output, sorted));
                WriteAtomically(manifestFile, output =>
                {
                    byte[] text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ManifestWriter.Write(RecordingManifest.Of(results, fingerprint, strays)));
                    output.Write(text, 0, text.Length);
                });
                return new Outcome(null, "RecordingGen: wrote the data of " + sorted.Count + " recordings to " + outputFile);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return new Outcome("RecordingGen could not write the recordings' data resource: " + exception.Message, null);
            }
        }

        /// <summary>Waits for the work (its exceptions, if any, rethrown as they were).</summary>
        public Outcome Wait() => _work.GetAwaiter().GetResult();

        public void Dispose()
        {
            // Only waits: what the work had to say went unheard because no task waited for it (the build ended first).
            ((IAsyncResult)_work).AsyncWaitHandle.WaitOne();
        }

        /// <summary>Written beside and moved into place, so a build cut short never leaves half a file behind.</summary>
        private static void WriteAtomically(string file, Action<Stream> write)
        {
            string temporary = file + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(output);
            }

            if (File.Exists(file))
            {
                File.Delete(file);
            }

            File.Move(temporary, file);
        }

        /// <summary>
        /// Metadata as the generator receives it: the compiler passes it through an .editorconfig, whose values end at
        /// the first '#' or ';' and are trimmed.
        /// </summary>
        private static string? EditorConfigValue(string value)
        {
            int end = value.IndexOfAny(new[] { '#', ';' });
            string cut = (end < 0 ? value : value.Substring(0, end)).Trim();
            return cut.Length == 0 ? null : cut;
        }

        /// <summary>The recordings to write, and the other .json files to check.</summary>
        internal sealed class Chosen
        {
            public Chosen(RecordingFile[] recordings, RecordingSource[] unmarked)
            {
                Recordings = recordings;
                Unmarked = unmarked;
            }

            public RecordingFile[] Recordings { get; }

            public RecordingSource[] Unmarked { get; }
        }

        /// <summary>What the work has to report: an error (RG0017), or the message of a success.</summary>
        internal sealed class Outcome
        {
            public Outcome(string? error, string? message)
            {
                Error = error;
                Message = message;
            }

            public string? Error { get; }

            public string? Message { get; }

            /// <summary>Logs it as the task <paramref name="taskName"/>; false for an error.</summary>
            public bool Log(IBuildEngine? engine, string outputFile, string taskName)
            {
                if (Error is not null)
                {
                    engine?.LogErrorEvent(new BuildErrorEventArgs(null, "RG0017", outputFile, 0, 0, 0, 0, Error, null, taskName));
                    return false;
                }

                engine?.LogMessageEvent(new BuildMessageEventArgs(Message, null, taskName, MessageImportance.Low));
                return true;
            }
        }
    }
}
