using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The build task's manifest (issue #15): with it the generator reads no recording, and emits and reports exactly
    /// what reading the recordings gives; a manifest it cannot read makes it read the recordings instead.
    /// </summary>
    public sealed class ManifestTests
    {
        private const string ManifestPath = GeneratorHarness.ProjectDirectory + "/obj/Debug/net10.0/" + RecordingManifest.FileName;

        [Fact]
        public void With_the_manifest_the_generator_emits_and_reports_what_reading_the_recordings_gives()
        {
            List<AdditionalText> files = RecordingsWithFindings();
            GeneratorOutput fromRecordings = GeneratorHarness.Run(files, GeneratorHarness.Options(dataResource: true));
            GeneratorOutput fromManifest = GeneratorHarness.Run(files.Append(ManifestOf(files)), GeneratorHarness.Options(dataResource: true));

            Assert.Equal(Describe(fromRecordings), Describe(fromManifest));
            Assert.Contains(fromManifest.GeneratorDiagnostics, diagnostic => diagnostic.Id == DiagnosticDescriptors.InvalidJson.Id);
            Assert.Contains(fromManifest.GeneratorDiagnostics, diagnostic => diagnostic.Id == DiagnosticDescriptors.AmbiguousReplay.Id);
            Assert.Contains(fromManifest.Sources, source => source.HintName == Emit.ToolsEmitter.HintName);
            Assert.Empty(fromManifest.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

            // Nothing was read: no recording's text was asked for.
            CountingText[] counted = files.Select(file => new CountingText(file)).ToArray();
            GeneratorHarness.Run(counted.Cast<AdditionalText>().Append(ManifestOf(files)), GeneratorHarness.Options(dataResource: true));
            Assert.All(counted, file => Assert.Equal(0, file.Reads));
            GeneratorHarness.Run(counted, GeneratorHarness.Options(dataResource: true));
            Assert.All(counted, file => Assert.True(file.Reads > 0, file.Path));
        }

        [Fact]
        public void A_manifest_it_cannot_read_or_that_would_write_code_makes_the_generator_read_the_recordings()
        {
            List<AdditionalText> files = RecordingsWithFindings();
            string manifest = ManifestOf(files).GetText()!.ToString();
            GeneratorOutput fromRecordings = GeneratorHarness.Run(files, GeneratorHarness.Options(dataResource: true));

            string injected = manifest.Replace("\tToolCallAfterHistory\t", "\tX => null!; } public static class Evil { public static int Y\t");
            string shortClass = System.Text.RegularExpressions.Regex.Replace(manifest, "\tRecording_[0-9a-f]{16}\t", "\tRecording_1\t");
            Assert.NotEqual(manifest, injected);
            Assert.NotEqual(manifest, shortClass);
            foreach (string broken in new[] { manifest.Replace(RecordingManifest.Header, "RecordingGen manifest 0"), manifest.Substring(0, manifest.Length / 2) + "\tx", string.Empty, injected, shortClass })
            {
                GeneratorOutput output = GeneratorHarness.Run(files.Append(new InMemoryAdditionalText(ManifestPath, broken)), GeneratorHarness.Options(dataResource: true));
                Assert.Equal(Describe(fromRecordings), Describe(output));

                // With the facade written as an assembly beside that manifest: the same findings, and no C# facade.
                GeneratorOutput besideAssembly = GeneratorHarness.Run(files.Append(new InMemoryAdditionalText(ManifestPath, broken)), GeneratorHarness.Options(dataResource: true, facadeAssembly: true));
                Assert.Empty(besideAssembly.Sources);
                Assert.Equal(
                    fromRecordings.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).OrderBy(line => line, StringComparer.Ordinal),
                    besideAssembly.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).OrderBy(line => line, StringComparer.Ordinal));
            }
        }

        [Fact]
        public void With_the_facade_written_as_an_assembly_the_generator_emits_nothing_and_reports_the_same()
        {
            List<AdditionalText> files = RecordingsWithFindings();
            GeneratorOutput fromManifest = GeneratorHarness.Run(files.Append(ManifestOf(files)), GeneratorHarness.Options(dataResource: true));
            GeneratorOutput facadeAssembly = GeneratorHarness.Run(files.Append(ManifestOf(files)), GeneratorHarness.Options(dataResource: true, facadeAssembly: true));

            Assert.NotEmpty(fromManifest.Sources);
            Assert.Empty(facadeAssembly.Sources);
            Assert.Equal(
                fromManifest.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).OrderBy(line => line, StringComparer.Ordinal),
                facadeAssembly.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).OrderBy(line => line, StringComparer.Ordinal));

            // Without a manifest (a project without recordings, where the task writes nothing) the facade is C#, empty.
            GeneratorOutput none = GeneratorHarness.Run(Array.Empty<AdditionalText>(), GeneratorHarness.Options(dataResource: true, facadeAssembly: true));
            Assert.Contains(none.Sources, source => source.HintName == Emit.FacadeEmitter.HintName);
        }

        [Fact]
        public void Without_the_data_resource_a_manifest_is_ignored()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            GeneratorOutput inline = GeneratorHarness.Run(files, GeneratorHarness.Options());
            GeneratorOutput withManifest = GeneratorHarness.Run(files.Append(ManifestOf(files)), GeneratorHarness.Options());
            Assert.Equal(Describe(inline), Describe(withManifest));
        }

        [Fact]
        public void Every_field_reads_back_as_written()
        {
            string awkward = "tab\there\nline\r\nback\\slash \\0 \\t end\\";
            var location = new LocationInfo("/p/recordings/a\tb.json", new TextSpan(3, 9), new LinePositionSpan(new LinePosition(1, 2), new LinePosition(4, 5)));
            var manifest = new RecordingManifest(
                0xfedcba9876543210UL,
                new EquatableArray<RecordingSummary>(new[]
                {
                    new RecordingSummary("recordings/" + awkward + ".json", new EquatableArray<string>(new[] { "A", awkward }), "Name", "Recording_0123456789abcdef", awkward, null, new EquatableArray<string>(new[] { "get_weather", awkward, string.Empty })),
                    new RecordingSummary("recordings/b.json", EquatableArray<string>.Empty, "B", "Recording_fedcba9876543210", null, "/v1/chat/completions", EquatableArray<string>.Empty),
                }),
                new EquatableArray<DiagnosticInfo>(new[]
                {
                    new DiagnosticInfo(DiagnosticDescriptors.InvalidJson, location, "recordings/a.json", awkward),
                    new DiagnosticInfo(DiagnosticDescriptors.InvalidNamespace, null, "x", "y"),
                }));

            RecordingManifest? read = ManifestReader.Read(SourceText.From(ManifestWriter.Write(manifest)), default);

            Assert.Equal(manifest, read);
        }

        [Fact]
        public void Every_diagnostic_the_generator_declares_reads_back_by_its_id()
        {
            // ById looks through a list written beside the declarations: one left out would make every manifest that
            // reports it unreadable (the generator would then read every recording on every compile).
            DiagnosticDescriptor[] declared = typeof(DiagnosticDescriptors)
                .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
                .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
                .ToArray();

            Assert.NotEmpty(declared);
            Assert.All(declared, descriptor => Assert.Same(descriptor, DiagnosticDescriptors.ById(descriptor.Id)));
            Assert.Null(DiagnosticDescriptors.ById("RG0000"));
        }

        /// <summary>The repository's recordings, one that is not JSON, and two that replay cannot tell apart (RG0008).</summary>
        private static List<AdditionalText> RecordingsWithFindings()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            string twin = files.Single(file => file.Path.EndsWith("tool_call_after_history.json", StringComparison.Ordinal)).GetText()!.ToString();
            files.Add(GeneratorHarness.File("recordings/broken/not_json.json", "{ \"test_id\": \"t\", \"request\": "));
            files.Add(GeneratorHarness.File("recordings/openai-chat/twin.json", twin.Replace("\"total_tokens\": 112", "\"total_tokens\": 999")));
            return files;
        }

        /// <summary>What the build task writes for <paramref name="files"/>, with its code.</summary>
        private static AdditionalText ManifestOf(IEnumerable<AdditionalText> files)
        {
            var options = new GeneratorOptions(GeneratorHarness.ProjectDirectory);
            ParseResult[] results = files.Select(file => RecordingParser.Parse(RecordingFile.Of(file), options, default)).ToArray();
            List<RecordingData> sorted = PathOrder.SortedDistinct(results.Where(result => result.Data is not null).Select(result => result.Data!), data => data.SourcePath);
            ulong fingerprint = Emit.DataResourceWriter.Write(System.IO.Stream.Null, sorted);
            return new InMemoryAdditionalText(ManifestPath, ManifestWriter.Write(RecordingManifest.Of(results, fingerprint)));
        }

        /// <summary>A recording that counts how often its text is asked for.</summary>
        private sealed class CountingText : AdditionalText
        {
            private readonly AdditionalText _inner;

            public CountingText(AdditionalText inner)
            {
                _inner = inner;
            }

            public int Reads { get; private set; }

            public override string Path => _inner.Path;

            public override SourceText? GetText(System.Threading.CancellationToken cancellationToken = default)
            {
                Reads++;
                return _inner.GetText(cancellationToken);
            }
        }

        private static string Describe(GeneratorOutput output)
            => string.Join("\n", output.Sources.OrderBy(source => source.HintName, StringComparer.Ordinal).Select(source => "// " + source.HintName + "\n" + source.SourceText))
               + "\n" + string.Join("\n", output.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).OrderBy(line => line, StringComparer.Ordinal));
    }
}
