using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>The pipeline does no work twice: unchanged inputs leave every step Cached or Unchanged.</summary>
    public sealed class CachingTests
    {
        private static readonly string[] AllSteps =
        {
            TrackingNames.Options, TrackingNames.EmitOptions, TrackingNames.RecordingFiles, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Data, TrackingNames.DataBatches, TrackingNames.Summaries, TrackingNames.ReplayConflicts, TrackingNames.LiteralCosts, TrackingNames.Budget,
        };

        [Fact]
        public void A_second_run_with_the_same_inputs_is_cached_everywhere()
        {
            (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(GeneratorHarness.OwnRecordings());

            GeneratorRunResult second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

            foreach (string step in AllSteps.Where(second.TrackedSteps.ContainsKey))
            {
                AssertAll(second, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            }

            Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        [Fact]
        public void Editing_one_recording_reparses_only_that_recording()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(files);
            AdditionalText edited = files.Single(file => file.Path.EndsWith("tool_call_after_history.json", StringComparison.Ordinal));
            string text = edited.GetText()!.ToString().Replace("\"total_tokens\": 112", "\"total_tokens\": 113");
            Assert.Contains("113", text);

            driver = driver.ReplaceAdditionalText(edited, GeneratorHarness.File("recordings/openai-chat/tool_call_after_history.json", text));
            GeneratorRunResult result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

            IncrementalStepRunReason[] parse = Reasons(result, TrackingNames.Parse);
            Assert.Equal(files.Count, parse.Length);
            Assert.Equal(1, parse.Count(reason => reason == IncrementalStepRunReason.Modified));
            Assert.Equal(files.Count - 1, parse.Count(reason => reason == IncrementalStepRunReason.Cached));

            foreach (string perRecording in new[] { TrackingNames.RecordingFiles, TrackingNames.Data, TrackingNames.LiteralCosts })
            {
                IncrementalStepRunReason[] reasons = Reasons(result, perRecording);
                Assert.Equal(files.Count - 1, reasons.Count(reason => reason == IncrementalStepRunReason.Cached));
            }

            IncrementalStepRunReason[] data = Reasons(result, TrackingNames.Data);
            Assert.Equal(1, data.Count(reason => reason == IncrementalStepRunReason.Modified));

            // Of the fixed set of batches only the one holding the edited recording changes, and only its
            // source is re-emitted; every other output is cached.
            var batches = result.TrackedSteps[TrackingNames.DataBatches].SelectMany(run => run.Outputs).ToArray();
            Assert.Equal(Model.DataBatch.Count, batches.Length);
            var changed = Assert.Single(batches, output => output.Reason != IncrementalStepRunReason.Unchanged);
            Assert.Equal(IncrementalStepRunReason.Modified, changed.Reason);
            Assert.Contains(((Model.DataBatch)changed.Value).Recordings, recording => recording.SourcePath.EndsWith("tool_call_after_history.json", StringComparison.Ordinal));
            IncrementalStepRunReason[] outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
            Assert.Equal(1, outputs.Count(reason => reason == IncrementalStepRunReason.Modified));
            Assert.Equal(outputs.Length - 1, outputs.Count(reason => reason == IncrementalStepRunReason.Cached));

            // The recording's name, path and tools did not change, so the Recordings facade is not re-emitted.
            AssertAll(result, TrackingNames.Summaries, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void Editing_csharp_reruns_no_generator_step()
        {
            (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(GeneratorHarness.OwnRecordings(), "class A { }");
            SyntaxTree oldTree = compilation.SyntaxTrees.Single();
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("class A { int B; }", (CSharpParseOptions)oldTree.Options, oldTree.FilePath));

            GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            foreach (string step in AllSteps.Where(result.TrackedSteps.ContainsKey))
            {
                AssertAll(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            }
        }

        [Fact]
        public void Adding_an_unrelated_additional_file_reruns_no_recording()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(files);

            driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(GeneratorHarness.File("stylecop.json", "{\"settings\": {}}")));
            GeneratorRunResult result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

            Assert.All(Reasons(result, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            AssertAll(result, TrackingNames.Summaries, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void Changing_the_namespace_re_emits_without_reparsing()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(files);

            driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.Options(@namespace: "Other.Namespace"));
            GeneratorRunResult result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

            AssertAll(result, TrackingNames.EmitOptions, IncrementalStepRunReason.Modified);
            Assert.All(Reasons(result, TrackingNames.Parse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            Assert.All(result.GeneratedSources, source => Assert.Contains("namespace Other.Namespace", source.SourceText.ToString()));
        }

        [Fact]
        public void Parsing_the_same_file_twice_gives_equal_models()
        {
            AdditionalText file = GeneratorHarness.OwnRecordings().First();
            var options = new Model.GeneratorOptions("/project");

            Model.ParseResult first = Parsing.RecordingParser.Parse(file, options, default);
            Model.ParseResult second = Parsing.RecordingParser.Parse(file, options, default);

            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
            Assert.NotSame(first.Data, second.Data);
        }

        [Fact]
        public void No_step_output_holds_compilation_symbols_or_syntax()
        {
            (GeneratorDriver driver, _) = FirstRun(GeneratorHarness.OwnRecordings());
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            // Roslyn's own input steps (Compilation, ParseOptions...) are tracked too; only ours are checked.
            foreach (IncrementalGeneratorRunStep run in AllSteps.Where(result.TrackedSteps.ContainsKey).SelectMany(step => result.TrackedSteps[step]))
            {
                foreach ((object value, IncrementalStepRunReason _) in run.Outputs)
                {
                    AssertNoBannedTypes(value, run.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(IEnumerable<AdditionalText> files, params string[] sources)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
            return (driver, compilation);
        }

        private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
            => result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();

        private static void AssertAll(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
        {
            IncrementalStepRunReason[] reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(Array.IndexOf(allowed, reason) >= 0, step + " ran as " + reason));
        }

        // Roslyn keeps step outputs across edits; a Compilation, symbol or syntax node in them pins memory and defeats caching.
        private static void AssertNoBannedTypes(object? value, string step, HashSet<object> seen)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            {
                return;
            }

            Assert.False(value is Compilation || value is ISymbol || value is SyntaxNode || value is SyntaxTree, step + " holds a " + value.GetType().Name);
            if (value is AdditionalText)
            {
                // The file handle Roslyn gave us: compared by reference, and what the parse step reads from.
                return;
            }

            if (value is IEnumerable items)
            {
                foreach (object? item in items)
                {
                    AssertNoBannedTypes(item, step, seen);
                }

                return;
            }

            foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoBannedTypes(field.GetValue(value), step, seen);
            }
        }
    }
}
