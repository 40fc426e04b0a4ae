using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Build
{
    /// <summary>
    /// Writes the recordings' data resource (see DataResourceFormat) that the build embeds in the test assembly, so
    /// the compiler never lexes the data: it chooses, parses and encodes the AdditionalFiles exactly as the generator
    /// does (the same code), and the generator emits only the typed facade. Problems in recordings are the
    /// generator's to report, at their JSON locations; a recording that does not parse is left out here as there.
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

        /// <inheritdoc />
        public bool Execute()
        {
            try
            {
                var options = new GeneratorOptions(string.IsNullOrWhiteSpace(ProjectDirectory) ? null : ProjectDirectory!.Trim());
                RecordingFile[] files = Files
                    .Where(item => item.ItemSpec.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Select(item => OptionsReader.Select(
                        RecordingFile.Of(new RecordingSource(item.GetMetadata("FullPath")), EditorConfigValue(item.GetMetadata("Link"))),
                        EditorConfigValue(item.GetMetadata("RecordingGen"))))
                    .Where(file => file is not null)
                    .Select(file => file!)
                    .ToArray();

                var data = new RecordingData?[files.Length];
                var left = new string?[files.Length];
                Parallel.For(0, files.Length, i =>
                {
                    ParseResult result = RecordingParser.Parse(files[i], options, CancellationToken.None);
                    data[i] = result.Data;
                    left[i] = result.Data is null && result.Diagnostics.Count > 0 ? files[i].Path + ": " + result.Diagnostics[0].Descriptor.Id + " " + string.Join(" ", result.Diagnostics[0].MessageArgs) : null;
                });

                foreach (string? reason in left)
                {
                    if (reason is not null)
                    {
                        // The generator reports the problem at its JSON location; this only says why the data has no entry.
                        BuildEngine?.LogMessageEvent(new BuildMessageEventArgs("RecordingGen: no data for " + reason, null, nameof(WriteRecordingData), MessageImportance.Low));
                    }
                }

                // In the order of the generator's facade.
                List<RecordingData> sorted = PathOrder.SortedDistinct(data.Where(value => value is not null).Select(value => value!), value => value.SourcePath);

                // Written beside and moved into place, so a build cut short never leaves half a resource behind.
                string temporary = OutputFile + ".tmp";
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
                using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    DataResourceWriter.Write(output, sorted);
                }

                if (File.Exists(OutputFile))
                {
                    File.Delete(OutputFile);
                }

                File.Move(temporary, OutputFile);
                BuildEngine?.LogMessageEvent(new BuildMessageEventArgs(
                    "RecordingGen: wrote the data of " + sorted.Count + " recordings to " + OutputFile, null, nameof(WriteRecordingData), MessageImportance.Low));
                return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                BuildEngine?.LogErrorEvent(new BuildErrorEventArgs(
                    null, "RG0017", OutputFile, 0, 0, 0, 0,
                    "RecordingGen could not write the recordings' data resource: " + exception.Message, null, nameof(WriteRecordingData)));
                return false;
            }
        }

        /// <summary>
        /// Metadata as the generator receives it: the compiler passes it through an .editorconfig, whose values end at
        /// the first '#' or ';' and are trimmed.
        /// </summary>
        private static string? EditorConfigValue(string value)
        {
            int end = value.IndexOfAny(new[] { '#', ';' });
            string cut = (end < 0 ? value : value.Substring(0, end)).Trim();
            return cut.Length == 0 ? null : cut;
        }
    }
}
