using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;

namespace RecordingGen.Generator.Input
{
    /// <summary>Reads the MSBuild settings the package's props file makes visible to the generator.</summary>
    internal static class OptionsReader
    {
        public const string DefaultNamespace = "RecordingGen.Generated";

        public static GeneratorOptions ReadGeneratorOptions(AnalyzerConfigOptionsProvider provider)
        {
            AnalyzerConfigOptions global = provider.GlobalOptions;
            return new GeneratorOptions(Value(global, "build_property.MSBuildProjectDirectory") ?? Value(global, "build_property.ProjectDir"));
        }

        public static EmitOptions ReadEmitOptions(AnalyzerConfigOptionsProvider provider, ParseOptions parseOptions)
        {
            bool nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
            bool resource = IsDataResource(provider.GlobalOptions);
            bool facadeAssembly = resource && string.Equals(Value(provider.GlobalOptions, "build_property.RecordingGenFacadeAssembly"), "true", System.StringComparison.OrdinalIgnoreCase);
            return new EmitOptions(Namespace(provider.GlobalOptions), nullable, resource, facadeAssembly);
        }

        private static bool IsDataResource(AnalyzerConfigOptions global)
            => string.Equals(Value(global, "build_property.RecordingGenDataResource"), "true", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A warning when <c>RecordingGenNamespace</c> is set but is not a namespace as written, so the generated
        /// class does not land somewhere else without a word.
        /// </summary>
        public static DiagnosticInfo? CheckNamespace(AnalyzerConfigOptionsProvider provider)
        {
            AnalyzerConfigOptions global = provider.GlobalOptions;
            string? configured = Value(global, "build_property.RecordingGenNamespace");
            return configured is null || Identifiers.ToNamespace(configured) == configured
                ? null
                : new DiagnosticInfo(DiagnosticDescriptors.InvalidNamespace, null, configured, Namespace(global));
        }

        private static string Namespace(AnalyzerConfigOptions global)
            => Namespace(Value(global, "build_property.RecordingGenNamespace"), Value(global, "build_property.RootNamespace"));

        /// <summary>
        /// RecordingGenNamespace made a namespace; when nothing of it is usable, the root namespace, as when it is unset.
        /// The build task names the facade assembly's namespace with it too.
        /// </summary>
        public static string Namespace(string? recordingGenNamespace, string? rootNamespace)
            => Identifiers.ToNamespace(recordingGenNamespace) ?? Identifiers.ToNamespace(rootNamespace) ?? DefaultNamespace;

        /// <summary>
        /// The recording an AdditionalFile is, or null. A .json file is a recording when it sits under a folder
        /// named <c>recordings</c> or has <c>RecordingGen="true"</c>; <c>RecordingGen="false"</c> excludes it either
        /// way. A file linked into the project (<c>Link="recordings/..."</c>) also counts where its link puts it.
        /// </summary>
        public static RecordingFile? SelectRecording(AdditionalText text, AnalyzerConfigOptionsProvider provider)
            => SelectRecording(text, provider.GetOptions(text), out _);

        private static RecordingFile? SelectRecording(AdditionalText text, AnalyzerConfigOptions options, out string? flag)
        {
            flag = Value(options, "build_metadata.AdditionalFiles.RecordingGen");
            return Select(RecordingFile.Of(text, Value(options, "build_metadata.AdditionalFiles.Link")), flag);
        }

        /// <summary>
        /// The rule itself, shared with the build task that writes the data resource: the <c>RecordingGen</c> metadata
        /// decides when set, and otherwise a file is a recording when it sits (or is linked) under a recordings folder.
        /// </summary>
        public static RecordingFile? Select(RecordingFile file, string? flag)
        {
            if (flag is not null)
            {
                if (string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }

                if (string.Equals(flag, "false", System.StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return PathNames.HasRecordingsFolder(file.Path) || (file.Link is { } link && PathNames.HasRecordingsFolder(link)) ? file : null;
        }

        /// <summary>
        /// An info diagnostic for a JSON file that is not taken as a recording but begins like one (<c>test_id</c>, or
        /// <c>request</c> and <c>response</c>, among its first characters), so it is not ignored without a word. Only
        /// the start of the text is looked at: a large unrelated file is never parsed.
        /// </summary>
        /// <remarks>
        /// Where the build task embeds the data (<c>RecordingGenDataResource</c>), the task checks the files it does not
        /// take (its manifest carries what it finds), and the files' metadata is not passed to the compiler at all:
        /// a section per recording in the generated .editorconfig cost every compile of a large suite a quarter second.
        /// </remarks>
        public static DiagnosticInfo? CheckStray(AdditionalText text, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
            => IsDataResource(provider.GlobalOptions)
                ? null
                : CheckStray(text, SelectRecording(text, provider.GetOptions(text), out string? flag), flag, cancellationToken);

        /// <summary>
        /// The rule itself, shared with the build task: a file <paramref name="taken"/> as a recording, or marked either
        /// way by its <c>RecordingGen</c> <paramref name="flag"/>, is no stray; any other is looked at.
        /// </summary>
        public static DiagnosticInfo? CheckStray(AdditionalText text, RecordingFile? taken, string? flag, System.Threading.CancellationToken cancellationToken)
        {
            if (taken is not null || flag is not null)
            {
                return null;
            }

            Microsoft.CodeAnalysis.Text.SourceText? source = text.GetText(cancellationToken);
            if (source is null)
            {
                return null;
            }

            string start = source.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, System.Math.Min(source.Length, 600)));
            bool looksLikeOne = start.TrimStart().StartsWith("{", System.StringComparison.Ordinal)
                && (start.Contains("\"test_id\"") || (start.Contains("\"request\"") && (start.Contains("\"response\"") || start.Contains("\"method\""))));
            return looksLikeOne ? new DiagnosticInfo(DiagnosticDescriptors.StrayRecording, new LocationInfo(text.Path, default, default), text.Path) : null;
        }

        private static string? Value(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
