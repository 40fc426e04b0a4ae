using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// No ceiling (issue #15): three times the corpus with distinct data, the original and two copies whose long texts
    /// have their letters rotated (identical copies would share literals), built into one assembly: with the data
    /// compiled as C# (before) and embedded by the build task (after). After, the opt-in scale tests run over the
    /// result: every file is a fixture, and every fixture equals a runtime parse of its file.
    /// </summary>
    internal static class CeilingBenchmark
    {
        public static void Run(string corpus)
        {
            string tripled = Triple(corpus, Path.Combine(Path.GetTempPath(), "recordinggen-ceiling"), out int files, out long bytes);
            string project = Path.GetFullPath(Path.Combine(Corpus.ProjectDirectory(), "..", "RecordingGen.ScaleTests"));
            Dotnet("restore -p:RecordingGenCorpus=\"" + tripled + "\"", project, out _);

            var watch = Stopwatch.StartNew();
            int beforeExit = Dotnet("build --no-restore -p:RecordingGenDataResource=false -p:RecordingGenCorpus=\"" + tripled + "\"", project, out string beforeOutput);
            double beforeSeconds = watch.Elapsed.TotalSeconds;
            string assembly = Path.Combine(project, "bin", "Debug", "net10.0", "RecordingGen.ScaleTests.dll");
            double beforeMb = beforeExit == 0 ? new FileInfo(assembly).Length / 1e6 : 0;
            watch.Restart();
            int afterExit = Dotnet("build --no-restore -p:RecordingGenCorpus=\"" + tripled + "\"", project, out string afterOutput);
            double afterSeconds = watch.Elapsed.TotalSeconds;
            string testOutput = "not run";
            if (afterExit == 0)
            {
                Dotnet("test --no-build -p:RecordingGenCorpus=\"" + tripled + "\"", project, out string output);
                testOutput = Summary(output);
            }


            Console.WriteLine();
            Console.WriteLine($"| Three times the corpus: {files:N0} files, {bytes / 1e6:F0} MB of JSON, one assembly | build | s | result |");
            Console.WriteLine("| --- | --- | ---: | --- |");
            Console.WriteLine($"| data compiled as C# (before) | {(beforeExit == 0 ? "built" : "failed")} | {beforeSeconds:F1} | {(beforeOutput.Contains("RG0009", StringComparison.Ordinal) ? "RG0009 (the 16 MB literal heap)" : beforeExit == 0 ? "assembly " + beforeMb.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " MB" : Summary(beforeOutput))} |");
            double afterMb = ConsumerProject.AssembliesSize(assembly) / 1e6;
            Console.WriteLine($"| facade and data in an assembly written by the build task (after) | {(afterExit == 0 ? "built" : "failed")} | {afterSeconds:F1} | assemblies {afterMb:F1} MB; scale tests (every fixture equals its file): {testOutput} |");
        }

        /// <summary>
        /// The corpus and two copies with rotated letters in every string value of 24 characters or more (the length from
        /// which the compact format gives a request string a literal of its own), except the few that say what a
        /// recording is (its type, endpoint, method and URL).
        /// </summary>
        private static string Triple(string corpus, string root, out int files, out long bytes)
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            files = 0;
            bytes = 0;
            foreach (string file in Corpus.Files(corpus))
            {
                string relative = Path.GetRelativePath(corpus, file);
                for (int copy = 0; copy < 3; copy++)
                {
                    string target = Path.Combine(root, "copy" + copy, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    byte[] json = File.ReadAllBytes(file);
                    byte[] written = copy == 0 ? json : Rotate(json, copy);
                    File.WriteAllBytes(target, written);
                    files++;
                    bytes += written.Length;
                }
            }

            return root;
        }

        private static byte[] Rotate(byte[] json, int by)
        {
            try
            {
                var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 512 });
                using var output = new MemoryStream(json.Length + 1024);
                using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
                {
                    string? property = null;
                    while (reader.Read())
                    {
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                            case JsonTokenType.PropertyName:
                                property = reader.GetString()!;
                                writer.WritePropertyName(property);
                                break;
                            case JsonTokenType.String:
                                string value = reader.GetString()!;
                                bool identifies = property is "__type__" or "endpoint" or "method" or "url";
                                writer.WriteStringValue(value.Length >= 24 && !identifies ? Rotated(value, by) : value);
                                break;
                            case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                            default: writer.WriteNullValue(); break;
                        }
                    }
                }

                return output.ToArray();
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // A string the reader will not decode (an escaped lone surrogate): the file is copied as it is.
                return json;
            }
        }

        private static string Rotated(string value, int by)
        {
            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                builder.Append(c is >= 'a' and <= 'z' ? (char)('a' + ((c - 'a' + by) % 26)) : c is >= 'A' and <= 'Z' ? (char)('A' + ((c - 'A' + by) % 26)) : c);
            }

            return builder.ToString();
        }

        private static string Summary(string output)
        {
            foreach (string line in output.Split('\n'))
            {
                if (line.Contains("Passed!", StringComparison.Ordinal) || line.Contains("Failed!", StringComparison.Ordinal) || line.Contains("error", StringComparison.Ordinal))
                {
                    return line.Trim();
                }
            }

            return "no summary";
        }

        private static int Dotnet(string arguments, string directory, out string output)
        {
            var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd() + stderr.Result;
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
