using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>Runs <see cref="RecordingGenerator"/> through a real <see cref="CSharpGeneratorDriver"/> over in-memory files.</summary>
    internal static class GeneratorHarness
    {
        public const string ProjectDirectory = "/project";
        public const string Namespace = "Consumer.Tests";

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new Lazy<ImmutableArray<MetadataReference>>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
                .Append(typeof(RecordingGen.Recording).Assembly.Location)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray());

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(LanguageVersion.CSharp12, sources);

        public static CSharpCompilation CreateCompilation(LanguageVersion languageVersion, params string[] sources)
            => CSharpCompilation.Create(
                "Consumer.Tests",
                sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(languageVersion), path: "Source" + i + ".cs")),
                References,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    generalDiagnosticOption: ReportDiagnostic.Error));

        public static TestOptionsProvider Options(
            string? @namespace = Namespace,
            IReadOnlyDictionary<string, ImmutableDictionary<string, string>>? fileMetadata = null,
            bool dataResource = false,
            bool facadeAssembly = false)
        {
            var global = ImmutableDictionary.CreateBuilder<string, string>();
            global["build_property.MSBuildProjectDirectory"] = ProjectDirectory;
            if (dataResource)
            {
                // What RecordingGen.targets sets when its task embeds the data.
                global["build_property.RecordingGenDataResource"] = "true";
            }

            if (facadeAssembly)
            {
                // ... and when its task also writes the facade as an assembly.
                global["build_property.RecordingGenFacadeAssembly"] = "true";
            }

            if (@namespace is not null)
            {
                global["build_property.RootNamespace"] = @namespace;
            }

            return new TestOptionsProvider(
                global.ToImmutable(),
                (fileMetadata ?? new Dictionary<string, ImmutableDictionary<string, string>>()).ToImmutableDictionary());
        }

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, TestOptionsProvider? options = null, LanguageVersion languageVersion = LanguageVersion.CSharp12)
            => CSharpGeneratorDriver.Create(
                new[] { new RecordingGenerator().AsSourceGenerator() },
                additionalTexts: files,
                parseOptions: CSharpParseOptions.Default.WithLanguageVersion(languageVersion),
                optionsProvider: options ?? Options(),
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Runs the generator and compiles its output; returns the run and every compiler diagnostic of the result.</summary>
        public static GeneratorOutput Run(IEnumerable<AdditionalText> files, TestOptionsProvider? options = null, params string[] sources)
            => Run(LanguageVersion.CSharp12, files, options, sources);

        public static GeneratorOutput Run(LanguageVersion languageVersion, IEnumerable<AdditionalText> files, TestOptionsProvider? options = null, params string[] sources)
        {
            CSharpCompilation compilation = CreateCompilation(languageVersion, sources);
            GeneratorDriver driver = CreateDriver(files, options, languageVersion).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            return new GeneratorOutput(driver.GetRunResult(), output);
        }

        public static AdditionalText File(string relativePath, string content)
            => new InMemoryAdditionalText(ProjectDirectory + "/" + relativePath, content);

        /// <summary>The repository's own small recordings, under a <c>recordings</c> folder of the virtual project.</summary>
        public static List<AdditionalText> OwnRecordings()
            => Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => File("recordings/" + Path.GetRelativePath(TestPaths.OwnRecordings, path).Replace('\\', '/'), System.IO.File.ReadAllText(path)))
                .ToList();
    }

    internal sealed record GeneratorOutput(GeneratorDriverRunResult RunResult, Compilation Compilation)
    {
        public ImmutableArray<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

        public ImmutableArray<Diagnostic> CompilationDiagnostics => Compilation.GetDiagnostics();

        public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

        public string Source(string hintNameEnd) => Sources.Single(source => source.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
    }
}
