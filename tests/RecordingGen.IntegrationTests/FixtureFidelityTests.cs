using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RecordingGen.Tests.Shared;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>Every compiled fixture equals a runtime parse of its JSON file.</summary>
    public sealed class FixtureFidelityTests
    {
        public static IEnumerable<object[]> RecordingPaths()
            => Recordings.All.Select(recording => new object[] { recording.SourcePath });

        [Theory]
        [MemberData(nameof(RecordingPaths))]
        public void Fixture_equals_a_runtime_parse_of_its_file(string sourcePath)
        {
            Recording recording = Recordings.All.Single(candidate => candidate.SourcePath == sourcePath);
            string json = File.ReadAllText(TestPaths.Resolve(recording));

            FixtureAssert.Matches(RecordingOracle.FromJson(json), recording);
        }

        [Fact]
        public void All_holds_every_recording_file_once_in_ordinal_path_order()
        {
            var expected = Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories).ToList();
            if (Directory.Exists(TestPaths.SharedRecordings))
            {
                expected.AddRange(Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories));
            }

            string[] actual = Recordings.All.Select(TestPaths.Resolve).ToArray();
            Assert.Equal(expected.OrderBy(path => path, StringComparer.Ordinal), actual.OrderBy(path => path, StringComparer.Ordinal));
            Assert.Equal(Recordings.All.Select(recording => recording.SourcePath).OrderBy(path => path, StringComparer.Ordinal), Recordings.All.Select(recording => recording.SourcePath));
            Assert.All(Recordings.All, recording => Assert.DoesNotContain('\\', recording.SourcePath));
        }

        [Fact]
        public void A_recording_is_decoded_once_and_shared()
        {
            Assert.Same(Recordings.OpenaiChat.ToolCallAfterHistory, Recordings.OpenaiChat.ToolCallAfterHistory);
            Assert.Same(Recordings.OpenaiChat.ToolCallAfterHistory, Recordings.All.Single(recording => recording.SourcePath.EndsWith("tool_call_after_history.json", StringComparison.Ordinal)));
        }
    }
}
