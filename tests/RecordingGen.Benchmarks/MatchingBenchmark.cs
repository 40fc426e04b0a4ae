#if HAS_SHARED_RECORDINGS
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Internal;
using RecordingGen.Replay;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// What finding the recording for a request costs as a suite grows: each sampled chat request of the corpus
    /// matched by one handler over every corpus recording, against the same request matched by a handler over
    /// that one recording, in alternating rounds of one run. Building the handler's index (on its first request)
    /// is left out; both sides parse and normalize the request the same way.
    /// </summary>
    internal static class MatchingBenchmark
    {
        private const int Samples = 300;
        private const int Rounds = 7;

        public static void Run(string[] files)
        {
            List<Recording> all = files.Select(Read).Where(recording => recording is not null).Select(recording => recording!).ToList();
            List<Recording> chats = all.Where(recording => (recording.Request.Endpoint ?? string.Empty).EndsWith("/chat/completions", StringComparison.Ordinal) && recording.Request.BodyJson is not null && recording.Request.Method is not null).ToList();
            var corpusHandler = new RecordingReplayHandler(all);

            var requests = new List<(string Method, string Path, string Body, RecordingReplayHandler Alone)>();
            for (int i = 0; i < chats.Count && requests.Count < Samples; i += Math.Max(1, chats.Count / Samples))
            {
                Recording recording = chats[i];
                string path = recording.Request.Endpoint ?? new Uri(recording.Request.Url!).AbsolutePath;
                var alone = new RecordingReplayHandler(new[] { recording });
                try
                {
                    // Both must answer it; the corpus handler may answer with an identical recording of another test.
                    alone.Match(recording.Request.Method!, path, recording.Request.BodyJson);
                    corpusHandler.Match(recording.Request.Method!, path, recording.Request.BodyJson);
                    requests.Add((recording.Request.Method!, path, recording.Request.BodyJson!, alone));
                }
                catch (RecordingMismatchException)
                {
                }
            }

            var corpusTimes = new List<double>();
            var aloneTimes = new List<double>();
            for (int round = 0; round < Rounds; round++)
            {
                double corpus = Time(requests, request => corpusHandler.Match(request.Method, request.Path, request.Body));
                double alone = Time(requests, request => request.Alone.Match(request.Method, request.Path, request.Body));
                corpusTimes.Add(corpus);
                aloneTimes.Add(alone);
            }

            double corpusMedian = Median(corpusTimes);
            double aloneMedian = Median(aloneTimes);
            Console.WriteLine();
            Console.WriteLine($"| Matching one request ({requests.Count} chat requests of the corpus, medians of {Rounds} rounds) | us per request |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| handler over one recording | {aloneMedian:F1} |");
            Console.WriteLine($"| handler over the whole corpus ({all.Count:N0} recordings) | {corpusMedian:F1} |");
            Console.WriteLine($"| ratio (target < 1.5) | {corpusMedian / aloneMedian:F2} |");
        }

        private static double Time(List<(string Method, string Path, string Body, RecordingReplayHandler Alone)> requests, Action<(string Method, string Path, string Body, RecordingReplayHandler Alone)> match)
        {
            var watch = Stopwatch.StartNew();
            foreach (var request in requests)
            {
                match(request);
            }

            return watch.Elapsed.TotalMilliseconds * 1000 / requests.Count;
        }

        private static double Median(List<double> values)
        {
            double[] sorted = values.OrderBy(value => value).ToArray();
            return sorted[sorted.Length / 2];
        }

        private static Recording? Read(string path)
        {
            ParseResult result = RecordingParser.Parse(new MemoryText(path, SourceText.From(File.ReadAllText(path), Encoding.UTF8)), new GeneratorOptions(Path.GetDirectoryName(path)), CancellationToken.None);
            if (result.Data is not RecordingData data)
            {
                return null;
            }

            return RecordingDataReader.Read(
                data.SourcePath,
                data.Request.Program,
                data.Request.PackedStrings,
                data.Request.LongStrings.Count == 0 ? null : data.Request.LongStrings.Items.ToArray(),
                data.Response.Program,
                data.Response.PackedStrings,
                data.Response.LongStrings.Count == 0 ? null : data.Response.LongStrings.Items.ToArray());
        }
    }
}
#endif
