using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// FlatJson's own scanner against System.Text.Json's reader, the path it falls back to: on any text, the two must
    /// give the same tokens (kinds, offsets, container ends, decoded strings, raw text) or the same error. The
    /// scanner must also actually take well-formed recordings, or the comparison proves nothing.
    /// </summary>
    public sealed class FlatJsonScannerTests
    {
        private readonly ITestOutputHelper _output;

        public FlatJsonScannerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Every_own_recording_is_scanned_to_the_tokens_the_reader_reads()
            => AssertEveryFileScannedAsRead(Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories), atLeast: 10);

        [SharedRecordingsFact]
        public void Every_shared_recording_is_scanned_to_the_tokens_the_reader_reads()
            => AssertEveryFileScannedAsRead(Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories), atLeast: 70);

        [CorpusFact]
        public void Every_corpus_recording_is_scanned_to_the_tokens_the_reader_reads()
            => AssertEveryFileScannedAsRead(Corpus.Files(Corpus.Unpack()), atLeast: 2000);

        [Theory]
        [InlineData("{\"a\": 1,}")]
        [InlineData("[1,]")]
        [InlineData("[1 2]")]
        [InlineData("{} {}")]
        [InlineData("01")]
        [InlineData("[1.]")]
        [InlineData("[-]")]
        [InlineData("[1e]")]
        [InlineData("[1true]")]
        [InlineData("[tru]")]
        [InlineData("[nul]")]
        [InlineData("[\"a\"\"b\"]")]
        [InlineData("{\"a\" 1}")]
        [InlineData("{1: 2}")]
        [InlineData("[\"tab\there\"]")]
        [InlineData("[\"\\x\"]")]
        [InlineData("[\"\\u12G4\"]")]
        [InlineData("[\"unterminated]")]
        [InlineData("[\v1]")]
        [InlineData("\uFEFF[1]")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("[[[[1]]]]")]
        public void Bad_json_is_declined_and_fails_as_the_reader_fails(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            string read = Outcome(bytes, 3, scan: false, out _);
            string scanned = Outcome(bytes, 3, scan: true, out bool tookScanner);

            Assert.StartsWith("error", read, StringComparison.Ordinal);
            Assert.Equal(read, scanned);
            Assert.False(tookScanner);
        }

        [Fact]
        public void Containers_as_deep_as_the_limit_are_scanned_and_one_deeper_is_the_reader_error()
        {
            AssertScannedAsRead(Encoding.UTF8.GetBytes("[[[1]]]"), "depth 3", maxDepth: 3);
            Assert.StartsWith("error", Outcome(Encoding.UTF8.GetBytes("[[[[1]]]]"), 3, scan: true, out _), StringComparison.Ordinal);
        }

        [Fact]
        public void Texts_that_outgrow_the_first_token_arrays_are_scanned_as_read()
        {
            AssertScannedAsRead(Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("[]", 3000)) + "]"), "empty arrays");
            AssertScannedAsRead(Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 2000).Select(i => "\"" + i + "\":[1,{}]")) + "}"), "members");
        }

        [Fact]
        public void Bytes_that_are_not_UTF8_inside_strings_pass_as_the_reader_passes_them()
        {
            byte[] json = { (byte)'[', (byte)'"', 0xFF, (byte)'a', 0xE2, 0x82, (byte)'\\', (byte)'n', 0xC3, (byte)'"', (byte)',', (byte)'"', 0xC0, 0x80, (byte)'"', (byte)']' };

            AssertScannedAsRead(json, "invalid UTF-8");
        }

        /// <summary>
        /// Texts cut, flipped and spliced at random (a fixed seed) around the characters JSON's grammar turns on: each
        /// must come out of the scanner as out of the reader. Both outcomes must occur often, or the test proves little.
        /// </summary>
        [Fact]
        public void Mutated_json_is_scanned_as_the_reader_reads_it_or_declined()
        {
            var seeds = new List<byte[]>
            {
                Encoding.UTF8.GetBytes("{\"a\": 1, \"b\": [true, false, null, -0, 0.5, 1e3, -12E+2, 1.0e-7], \"c\": {\"d\": []}}"),
                Encoding.UTF8.GetBytes("{\"esc\\u0041ped\": \"tab\\tquote\\\"slash\\/uni\\u00e9\\ud83d\\ude00\", \"plain\": \"é😀\", \"n\": [0, -1, 2.25]}"),
            };
            seeds.AddRange(Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories)
                .Select(File.ReadAllBytes).Where(bytes => bytes.Length < 4000));
            byte[] significant = Encoding.ASCII.GetBytes("\"\\{}[],: \n0123456789-+.eEtrufalsn/ubx").Concat(new byte[] { 0x00, 0x09, 0x0B, 0x1F, 0x7F, 0xC3, 0xFF }).ToArray();
            var random = new Random(20261130);
            int scanned = 0, declined = 0, valid = 0;
            for (int round = 0; round < 6000; round++)
            {
                byte[] text = Mutate(seeds[random.Next(seeds.Count)], significant, random);
                int maxDepth = round % 5 == 0 ? 1 + random.Next(4) : RecordingParser.MaxDepth;
                string read = Outcome(text, maxDepth, scan: false, out _);
                string actual = Outcome(text, maxDepth, scan: true, out bool tookScanner);
                Assert.True(read == actual, "round " + round + ", text: " + Encoding.UTF8.GetString(text) + "\nreader:  " + read + "\nscanner: " + actual);
                scanned += tookScanner ? 1 : 0;
                declined += tookScanner ? 0 : 1;
                valid += read.StartsWith("error", StringComparison.Ordinal) ? 0 : 1;
            }

            _output.WriteLine($"scanned {scanned}, declined {declined}, valid {valid}");
            Assert.True(scanned > 500 && declined > 500, $"scanned {scanned}, declined {declined}");
            Assert.Equal(valid, scanned);
        }

        private static readonly byte[] Structural = Encoding.ASCII.GetBytes("{}[],:\"\\.-eE");

        private static byte[] Mutate(byte[] seed, byte[] significant, Random random)
        {
            var bytes = new List<byte>(seed);
            for (int edits = 1 + random.Next(2); edits > 0 && bytes.Count > 0; edits--)
            {
                int at = random.Next(bytes.Count);

                // Half the edits land on the grammar's own characters, where a scanner would go wrong.
                for (int tries = 0; tries < 64 && random.Next(2) == 0 && Array.IndexOf(Structural, bytes[at]) < 0; tries++)
                {
                    at = random.Next(bytes.Count);
                }

                switch (random.Next(5))
                {
                    case 0: bytes[at] = significant[random.Next(significant.Length)]; break;
                    case 1: bytes.Insert(at, significant[random.Next(significant.Length)]); break;
                    case 2: bytes.RemoveAt(at); break;
                    case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                    default:
                        // A whole value swapped for another (a digit for a digit keeps the text well-formed often).
                        if (bytes[at] >= (byte)'0' && bytes[at] <= (byte)'9')
                        {
                            bytes[at] = (byte)('0' + random.Next(10));
                        }

                        break;
                }
            }

            return bytes.ToArray();
        }

        private static void AssertEveryFileScannedAsRead(string[] files, int atLeast)
        {
            Assert.True(files.Length >= atLeast, files.Length + " files");
            foreach (string file in files)
            {
                AssertScannedAsRead(File.ReadAllBytes(file), file);
            }
        }

        private static void AssertScannedAsRead(byte[] json, string name, int maxDepth = RecordingParser.MaxDepth)
        {
            string read = Outcome(json, maxDepth, scan: false, out _);
            string scanned = Outcome(json, maxDepth, scan: true, out bool tookScanner);

            Assert.True(tookScanner, name + " was not scanned: " + scanned);
            Assert.True(read == scanned, name + ": the scanner's tokens differ from the reader's");
        }

        /// <summary>Every token in one string, or the error: what two reads of a text must share.</summary>
        private static string Outcome(byte[] json, int maxDepth, bool scan, out bool tookScanner)
        {
            tookScanner = false;
            try
            {
                using FlatJson document = FlatJson.Parse(json, maxDepth, scan);
                tookScanner = document.Scanned;
                var tokens = new StringBuilder();
                for (int i = 0; i < document.TokenCount; i++)
                {
                    byte kind = document.KindAt(i);
                    tokens.Append(kind).Append('@').Append(document.StartAt(i)).Append(" next ").Append(document.Next(i));
                    if (kind is FlatJson.PropertyName or FlatJson.String or FlatJson.Number)
                    {
                        tokens.Append(" \"").Append(document.StringAt(document.ValueAt(i))).Append('"');
                    }

                    tokens.Append(" raw ").Append(Convert.ToBase64String(document.RawAt(i).ToArray())).Append('\n');
                }

                return tokens.ToString();
            }
            catch (JsonException exception)
            {
                return "error " + exception.Message + " " + exception.LineNumber + ":" + exception.BytePositionInLine;
            }
        }
    }
}
