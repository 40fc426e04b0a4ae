using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// Hostile recordings and project setups in a real <c>dotnet build</c> (issue #11), where MSBuild reads the
    /// compiler's output and the SDK fills in item metadata: what the driver tests cannot show.
    /// </summary>
    public sealed class HardeningBuildTests
    {
        private const string ForgedLine = "src/Program.cs(1,1): error CS0000: forged by a model";

        /// <param name="dataResource">
        /// Also with the package's targets, whose task must choose, decode and place these files exactly as the
        /// compiler hands them to the generator (or the first access fails on the fingerprint).
        /// </param>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_project_of_hostile_but_valid_recordings_builds_and_runs(bool dataResource)
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-hardening-").FullName;
            try
            {
                string project = Path.Combine(work, "consumer");
                string recordings = Path.Combine(project, "recordings");
                Directory.CreateDirectory(Path.Combine(recordings, "sub"));
                Directory.CreateDirectory(Path.Combine(recordings, "get-recording-1"));
                Directory.CreateDirectory(Path.Combine(recordings, "filler"));
                Directory.CreateDirectory(Path.Combine(work, "outside"));

                // Model-written text with a line break that MSBuild would read as an error of its own.
                File.WriteAllText(Path.Combine(recordings, "forged.json"), Chat(toolCallId: "call_1\n" + ForgedLine, calledTool: "lookup\n" + ForgedLine));
                // Over 64 recordings, named like the facade's page methods.
                File.WriteAllText(Path.Combine(recordings, "get_recording0.json"), Chat());
                File.WriteAllText(Path.Combine(recordings, "get-recording-1", "x.json"), Chat());
                for (int i = 0; i < 66; i++)
                {
                    File.WriteAllText(Path.Combine(recordings, "filler", "f" + i.ToString(CultureInfo.InvariantCulture) + ".json"), Chat());
                }

                // Included again under another spelling, below.
                File.WriteAllText(Path.Combine(recordings, "sub", "x.json"), Chat());
                // From outside the project, linked into it under another name.
                File.WriteAllText(Path.Combine(work, "outside", "chat.json"), Chat());
                // Saved as Latin-1.
                File.WriteAllBytes(Path.Combine(recordings, "latin1.json"), Encoding.Latin1.GetBytes(Chat(content: "Caf\u00e9")));
                // Outside a recordings folder: one taken by its metadata, one that only looks like a recording (RG0016),
                // which the task reports where it embeds the data (the compiler then has no metadata to tell them apart).
                Directory.CreateDirectory(Path.Combine(project, "fixtures"));
                File.WriteAllText(Path.Combine(project, "fixtures", "flagged.json"), Chat());
                File.WriteAllText(Path.Combine(project, "fixtures", "stray.json"), Chat());

                File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <RootNamespace>Consumer</RootNamespace>
                        <RecordingGenNamespace>---</RecordingGenNamespace>
                      </PropertyGroup>
                      <ItemGroup>
                        <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                        <Reference Include="{typeof(Recording).Assembly.Location}" />
                        <AdditionalFiles Include="recordings/**/*.json" />
                        <AdditionalFiles Include="$(MSBuildProjectDirectory)//recordings//sub//x.json" />
                        <AdditionalFiles Include="../outside/chat.json" Link="recordings/linked/renamed_chat.json" />
                        <AdditionalFiles Include="fixtures/flagged.json" RecordingGen="true" />
                        <AdditionalFiles Include="fixtures/stray.json" />
                      </ItemGroup>
                      {(dataResource ? TestPaths.DataResourceTargets : string.Empty)}
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(project, "Program.cs"), """
                    System.Console.WriteLine(Consumer.Recordings.All.Count);
                    System.Console.WriteLine(Consumer.Recordings.GetRecording0.Request.Model);
                    System.Console.WriteLine(Consumer.Recordings.GetRecording1.X.SourcePath);
                    System.Console.WriteLine(Consumer.Recordings.Sub.X.SourcePath);
                    System.Console.WriteLine(Consumer.Recordings.Linked.RenamedChat.SourcePath);
                    foreach (RecordingGen.Recording recording in Consumer.Recordings.All)
                    {
                        _ = recording.Response.Text;
                    }

                    System.Console.WriteLine("all read");
                    """);

                (int exitCode, string build) = DotnetCli.Try(project, "build", "-p:ErrorLog=" + Path.Combine(work, "diagnostics.sarif"));

                Assert.True(exitCode == 0, "the build failed:\n" + build);
                // Without escaping, the forged text starts a line of its own and MSBuild counts it as an error.
                Assert.DoesNotMatch(new Regex(@"^\s*src/Program\.cs\(1,1\): error", RegexOptions.Multiline), build);
                Assert.Contains(" 0 Error(s)", build);
                Assert.Contains("warning RG0004", build);
                Assert.Contains("warning RG0006", build);
                Assert.Contains("\\nsrc/Program.cs(1,1): error CS0000: forged by a model", build);
                Assert.Matches(new Regex(@"latin1\.json\(\d+,\d+\): warning RG0012"), build);
                Assert.Contains("warning RG0015", build);
                Assert.Contains("'---' is not a C# namespace; the Recordings class is generated in 'Consumer'", build);
                // RG0016 is an info, which MSBuild does not print: the compiler's error log has it.
                string sarif = File.ReadAllText(Path.Combine(work, "diagnostics.sarif"));
                Assert.Single(Regex.Matches(sarif, "\"ruleId\":\\s*\"RG0016\""));
                Assert.Contains("fixtures/stray.json", sarif);
                Assert.DoesNotContain("fixtures/flagged.json", sarif);

                // Where the task embeds the data, the generated .editorconfig has no section per recording.
                string editorConfig = File.ReadAllText(Directory.GetFiles(Path.Combine(project, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single());
                int sections = Regex.Matches(editorConfig, @"^\[.*\.json\]", RegexOptions.Multiline).Count;
                Assert.True(dataResource ? sections == 0 : sections >= 70, sections + " sections");

                string output = DotnetCli.Run(project, "run", "--no-build");
                string[] lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
                Assert.Equal(new[] { "73", "gpt-4o", "recordings/get-recording-1/x.json", "recordings/sub/x.json", "recordings/linked/renamed_chat.json", "all read" }, lines.Take(6));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void A_missing_file_or_a_folder_given_as_a_recording_fails_the_build_saying_it_cannot_be_read()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-unreadable-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(work, "recordings", "folder.json"));
                File.WriteAllText(Path.Combine(work, "recordings", "ok.json"), Chat());
                File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                      </PropertyGroup>
                      <ItemGroup>
                        <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                        <Reference Include="{typeof(Recording).Assembly.Location}" />
                        <AdditionalFiles Include="recordings/ok.json;recordings/missing.json;recordings/folder.json" />
                      </ItemGroup>
                    </Project>
                    """);

                (int exitCode, string build) = DotnetCli.Try(work, "build");

                Assert.True(exitCode != 0, build);
                string[] unreadable = Lines(build, "error RG0011");
                Assert.Contains(unreadable, line => line.Contains("recordings/missing.json", StringComparison.Ordinal));
                Assert.Contains(unreadable, line => line.Contains("recordings/folder.json", StringComparison.Ordinal));
                Assert.DoesNotContain(unreadable, line => line.Contains("ok.json", StringComparison.Ordinal));
                Assert.DoesNotContain("RG0001", build);
                Assert.Contains("cannot be read: the build could not open it", build);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void Severities_set_per_folder_and_per_file_in_editorconfig_apply_to_the_recordings_there()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-severity-").FullName;
            try
            {
                foreach (string folder in new[] { "loose", "strict", "plain" })
                {
                    Directory.CreateDirectory(Path.Combine(work, "recordings", folder));
                    File.WriteAllText(Path.Combine(work, "recordings", folder, "answer.json"), Chat(toolCallId: "call_nobody_made")); // RG0004
                }

                // The SDK passes the compiler the .editorconfig files of the folders its C# files are in (and above).
                File.WriteAllText(Path.Combine(work, "Tests.cs"), "namespace Consumer { internal static class Tests { } }");
                File.WriteAllText(Path.Combine(work, ".editorconfig"), """
                    root = true

                    [recordings/loose/**.json]
                    recordinggen_diagnostic.RG0004.severity = none

                    [recordings/strict/answer.json]
                    recordinggen_diagnostic.RG0004.severity = error
                    """);
                File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <RootNamespace>Consumer</RootNamespace>
                      </PropertyGroup>
                      <ItemGroup>
                        <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                        <Reference Include="{typeof(Recording).Assembly.Location}" />
                        <AdditionalFiles Include="recordings/**/*.json" />
                      </ItemGroup>
                    </Project>
                    """);

                (int exitCode, string build) = DotnetCli.Try(work, "build");

                Assert.True(exitCode != 0, build);
                Assert.Contains(Lines(build, "RG0004"), line => line.Contains("strict", StringComparison.Ordinal) && line.Contains("error RG0004", StringComparison.Ordinal));
                Assert.Contains(Lines(build, "RG0004"), line => line.Contains("plain", StringComparison.Ordinal) && line.Contains("warning RG0004", StringComparison.Ordinal));
                Assert.DoesNotContain(Lines(build, "RG0004"), line => line.Contains("loose", StringComparison.Ordinal));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static string[] Lines(string output, string containing)
            => output.Split('\n').Where(line => line.Contains(containing, StringComparison.Ordinal)).Select(line => line.Trim()).ToArray();

        private static string Chat(string? toolCallId = null, string? calledTool = null, string content = "Cold.")
        {
            var messages = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["role"] = "user", ["content"] = "Weather?" });
            if (toolCallId is not null)
            {
                messages.Add(new System.Text.Json.Nodes.JsonObject { ["role"] = "tool", ["tool_call_id"] = toolCallId, ["content"] = "ok" });
            }

            var message = new System.Text.Json.Nodes.JsonObject { ["role"] = "assistant", ["content"] = calledTool is null ? content : null };
            if (calledTool is not null)
            {
                message["tool_calls"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = "call_2",
                    ["type"] = "function",
                    ["function"] = new System.Text.Json.Nodes.JsonObject { ["name"] = calledTool, ["arguments"] = "{}" },
                });
            }

            var recording = new System.Text.Json.Nodes.JsonObject
            {
                ["test_id"] = "tests/test_build.py::test_case",
                ["request"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["method"] = "POST",
                    ["url"] = "http://localhost/v1/chat/completions",
                    ["endpoint"] = "/v1/chat/completions",
                    ["model"] = "gpt-4o",
                    ["body"] = new System.Text.Json.Nodes.JsonObject { ["model"] = "gpt-4o", ["messages"] = messages },
                },
                ["response"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["body"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["__type__"] = "openai.types.chat.chat_completion.ChatCompletion",
                        ["__data__"] = new System.Text.Json.Nodes.JsonObject
                        {
                            ["id"] = "rec-1",
                            ["model"] = "gpt-4o",
                            ["choices"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["index"] = 0, ["finish_reason"] = calledTool is null ? "stop" : "tool_calls", ["message"] = message }),
                        },
                    },
                    ["is_streaming"] = false,
                },
            };
            return recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }
}
