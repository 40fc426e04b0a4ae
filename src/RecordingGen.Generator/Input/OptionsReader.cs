using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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
            AnalyzerConfigOptions global = provider.GlobalOptions;
            string? configured = Value(global, "build_property.RecordingGenNamespace") ?? Value(global, "build_property.RootNamespace");
            bool nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
            return new EmitOptions(Identifiers.ToNamespace(configured) ?? DefaultNamespace, nullable);
        }

        /// <summary>
        /// A .json AdditionalFile is a recording when it sits under a folder named <c>recordings</c> or has
        /// <c>RecordingGen="true"</c>; <c>RecordingGen="false"</c> excludes it either way.
        /// </summary>
        public static bool IsRecording(AdditionalText text, AnalyzerConfigOptionsProvider provider)
        {
            string? flag = Value(provider.GetOptions(text), "build_metadata.AdditionalFiles.RecordingGen");
            if (flag is not null)
            {
                if (string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(flag, "false", System.StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return PathNames.HasRecordingsFolder(text.Path);
        }

        private static string? Value(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
