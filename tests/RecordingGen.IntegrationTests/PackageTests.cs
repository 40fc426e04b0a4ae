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
        /// <summary>The README's Install block, pasted as it is (issue #14.2), with the version under test.</summary>
        private static string ReadmeItemGroup(string version)
        {
            string readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
            string block = System.Text.RegularExpressions.Regex.Matches(readme, "```xml\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
                .Select(match => match.Groups[1].Value)
                .Single(text => text.Contains("<PackageReference Include=\"RecordingGen\"", StringComparison.Ordinal) && text.Contains("RecordingGenNamespace", StringComparison.Ordinal));
            Assert.Contains("Version=\"0.1.0-preview.1\"", block);
            return block.Replace("Version=\"0.1.0-preview.1\"", "Version=\"" + version + "\"");
        }

        [Fact]
        public void A_project_restoring_the_packed_package_builds_and_runs_against_the_seed()
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-package-").FullName;
            try
            {
                string version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
                string feed = Path.Combine(work, "feed");
                DotnetCli.Run(TestPaths.RepoRoot, "pack", "src/RecordingGen/RecordingGen.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);

                string pack = DotnetCli.Run(TestPaths.RepoRoot, "pack", "src/RecordingGen.Extensions.AI/RecordingGen.Extensions.AI.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version)
                    + DotnetCli.Run(TestPaths.RepoRoot, "pack", "src/RecordingGen.Xunit/RecordingGen.Xunit.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);
                Assert.DoesNotContain("warning", pack, StringComparison.OrdinalIgnoreCase);

                string package = Path.Combine(feed, "RecordingGen." + version + ".nupkg");
                using (ZipArchive archive = ZipFile.OpenRead(package))
                {
                    string[] entries = archive.Entries.Select(entry => entry.FullName).ToArray();
                    // Under roslyn4.8, so a compiler older than the generator's Roslyn skips it instead of failing to load it.
                    Assert.Contains("analyzers/dotnet/roslyn4.8/cs/RecordingGen.Generator.dll", entries);
                    Assert.Contains("analyzers/dotnet/roslyn4.8/cs/System.Text.Json.dll", entries);
                    Assert.DoesNotContain(entries, entry => entry.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
                    Assert.Contains("buildTransitive/RecordingGen.props", entries);
                    Assert.Contains("build/RecordingGen.targets", entries);
                    Assert.Contains("buildTransitive/RecordingGen.targets", entries);

                    // The task that embeds the data, with the generator and the Roslyn text types it runs.
                    Assert.Contains("tasks/netstandard2.0/RecordingGen.Build.dll", entries);
                    Assert.Contains("tasks/netstandard2.0/RecordingGen.Generator.dll", entries);
                    Assert.Contains("tasks/netstandard2.0/Microsoft.CodeAnalysis.dll", entries);
                    Assert.DoesNotContain(entries, entry => entry.StartsWith("tasks/", StringComparison.Ordinal) && entry.Contains("Microsoft.Build", StringComparison.Ordinal));
                    Assert.Contains("lib/netstandard2.0/RecordingGen.dll", entries);
                    Assert.Contains("lib/net8.0/RecordingGen.dll", entries);
                    Assert.Contains("PACKAGE.md", entries);
                    Assert.Contains("docs/Diagnostics.md", entries);
                    string nuspec = new StreamReader(archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
                    Assert.Contains("<readme>PACKAGE.md</readme>", nuspec);
                    Assert.Contains("<repository type=\"git\" url=\"https://github.com/recordinggen/recordinggen\"", nuspec);
                    Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
                }

                foreach (string companion in new[] { "RecordingGen.Extensions.AI", "RecordingGen.Xunit" })
                {
                    using ZipArchive archive = ZipFile.OpenRead(Path.Combine(feed, companion + "." + version + ".nupkg"));
                    Assert.Contains(archive.Entries, entry => entry.FullName == "PACKAGE.md");
                }

                Assert.True(File.Exists(Path.Combine(feed, "RecordingGen." + version + ".snupkg")), "the symbols package is written beside the package");

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
                    {ReadmeItemGroup(version)}
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                    System.Console.WriteLine(MyTests.Fixtures.Recordings.ExperimentAnalysisStreaming.Tools.GetExperimentId.Name);
                    System.Console.WriteLine(MyTests.Fixtures.Recordings.All.Count);
                    System.Console.WriteLine(MyTests.Fixtures.Recordings.ExperimentAnalysisStreaming.Response.Text);
                    """);

                string build = DotnetCli.Run(consumer, "build", "-c", "Release");
                Assert.DoesNotContain("CS8785", build);

                // A modern project takes lib/net8.0, which needs no System.Memory or System.Text.Json packages.
                string assets = File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json"));
                Assert.DoesNotContain("\"System.Text.Json/", assets);
                Assert.DoesNotContain("\"System.Memory/", assets);
                string output = DotnetCli.Run(consumer, "run", "-c", "Release", "--no-build");

                // The package's task wrote the facade as an assembly holding the data, copied beside the program; the
                // generated C# holds none of it.
                Assert.Contains("RecordingGen.Recordings.data", AssemblyResources.Names(Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.Recordings.dll")));
                Assert.Contains("\"Consumer.Recordings.dll\"", File.ReadAllText(Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.deps.json")));

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
