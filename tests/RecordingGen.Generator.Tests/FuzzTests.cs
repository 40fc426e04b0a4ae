using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Internal;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// Seeded fuzzing over real and own recordings: truncations, byte flips, invalid UTF-8, deleted and
    /// duplicated tokens, duplicate keys, deep nesting, huge strings, BOMs, CRLFs and id mappings, under
    /// hostile file and folder names (C# keywords, the facade's own member names, names that collide once made
    /// identifiers, control and direction characters, doubled separators). Every case must end in
    /// data that decodes, or in RG diagnostics with a location inside the file; never in RG9999 (which means
    /// the generator failed), an exception or a hang. Batches of cases also go through the real driver and
    /// the compiler. RECORDINGGEN_FUZZ_CASES sets the count (10,000 by default; the README's command runs 100,000).
    /// </summary>
    public sealed class FuzzTests
    {
        private const int Seed = 20261125;
        private const int BatchSize = 500;
        private static readonly System.Text.Json.JsonDocumentOptions DeepJson = new System.Text.Json.JsonDocumentOptions { MaxDepth = 1000 };
        private static readonly Regex Token = new Regex("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|[{}\\[\\]:,]", RegexOptions.CultureInvariant);

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Mutated_recordings_end_in_data_or_located_diagnostics_and_compile()
        {
            int cases = int.TryParse(Environment.GetEnvironmentVariable("RECORDINGGEN_FUZZ_CASES"), out int configured) ? configured : 10_000;
            List<string> seeds = Seeds();
            var random = new Random(Seed);
            var outcomes = new Dictionary<string, int>();
            var batch = new List<AdditionalText>();
            int compiled = 0;
            int batchData = 0;

            for (int i = 0; i < cases; i++)
            {
                string seed = seeds[random.Next(seeds.Count)];
                (string mutation, SourceText text) = Mutate(seed, random);
                string path = FileName(random, i);
                var file = new InMemoryAdditionalText(path, text);

                ParseResult result = ParseWithin(file, TimeSpan.FromSeconds(30), mutation, i);
                string outcome = Check(result, text, PathNames.Canonical(path), mutation, i);
                outcomes[outcome] = outcomes.TryGetValue(outcome, out int count) ? count + 1 : 1;

                batch.Add(file);
                batchData += result.Data is null ? 0 : 1;
                if (batch.Count == BatchSize || i == cases - 1)
                {
                    // Every case with data is emitted as a data class and all of it compiles.
                    Assert.Equal(batchData, CompileBatch(batch));
                    compiled += batchData;
                    batch.Clear();
                    batchData = 0;
                }
            }

            _output.WriteLine(cases + " cases from " + seeds.Count + " seeds (seed " + Seed + "); " + compiled + " generated sources compiled");
            foreach (KeyValuePair<string, int> pair in outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                _output.WriteLine("  " + pair.Key + ": " + pair.Value);
            }

            // Both kinds of ending must occur, or the mutations are not exercising the generator.
            Assert.Contains("data", outcomes.Keys);
            Assert.Contains("RG0001", outcomes.Keys);
        }

        [Fact]
        public void Nesting_ten_thousand_levels_deep_is_RG0001_not_a_stack_overflow()
        {
            string json = "{\"request\":{},\"response\":{\"body\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";
            ParseResult result = RecordingParser.Parse(new InMemoryAdditionalText("/project/recordings/deep.json", json), new GeneratorOptions("/project"), CancellationToken.None);

            Assert.Equal("RG0001", Assert.Single(result.Diagnostics).Descriptor.Id);
            Assert.Contains("depth", Assert.Single(result.Diagnostics).MessageArgs[1]);
        }

        private static List<string> Seeds()
        {
            IEnumerable<string> files = Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories);
            if (TestPaths.HasSharedRecordings)
            {
                files = files.Concat(Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories));
            }

            // Large seeds add time, not new shapes; huge values are a mutation of their own.
            return files.Where(path => new FileInfo(path).Length < 100_000).OrderBy(path => path, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        }

        private static (string Mutation, SourceText Text) Mutate(string seed, Random random)
        {
            switch (random.Next(12))
            {
                case 10:
                    return ("id-mapping", SourceText.From(AddIdMapping(seed, random)));
                case 0:
                    return ("truncate", SourceText.From(seed.Substring(0, random.Next(seed.Length))));
                case 1:
                    return ("flip-bytes", FromBytes(FlipBytes(Encoding.UTF8.GetBytes(seed), random)));
                case 2:
                    return ("invalid-utf8", FromBytes(InsertInvalidUtf8(Encoding.UTF8.GetBytes(seed), random)));
                case 3:
                    return ("delete-token", SourceText.From(EditToken(seed, random, duplicate: false)));
                case 4:
                    return ("duplicate-token", SourceText.From(EditToken(seed, random, duplicate: true)));
                case 5:
                    return ("duplicate-key", SourceText.From(Regex.Replace(seed, "\\{\\s*(\"[a-z_]+\"\\s*:\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[-\\d.]+|true|false|null)\\s*),", "{$1,$1,")));
                case 6:
                    return ("deep-nesting", SourceText.From(Nest(seed, random.Next(2) == 0 ? 10_000 : 200)));
                case 7:
                    return ("huge-string", SourceText.From(InsertHugeString(seed, random)));
                case 8:
                    return ("bom", FromBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(seed)).ToArray()));
                case 9:
                    return ("crlf", SourceText.From(seed.Replace("\n", "\r\n")));
                default:
                    return ("unchanged", SourceText.From(seed));
            }
        }

        private static SourceText FromBytes(byte[] bytes) => SourceText.From(bytes, bytes.Length, Encoding.UTF8, throwIfBinaryDetected: false);

        private static byte[] FlipBytes(byte[] bytes, Random random)
        {
            for (int n = random.Next(1, 4); n > 0 && bytes.Length > 0; n--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            return bytes;
        }

        private static byte[] InsertInvalidUtf8(byte[] bytes, Random random)
        {
            byte[][] invalid = { new byte[] { 0xFF }, new byte[] { 0xC0, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80 } };
            int at = random.Next(bytes.Length + 1);
            return bytes.Take(at).Concat(invalid[random.Next(invalid.Length)]).Concat(bytes.Skip(at)).ToArray();
        }

        private static string EditToken(string seed, Random random, bool duplicate)
        {
            MatchCollection tokens = Token.Matches(seed);
            if (tokens.Count == 0)
            {
                return seed;
            }

            Match token = tokens[random.Next(tokens.Count)];
            return seed.Substring(0, token.Index) + (duplicate ? token.Value + token.Value : string.Empty) + seed.Substring(token.Index + token.Length);
        }

        /// <summary>
        /// An <c>id_normalization_mapping</c> whose original is a piece of the file (an id, a word, part of a member
        /// name) and whose key is ordinary, empty, very long or hostile text.
        /// </summary>
        private static string AddIdMapping(string seed, Random random)
        {
            int start = seed.IndexOf('{');
            if (start < 0 || seed.Length < 20)
            {
                return seed;
            }

            int from = random.Next(seed.Length - 12);
            string original = seed.Substring(from, random.Next(1, 12));
            string[] keys = { "rec-abc", string.Empty, new string('k', random.Next(1, 5_000)), "line\nbreak", "request", "\\u0000" };
            string key = keys[random.Next(keys.Length)];
            string mapping = "\"id_normalization_mapping\": {" + System.Text.Json.JsonSerializer.Serialize(key) + ": " + System.Text.Json.JsonSerializer.Serialize(original) + "}, ";
            return seed.Substring(0, start + 1) + mapping + seed.Substring(start + 1);
        }

        private static string Nest(string seed, int depth)
        {
            int at = seed.IndexOf("\"body\":", StringComparison.Ordinal);
            if (at < 0)
            {
                return new string('[', depth) + seed + new string(']', depth);
            }

            at += "\"body\":".Length;
            return seed.Substring(0, at) + new string('[', depth) + "1" + new string(']', depth) + "," + "\"nested_away\":" + seed.Substring(at);
        }

        private static string InsertHugeString(string seed, Random random)
        {
            MatchCollection strings = Regex.Matches(seed, ":\\s*\"");
            if (strings.Count == 0)
            {
                return seed;
            }

            Match at = strings[random.Next(strings.Count)];
            int insert = at.Index + at.Length;
            return seed.Substring(0, insert) + new string((char)('a' + random.Next(26)), 60_000) + "\\u00e9\\ud83d" + seed.Substring(insert);
        }

        private static ParseResult ParseWithin(AdditionalText file, TimeSpan limit, string mutation, int index)
        {
            Task<ParseResult> parse = Task.Run(() => RecordingParser.Parse(file, new GeneratorOptions("/project"), CancellationToken.None));
            Assert.True(parse.Wait(limit), "case " + index + " (" + mutation + ") did not finish within " + limit);
            return parse.Result;
        }

        private static readonly string[] HostileNames =
        {
            "case", "get_recording0", "GetRecording__Page1", "get-recording", "All", "Recording", "Request", "Response", "Tools",
            "Recordings", "class", "global", "1abc", "caf\u00e9", "\u65e5\u672c", "a b", "#error x", "x\u202Ey", "tab\tname", "line\nbreak",
            "models-abc123-def456", "3f1c0de4a5b6c7d8e9f00112233445566778899aabbccddeeff00112233aabbc", "0a1b2c3d4e5f", new string('w', 300),
            "x.json", "__", "_", "\ud83d\ude00", "to_string", "equals", "get_type", "value", "tools",
        };

        private static readonly string[] Separators = { "_", "-", "~", ".", " ", string.Empty };

        /// <summary>A unique path below the project's recordings folder, most often with hostile folder and file names.</summary>
        private static string FileName(Random random, int index)
        {
            if (random.Next(3) == 0)
            {
                return "/project/recordings/fuzz/case" + index + ".json";
            }

            var path = new StringBuilder(random.Next(4) == 0 ? "/project/./recordings/" : "/project/recordings/");
            for (int folders = random.Next(3); folders > 0; folders--)
            {
                path.Append(HostileNames[random.Next(HostileNames.Length)].Replace("/", string.Empty)).Append(random.Next(5) == 0 ? "//" : "/");
                if (random.Next(6) == 0)
                {
                    path.Append("sub/../");
                }
            }

            // The index keeps the path unique; the separator before it makes names that collide once they are identifiers.
            return path.Append(HostileNames[random.Next(HostileNames.Length)]).Append(Separators[random.Next(Separators.Length)]).Append(index).Append(".json").ToString();
        }

        private static string Check(ParseResult result, SourceText text, string path, string mutation, int index)
        {
            string where = "case " + index + " (" + mutation + "): ";
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                Assert.True(diagnostic.Descriptor.Id != "RG9999", where + "the generator failed: " + string.Join(" | ", diagnostic.MessageArgs));
                Assert.NotNull(diagnostic.Location);
                Assert.Equal(path, diagnostic.Location!.FilePath);
                Assert.InRange(diagnostic.Location.Span.End, 0, text.Length);
                Assert.Equal(EditorLines.Of(text, diagnostic.Location.Span), diagnostic.Location.LineSpan);
            }

            if (result.Data is { } data)
            {
                Recording recording = Generated.Read(data);
                foreach (RecordedChunk chunk in recording.Response.Chunks)
                {
                    System.Text.Json.JsonDocument.Parse(RecordingGen.Tests.Shared.RecordingOracle.Protect(chunk.Json), DeepJson).Dispose();
                }

                if (recording.Request.BodyJson is { } body)
                {
                    System.Text.Json.JsonDocument.Parse(RecordingGen.Tests.Shared.RecordingOracle.Protect(body), DeepJson).Dispose();
                }

                return "data";
            }

            Assert.False(result.Diagnostics.Count == 0, where + "neither data nor a diagnostic");
            return result.Diagnostics[0].Descriptor.Id;
        }

        private static int CompileBatch(List<AdditionalText> batch)
        {
            GeneratorOutput output = GeneratorHarness.Run(batch);
            Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "RG9999");
            Assert.Empty(output.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.Id.StartsWith("RG", StringComparison.Ordinal)));
            Assert.Single(output.Sources, source => source.HintName == "Recordings.g.cs");
            return output.Sources.Sum(source => Regex.Matches(source.SourceText.ToString(), "(internal static|public sealed) class Recording_").Count);
        }
    }
}
