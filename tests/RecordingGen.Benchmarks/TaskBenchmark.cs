#if HAS_SHARED_RECORDINGS
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using RecordingGen.Build;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// The build task (WriteRecordingData) over the whole corpus, each run in a fresh process as a clean build runs it:
    /// FlatJson's own scanner against System.Text.Json's reader alone (FlatJson.ScanFirst off), in turn, and the
    /// scanner's second run in one process (the code compiled and tiered up) for what the runtime's start costs.
    /// </summary>
    internal static class TaskBenchmark
    {
        private const int Processes = 7;

        public static void Run(string corpus)
        {
            var reader = new List<double>();
            var scanner = new List<double>();
            var warm = new List<double>();
            for (int i = 0; i < Processes; i++)
            {
                reader.Add(Child(corpus, "reader")[0]);
                double[] twice = Child(corpus, "scanner-twice");
                scanner.Add(twice[0]);
                warm.Add(twice[1]);
            }

            double r = Measure.Median(reader), s = Measure.Median(scanner), w = Measure.Median(warm);
            Console.WriteLine();
            Console.WriteLine("| The build task over the corpus (2,737 files), fresh processes in turn, median of " + Processes + " | ms | / reader alone |");
            Console.WriteLine("| --- | ---: | ---: |");
            Console.WriteLine($"| System.Text.Json's reader alone (as before FlatJson's scanner) | {r:F0} | 1.00 |");
            Console.WriteLine($"| FlatJson's scanner, the reader for what it declines (the default) | {s:F0} | {s / r:F2} |");
            Console.WriteLine($"| the same, run a second time in its process (compiled, tiered up) | {w:F0} | {w / r:F2} |");
        }

        /// <summary>Runs in the child process: the task once, or twice, printing the milliseconds of each run.</summary>
        public static void RunChild(string corpus, string mode)
        {
            FlatJson.ScanFirst = mode != "reader";
            ITaskItem[] files = Corpus.Files(corpus).Select(path => (ITaskItem)new FileItem(path)).ToArray();
            string output = Path.Combine(Path.GetTempPath(), "recordinggen-task-benchmark-" + Environment.ProcessId);
            Directory.CreateDirectory(output);
            try
            {
                var times = new List<string>();
                for (int run = 0; run < (mode == "scanner-twice" ? 2 : 1); run++)
                {
                    var task = new WriteRecordingData
                    {
                        Files = files,
                        ProjectDirectory = corpus,
                        OutputFile = Path.Combine(output, "data"),
                        ManifestFile = Path.Combine(output, "manifest"),
                    };
                    var watch = Stopwatch.StartNew();
                    if (!task.Execute())
                    {
                        throw new InvalidOperationException("The task failed.");
                    }

                    times.Add(watch.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
                }

                Console.WriteLine(string.Join(" ", times));
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }

        private static double[] Child(string corpus, string mode)
        {
            ProcessStartInfo start = ChildProcess.Self("task-child", corpus, mode);

            // MSBuild runs tasks under the workstation GC; this harness is configured for the compiler's server GC.
            start.Environment["DOTNET_gcServer"] = "0";
            return ChildProcess.Output(start).Trim().Split(' ').Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        }

        /// <summary>An AdditionalFiles item as MSBuild hands it to the task: a full path and no metadata.</summary>
        private sealed class FileItem : ITaskItem
        {
            public FileItem(string path)
            {
                ItemSpec = Path.GetFullPath(path);
            }

            public string ItemSpec { get; set; }

            public ICollection MetadataNames => Array.Empty<string>();

            public int MetadataCount => 0;

            public IDictionary CloneCustomMetadata() => new Hashtable();

            public void CopyMetadataTo(ITaskItem destinationItem)
            {
            }

            public string GetMetadata(string metadataName) => metadataName == "FullPath" ? ItemSpec : string.Empty;

            public void RemoveMetadata(string metadataName)
            {
            }

            public void SetMetadata(string metadataName, string metadataValue)
            {
            }
        }
    }
}
#endif
