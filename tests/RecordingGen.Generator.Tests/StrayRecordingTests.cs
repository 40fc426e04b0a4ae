using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>RG0016: a recording outside a recordings folder is not ignored without a word (issue #14.6).</summary>
    public sealed class StrayRecordingTests
    {
        [Fact]
        public void A_JSON_file_that_begins_like_a_recording_outside_a_recordings_folder_is_RG0016()
        {
            string recording = TestRecordings.Chat().ToJsonString();

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("fixtures/chat.json", recording) });

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0016", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
            Assert.EndsWith("fixtures/chat.json", diagnostic.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
            Assert.DoesNotContain(output.Sources, source => source.SourceText.ToString().Contains("fixtures/chat.json"));
        }

        [Fact]
        public void Where_the_build_task_embeds_the_data_the_task_checks_for_strays_not_the_generator()
        {
            // The compiler then has no item metadata (RecordingGen, Link) to tell a stray from a file taken by it; the
            // task's manifest carries RG0016 (HardeningBuildTests shows it in a real build).
            string recording = TestRecordings.Chat().ToJsonString();

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("fixtures/chat.json", recording) }, GeneratorHarness.Options(dataResource: true));

            Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "RG0016");
        }

        [Fact]
        public void Other_JSON_files_recordings_and_files_marked_as_not_recordings_are_quiet()
        {
            string recording = TestRecordings.Chat().ToJsonString();
            var metadata = new Dictionary<string, ImmutableDictionary<string, string>>
            {
                [GeneratorHarness.File("fixtures/marked.json", recording).Path] = ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.RecordingGen", "false"),
            };

            GeneratorOutput output = GeneratorHarness.Run(
                new[]
                {
                    GeneratorHarness.File("appsettings.json", "{\"Logging\":{\"LogLevel\":{\"Default\":\"Information\"}}}"),
                    GeneratorHarness.File("package.json", "{\"name\":\"x\",\"request\":\"a field named request alone\"}"),
                    GeneratorHarness.File("fixtures/marked.json", recording),
                    GeneratorHarness.File("recordings/chat.json", recording),
                },
                GeneratorHarness.Options(fileMetadata: metadata));

            Assert.Empty(output.GeneratorDiagnostics);
        }
    }
}
