using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Input
{
    /// <summary>
    /// Severities set per recording file or folder in <c>.editorconfig</c>. The compiler applies
    /// <c>dotnet_diagnostic.ID.severity</c> from .editorconfig sections to source files only, and hides those keys from
    /// generators, so for diagnostics located in recordings the generator reads its own key from the recording's
    /// options and applies it: <c>recordinggen_diagnostic.RG0007.severity = none | silent | suggestion | warning | error</c>.
    /// Global settings (<c>.globalconfig</c>, <c>NoWarn</c>, <c>WarningsAsErrors</c>) are the compiler's and still apply on top.
    /// </summary>
    internal sealed record FileSeverities(string FilePath, EquatableArray<string> Entries)
    {
        private const string Prefix = "recordinggen_diagnostic.";
        private const string Suffix = ".severity";

        private static readonly string[] Ids =
        {
            DiagnosticDescriptors.InvalidJson.Id, DiagnosticDescriptors.MissingRequestOrResponse.Id, DiagnosticDescriptors.UnknownFormat.Id,
            DiagnosticDescriptors.UnmatchedToolCallId.Id, DiagnosticDescriptors.InconsistentStream.Id, DiagnosticDescriptors.UndeclaredTool.Id,
            DiagnosticDescriptors.InvalidToolArguments.Id, DiagnosticDescriptors.AmbiguousReplay.Id, DiagnosticDescriptors.LooksLikeSecret.Id,
            DiagnosticDescriptors.UnreadableFile.Id, DiagnosticDescriptors.NotUtf8.Id, DiagnosticDescriptors.InvalidStatus.Id,
            DiagnosticDescriptors.InvalidIdMapping.Id, DiagnosticDescriptors.StrayRecording.Id, DiagnosticDescriptors.InternalError.Id,
        };

        /// <summary>The severities configured for <paramref name="text"/> (entries "RG0007=none"), or null when there are none.</summary>
        public static FileSeverities? Read(AdditionalText text, AnalyzerConfigOptionsProvider provider)
        {
            // Each id is asked for by name: AnalyzerConfigOptions.Keys is not implemented by every host, and a generator
            // that throws loses all its output.
            AnalyzerConfigOptions options = provider.GetOptions(text);
            var entries = new List<string>();
            foreach (string id in Ids)
            {
                if (options.TryGetValue(Prefix + id.ToLowerInvariant() + Suffix, out string? value) || options.TryGetValue(Prefix + id + Suffix, out value))
                {
                    entries.Add(id + "=" + value.Trim().ToLowerInvariant());
                }
            }

            return entries.Count == 0 ? null : new FileSeverities(Naming.PathNames.Canonical(text.Path), new EquatableArray<string>(entries));
        }

        /// <summary>Every file's severities, by path.</summary>
        public static EquatableArray<FileSeverities> Collect(System.Collections.Immutable.ImmutableArray<FileSeverities> all)
            => new EquatableArray<FileSeverities>(all.OrderBy(file => file.FilePath, StringComparer.Ordinal));

        /// <summary>The diagnostic as its file's configuration has it: null when set to <c>none</c>.</summary>
        public static Diagnostic? Apply(DiagnosticInfo info, EquatableArray<FileSeverities> files)
        {
            string? configured = null;
            if (info.Location?.FilePath is { } path)
            {
                foreach (FileSeverities file in files)
                {
                    if (string.Equals(file.FilePath, path, StringComparison.Ordinal))
                    {
                        configured = file.Entries.FirstOrDefault(entry => entry.StartsWith(info.Descriptor.Id + "=", StringComparison.Ordinal))?.Substring(info.Descriptor.Id.Length + 1);
                        break;
                    }
                }
            }

            DiagnosticSeverity? severity = configured switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "suggestion" => DiagnosticSeverity.Info,
                "silent" => DiagnosticSeverity.Hidden,
                _ => null,
            };
            if (configured == "none")
            {
                return null;
            }

            object[] arguments = info.MessageArgs.Items.ToArray();
            return severity is { } effective
                ? Diagnostic.Create(info.Descriptor, info.Location?.ToLocation(), effective, additionalLocations: null, properties: null, messageArgs: arguments)
                : info.ToDiagnostic();
        }
    }
}
