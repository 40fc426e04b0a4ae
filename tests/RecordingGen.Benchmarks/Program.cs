using System;
using System.Linq;
using System.Threading.Tasks;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
#if HAS_SHARED_RECORDINGS
            string which = args.FirstOrDefault() ?? "all";
            if (which == "runtime-child")
            {
                RuntimeBenchmark.RunChild(args[1]);
                return 0;
            }

            if (which == "task-child")
            {
                TaskBenchmark.RunChild(args[1], args[2]);
                return 0;
            }

            if (which == "generation-loop")
            {
                // For a profiler (perf, dotnet-trace): generation-loop [full runs] [unchanged re-runs] [edits]
                GenerationBenchmark.Loop(Corpus.Files(Corpus.Unpack()), rounds: args.Length > 1 ? int.Parse(args[1]) : 10, reruns: args.Length > 2 ? int.Parse(args[2]) : 0, edits: args.Length > 3 ? int.Parse(args[3]) : 0);
                return 0;
            }

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            if (which is "all" or "generation")
            {
                GenerationBenchmark.Run(Corpus.Files(Corpus.Unpack()));
            }

            if (which is "all" or "task")
            {
                TaskBenchmark.Run(Corpus.Unpack());
            }

            if (which is "all" or "scale")
            {
                string corpus = Corpus.Unpack();
                ScaleBenchmark.Run(corpus, System.IO.Path.GetFullPath(System.IO.Path.Combine(Corpus.ProjectDirectory(), "scaling.svg")));
            }

            if (which is "all" or "runtime")
            {
                RuntimeBenchmark.Run();
            }

            if (which is "all" or "replay")
            {
                await ReplayBenchmark.Run();
            }

            if (which is "all" or "synthetic")
            {
                SyntheticScaleBenchmark.Run();
            }

            if (which is "all" or "matching")
            {
                MatchingBenchmark.Run(Corpus.Files(Corpus.Unpack()));
            }

            if (which is "all" or "layout")
            {
                LayoutBenchmark.Run(Corpus.Unpack());
            }

            if (which is "all" or "ceiling")
            {
                CeilingBenchmark.Run(Corpus.Unpack());
            }

            return 0;
#else
            await Task.CompletedTask;
            Console.Error.WriteLine("The benchmarks need ../shared beside the checkout (its recordings and corpus).");
            return 1;
#endif
        }
    }
}
