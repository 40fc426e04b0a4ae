using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// Growth with the number of recordings: generation in the driver, and a clean `dotnet build` of a consumer
    /// project (median wall time of three builds and their highest peak memory, from /usr/bin/time -v, build
    /// server off), and the assembly's size, at
    /// 100, 300, 1,000 and all 2,737 files; drawn as an SVG plot for the README. The clean-build target (issue #15)
    /// is measured apart, the empty project and the whole corpus after and before in turn, five times each.
    /// </summary>
    internal static class ScaleBenchmark
    {
        private static readonly int[] Sizes = { 100, 300, 1000, 2737 };

        public static void Run(string corpus, string plotPath)
        {
            string[] files = Corpus.Files(corpus);
            string consumer = Path.Combine(Corpus.ProjectDirectory(), "Consumer");
            string samples = Path.Combine(Path.GetTempPath(), "recordinggen-scale");
            Run("dotnet", "restore " + Quote(consumer), consumer);

            Build empty = BuildSample(consumer, Sample(samples, corpus, Array.Empty<string>(), "empty"));
            var rows = new List<(int Files, long Bytes, double GenerationMs, double FloorMs, Build Build)>();
            foreach (int size in Sizes.Where(size => size <= files.Length))
            {
                string[] sample = files.Take(size).ToArray();
                (double floor, double generation) = GenerationBenchmark.Measure(sample, rounds: 5);
                Build build = BuildSample(consumer, Sample(samples, corpus, sample, size.ToString(CultureInfo.InvariantCulture)));
                rows.Add((size, sample.Sum(path => new FileInfo(path).Length), generation, floor, build));
            }

            // The clean-build target, side by side: the empty project, the whole corpus with the facade written as an
            // assembly by the build task (after: the default), with the data embedded but the facade compiled as C#
            // (RecordingGenFacadeAssembly=false, the default before) and with everything compiled as C# (before issue
            // #15: RecordingGenDataResource=false), in turn, so that the machine's drift (the first builds of a run are
            // the slowest) falls on all four alike.
            string whole = Path.Combine(samples, files.Length.ToString(CultureInfo.InvariantCulture));
            var turns = new List<(Build Empty, Build After, Build FacadeAsCSharp, Build Before)>();
            for (int i = 0; i < SideBySideRuns; i++)
            {
                turns.Add((
                    BuildOnce(consumer, Path.Combine(samples, "empty")),
                    BuildOnce(consumer, whole),
                    BuildOnce(consumer, whole, properties: "-p:RecordingGenFacadeAssembly=false"),
                    BuildOnce(consumer, whole, properties: "-p:RecordingGenDataResource=false")));
            }

            Build emptyTurn = Median(turns.Select(turn => turn.Empty));
            Build after = Median(turns.Select(turn => turn.After));
            Build facadeAsCSharp = Median(turns.Select(turn => turn.FacadeAsCSharp));
            Build before = Median(turns.Select(turn => turn.Before));

            Console.WriteLine();
            Console.WriteLine("| Files | JSON MB | generation ms (x floor) | clean build s | build minus empty project, x floor (target <= 15) | peak MB (target <= 1,536) | assembly MB (% of JSON, target <= 15%) |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| 0 | 0 | - | {empty.Seconds:F1} | - | {empty.PeakMb:F0} | {empty.AssemblyBytes / 1e6:F2} |");
            foreach (var row in rows)
            {
                Console.WriteLine(
                    $"| {row.Files:N0} | {row.Bytes / 1e6:F1} | {row.GenerationMs:F0} ({row.GenerationMs / row.FloorMs:F1}x) | {row.Build.Seconds:F1} | {(row.Build.Seconds - empty.Seconds) * 1000 / row.FloorMs:F0}x | {row.Build.PeakMb:F0} | {row.Build.AssemblyBytes / 1e6:F2} ({row.Build.AssemblyBytes * 100.0 / row.Bytes:F1}%) |");
            }

            Console.WriteLine();
            Console.WriteLine("| Clean build, build server off, the four in turn, median of " + SideBySideRuns + " | s | more than without recordings (target <= 4 s) | peak MB (target <= 1,536) | assembly MB (% of JSON, target <= 15%) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| no recordings | {emptyTurn.Seconds:F1} | | {emptyTurn.PeakMb:F0} | {emptyTurn.AssemblyBytes / 1e6:F2} |");
            foreach ((string name, Build build) in new[]
            {
                ("the corpus, data compiled as C# (before)", before),
                ("the corpus, data embedded, facade compiled as C# (RecordingGenFacadeAssembly=false)", facadeAsCSharp),
                ("the corpus, facade and data in an assembly written by the build task (after: the default)", after),
            })
            {
                Console.WriteLine($"| {name} | {build.Seconds:F1} | {build.Seconds - emptyTurn.Seconds:F1} | {build.PeakMb:F0} | {build.AssemblyBytes / 1e6:F2} ({build.AssemblyBytes * 100.0 / rows[^1].Bytes:F1}%) |");
            }

            // The same clean builds through the build server, as `dotnet build` runs by default: a server kept
            // from an earlier build has the compiler and the generator already compiled.
            string emptySample = Path.Combine(samples, "empty");
            string fullSample = Path.Combine(samples, files.Length.ToString(CultureInfo.InvariantCulture));
            // In turn, as above, so that the server's own warming falls on both alike.
            Run("dotnet", "build-server shutdown", consumer);
            BuildOnce(consumer, fullSample, buildServer: true);
            var warmTurns = Enumerable.Range(0, BuildRuns)
                .Select(_ => (Empty: BuildOnce(consumer, emptySample, buildServer: true).Seconds, Full: BuildOnce(consumer, fullSample, buildServer: true).Seconds))
                .ToList();
            double warmEmpty = warmTurns.Select(turn => turn.Empty).OrderBy(seconds => seconds).ElementAt(BuildRuns / 2);
            double warmFull = warmTurns.Select(turn => turn.Full).OrderBy(seconds => seconds).ElementAt(BuildRuns / 2);
            Run("dotnet", "build-server shutdown", consumer);
            double fullFloor = rows[^1].FloorMs;
            Console.WriteLine();
            Console.WriteLine("| Clean build through a warm build server (dotnet build's default), the two in turn, median of 3 | s |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| no recordings | {warmEmpty:F1} |");
            Console.WriteLine($"| {files.Length:N0} files | {warmFull:F1} |");
            Console.WriteLine($"| difference / parse floor ({fullFloor:F0} ms) | {(warmFull - warmEmpty) * 1000 / fullFloor:F0}x |");

            File.WriteAllText(plotPath, SvgPlot.Draw(rows.Select(row => (row.Files, row.GenerationMs / 1000, row.Build.Seconds, row.Build.PeakMb, row.Build.AssemblyBytes / 1e6)).ToList()));
            Console.WriteLine();
            Console.WriteLine("plot: " + plotPath);
        }

        /// <summary>A folder of links to <paramref name="files"/>, keeping their layout (and so their group names).</summary>
        private static string Sample(string root, string corpus, string[] files, string name)
        {
            string folder = Path.Combine(root, name);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (string file in files)
            {
                string link = Path.Combine(folder, Path.GetRelativePath(corpus, file));
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, file);
            }

            return folder;
        }

        // Each build is repeated and the median taken: one build's wall time varies by seconds on this machine.
        private const int BuildRuns = 3;

        private const int SideBySideRuns = 5;

        private static Build BuildSample(string consumer, string sample, string properties = "")
            => Median(Enumerable.Range(0, BuildRuns).Select(_ => BuildOnce(consumer, sample, properties: properties)));

        /// <summary>The build of median time, with the highest peak memory of them all.</summary>
        private static Build Median(IEnumerable<Build> runs)
        {
            var builds = runs.OrderBy(build => build.Seconds).ToList();
            return builds[builds.Count / 2] with { PeakMb = builds.Max(build => build.PeakMb) };
        }

        private static Build BuildOnce(string consumer, string sample, bool buildServer = false, string properties = "")
        {
            foreach (string output in new[] { "bin", Path.Combine("obj", "Release") })
            {
                string path = Path.Combine(consumer, output);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }

            string timing = Path.Combine(Path.GetTempPath(), "recordinggen-build-time.txt");
            if (buildServer)
            {
                Run("/usr/bin/time", "-v -o " + Quote(timing) + " dotnet build " + Quote(consumer) + " -c Release --no-restore -p:RecordingGenCorpus=" + Quote(sample), consumer);
            }
            else
            {
                Run("dotnet", "build-server shutdown", consumer);
                Run("/usr/bin/time", "-v -o " + Quote(timing) + " dotnet build " + Quote(consumer) + " -c Release --no-restore -nodeReuse:false --disable-build-servers -p:UseSharedCompilation=false " + properties + " -p:RecordingGenCorpus=" + Quote(sample), consumer);
            }

            string[] lines = File.ReadAllLines(timing);
            double seconds = ParseWall(lines.Single(line => line.Contains("Elapsed (wall clock)")).Split(' ').Last());
            double peak = long.Parse(lines.Single(line => line.Contains("Maximum resident set size")).Split(' ').Last(), CultureInfo.InvariantCulture) / 1024.0;
            long size = ConsumerProject.AssembliesSize(Path.Combine(consumer, "bin", "Release", "net10.0", "RecordingGen.Benchmarks.Consumer.dll"));
            return new Build(seconds, peak, size);
        }

        private static double ParseWall(string text)
        {
            string[] parts = text.Split(':');
            double seconds = double.Parse(parts[^1], CultureInfo.InvariantCulture);
            return parts.Length == 3 ? (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60) + seconds : (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + seconds;
        }

        private static void Run(string command, string arguments, string directory)
        {
            var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(command + " " + arguments + " failed:\n" + output);
            }
        }

        private static string Quote(string path) => "\"" + path + "\"";

        private sealed record Build(double Seconds, double PeakMb, long AssemblyBytes);
    }
}
