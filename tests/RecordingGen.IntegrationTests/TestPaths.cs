using System.IO;
using System.Linq;
using System.Reflection;

namespace RecordingGen.IntegrationTests
{
    internal static class TestPaths
    {
        public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

        public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

        public static string SharedRecordings { get; } = Metadata("SharedRecordings");

        /// <summary>The generator as this build compiled it, for consumer projects built from a test.</summary>
        public static string GeneratorAssembly => Path.Combine(RepoRoot, "src", "RecordingGen.Generator", "bin", Metadata("Configuration"), "netstandard2.0", "RecordingGen.Generator.dll");

        /// <summary>The library's netstandard2.0 build (built for RecordingGen.Xunit, which this project references).</summary>
        public static string NetStandardLibrary => Path.Combine(RepoRoot, "src", "RecordingGen", "bin", Metadata("Configuration"), "netstandard2.0", "RecordingGen.dll");

        /// <summary>The build task that writes the recordings' data resource, as this build compiled it.</summary>
        public static string TaskAssembly => Path.Combine(RepoRoot, "src", "RecordingGen.Build", "bin", Metadata("Configuration"), "netstandard2.0", "RecordingGen.Build.dll");

        /// <summary>
        /// What a consumer project (which imports the props and names the generator by hand) adds to have the package's
        /// targets embed the recordings' data: this build's task, in a process of its own (it is rebuilt while build
        /// nodes live), and the targets.
        /// </summary>
        public static string DataResourceTargets => $"""
            <PropertyGroup>
                <RecordingGenTaskAssembly>{TaskAssembly}</RecordingGenTaskAssembly>
                <RecordingGenTaskInHost>true</RecordingGenTaskInHost>
              </PropertyGroup>
              <Import Project="{Path.Combine(RepoRoot, "src", "RecordingGen", "build", "RecordingGen.targets")}" />
            """;

        public static string OwnRecordings => Path.Combine(RepoRoot, "tests", "recordings");

        public static string Resolve(Recording recording) => Path.GetFullPath(Path.Combine(ProjectDirectory, recording.SourcePath));

        private static string Metadata(string key)
            => typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
    }
}
