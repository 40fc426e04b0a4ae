using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The data resource against the generated facade (issue #15): written by the build task's code from the same
    /// parse, embedded in the compiled facade, every recording reads back as the literals give it; and an edit of a
    /// recording re-emits the fingerprint, not the facade.
    /// </summary>
    public sealed class DataResourceTests
    {
        [Fact]
        public void Every_recording_read_from_the_resource_equals_the_one_decoded_from_literals()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            List<RecordingData> sorted = Parse(files);
            var resource = new Internal.RecordingResource(new ResourceAssembly(WriteResource(files)), sorted.Count, Fingerprint(files));

            Assert.Equal(files.Count, sorted.Count);
            Assert.Equal(sorted.Select(data => data.SourcePath), resource.Paths);
            for (int i = 0; i < sorted.Count; i++)
            {
                RecordingData data = sorted[i];
                Recording fromLiterals = Internal.RecordingDataReader.Read(
                    data.SourcePath,
                    data.Request.Program,
                    data.Request.PackedStrings,
                    data.Request.LongStrings.Count == 0 ? null : data.Request.LongStrings.ToArray(),
                    data.Response.Program,
                    data.Response.PackedStrings,
                    data.Response.LongStrings.Count == 0 ? null : data.Response.LongStrings.ToArray());

                // As the generated code reaches them: a recording with tools through a tools class.
                Recording fromResource = data.ToolNames.Count > 0 ? resource.Get<FirstTool>(i) : resource.Get(i);
                Assert.Equal(Describe(fromLiterals), Describe(fromResource));
                Assert.Same(fromResource, resource.Get(i));
                if (fromResource is Recording<FirstTool> withTools)
                {
                    Assert.Equal(fromLiterals.Request.Tools[0].Name, withTools.Tools.First.Name);
                }
            }

            Assert.Contains(sorted, data => data.ToolNames.Count > 0);
        }

        [Fact]
        public void A_damaged_resource_fails_with_rebuild_and_never_reads_outside_it()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            byte[] whole = WriteResource(files);
            ulong fingerprint = Fingerprint(files);
            int count = files.Count;
            int stringTable = 24 + (4 * (count + 1));

            // Cut after the tables: every string lies past the end.
            byte[] cut = whole.Take(stringTable + (4 * (BitConverter.ToInt32(whole, 20) + 1))).ToArray();

            // A string's end moved far past the end.
            byte[] farOffset = whole.ToArray();
            BitConverter.GetBytes(int.MaxValue - 8).CopyTo(farOffset, stringTable + 4);

            // A record that names a string the table does not have.
            byte[] badNumber = whole.ToArray();
            BitConverter.GetBytes(int.MaxValue).CopyTo(badNumber, BitConverter.ToInt32(whole, 24));

            foreach (byte[] damaged in new[] { cut, farOffset, badNumber })
            {
                var resource = new Internal.RecordingResource(new ResourceAssembly(damaged), count, fingerprint);
                var exception = Assert.Throws<InvalidOperationException>(() =>
                {
                    for (int i = 0; i < count; i++)
                    {
                        resource.Get(i);
                    }
                });
                Assert.Contains("rebuild the project", exception.Message);
            }
        }

        [Fact]
        public void The_resource_and_the_facade_agree_on_the_fingerprint()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            GeneratorOutput output = GeneratorHarness.Run(files, GeneratorHarness.Options(dataResource: true));
            string fingerprintSource = output.Sources.Single(source => source.HintName == FacadeEmitter.FingerprintHintName).SourceText.ToString();

            byte[] resource = WriteResource(files);
            ulong written = BitConverter.ToUInt64(resource, 8);
            Assert.Contains("0x" + written.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + "UL", fingerprintSource);

            // Any change to any recording's data changes it.
            List<AdditionalText> edited = files.ToList();
            int index = edited.FindIndex(file => file.Path.EndsWith("tool_call_after_history.json", StringComparison.Ordinal));
            edited[index] = GeneratorHarness.File("recordings/openai-chat/tool_call_after_history.json", edited[index].GetText()!.ToString().Replace("\"total_tokens\": 112", "\"total_tokens\": 113"));
            Assert.NotEqual(written, BitConverter.ToUInt64(WriteResource(edited), 8));
        }

        [Fact]
        public void Editing_one_recording_re_emits_the_fingerprint_and_no_facade()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(files, GeneratorHarness.Options(dataResource: true)).RunGenerators(compilation);
            AdditionalText edited = files.Single(file => file.Path.EndsWith("tool_call_after_history.json", StringComparison.Ordinal));
            string text = edited.GetText()!.ToString().Replace("\"total_tokens\": 112", "\"total_tokens\": 113");

            driver = driver.ReplaceAdditionalText(edited, GeneratorHarness.File("recordings/openai-chat/tool_call_after_history.json", text));
            GeneratorRunResult result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

            Assert.All(result.TrackedSteps[TrackingNames.Summaries].SelectMany(step => step.Outputs), output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
            Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.DataFingerprint].Single().Outputs.Single().Reason);
            Assert.False(result.TrackedSteps.ContainsKey(TrackingNames.LiteralCosts) && result.TrackedSteps[TrackingNames.LiteralCosts].Any(step => step.Outputs.Length > 0), "nothing measures literals that are not emitted");
        }

        private static List<RecordingData> Parse(IEnumerable<AdditionalText> files)
        {
            var options = new GeneratorOptions(GeneratorHarness.ProjectDirectory);
            return files
                .Select(file => RecordingParser.Parse(file, options, default).Data!)
                .OrderBy(data => data.SourcePath, StringComparer.Ordinal)
                .ToList();
        }

        private static byte[] WriteResource(IEnumerable<AdditionalText> files)
        {
            using var stream = new MemoryStream();
            DataResourceWriter.Write(stream, Parse(files));
            return stream.ToArray();
        }

        private static ulong Fingerprint(IEnumerable<AdditionalText> files) => BitConverter.ToUInt64(WriteResource(files), 8);

        /// <summary>A tools class as the generator writes one: a member per tool, read from the attached recording.</summary>
        public sealed class FirstTool : Internal.RecordingTools
        {
            public ToolDefinition First => Tool__(0);
        }

        /// <summary>An assembly that embeds only the data resource, as the build's does.</summary>
        private sealed class ResourceAssembly : Assembly
        {
            private readonly byte[] _resource;

            public ResourceAssembly(byte[] resource)
            {
                _resource = resource;
            }

            public override AssemblyName GetName() => new AssemblyName("Consumer.Tests");

            public override Stream? GetManifestResourceStream(string name)
                => name == "RecordingGen.Recordings.data" ? new MemoryStream(_resource, writable: false) : null;
        }

        private static string Describe(Recording recording)
            => string.Join(
                "\n",
                recording.SourcePath,
                recording.TestId,
                recording.Request.BodyJson,
                recording.Response.Text,
                recording.Response.Chunks.Count,
                string.Join(",", recording.Response.Chunks.Select(chunk => chunk.Data)),
                recording.Response.FinishReason,
                string.Join(",", recording.Response.ToolCalls.Select(call => call.Name + call.ArgumentsJson)));
    }
}
