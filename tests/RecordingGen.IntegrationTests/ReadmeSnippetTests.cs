using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// Every C# block of the README, pasted as it is into a new test project (root namespace MyTests, the seed in
    /// recordings/), builds with warnings as errors (issue #14.2): a snippet a user copies compiles.
    /// </summary>
    public sealed class ReadmeSnippetTests
    {
        [Fact]
        public void Every_csharp_block_of_the_README_compiles_as_pasted()
        {
            string readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
            string[] snippets = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(match => match.Groups[1].Value).ToArray();
            Assert.True(snippets.Length >= 8, snippets.Length + " C# blocks");

            string work = Directory.CreateTempSubdirectory("recordinggen-readme-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(work, "recordings"));
                File.Copy(
                    Path.Combine(TestPaths.RepoRoot, "sample", "RecordingGen.Sample", "recordings", "experiment_analysis_streaming.json"),
                    Path.Combine(work, "recordings", "experiment_analysis_streaming.json"));
                for (int i = 0; i < snippets.Length; i++)
                {
                    File.WriteAllText(Path.Combine(work, "Snippet" + i + ".cs"), snippets[i]);
                }

                File.WriteAllText(Path.Combine(work, "MyTests.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <RootNamespace>MyTests</RootNamespace>
                        <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                        <NoWarn>$(NoWarn);OPENAI001;SCME0001;MEAI001</NoWarn>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="xunit" Version="2.9.3" />
                        <PackageReference Include="NUnit" Version="4.4.0" />
                        <PackageReference Include="MSTest.TestFramework" Version="3.11.1" />
                        <PackageReference Include="OpenAI" Version="2.15.0" />
                        <PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />
                        <PackageReference Include="Anthropic" Version="13.14.0" />
                        <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                        <Reference Include="{typeof(Recording).Assembly.Location}" />
                        <Reference Include="{typeof(RecordingChatClient).Assembly.Location}" />
                        <AdditionalFiles Include="recordings/**/*.json" />
                      </ItemGroup>
                    </Project>
                    """);

                DotnetCli.Run(work, "build");
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
