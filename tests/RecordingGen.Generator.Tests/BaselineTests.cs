using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The generated source for the repository's own recordings, compared with the checked-in
    /// <c>Baselines/*.verified.cs</c>. On a difference the new output is written beside it as
    /// <c>.received.cs</c>; run the tests with RECORDINGGEN_ACCEPT_BASELINES=1 to accept it.
    /// </summary>
    public sealed class BaselineTests
    {
        [Fact]
        public void Generated_sources_match_their_baselines()
        {
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.OwnRecordings());
            Assert.Empty(output.GeneratorDiagnostics);

            var mismatches = output.Sources
                .Where(source => !MatchesBaseline(source))
                .Select(source => source.HintName)
                .ToList();
            string[] expectedBaselines = output.Sources.Select(source => BaselineName(source.HintName) + ".verified.cs").OrderBy(name => name, StringComparer.Ordinal).ToArray();
            string[] presentBaselines = Directory.GetFiles(TestPaths.Baselines, "*.verified.cs").Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray()!;

            Assert.True(mismatches.Count == 0, "Generated source differs from its baseline (see the .received.cs files): " + string.Join(", ", mismatches));
            Assert.Equal(expectedBaselines, presentBaselines);
        }

        /// <summary>With the data in the build's resource: the facade, the fingerprint, and only the tools classes.</summary>
        [Fact]
        public void Generated_sources_with_the_data_in_a_resource_match_their_baselines()
        {
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.OwnRecordings(), GeneratorHarness.Options(dataResource: true));
            Assert.Empty(output.GeneratorDiagnostics);
            string folder = Path.Combine(TestPaths.Baselines, "DataResource");
            Directory.CreateDirectory(folder);

            var mismatches = output.Sources
                .Where(source => !MatchesBaseline(source, folder))
                .Select(source => source.HintName)
                .ToList();
            string[] expectedBaselines = output.Sources.Select(source => BaselineName(source.HintName) + ".verified.cs").OrderBy(name => name, StringComparer.Ordinal).ToArray();
            string[] presentBaselines = Directory.GetFiles(folder, "*.verified.cs").Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray()!;

            Assert.True(mismatches.Count == 0, "Generated source differs from its baseline (see the .received.cs files): " + string.Join(", ", mismatches));
            Assert.Equal(expectedBaselines, presentBaselines);
            Assert.DoesNotContain(output.Sources, source => source.SourceText.ToString().Contains("RecordingDataReader.Read(", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12)]
        [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3)]
        public void Generated_code_with_the_data_in_a_resource_compiles_without_any_warning(Microsoft.CodeAnalysis.CSharp.LanguageVersion languageVersion)
        {
            GeneratorOutput output = GeneratorHarness.Run(languageVersion, GeneratorHarness.OwnRecordings(), GeneratorHarness.Options(dataResource: true));

            Assert.Empty(output.CompilationDiagnostics);
            // One tools class per distinct list of tools, and no data class.
            int toolsClasses = output.Sources.Sum(source => System.Text.RegularExpressions.Regex.Matches(source.SourceText.ToString(), "public sealed class Tools_[0-9a-f]{16} : global::RecordingGen.Internal.RecordingTools").Count);
            Assert.True(toolsClasses > 0 && toolsClasses < GeneratorHarness.OwnRecordings().Count, toolsClasses + " tools classes");
            Assert.DoesNotContain(output.Sources, source => source.SourceText.ToString().Contains("class Recording_", StringComparison.Ordinal));
        }

        [Fact]
        public void Generated_code_compiles_without_any_warning()
        {
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.OwnRecordings());

            // The harness reports every warning as an error, as a project with TreatWarningsAsErrors does.
            Assert.Empty(output.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Info));
            Assert.Equal(GeneratorHarness.OwnRecordings().Count, output.Sources.Sum(source => System.Text.RegularExpressions.Regex.Matches(source.SourceText.ToString(), "(internal static|public sealed) class Recording_").Count));
        }

        [Fact]
        public void Generated_code_compiles_as_csharp_7_3_the_default_of_net_framework_projects()
        {
            GeneratorOutput output = GeneratorHarness.Run(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, GeneratorHarness.OwnRecordings());

            Assert.Empty(output.CompilationDiagnostics);
            Assert.DoesNotContain(output.Sources, source => source.SourceText.ToString().Contains("#nullable"));
        }

        private static bool MatchesBaseline(GeneratedSourceResult source) => MatchesBaseline(source, TestPaths.Baselines);

        private static bool MatchesBaseline(GeneratedSourceResult source, string folder)
        {
            string baseline = Path.Combine(folder, BaselineName(source.HintName) + ".verified.cs");
            string received = Path.ChangeExtension(Path.ChangeExtension(baseline, null), ".received.cs");
            string actual = source.SourceText.ToString();
            if (Environment.GetEnvironmentVariable("RECORDINGGEN_ACCEPT_BASELINES") == "1")
            {
                File.WriteAllText(baseline, actual);
                File.Delete(received);
                return true;
            }

            if (File.Exists(baseline) && Normalize(File.ReadAllText(baseline)) == Normalize(actual))
            {
                File.Delete(received);
                return true;
            }

            File.WriteAllText(received, actual);
            return false;
        }

        private static string BaselineName(string hintName) => Path.GetFileNameWithoutExtension(hintName.Replace('/', '.')).Replace(".g", string.Empty);

        private static string Normalize(string text) => text.Replace("\r\n", "\n");
    }
}
