using System;
using System.Diagnostics;

namespace RecordingGen.Benchmarks
{
    /// <summary>Measurements that need a fresh process: this harness or another program started again, its output read back.</summary>
    internal static class ChildProcess
    {
        /// <summary>This harness with <paramref name="arguments"/>, started as it was: by its apphost, or by <c>dotnet</c> and its assembly.</summary>
        public static ProcessStartInfo Self(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!, arguments);
            if (!Environment.ProcessPath!.EndsWith("RecordingGen.Benchmarks", StringComparison.Ordinal))
            {
                start.ArgumentList.Insert(0, typeof(ChildProcess).Assembly.Location);
            }

            return start;
        }

        /// <summary>Runs <paramref name="start"/> to its end and returns what it printed.</summary>
        public static string Output(ProcessStartInfo start)
        {
            start.RedirectStandardOutput = true;
            start.UseShellExecute = false;
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
    }
}
