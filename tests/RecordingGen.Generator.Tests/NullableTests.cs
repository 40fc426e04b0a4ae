using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The generated code declares its nullability with the annotations context alone (no flow analysis of thousands of
    /// generated members on every compile); these compile it again with the warnings on, so what it declares is true.
    /// </summary>
    public sealed class NullableTests
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Generated_code_passes_nullable_analysis_with_its_warnings_on(bool dataResource)
        {
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.OwnRecordings(), GeneratorHarness.Options(dataResource: dataResource));
            Assert.Empty(output.CompilationDiagnostics);

            string[] sources = output.Sources.Select(source => source.SourceText.ToString()).ToArray();
            Assert.All(sources, source => Assert.Contains("\n#nullable enable annotations\n", source.Replace("\r\n", "\n"), StringComparison.Ordinal));
            string[] strict = sources.Select(source => source.Replace("#nullable enable annotations", "#nullable enable", StringComparison.Ordinal)).ToArray();

            // The harness reports every warning as an error.
            Assert.Empty(GeneratorHarness.CreateCompilation(strict).GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        }

        [Fact]
        public void A_nullable_mistake_in_code_like_the_generated_fails_the_strict_compile()
        {
            // What the test above relies on: the strict compile does report a nullable warning, as an error.
            string source = "#nullable enable\nnamespace N { public static class C { public static string S => null; } }";

            Assert.Contains(GeneratorHarness.CreateCompilation(source).GetDiagnostics(), diagnostic => diagnostic.Id == "CS8603" && diagnostic.Severity == DiagnosticSeverity.Error);
        }
    }
}
