using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Compact;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// Generation in a CSharpGeneratorDriver against the floor (JsonDocument.Parse of the same texts), a
    /// one-file edit against a full run, and where a full run's time goes.
    /// </summary>
    internal static class GenerationBenchmark
    {
        public static void Run(string[] files, int rounds = 9, int warmUp = 3, int editsPerRound = 5)
        {
            List<AdditionalText> texts = Load(files);
            long bytes = files.Sum(path => new FileInfo(path).Length);
            var floor = new List<double>();
            var full = new List<double>();
            var edit = new List<double>();
            var same = new List<double>();

            // The first run in a fresh process, as a one-off csc sees it: the generator's code is not compiled yet.
            double coldFloor = Time(() => ParseAll(texts));
            double cold = Time(() => NewDriver(texts).RunGenerators(Compilation));

            // Then steady state, as in the IDE and the build server (VBCSCompiler), which keep the generator loaded:
            // warm-up rounds first, measured rounds after.
            int edited = 0;
            for (int round = 0; round < warmUp + rounds; round++)
            {
                bool measured = round >= warmUp;
                double floorRun = Time(() => ParseAll(texts));
                GeneratorDriver driver = null!;
                double fullRun = Time(() => driver = NewDriver(texts).RunGenerators(Compilation));
                if (measured)
                {
                    floor.Add(floorRun);
                    full.Add(fullRun);
                }

                // A different recording each time, as a user moves between files.
                for (int i = 0; i < editsPerRound; i++)
                {
                    AdditionalText original = texts[(edited++ * 997) % texts.Count];
                    AdditionalText changed = Edited(original);
                    double editRun = Time(() => driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(Compilation));
                    driver = driver.ReplaceAdditionalText(changed, original).RunGenerators(Compilation);
                    if (measured)
                    {
                        edit.Add(editRun);
                    }
                }

                double sameRun = Time(() => driver.RunGenerators(Compilation));
                if (measured)
                {
                    same.Add(sameRun);
                }
            }

            double floorMs = RecordingGen.Benchmarks.Measure.Median(floor), fullMs = RecordingGen.Benchmarks.Measure.Median(full), editMs = RecordingGen.Benchmarks.Measure.Median(edit);
            Console.WriteLine();
            Console.WriteLine($"| Generation over {files.Length:N0} files ({bytes / 1e6:F0} MB), medians of {rounds} rounds after {warmUp} warm-up rounds | ms | ratio |");
            Console.WriteLine("| --- | ---: | ---: |");
            Console.WriteLine($"| JsonDocument.Parse of every file (the floor) | {floorMs:F0} | 1.00 |");
            Console.WriteLine($"| full generation, fresh CSharpGeneratorDriver (target <= 2.0x) | {fullMs:F0} | {fullMs / floorMs:F2} |");
            Console.WriteLine($"| one recording edited, re-run ({edit.Count} edits of different files; target <= 2% of full) | {editMs:F1} | {editMs / fullMs:P1} of full |");
            double sameMs = RecordingGen.Benchmarks.Measure.Median(same);
            Console.WriteLine($"| re-run with nothing changed (the driver's own cost per run) | {sameMs:F1} | {sameMs / fullMs:P1} of full |");
            Console.WriteLine($"| first run in a fresh process (code not yet compiled): floor, then generation | {coldFloor:F0}, {cold:F0} | {cold / coldFloor:F2} |");
            EditSteps(texts);
            Breakdown(texts);
        }

        /// <summary>
        /// For a profiler to sample: full runs, then re-runs with nothing changed, then edits of one recording,
        /// each printed with what it cost (GC pauses, bytes allocated, JIT).
        /// </summary>
        public static void Loop(string[] files, int rounds, int reruns, int edits)
        {
            List<AdditionalText> texts = Load(files);
            GeneratorDriver driver = NewDriver(texts);
            for (int round = 0; round < rounds; round++)
            {
                TimeSpan pause = GC.GetTotalPauseDuration();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime();
                long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
                double ms = Time(() => driver = NewDriver(texts).RunGenerators(Compilation));
                Console.WriteLine($"full generation: {ms:F0} ms, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms (incl. the forced one), allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB, JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods");
            }

            double rerun = 0;
            for (int round = 0; round < reruns; round++)
            {
                rerun += Time(() => driver = driver.RunGenerators(Compilation));
            }

            Console.WriteLine($"re-runs with nothing changed: {rerun / Math.Max(1, reruns):F1} ms each");
            double editMs = 0;
            AdditionalText current = texts[texts.Count / 2];
            for (int round = 0; round < edits; round++)
            {
                AdditionalText edited = Edited(current);
                editMs += Time(() => driver = driver.ReplaceAdditionalText(current, edited).RunGenerators(Compilation));
                current = edited;
            }

            Console.WriteLine($"re-runs with one recording edited: {editMs / Math.Max(1, edits):F1} ms each");
        }

        /// <summary>The recording with its model renamed: its data changes, its name and summary do not.</summary>
        private static AdditionalText Edited(AdditionalText text)
        {
            string json = text.GetText()!.ToString();
            int at = json.IndexOf("\"model\": \"", StringComparison.Ordinal);
            return new MemoryText(text.Path, SourceText.From(at < 0 ? json + " " : json.Insert(at + 10, "edited-"), Encoding.UTF8));
        }

        /// <summary>Which generator steps an edit of one recording runs, and for how long.</summary>
        private static void EditSteps(List<AdditionalText> texts)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new RecordingGenerator().AsSourceGenerator() },
                texts,
                CSharpParseOptions.Default,
                new Options(),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            driver = driver.RunGenerators(Compilation);
            AdditionalText edited = Edited(texts[texts.Count / 2]);
            driver = driver.ReplaceAdditionalText(texts[texts.Count / 2], edited).RunGenerators(Compilation);
            GeneratorRunResult run = driver.GetRunResult().Results.Single();
            Console.WriteLine();
            Console.WriteLine("| Steps of the edit re-run (tracked) | runs | not cached | ms |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            foreach (var step in run.TrackedSteps.OrderByDescending(pair => pair.Value.Sum(item => item.ElapsedTime.TotalMilliseconds)))
            {
                int notCached = step.Value.Count(item => item.Outputs.Any(output => output.Reason is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged));
                Console.WriteLine($"| {step.Key} | {step.Value.Length} | {notCached} | {step.Value.Sum(item => item.ElapsedTime.TotalMilliseconds):F1} |");
            }
        }

        /// <summary>Median floor and full-generation times over <paramref name="files"/>.</summary>
        public static (double FloorMs, double GenerationMs) Measure(string[] files, int rounds, int warmUp = 2)
        {
            List<AdditionalText> texts = Load(files);
            var floor = new List<double>();
            var full = new List<double>();
            for (int round = 0; round < warmUp + rounds; round++)
            {
                double floorRun = Time(() => ParseAll(texts));
                double fullRun = Time(() => NewDriver(texts).RunGenerators(Compilation));
                if (round >= warmUp)
                {
                    floor.Add(floorRun);
                    full.Add(fullRun);
                }
            }

            return (RecordingGen.Benchmarks.Measure.Median(floor), RecordingGen.Benchmarks.Measure.Median(full));
        }

        /// <summary>The pipeline's steps run by hand, each the median of three passes, to see which costs what.</summary>
        private static void Breakdown(List<AdditionalText> texts)
        {
            var options = new GeneratorOptions("/");
            var utf8 = texts.Select(text => Encoding.UTF8.GetBytes(text.GetText()!.ToString())).ToList();
            List<ParseResult> results = null!;
            double read = Median3(() => ParseAll(texts, parse: false));
            double parse = Median3(() => results = texts.Select(text => RecordingParser.Parse(text, options, CancellationToken.None)).ToList());
            double flat = Median3(() => utf8.ForEach(bytes => FlatJson.Parse(bytes, RecordingParser.MaxDepth).Dispose()));
            double tokens = Median3(() => utf8.ForEach(bytes =>
            {
                using FlatJson document = FlatJson.Parse(bytes, RecordingParser.MaxDepth);
                var table = new StringTable();
                using var encoder = new JsonTokenEncoder(table);
                GC.KeepAlive(encoder.Encode(document.Root));
                GC.KeepAlive(table.WriteLayout(new ProgramBuilder()));
            })) - flat;
            double fingerprint = Median3(() => utf8.ForEach(bytes =>
            {
                using FlatJson document = FlatJson.Parse(bytes, RecordingParser.MaxDepth);
                if (document.Root.ValueKind == JsonValueKind.Object && document.Root.TryGetProperty("request", out JsonValue request))
                {
                    GC.KeepAlive(RecordingGen.Generator.Validation.ReplayIdentity.Compute("a/b.json", request, null, new LocationInfo("a/b.json", default, default), string.Empty));
                }
            })) - flat;
            var chars = texts.Select(text => text.GetText()!.ToString()).ToList();
            double secrets = Median3(() => chars.ForEach(text => GC.KeepAlive(RecordingGen.Generator.Validation.SecretCheck.Find(text.AsSpan()))));
            var emitOptions = new EmitOptions("Bench", true);
            ImmutableArray<DataBatch> batches = DataBatch.Split(results.Where(result => result.Data is not null).Select(result => result.Data!).ToImmutableArray());
            double emit = Median3(() =>
            {
                foreach (DataBatch batch in batches)
                {
                    GC.KeepAlive(DataEmitter.Emit(batch, emitOptions));
                }
            });
            var summaries = new EquatableArray<RecordingSummary>(results.Where(result => result.Summary is not null).Select(result => result.Summary!).OrderBy(summary => summary.SourcePath, StringComparer.Ordinal));
            double facade = Median3(() => GC.KeepAlive(FacadeEmitter.Emit(summaries, emitOptions)));
            Console.WriteLine();
            Console.WriteLine("| Where a full run goes (each step by hand, median of 3) | ms |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| text to UTF-8 bytes (pooled) | {read:F0} |");
            Console.WriteLine($"| RecordingParser.Parse (bytes, JSON, typed layer, validation, encoding, fingerprint) | {parse:F0} |");
            Console.WriteLine($"| of which FlatJson.Parse (tokens, every distinct string decoded once) | {flat:F0} |");
            Console.WriteLine($"| of which, about: every value to compact tokens, string table and its packed layout | {tokens:F0} |");
            Console.WriteLine($"| of which, about: ReplayIdentity.Compute (RG0008 request key) | {fingerprint:F0} |");
            Console.WriteLine($"| of which SecretCheck.Find (RG0010 over the text) | {secrets:F0} |");
            Console.WriteLine($"| DataEmitter.Emit (C# source of every batch) | {emit:F0} |");
            Console.WriteLine($"| FacadeEmitter.Emit (the Recordings class) | {facade:F0} |");
            List<RecordingData> data = results.Where(result => result.Data is not null).Select(result => result.Data!).ToList();
            List<RecordingPart> parts = data.SelectMany(item => new[] { item.Request, item.Response }).ToList();
            long programAll = parts.Sum(part => (long)part.Program.Length);
            long program = parts.Select(part => part.Program).Distinct().Sum(text => (long)text.Length);
            long packedAll = parts.Sum(part => (long)part.PackedStrings.Length);
            long packed = parts.Select(part => part.PackedStrings).Distinct().Sum(text => (long)text.Length);
            long longStrings = parts.SelectMany(part => part.LongStrings).Distinct().Sum(item => (long)item.Length);
            long longStringsAll = parts.SelectMany(part => part.LongStrings).Sum(item => (long)item.Length);
            Console.WriteLine();
            Console.WriteLine("| String-literal heap (UTF-16 chars) | chars |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| programs, distinct (of {programAll:N0}) | {program:N0} |");
            Console.WriteLine($"| packed short strings, distinct (of {packedAll:N0}) | {packed:N0} |");
            Console.WriteLine($"| long strings, distinct (of {longStringsAll:N0}) | {longStrings:N0} |");
            Console.WriteLine($"| total after the compiler's dedupe | {program + packed + longStrings:N0} |");
        }

        private static double Median3(Action action) => RecordingGen.Benchmarks.Measure.Median(new List<double> { Time(action), Time(action), Time(action) });

        private static readonly Compilation Compilation = CSharpCompilation.Create("Bench", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

        private static GeneratorDriver NewDriver(List<AdditionalText> texts)
            => CSharpGeneratorDriver.Create(
                new[] { new RecordingGenerator().AsSourceGenerator() },
                texts,
                CSharpParseOptions.Default,
                new Options(),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        /// <summary>
        /// The files as the compiler reads AdditionalFiles: SourceText.From a stream, which holds a file of
        /// more than 40K characters in chunks (LargeText) rather than in one string.
        /// </summary>
        private static List<AdditionalText> Load(string[] files)
            => files.Select(path =>
            {
                using FileStream stream = File.OpenRead(path);
                return (AdditionalText)new MemoryText(path, SourceText.From(stream, Encoding.UTF8));
            }).ToList();

        /// <summary>
        /// The floor: each text to UTF-8 the way the generator does it (copied into pooled buffers, no string
        /// or array allocated per file) and JsonDocument.Parse, so the ratio counts only what comes after.
        /// </summary>
        private static void ParseAll(List<AdditionalText> texts, bool parse = true)
        {
            foreach (AdditionalText text in texts)
            {
                SourceText source = text.GetText()!;
                char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
                source.CopyTo(0, chars, 0, source.Length);
                byte[] utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(chars, 0, source.Length)));
                int length = Encoding.UTF8.GetBytes(chars, 0, source.Length, utf8, 0);
                if (parse)
                {
                    JsonDocument.Parse(new ReadOnlyMemory<byte>(utf8, 0, length)).Dispose();
                }

                ArrayPool<byte>.Shared.Return(utf8);
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        private static double Time(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalMilliseconds;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string> { ["build_property.MSBuildProjectDirectory"] = "/", ["build_property.RootNamespace"] = "Bench" });

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

            private sealed class Values : AnalyzerConfigOptions
            {
                public static readonly Values Empty = new Values(new Dictionary<string, string>());

                private readonly Dictionary<string, string> _values;

                public Values(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
