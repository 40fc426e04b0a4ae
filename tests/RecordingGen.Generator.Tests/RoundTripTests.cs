using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Compact;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Internal;
using RecordingGen.Tests.Shared;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The generator's compact data, decoded by the library, equals a runtime parse of the same file:
    /// every member the contract names, each chunk's JSON included.
    /// </summary>
    public sealed class RoundTripTests
    {
        public static IEnumerable<object[]> OwnRecordingFiles()
            => Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories).OrderBy(path => path, System.StringComparer.Ordinal).Select(path => new object[] { Path.GetRelativePath(TestPaths.RepoRoot, path) });

        [Theory]
        [MemberData(nameof(OwnRecordingFiles))]
        public void Own_recording_decodes_to_what_a_runtime_parse_reads(string relativePath)
        {
            AssertRoundTrip(Path.Combine(TestPaths.RepoRoot, relativePath));
        }

        [SharedRecordingsFact]
        public void Every_shared_recording_decodes_to_what_a_runtime_parse_reads()
        {
            string[] files = Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories);
            Assert.Equal(76, files.Length);
            foreach (string file in files)
            {
                AssertRoundTrip(file);
            }
        }

        [Fact]
        public void Streamed_chunks_that_repeat_an_envelope_are_stored_as_changes()
        {
            string path = Directory.GetFiles(Path.Combine(TestPaths.OwnRecordings, "openai-chat"), "3f1c*.json").Single();
            RecordingData data = Decode(path).Data;
            Recording recording = Decode(path).Recording;

            // The chunks' JSON text is many times the program that stores them.
            int chunkJson = recording.Response.Chunks.Sum(chunk => chunk.Json.Length);
            Assert.True(data.Response.Program.Length * 3 < chunkJson, "program " + data.Response.Program.Length + " chars, chunks " + chunkJson + " chars of JSON");
        }

        [Fact]
        public void Long_strings_become_literals_of_their_own()
        {
            string longText = new string('x', StringTable.LongStringLength);
            string json = "{\"request\":{\"method\":\"POST\",\"endpoint\":\"/v1/chat/completions\",\"body\":{\"messages\":[{\"role\":\"system\",\"content\":\"" + longText + "\"}]}},\"response\":{\"body\":null,\"is_streaming\":false}}";
            ParseResult result = RecordingParser.Parse(new InMemoryAdditionalText("/project/recordings/long.json", json), new GeneratorOptions("/project"), CancellationToken.None);

            Assert.Equal(new[] { longText }, result.Data!.Request.LongStrings.Items.Select(TextPacking.Unpack));
            Assert.Equal(longText.Length / 2, result.Data.Request.LongStrings[0].Length);
            Assert.DoesNotContain(longText, result.Data.Request.PackedStrings);
            Recording recording = Generated.Read(result.Data);
            Assert.Equal(longText, recording.Request.Messages.Single().Text);
        }

        private static void AssertRoundTrip(string path)
        {
            (RecordingData _, Recording recording) = Decode(path);
            FixtureAssert.Matches(RecordingOracle.FromJson(File.ReadAllText(path)), recording);
        }

        private static (RecordingData Data, Recording Recording) Decode(string path)
        {
            var file = new InMemoryAdditionalText(path, File.ReadAllText(path));
            ParseResult result = RecordingParser.Parse(file, new GeneratorOptions(null), CancellationToken.None);
            Assert.Empty(result.Diagnostics);
            RecordingData data = result.Data!;
            return (data, Generated.Read(data));
        }
    }
}
