using System.IO;
using System.Linq;
using System.Reflection;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>Where the repository, its own test recordings and the optional ../shared data are.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot { get; } = Path.GetFullPath(typeof(TestPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepoRoot").Value!);

        public static string OwnRecordings => Path.Combine(RepoRoot, "tests", "recordings");

        public static string Baselines => Path.Combine(RepoRoot, "tests", "RecordingGen.Generator.Tests", "Baselines");

        public static string SharedRecordings => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "recordings"));

        public static bool HasSharedRecordings => Directory.Exists(SharedRecordings);
    }
}
