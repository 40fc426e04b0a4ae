using System;
using System.IO;
using System.Linq;
using System.Reflection;
using RecordingGen.Tests.Shared;
using Xunit;

namespace RecordingGen.ScaleTests
{
    /// <summary>The whole corpus in one assembly: every file is a fixture, and every fixture equals a runtime parse of its file.</summary>
    public sealed class CorpusTests
    {
        private static readonly string ProjectDirectory = Metadata("ProjectDirectory");
        private static readonly string Corpus = Metadata("Corpus");

        [Fact]
        public void Every_corpus_file_is_a_fixture()
        {
            Assert.False(string.IsNullOrEmpty(Corpus), "Build with -p:RecordingGenCorpus=<folder> (run.sh does).");
            string[] files = Directory.GetFiles(Corpus, "*.json", SearchOption.AllDirectories);

            Assert.Equal(
                files.Select(Path.GetFullPath).OrderBy(path => path, StringComparer.Ordinal),
                Recordings.All.Select(recording => Path.GetFullPath(Path.Combine(ProjectDirectory, recording.SourcePath))).OrderBy(path => path, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_fixture_equals_a_runtime_parse_of_its_file()
        {
            int compared = 0;
            foreach (Recording recording in Recordings.All)
            {
                string json = File.ReadAllText(Path.Combine(ProjectDirectory, recording.SourcePath));
                FixtureAssert.Matches(RecordingOracle.FromJson(json), recording);
                compared++;
            }

            Assert.Equal(Directory.GetFiles(Corpus, "*.json", SearchOption.AllDirectories).Length, compared);
        }

        /// <summary>Writes the files per format next to the corpus for run.sh to print; only a recording type nothing reads may stay Unknown.</summary>
        [Fact]
        public void Files_per_format_are_reported_and_only_untyped_kinds_stay_unknown()
        {
            var counts = Recordings.All.GroupBy(recording => recording.Format).OrderBy(group => group.Key).ToList();
            File.WriteAllLines(Path.Combine(Corpus, "formats.txt"), counts.Select(group => group.Key + " " + group.Count()));
            foreach (Recording unknown in Recordings.All.Where(recording => recording.Format == RecordingFormat.Unknown))
            {
                Assert.Contains("ProcessFileResponse", File.ReadAllText(Path.Combine(ProjectDirectory, unknown.SourcePath)));
            }
        }

        private static string Metadata(string key)
            => typeof(CorpusTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value ?? string.Empty;
    }
}
