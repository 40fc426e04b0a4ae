using Microsoft.Build.Framework;

namespace RecordingGen.Build
{
    /// <summary>
    /// Waits for the data that <see cref="WriteRecordingData"/> started writing in the background, and reports what the
    /// work had to say (an error fails the build here). Nothing to wait for (the data was up to date, or written
    /// in the foreground) is a success.
    /// </summary>
    public sealed class AwaitRecordingData : ITask
    {
        /// <inheritdoc />
        public IBuildEngine? BuildEngine { get; set; }

        /// <inheritdoc />
        public ITaskHost? HostObject { get; set; }

        /// <summary>The data file the work writes, as given to <see cref="WriteRecordingData.OutputFile"/>.</summary>
        [Required]
        public string OutputFile { get; set; } = string.Empty;

        /// <inheritdoc />
        public bool Execute() => WaitForJob(BuildEngine, OutputFile)?.Log(BuildEngine, OutputFile, nameof(AwaitRecordingData)) ?? true;

        /// <summary>The outcome of the job started for <paramref name="outputFile"/> in this build, once it is done; null if none was.</summary>
        internal static RecordingDataJob.Outcome? WaitForJob(IBuildEngine? engine, string outputFile)
        {
            if (engine is not IBuildEngine4 registry
                || registry.UnregisterTaskObject(RecordingDataJob.KeyOf(System.IO.Path.GetFullPath(outputFile)), RegisteredTaskObjectLifetime.Build) is not RecordingDataJob job)
            {
                return null;
            }

            return job.Wait();
        }
    }
}
