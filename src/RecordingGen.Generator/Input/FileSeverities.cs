using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

        /// <summary>The severities configured for <paramref name="text"/> (entries "RG0007=none"), or null when there are none.</summary>
        public static FileSeverities? Read(AdditionalText text, AnalyzerConfigOptionsProvider provider)
        {
            AnalyzerConfigOptions options = provider.GetOptions(text);
            var entries = new List<string>();
            foreach (string key in options.Keys)
            {
                // .editorconfig keys arrive lower-cased.
                if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
                    && options.TryGetValue(key, out string? value))
                {
                    string id = key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length).ToUpperInvariant();
                    entries.Add(id + "=" + value.Trim().ToLowerInvariant());
                }
            }

            entries.Sort(StringComparer.Ordinal);
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
