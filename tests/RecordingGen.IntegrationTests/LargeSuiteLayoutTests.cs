using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// The README's large-suite layout, pasted (the package reference replaced by this build's assemblies) and built
    /// for real: an edit of a test leaves the fixtures assembly alone, an edit of a recording rebuilds it (issue #15).
    /// </summary>
    public sealed class LargeSuiteLayoutTests
    {
        [Fact]
        public void Fixtures_are_rebuilt_when_a_recording_changes_and_only_then()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-layout-").FullName;
            try
            {
                string library = typeof(Recording).Assembly.Location;
                string recording = CreateFixturesProject(work, library, out string fixtures, out string tests);
                File.WriteAllText(Path.Combine(tests, "Tests.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                      </PropertyGroup>
                      {ReadmeLayout().Replace("<PackageReference Include=\"RecordingGen\" Version=\"0.1.0-preview.1\" ExcludeAssets=\"analyzers\" />", "<Reference Include=\"" + library + "\" />")}
                    </Project>
                    """);
                string program = Path.Combine(tests, "Program.cs");
                File.WriteAllText(program, "System.Console.WriteLine(Fixtures.Recordings.Answer.Response.Text);\n");
                string assembly = Path.Combine(fixtures, "bin", "Debug", "net10.0", "Fixtures.dll");

                DotnetCli.Run(tests, "build");
                Assert.Equal("Cold.", DotnetCli.Run(tests, "run", "--no-build").Trim());
                DateTime built = File.GetLastWriteTimeUtc(assembly);

                // Editing a test: the fixtures are not built again.
                File.AppendAllText(program, "// an edit\n");
                string rebuild = DotnetCli.Run(tests, "build", "-v:n");
                Assert.Equal(built, File.GetLastWriteTimeUtc(assembly));
                Assert.Contains("Skipping target \"BuildFixturesWhenRecordingsChanged\"", rebuild);

                // Editing a recording: they are, and the test sees the new answer.
                File.WriteAllText(recording, Chat("Warm."));
                DotnetCli.Run(tests, "build");
                Assert.True(File.GetLastWriteTimeUtc(assembly) > built);
                Assert.Equal("Warm.", DotnetCli.Run(tests, "run", "--no-build").Trim());
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        /// <summary>
        /// A fixtures project whose facade the build task writes as an assembly of its own (the default with the
        /// package's targets): a project referencing it compiles against its <c>Recordings</c> and runs with them.
        /// </summary>
        [Fact]
        public void A_project_referencing_a_fixtures_project_compiles_against_its_facade_assembly()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-reference-").FullName;
            try
            {
                string library = typeof(Recording).Assembly.Location;
                // Its intermediate files outside the project folder, by an absolute path, as some repositories keep them.
                CreateFixturesProject(work, library, out _, out string tests, "<IntermediateOutputPath>" + Path.Combine(work, "fixtures-obj") + "/</IntermediateOutputPath>");
                File.WriteAllText(Path.Combine(tests, "Tests.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                      </PropertyGroup>
                      <ItemGroup>
                        <Reference Include="{library}" />
                        <ProjectReference Include="../Fixtures/Fixtures.csproj" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(tests, "Program.cs"), "System.Console.WriteLine(Fixtures.Recordings.Answer.Response.Text + \" \" + typeof(Fixtures.Recordings).Assembly.GetName().Name);\n");

                DotnetCli.Run(tests, "build");
                Assert.Equal("Cold. Fixtures.Recordings", DotnetCli.Run(tests, "run", "--no-build").Trim());
                Assert.True(File.Exists(Path.Combine(tests, "bin", "Debug", "net10.0", "Fixtures.Recordings.dll")));
                Assert.True(File.Exists(Path.Combine(work, "fixtures-obj", "net10.0", "Fixtures.Recordings.dll")));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        /// <summary>
        /// The fixtures class library of the README's layout in <c>work/Fixtures</c>, with RecordingGen's targets as the
        /// package brings them and one recording (returned), and an empty <c>work/Tests</c> folder beside it.
        /// </summary>
        private static string CreateFixturesProject(string work, string library, out string fixtures, out string tests, string properties = "")
        {
            fixtures = Path.Combine(work, "Fixtures");
            tests = Path.Combine(work, "Tests");
            Directory.CreateDirectory(Path.Combine(fixtures, "recordings"));
            Directory.CreateDirectory(tests);
            string recording = Path.Combine(fixtures, "recordings", "answer.json");
            File.WriteAllText(recording, Chat("Cold."));
            File.WriteAllText(Path.Combine(fixtures, "Fixtures.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Fixtures</RootNamespace>
                    {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                    <Reference Include="{library}" />
                    <AdditionalFiles Include="recordings/**/*.json" />
                  </ItemGroup>
                  {TestPaths.DataResourceTargets}
                </Project>
                """);
            return recording;
        }

        private static string ReadmeLayout()
            => Regex.Matches(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")), "```xml\n(.*?)```", RegexOptions.Singleline)
                .Select(match => match.Groups[1].Value)
                .Single(block => block.Contains("BuildFixturesWhenRecordingsChanged", StringComparison.Ordinal));

        private static string Chat(string answer)
            => "{\"test_id\":\"tests/t.py::test_answer\",\"request\":{\"method\":\"POST\",\"url\":\"http://localhost/v1/chat/completions\",\"endpoint\":\"/v1/chat/completions\",\"model\":\"m\","
               + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}},"
               + "\"response\":{\"body\":{\"__type__\":\"openai.types.chat.chat_completion.ChatCompletion\",\"__data__\":{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"}}]}},\"is_streaming\":false}}";
    }
}
