using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// The package as a user gets it: `dotnet pack`, then a fresh project that restores RecordingGen from
    /// that folder feed, builds with warnings as errors, and runs. Proves the generator and the
    /// System.Text.Json it ships load in a real build (a load failure shows as CS8785 and no output).
    /// </summary>
    public sealed class PackageTests
    {
        [Fact]
        public void A_project_restoring_the_packed_package_builds_and_runs_against_the_seed()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-package-").FullName;
            try
            {
                string version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
                string feed = Path.Combine(work, "feed");
                DotnetCli.Run(TestPaths.RepoRoot, "pack", "src/RecordingGen/RecordingGen.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);

                string package = Path.Combine(feed, "RecordingGen." + version + ".nupkg");
                using (ZipArchive archive = ZipFile.OpenRead(package))
                {
                    string[] entries = archive.Entries.Select(entry => entry.FullName).ToArray();
                    Assert.Contains("analyzers/dotnet/cs/RecordingGen.Generator.dll", entries);
                    Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
                    Assert.Contains("buildTransitive/RecordingGen.props", entries);
                    Assert.Contains("lib/netstandard2.0/RecordingGen.dll", entries);
                    Assert.Contains("lib/net10.0/RecordingGen.dll", entries);
                }

                string consumer = Path.Combine(work, "consumer");
                Directory.CreateDirectory(Path.Combine(consumer, "recordings"));
                File.Copy(
                    Path.Combine(TestPaths.RepoRoot, "sample", "RecordingGen.Sample", "recordings", "experiment_analysis_streaming.json"),
                    Path.Combine(consumer, "recordings", "experiment_analysis_streaming.json"));
                File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <clear />
                        <add key="local" value="{feed}" />
                      </packageSources>
                    </configuration>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                        <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="RecordingGen" Version="{version}" />
                        <AdditionalFiles Include="recordings/*.json" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                    System.Console.WriteLine(Consumer.Recordings.ExperimentAnalysisStreaming.Tools.GetExperimentId.Name);
                    System.Console.WriteLine(Consumer.Recordings.All.Count);
                    System.Console.WriteLine(Consumer.Recordings.ExperimentAnalysisStreaming.Response.Text);
                    """);

                string build = DotnetCli.Run(consumer, "build", "-c", "Release");
                Assert.DoesNotContain("CS8785", build);
                string output = DotnetCli.Run(consumer, "run", "-c", "Release", "--no-build");

                string[] lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
                Assert.Equal("get_experiment_id", lines[0]);
                Assert.Equal("1", lines[1]);
                Assert.StartsWith("The experiment \"chemical_reaction\" has an ID of \"exp_003.\"", lines[2]);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
