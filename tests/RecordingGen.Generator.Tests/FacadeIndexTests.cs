using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// <c>Recordings.All</c> over more recordings than one page of the generated index switch: compiled, loaded
    /// and read, every index returns its own recording in path order.
    /// </summary>
    public sealed class FacadeIndexTests
    {
        [Fact]
        public void Every_index_of_All_returns_its_recording_across_switch_pages()
        {
            List<AdditionalText> files = Enumerable.Range(0, 150)
                .Select(i => GeneratorHarness.File(
                    "recordings/page/r" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".json",
                    "{\"test_id\": \"t" + i + "\", \"request\": {\"method\": \"POST\", \"url\": \"http://localhost/v1/models\", \"body\": {}}, \"response\": {\"body\": {\"n\": " + i + "}, \"is_streaming\": false}}"))
                .ToList();
            GeneratorOutput output = GeneratorHarness.Run(files);
            Assert.Empty(output.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            using var image = new MemoryStream();
            EmitResult emitted = output.Compilation.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            var context = new AssemblyLoadContext("facade-index", isCollectible: true);
            try
            {
                image.Position = 0;
                Assembly assembly = context.LoadFromStream(image);
                System.Type facade = assembly.GetTypes().Single(type => type.Name == "Recordings" && type.DeclaringType is null);
                var all = (IEnumerable)facade.GetProperty("All")!.GetValue(null)!;
                string[] paths = all.Cast<Recording>().Select(recording => recording.SourcePath).ToArray();

                Assert.Equal(files.Select(file => Path.GetRelativePath(GeneratorHarness.ProjectDirectory, file.Path).Replace('\\', '/')).OrderBy(path => path, System.StringComparer.Ordinal), paths);
                Assert.Equal(Enumerable.Range(0, 150).Select(i => "t" + i).OrderBy(id => id, System.StringComparer.Ordinal).ToArray(), all.Cast<Recording>().Select(recording => recording.TestId).OrderBy(id => id, System.StringComparer.Ordinal).ToArray());
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
