using System;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>Runs the real <c>dotnet</c> command, as a user would, without build servers that outlive the test.</summary>
    internal static class DotnetCli
    {
        /// <summary>Runs the command and fails the test unless it succeeds; returns what it printed.</summary>
        public static string Run(string directory, params string[] arguments)
        {
            (int exitCode, string output) = Try(directory, arguments);
            Assert.True(exitCode == 0, "dotnet " + string.Join(" ", arguments) + " failed:\n" + output);
            return output;
        }

        /// <summary>Runs the command; returns its exit code and everything it printed.</summary>
        public static (int ExitCode, string Output) Try(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in arguments.Concat(arguments[0] == "run" ? Array.Empty<string>() : new[] { "-nodeReuse:false", "--disable-build-servers" }))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(600_000), "dotnet " + string.Join(" ", arguments) + " did not finish in 10 minutes");
            return (process.ExitCode, output + error.Result);
        }
    }
}
