#if HAS_SHARED_RECORDINGS
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// A suite far larger than the corpus: 20,000 small chat recordings (distinct text, 20 suites), built into one
    /// assembly without build servers. Reports the wall time and the compiler's peak memory, read from
    /// /proc/PID/status (VmHWM) of every csc process while the build runs; the target is under 1.5 GB.
    /// </summary>
    internal static class SyntheticScaleBenchmark
    {
        public const int Count = 20_000;

        public static void Run()
        {
            string recordings = Generate(Path.Combine(Path.GetTempPath(), "recordinggen-synthetic-" + Count.ToString(CultureInfo.InvariantCulture)));
            long bytes = Directory.GetFiles(recordings, "*.json", SearchOption.AllDirectories).Sum(path => new FileInfo(path).Length);
            string consumer = Path.Combine(Corpus.ProjectDirectory(), "Consumer");
            Wait(Process.Start(new ProcessStartInfo("dotnet", "restore -p:RecordingGenCorpus=\"" + recordings + "\"") { WorkingDirectory = consumer, RedirectStandardOutput = true })!);
            Wait(Process.Start(new ProcessStartInfo("dotnet", "build-server shutdown") { WorkingDirectory = consumer, RedirectStandardOutput = true })!);
            foreach (string folder in new[] { "bin", Path.Combine("obj", "Release") })
            {
                if (Directory.Exists(Path.Combine(consumer, folder)))
                {
                    Directory.Delete(Path.Combine(consumer, folder), recursive: true);
                }
            }

            var watch = Stopwatch.StartNew();
            using Process build = Process.Start(new ProcessStartInfo("dotnet", "build -c Release --no-restore -nodeReuse:false --disable-build-servers -p:UseSharedCompilation=false -p:RecordingGenCorpus=\"" + recordings + "\"")
            {
                WorkingDirectory = consumer,
                RedirectStandardOutput = true,
            })!;
            var output = new System.Text.StringBuilder();
            build.OutputDataReceived += (_, line) => output.AppendLine(line.Data);
            build.BeginOutputReadLine();
            long peakKb = 0;
            while (!build.WaitForExit(100))
            {
                peakKb = Math.Max(peakKb, CompilerPeakKb());
            }

            build.WaitForExit();
            double seconds = watch.Elapsed.TotalSeconds;
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException("The build of " + Count + " recordings failed:\n" + output);
            }

            Console.WriteLine();
            Console.WriteLine($"| {Count:N0} small recordings ({bytes / 1_000_000.0:F0} MB of JSON), clean build, no build servers | result | target |");
            Console.WriteLine("| --- | ---: | ---: |");
            Console.WriteLine($"| wall time | {seconds:F1} s | - |");
            Console.WriteLine($"| compiler peak memory (csc, VmHWM) | {peakKb / 1024.0:F0} MB | < 1,536 MB |");
        }

        /// <summary>The highest VmHWM of the csc processes running now, in KB (0 when none runs).</summary>
        private static long CompilerPeakKb()
        {
            long peak = 0;
            foreach (string directory in Directory.GetDirectories("/proc"))
            {
                try
                {
                    if (!int.TryParse(Path.GetFileName(directory), out _) || !File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("csc", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string? line = File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
                    if (line is not null)
                    {
                        peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                    }
                }
                catch (IOException)
                {
                    // The process ended while being read.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return peak;
        }

        private static string Generate(string root)
        {
            if (Directory.Exists(root) && Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Length == Count)
            {
                return root;
            }

            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            var random = new Random(5);
            for (int i = 0; i < Count; i++)
            {
                string suite = "suite" + (i % 20).ToString("00", CultureInfo.InvariantCulture);
                string folder = Path.Combine(root, suite, "recordings");
                Directory.CreateDirectory(folder);
                var recording = new JsonObject
                {
                    ["test_id"] = "tests/integration/" + suite + "/test_x.py::test_case[p" + i.ToString(CultureInfo.InvariantCulture) + "]",
                    ["request"] = new JsonObject
                    {
                        ["method"] = "POST",
                        ["url"] = "http://localhost:11434/v1/chat/completions",
                        ["headers"] = new JsonObject(),
                        ["body"] = new JsonObject
                        {
                            ["model"] = "llama3.2:3b",
                            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Question number " + i.ToString(CultureInfo.InvariantCulture) + ": what is " + i.ToString(CultureInfo.InvariantCulture) + " plus " + (i * 7).ToString(CultureInfo.InvariantCulture) + "?" }),
                            ["stream"] = false,
                            ["temperature"] = 0.0,
                        },
                        ["endpoint"] = "/v1/chat/completions",
                        ["model"] = "llama3.2:3b",
                    },
                    ["response"] = new JsonObject
                    {
                        ["body"] = new JsonObject
                        {
                            ["__type__"] = "openai.types.chat.chat_completion.ChatCompletion",
                            ["__data__"] = new JsonObject
                            {
                                ["id"] = "rec-" + i.ToString("x12", CultureInfo.InvariantCulture),
                                ["choices"] = new JsonArray(new JsonObject
                                {
                                    ["finish_reason"] = "stop",
                                    ["index"] = 0,
                                    ["message"] = new JsonObject { ["content"] = "The answer is " + (i * 8).ToString(CultureInfo.InvariantCulture) + ". Word " + random.Next().ToString(CultureInfo.InvariantCulture) + ".", ["role"] = "assistant" },
                                }),
                                ["created"] = 0,
                                ["model"] = "llama3.2:3b",
                                ["object"] = "chat.completion",
                                ["usage"] = new JsonObject { ["completion_tokens"] = 8, ["prompt_tokens"] = 20, ["total_tokens"] = 28 },
                            },
                        },
                        ["is_streaming"] = false,
                    },
                    ["id_normalization_mapping"] = new JsonObject(),
                };
                string name = random.Next().ToString("x8", CultureInfo.InvariantCulture) + random.Next().ToString("x8", CultureInfo.InvariantCulture) + i.ToString("x8", CultureInfo.InvariantCulture) + new string('0', 40);
                File.WriteAllText(Path.Combine(folder, name + ".json"), recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            }

            return root;
        }

        private static void Wait(Process process)
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
    }
}
#endif
