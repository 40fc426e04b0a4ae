using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>Which files are recordings, where they go in <c>Recordings</c>, and what they are called.</summary>
    public sealed class SelectionAndNamingTests
    {
        private const string Valid = "{\"request\":{\"method\":\"POST\",\"endpoint\":\"/v1/models\",\"body\":{}},\"response\":{\"body\":[],\"is_streaming\":false}}";

        [Fact]
        public void Json_under_a_recordings_folder_or_flagged_true_is_a_recording_and_flagged_false_is_not()
        {
            var files = new[]
            {
                GeneratorHarness.File("recordings/kept.json", Valid),
                GeneratorHarness.File("Deep/Recordings/Nested/kept_too.json", Valid),
                GeneratorHarness.File("data/flagged.json", Valid),
                GeneratorHarness.File("recordings/excluded.json", "not even json"),
                GeneratorHarness.File("stylecop.json", "{ \"settings\": "),
                GeneratorHarness.File("recordings/notes.txt", "not json"),
            };
            var metadata = new Dictionary<string, ImmutableDictionary<string, string>>
            {
                ["/project/data/flagged.json"] = Flag("true"),
                ["/project/recordings/excluded.json"] = Flag("False"),
            };

            GeneratorOutput output = GeneratorHarness.Run(files, GeneratorHarness.Options(fileMetadata: metadata));

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Empty(output.CompilationDiagnostics);
            string facade = output.Source("Recordings.g.cs");
            Assert.Contains(" Kept => ", facade);
            Assert.Contains("public static partial class Nested\n", facade);
            Assert.Contains(" KeptToo => ", facade);
            Assert.Contains("public static partial class Data\n", facade);
            Assert.Contains(" Flagged => ", facade);
            Assert.DoesNotContain("Excluded", facade);
            Assert.Equal(4, output.Sources.Count());
        }

        [Fact]
        public void The_namespace_comes_from_RecordingGenNamespace_then_RootNamespace()
        {
            var global = ImmutableDictionary<string, string>.Empty
                .Add("build_property.MSBuildProjectDirectory", GeneratorHarness.ProjectDirectory)
                .Add("build_property.RootNamespace", "Root.Ns")
                .Add("build_property.RecordingGenNamespace", "My.Fixtures");
            var options = new TestOptionsProvider(global, ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty);

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/a.json", Valid) }, options, "class C { object O => My.Fixtures.Recordings.A; }");

            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("namespace My.Fixtures\n", output.Source("Recordings.g.cs"));
        }

        [Fact]
        public void Without_any_namespace_setting_the_default_is_used()
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/a.json", Valid) }, GeneratorHarness.Options(@namespace: null));

            Assert.Contains("namespace RecordingGen.Generated\n", output.Source("Recordings.g.cs"));
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Fact]
        public void An_empty_project_still_gets_an_empty_All()
        {
            GeneratorOutput output = GeneratorHarness.Run(new AdditionalText[0], null, "class C { int N => Consumer.Tests.Recordings.All.Count; }");

            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("RecordingList(new string[0] { }, GetRecording)", output.Source("Recordings.g.cs"));
        }

        [Theory]
        [InlineData("/p/recordings/x.json", "/p", "recordings/x.json")]
        [InlineData("/p/recordings/x.json", "/p/", "recordings/x.json")]
        [InlineData("/work/shared/recordings/x.json", "/work/main/tests/T", "../../../shared/recordings/x.json")]
        [InlineData("/tmp/corpus/x.json", "/work/main/tests/T", "../../../../tmp/corpus/x.json")]
        [InlineData("/p/a/../recordings/./x.json", "/p", "recordings/x.json")]
        [InlineData("C:\\repo\\recordings\\x.json", "c:\\repo", "recordings/x.json")]
        [InlineData("D:\\data\\x.json", "C:\\repo", "D:/data/x.json")]
        public void Source_paths_are_relative_to_the_project_with_forward_slashes(string path, string directory, string expected)
        {
            Assert.Equal(expected, PathNames.Relative(path, directory));
        }

        [Theory]
        [InlineData("recordings/x.json", "")]
        [InlineData("recordings/llama-stack/agents/x.json", "llama-stack/agents")]
        [InlineData("tests/integration/agents/recordings/x.json", "agents")]
        [InlineData("../../shared/recordings/seed/x.json", "seed")]
        [InlineData("../../tests/integration/inference/recordings/x.json", "inference")]
        [InlineData("../recordings/x.json", "")]
        [InlineData("data/fixtures/x.json", "data/fixtures")]
        [InlineData("../outside/x.json", "outside")]
        public void Groups_are_the_folders_below_recordings_or_the_suite_that_holds_it(string relativePath, string expected)
        {
            Assert.Equal(expected, string.Join("/", PathNames.GroupFolders(relativePath)));
        }

        [Theory]
        [InlineData("experiment_analysis_streaming", null, null, "ExperimentAnalysisStreaming")]
        [InlineData("my-recording.v2", null, null, "MyRecordingV2")]
        [InlineData("2024_run", null, null, "_2024Run")]
        [InlineData("__", null, null, "Recording")]
        [InlineData(
            "ef7060e39e761101165ca00705aa3a2354c9d1f0e4eb7d526332f6fdeaadb805",
            "tests/integration/responses/test_tool_responses.py::test_response_streaming_multi_turn_tool_execution[client_with_models-txt=openai/gpt-4o-experiment_analysis_streaming]",
            "/v1/chat/completions",
            "ResponseStreamingMultiTurnToolExecution_ClientWithModelsTxtOpenaiGpt4oExperimentAnalysisStreaming_ef7060")]
        [InlineData("28a43dc80443ccae98eee165c58522090fd6f0637031153b0105399093d39c52", "tests/x.py::TestProviderErrorRecording::test_rejects_bad_image[txt=ollama/llama3.2:3b]", null, "RejectsBadImage_TxtOllamaLlama3_2_3b_28a43d")]
        [InlineData("3ca695048bee", null, "/v1/chat/completions", "V1ChatCompletions_3ca695")]
        [InlineData("models-64a2277c90f0f42576f60c1030e3a020403d34a95f56931b792d5939f4cebc57-0da7d1b1", "tests/m.py::test_models[x]", "/v1/models", "Models_64a227_0da7d1b1")]
        [InlineData("0123456789ab", null, null, "Recording_012345")]
        public void Names_come_from_the_file_or_for_hash_named_files_from_the_test_id(string stem, string? testId, string? endpoint, string expected)
        {
            Assert.Equal(expected, RecordingNames.PreferredName(stem, testId, endpoint));
        }

        [Fact]
        public void Clashing_names_get_suffixes_from_their_own_paths_and_keep_them_whatever_the_order()
        {
            RecordingSummary[] summaries =
            {
                Summary("recordings/a/foo_bar.json", "FooBar", "a"),
                Summary("recordings/a/FooBar.json", "FooBar", "a"),
                Summary("recordings/a/unique.json", "Unique", "a"),
                Summary("recordings/all.json", "All"),
                Summary("recordings/a.json", "A"),
                Summary("recordings/a/a.json", "A", "a"),
                Summary("recordings/a/tools.json", "Tools", "a"),
            };

            Dictionary<string, string> names = Names(summaries);

            Assert.Equal("Unique", names["recordings/a/unique.json"]);
            Assert.StartsWith("FooBar_", names["recordings/a/foo_bar.json"]);
            Assert.StartsWith("FooBar_", names["recordings/a/FooBar.json"]);
            Assert.NotEqual(names["recordings/a/foo_bar.json"], names["recordings/a/FooBar.json"]);
            Assert.StartsWith("All_", names["recordings/all.json"]);
            Assert.StartsWith("A_", names["recordings/a.json"]);
            Assert.StartsWith("A_", names["recordings/a/a.json"]);
            Assert.StartsWith("Tools_", names["recordings/a/tools.json"]);

            // The suffix depends on the file's own path only: adding an unrelated file changes nothing.
            Dictionary<string, string> withMore = Names(summaries.Append(Summary("recordings/a/zzz.json", "Zzz", "a")).ToArray());
            Assert.All(names, pair => Assert.Equal(pair.Value, withMore[pair.Key]));
        }

        [Fact]
        public void Tool_members_are_identifiers_and_unique_within_a_recording()
        {
            List<string> names = ToolMemberNames.Of(new EquatableArray<string>(new[] { "get_weather", "get-weather", "class", "1st", "Tools", "\u202e" }));

            Assert.Equal(new[] { "GetWeather", "GetWeather2", "Class", "_1st", "Tools2", "Tool" }, names);
        }

        private static Dictionary<string, string> Names(RecordingSummary[] summaries)
        {
            FacadeTree root = FacadeTree.Build(summaries.OrderBy(summary => summary.SourcePath, System.StringComparer.Ordinal));
            var names = new Dictionary<string, string>();
            Collect(root, names);
            return names;
        }

        private static void Collect(FacadeTree node, Dictionary<string, string> names)
        {
            foreach ((string name, RecordingSummary summary) in node.Recordings)
            {
                names.Add(summary.SourcePath, name);
            }

            foreach (FacadeTree group in node.Groups.Values)
            {
                Collect(group, names);
            }
        }

        private static RecordingSummary Summary(string path, string name, params string[] group)
            => new RecordingSummary(path, new EquatableArray<string>(group), name, Parsing.RecordingParser.DataClassName(path), null, null, EquatableArray<string>.Empty);

        private static ImmutableDictionary<string, string> Flag(string value)
            => ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.RecordingGen", value);
    }
}
