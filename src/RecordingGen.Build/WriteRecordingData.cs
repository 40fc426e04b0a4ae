using System;
using System.IO;
using Microsoft.Build.Framework;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;

namespace RecordingGen.Build
{
    /// <summary>
    /// Writes the recordings' data resource (see DataResourceFormat) that the build embeds in the test assembly, so
    /// the compiler never lexes the data: it chooses, parses and encodes the AdditionalFiles exactly as the generator
    /// does (the same code). Beside it, the manifest the generator reads instead of the recordings
    /// (<see cref="RecordingManifest"/>): the facade's summaries, the data's fingerprint, and every diagnostic with
    /// its JSON location, which the generator reports (so .editorconfig, NoWarn and WarningsAsErrors apply as to
    /// its own). A recording that does not parse has no data here, as it has no member there.
    /// With <see cref="Background"/>, it starts the work and returns: the build goes on (building the projects the
    /// test project references, resolving references) while the recordings are parsed, and
    /// <see cref="AwaitRecordingData"/> waits for them before the compiler needs them.
    /// </summary>
    public sealed class WriteRecordingData : ITask
    {
        /// <inheritdoc />
        public IBuildEngine? BuildEngine { get; set; }

        /// <inheritdoc />
        public ITaskHost? HostObject { get; set; }

        /// <summary>The project's AdditionalFiles (only .json files are looked at, as by the generator).</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The folder recordings' source paths are relative to: <c>$(MSBuildProjectDirectory)</c>, as the generator reads it.</summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>The resource file to write.</summary>
        [Required]
        public string OutputFile { get; set; } = string.Empty;

        /// <summary>The manifest to write for the generator (an AdditionalFile named <see cref="RecordingManifest.FileName"/>).</summary>
        [Required]
        public string ManifestFile { get; set; } = string.Empty;

        /// <summary>
        /// Start the work on a thread of its own and return; <see cref="AwaitRecordingData"/> with the same
        /// <see cref="OutputFile"/> waits for it. Only where the task runs in MSBuild's own process: a task host ends
        /// with its task.
        /// </summary>
        public bool Background { get; set; }

        /// <inheritdoc />
        public bool Execute()
        {
            var options = new GeneratorOptions(string.IsNullOrWhiteSpace(ProjectDirectory) ? null : ProjectDirectory!.Trim());
            RecordingDataJob.Outcome? earlier = AwaitRecordingData.WaitForJob(BuildEngine, OutputFile);
            if (earlier is not null && !earlier.Log(BuildEngine, OutputFile, nameof(WriteRecordingData)))
            {
                return false;
            }

            RecordingDataJob.Chosen files = RecordingDataJob.Choose(Files);

            // Full paths now: MSBuild moves the process's current folder from project to project as it builds them.
            string outputFile = Path.GetFullPath(OutputFile);
            string manifestFile = Path.GetFullPath(ManifestFile);
            if (Background && BuildEngine is IBuildEngine4 engine)
            {
                engine.RegisterTaskObject(RecordingDataJob.KeyOf(outputFile), RecordingDataJob.Start(files, options, outputFile, manifestFile), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return true;
            }

            return RecordingDataJob.Run(files, options, outputFile, manifestFile).Log(BuildEngine, OutputFile, nameof(WriteRecordingData));
        }
    }
}
