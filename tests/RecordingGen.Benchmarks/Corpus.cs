using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace RecordingGen.Benchmarks
{
    /// <summary>The ogx corpus from ../shared, unpacked once into a temporary folder (never into the repository).</summary>
    internal static class Corpus
    {
        public static string SharedDirectory { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", "..", "..", "shared"));

        public static string Unpack()
        {
            string archive = Path.Combine(SharedDirectory, "corpora", "llama-stack-2026-05.tar.xz");
            string target = Path.Combine(Path.GetTempPath(), "recordinggen-corpus");
            if (Directory.Exists(target) && Directory.GetFiles(target, "*.json", SearchOption.AllDirectories).Length > 0)
            {
                return target;
            }

            Directory.CreateDirectory(target);
            using Process tar = Process.Start(new ProcessStartInfo("tar", new[] { "-xJf", archive, "-C", target }))!;
            tar.WaitForExit();
            if (tar.ExitCode != 0)
            {
                throw new InvalidOperationException("tar failed on " + archive);
            }

            return target;
        }

        /// <summary>The corpus files in a fixed order; a prefix of it is the sample of a given size.</summary>
        public static string[] Files(string root)
            => Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();

        public static string ProjectDirectory()
            => typeof(Corpus).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!;
    }
}
