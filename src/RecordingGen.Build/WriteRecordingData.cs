using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using RecordingGen.Build.Facade;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;

namespace RecordingGen.Build
{
    /// <summary>
    /// Writes the recordings' data resource (see DataResourceFormat) that the build embeds in the test assembly, so
    /// the compiler never lexes the data: it chooses, parses and encodes the AdditionalFiles exactly as the generator
    /// does (the same code). Beside it, the manifest the generator reads instead of the recordings
    /// (<see cref="RecordingManifest"/>): the facade's summaries, the data's fingerprint, and every diagnostic with
    /// its JSON location, which the generator reports (so .editorconfig, NoWarn and WarningsAsErrors apply as to
    /// its own). A recording that does not parse has no data here, as it has no member there.
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

        /// <summary>
        /// The file to write: the data resource, or with <see cref="FacadeAssembly"/> the facade assembly holding it
        /// (its documentation file goes beside it).
        /// </summary>
        [Required]
        public string OutputFile { get; set; } = string.Empty;

        /// <summary>
        /// Whether to write the <c>Recordings</c> classes as an assembly with the data as its resource
        /// (<c>RecordingGenFacadeAssembly</c>) rather than the data alone for the project's own assembly.
        /// </summary>
        public bool FacadeAssembly { get; set; }

        /// <summary>The RecordingGen library the project compiles against, which the facade assembly refers to.</summary>
        public string? Library { get; set; }

        /// <summary><c>$(RecordingGenNamespace)</c>, as the generator reads it.</summary>
        public string? RecordingNamespace { get; set; }

        /// <summary><c>$(RootNamespace)</c>, as the generator reads it.</summary>
        public string? RootNamespace { get; set; }

        /// <summary>The manifest to write for the generator (an AdditionalFile named <see cref="RecordingManifest.FileName"/>).</summary>
        [Required]
        public string ManifestFile { get; set; } = string.Empty;

        /// <inheritdoc />
        public bool Execute()
        {
            try
            {
                var options = new GeneratorOptions(string.IsNullOrWhiteSpace(ProjectDirectory) ? null : ProjectDirectory!.Trim());
                var chosen = new List<RecordingFile>();

                // The files not taken are checked for looking like recordings here, where their metadata is (the compiler
                // does not get it in this mode), and the manifest carries what is found (RG0016).
                var strays = new List<DiagnosticInfo>();
                foreach (ITaskItem item in Files.Where(item => item.ItemSpec.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                {
                    var source = new RecordingSource(item.GetMetadata("FullPath"));
                    string? flag = EditorConfigValue(item.GetMetadata("RecordingGen"));
                    RecordingFile? recording = OptionsReader.Select(RecordingFile.Of(source, EditorConfigValue(item.GetMetadata("Link"))), flag);
                    if (recording is not null)
                    {
                        chosen.Add(recording);
                    }

                    if (OptionsReader.CheckStray(source, recording, flag, CancellationToken.None) is { } stray)
                    {
                        strays.Add(stray);
                    }
                }

                EncodedRecordings encoded = EncodedRecordings.Of(chosen, options, strays);
                if (!FacadeAssembly)
                {
                    WriteAtomically(OutputFile, output => output.Write(encoded.Data, 0, encoded.Data.Length));
                }

                WriteAtomically(ManifestFile, output =>
                {
                    byte[] text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ManifestWriter.Write(encoded.Manifest));
                    output.Write(text, 0, text.Length);
                });

                if (FacadeAssembly)
                {
                    WriteFacade(encoded);
                }

                BuildEngine?.LogMessageEvent(new BuildMessageEventArgs(
                    "RecordingGen: wrote the data of " + encoded.Manifest.Summaries.Count + " recordings to " + OutputFile, null, nameof(WriteRecordingData), MessageImportance.Low));
                return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                BuildEngine?.LogErrorEvent(new BuildErrorEventArgs(
                    null, "RG0017", OutputFile, 0, 0, 0, 0,
                    "RecordingGen could not write the recordings' " + (FacadeAssembly ? "facade assembly" : "data resource") + ": " + exception.Message, null, nameof(WriteRecordingData)));
                return false;
            }
        }

        /// <summary>The facade assembly and its documentation, named and placed as the manifest's summaries say.</summary>
        private void WriteFacade(EncodedRecordings encoded)
        {
            if (string.IsNullOrEmpty(Library) || !File.Exists(Library))
            {
                throw new FileNotFoundException("The RecordingGen library the facade assembly refers to was not found among the project's references (" + Library + ").");
            }

            (LibraryReference library, LibraryReference core) = LibraryReference.Read(Library!);
            string assemblyName = Path.GetFileNameWithoutExtension(OutputFile);
            string rootNamespace = OptionsReader.Namespace(EditorConfigValue(RecordingNamespace ?? string.Empty), EditorConfigValue(RootNamespace ?? string.Empty));
            // The documentation beside, on the other core (about a third of the time the assembly takes).
            Task documentation = Task.Run(() => WriteAtomically(Path.ChangeExtension(OutputFile, ".xml"), output => FacadeDocumentation.Write(output, assemblyName, rootNamespace, encoded.Manifest.Summaries)));
            WriteAtomically(OutputFile, output => FacadeAssemblyWriter.Write(output, assemblyName, rootNamespace, encoded.Manifest.Summaries, encoded.Fingerprint, encoded.Data, library, core));
            documentation.GetAwaiter().GetResult();
        }

        /// <summary>Written beside and moved into place, so a build cut short never leaves half a file behind.</summary>
        private static void WriteAtomically(string file, Action<Stream> write)
        {
            string temporary = file + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(output);
            }

            if (File.Exists(file))
            {
                File.Delete(file);
            }

            File.Move(temporary, file);
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
