using System;
using System.Diagnostics;
using System.IO;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// What the benchmarks' throwaway consumer projects share: this repository's Release generator, library and build
    /// task, wired as the package wires them (its props, and its targets when the data is embedded), and building them.
    /// </summary>
    internal static class ConsumerProject
    {
        public static string Repo { get; } = Path.GetFullPath(Path.Combine(Corpus.ProjectDirectory(), "..", ".."));

        /// <summary>
        /// What a build put in the output for a project: its assembly and, where the build task wrote one, the facade
        /// assembly beside it (<c>Name.Recordings.dll</c>), which holds the data. Bytes; a missing file counts 0.
        /// </summary>
        public static long AssembliesSize(string assembly)
        {
            string facade = Path.ChangeExtension(assembly, ".Recordings.dll");
            return (File.Exists(assembly) ? new FileInfo(assembly).Length : 0) + (File.Exists(facade) ? new FileInfo(facade).Length : 0);
        }

        public static string Generator => Path.Combine(Repo, "src", "RecordingGen.Generator", "bin", "Release", "netstandard2.0", "RecordingGen.Generator.dll");

        public static string Library => Path.Combine(Repo, "src", "RecordingGen", "bin", "Release", "net8.0", "RecordingGen.dll");

        /// <summary>The package's props: the MSBuild settings the generator reads.</summary>
        public static string Props => $"""<Import Project="{Path.Combine(Repo, "src", "RecordingGen", "build", "RecordingGen.props")}" />""";

        /// <summary>The package's targets with this build's task, which embed the recordings' data (the default for a package user).</summary>
        public static string DataResourceTargets
            => $"""
                <PropertyGroup>
                    <RecordingGenTaskAssembly>{Path.Combine(Repo, "src", "RecordingGen.Build", "bin", "Release", "netstandard2.0", "RecordingGen.Build.dll")}</RecordingGenTaskAssembly>
                  </PropertyGroup>
                  <Import Project="{Path.Combine(Repo, "src", "RecordingGen", "build", "RecordingGen.targets")}" />
                """;

        /// <summary>Runs dotnet in <paramref name="directory"/>; a failure throws with its output.</summary>
        /// <param name="developerServers">
        /// Build with the compiler server and MSBuild's nodes kept warm, as a developer's machine does: CI machines (this
        /// one included) often turn them off through the environment, which would time a cold compiler instead.
        /// </param>
        public static void Dotnet(string arguments, string directory, bool developerServers = false)
        {
            var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            if (developerServers)
            {
                foreach (string variable in new[] { "UseSharedCompilation", "MSBUILDDISABLENODEREUSE", "DOTNET_CLI_USE_MSBUILD_SERVER" })
                {
                    start.Environment.Remove(variable);
                }
            }

            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet " + arguments + " failed in " + directory + ":\n" + output);
            }
        }
    }
}
