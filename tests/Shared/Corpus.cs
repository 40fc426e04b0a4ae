using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace RecordingGen.Tests.Shared
{
    /// <summary>The ogx corpus from ../shared, unpacked once into a temporary folder (never into the repository).</summary>
    internal static class Corpus
    {
        public static string SharedDirectory => Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", "..", "..", "shared"));

        public static string Archive => Path.Combine(SharedDirectory, "corpora", "llama-stack-2026-05.tar.xz");

        public static bool IsAvailable => File.Exists(Archive);

        /// <summary>
        /// The unpacked corpus. Unpacked beside its final place and renamed into it, so test runs and benchmarks that
        /// start together never read a half-unpacked folder.
        /// </summary>
        public static string Unpack()
        {
            string target = Path.Combine(Path.GetTempPath(), "recordinggen-corpus");
            if (Directory.Exists(target) && Directory.GetFiles(target, "*.json", SearchOption.AllDirectories).Length > 0)
            {
                return target;
            }

            string staging = target + "-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            using Process tar = Process.Start(new ProcessStartInfo("tar", new[] { "-xJf", Archive, "-C", staging }))!;
            tar.WaitForExit();
            if (tar.ExitCode != 0)
            {
                throw new InvalidOperationException("tar failed on " + Archive);
            }

            try
            {
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                Directory.Move(staging, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                Directory.Delete(staging, recursive: true); // another process finished first
            }

            return target;
        }

        /// <summary>The corpus files in a fixed order; a prefix of it is the sample of a given size.</summary>
        public static string[] Files(string root)
            => Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();

        public static string ProjectDirectory()
            => typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!;
    }
}
