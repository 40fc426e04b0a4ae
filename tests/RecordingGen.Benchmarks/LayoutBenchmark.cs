using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// The edit-and-test cycle of a developer (issue #15): edit one .cs file of the test project and rebuild, through
    /// a warm build server as `dotnet build` runs by default (whatever the environment of the benchmark says), for test
    /// projects side by side in one run: one without
    /// recordings, one holding the whole corpus with its data compiled as C# (before) and embedded by the build task
    /// (after), one referencing a fixtures project, and the documented large-suite layout where the corpus sits
    /// in a fixtures project of its own that the test project references (MSBuild skips compiling it when no
    /// recording changed). Medians of five edits each, after one warm-up build.
    /// </summary>
    internal static class LayoutBenchmark
    {
        private const int Edits = 5;

        public static void Run(string corpus)
        {
            string root = Path.Combine(Path.GetTempPath(), "recordinggen-layout");
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            string plain = Project(Path.Combine(root, "Plain"), recordings: null, reference: null);
            string inline = Project(Path.Combine(root, "Inline"), recordings: corpus, reference: null);
            string embedded = Project(Path.Combine(root, "Embedded"), recordings: corpus, reference: null, dataResource: true);
            string facadeAsCSharp = Project(Path.Combine(root, "FacadeAsCSharp"), recordings: corpus, reference: null, dataResource: true, properties: "<RecordingGenFacadeAssembly>false</RecordingGenFacadeAssembly>");
            string fixtures = Project(Path.Combine(root, "Split", "Fixtures"), recordings: corpus, reference: null, isFixtures: true, dataResource: true);
            string split = Project(Path.Combine(root, "Split", "Tests"), recordings: null, reference: Path.Combine(fixtures, "Fixtures.csproj"));
            string prebuiltFixtures = Project(Path.Combine(root, "Prebuilt", "Fixtures"), recordings: corpus, reference: null, isFixtures: true, dataResource: true);
            string prebuilt = Project(Path.Combine(root, "Prebuilt", "Tests"), recordings: null, reference: null, fixturesBuiltWhenChanged: Path.Combine(prebuiltFixtures, "Fixtures.csproj"), corpus: corpus);

            ConsumerProject.Dotnet("build-server shutdown", root, developerServers: true);
            var results = new (string Name, double Seconds)[]
            {
                ("test project without recordings", EditCycle(plain)),
                ("the corpus in the test project, data compiled as C# (before: RecordingGenDataResource=false)", EditCycle(inline)),
                ("the corpus in the test project, data embedded, facade compiled as C# (RecordingGenFacadeAssembly=false)", EditCycle(facadeAsCSharp)),
                ("the corpus in the test project, facade and data in an assembly written by the build task (after: the default)", EditCycle(embedded)),
                ("the corpus in a fixtures project, a ProjectReference", EditCycle(split)),
                ("the corpus in a fixtures project built only when a recording changed (the large-suite layout)", EditCycle(prebuilt)),
            };
            ConsumerProject.Dotnet("build-server shutdown", root, developerServers: true);

            Console.WriteLine();
            Console.WriteLine("| Edit one .cs file of the test project, rebuild (warm build server), median of " + Edits + " | s | more than without recordings | target |");
            Console.WriteLine("| --- | ---: | ---: | --- |");
            Console.WriteLine($"| {results[0].Name} | {results[0].Seconds:F2} | | |");
            Console.WriteLine($"| {results[1].Name} | {results[1].Seconds:F2} | {results[1].Seconds - results[0].Seconds:F2} | <= 2 s more |");
            Console.WriteLine($"| {results[2].Name} | {results[2].Seconds:F2} | {results[2].Seconds - results[0].Seconds:F2} | <= 2 s more |");
            Console.WriteLine($"| {results[3].Name} | {results[3].Seconds:F2} | {results[3].Seconds - results[0].Seconds:F2} | <= 2 s more |");
            Console.WriteLine($"| {results[4].Name} | {results[4].Seconds:F2} | {results[4].Seconds - results[0].Seconds:F2} | |");
            Console.WriteLine($"| {results[5].Name} | {results[5].Seconds:F2} | {results[5].Seconds - results[0].Seconds:F2} | <= 0.3 s more |");
        }

        /// <summary>A warm-up build, then the median time of rebuilding after editing the test file.</summary>
        private static double EditCycle(string project)
        {
            ConsumerProject.Dotnet("build -c Release", project, developerServers: true);
            string test = Path.Combine(project, "Tests.cs");
            string original = File.ReadAllText(test);
            var times = new double[Edits];
            for (int i = 0; i < Edits; i++)
            {
                File.WriteAllText(test, original + "// edit " + i.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
                var watch = Stopwatch.StartNew();
                ConsumerProject.Dotnet("build -c Release --no-restore", project, developerServers: true);
                times[i] = watch.Elapsed.TotalSeconds;
            }

            File.WriteAllText(test, original);
            return times.OrderBy(time => time).ElementAt(Edits / 2);
        }

        /// <param name="dataResource">
        /// With the package's targets, whose task embeds the data (the default for a package user); without them the
        /// generator compiles the data as C#, as before issue #15.
        /// </param>
        private static string Project(string folder, string? recordings, string? reference, bool isFixtures = false, string? fixturesBuiltWhenChanged = null, string? corpus = null, bool dataResource = false, string properties = "")
        {
            Directory.CreateDirectory(folder);
            string name = isFixtures ? "Fixtures" : "Tests";
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  {ConsumerProject.Props}
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>{name}</RootNamespace>
                    {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    {(recordings is null ? string.Empty : $"<Analyzer Include=\"{ConsumerProject.Generator}\" /><AdditionalFiles Include=\"{recordings}/**/*.json\" />")}
                    <Reference Include="{ConsumerProject.Library}" />
                    {(reference is null ? string.Empty : $"<ProjectReference Include=\"{reference}\" />")}
                  </ItemGroup>
                  {(fixturesBuiltWhenChanged is null ? string.Empty : PrebuiltFixtures(fixturesBuiltWhenChanged, corpus!))}
                  {(dataResource ? ConsumerProject.DataResourceTargets : string.Empty)}
                </Project>
                """);
            string body = isFixtures ? "public static class Marker { }" : reference is not null || fixturesBuiltWhenChanged is not null
                ? "public static class Uses { public static int Count => Fixtures.Recordings.All.Count; }"
                : recordings is not null ? "public static class Uses { public static int Count => Recordings.All.Count; }" : "public static class Uses { public static int Count => 0; }";
            File.WriteAllText(Path.Combine(folder, isFixtures ? "Marker.cs" : "Tests.cs"), "namespace " + name + " { " + body + " }" + Environment.NewLine);
            ConsumerProject.Dotnet("restore", folder, developerServers: true);
            return folder;
        }

        /// <summary>
        /// The README's large-suite layout: the test project references the fixtures assembly as a file, and builds the
        /// fixtures project first only when a recording (or the project) is newer than it; otherwise the target is
        /// skipped without loading the fixtures project at all.
        /// </summary>
        private static string PrebuiltFixtures(string fixturesProject, string recordings)
        {
            string assembly = Path.Combine(Path.GetDirectoryName(fixturesProject)!, "bin", "$(Configuration)", "net10.0", "Fixtures.dll");
            return $"""
                <ItemGroup>
                    <FixtureInputs Include="{recordings}/**/*.json;{fixturesProject}" />
                    <Reference Include="{assembly}" />
                    <Reference Include="{Path.ChangeExtension(assembly, ".Recordings.dll")}" />
                  </ItemGroup>
                  <Target Name="BuildFixturesWhenRecordingsChanged" BeforeTargets="ResolveAssemblyReferences" Inputs="@(FixtureInputs)" Outputs="{assembly}">
                    <MSBuild Projects="{fixturesProject}" Targets="Restore" Properties="MSBuildRestoreSessionId=$([System.Guid]::NewGuid())" />
                    <MSBuild Projects="{fixturesProject}" Targets="Build" Properties="Configuration=$(Configuration)" />
                  </Target>
                """;
        }
    }
}
