using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Validation;

namespace RecordingGen.Generator
{
    /// <summary>
    /// Turns recording files (AdditionalFiles) into <c>Recordings</c>: JSON file -> <see cref="ParseResult"/>
    /// (compact data, summary, request fingerprint, located diagnostics; all value-equal) -> a class per
    /// recording, in a fixed set of batch files (<see cref="DataBatch"/>), plus the facade. Checks that need
    /// every recording (ambiguous replays, the literal budget) work on small collected projections. When the build
    /// embeds the data as a resource, its task has read the recordings already and left a manifest of what the
    /// facade needs and what it found (<see cref="RecordingManifest"/>): the generator then reads that one small
    /// file instead of every recording, on every compile.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RecordingGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => OptionsReader.ReadGeneratorOptions(provider))
                .WithTrackingName(TrackingNames.Options);

            IncrementalValueProvider<EmitOptions> emitOptions = context.AnalyzerConfigOptionsProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => OptionsReader.ReadEmitOptions(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.EmitOptions);

            IncrementalValueProvider<DiagnosticInfo?> namespaceProblem = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => OptionsReader.CheckNamespace(provider))
                .WithTrackingName(TrackingNames.NamespaceCheck);
            context.RegisterSourceOutput(namespaceProblem, static (spc, problem) =>
            {
                if (problem is not null)
                {
                    spc.ReportDiagnostic(problem.ToDiagnostic());
                }
            });

            // Every step per file runs over every recording on each compile (each keystroke, in an IDE), edited or not:
            // the .json files with their options are one shared step, and a step that may yield nothing is one
            // SelectMany rather than a Select, a Where and a Select.
            IncrementalValuesProvider<(AdditionalText Left, AnalyzerConfigOptionsProvider Right)> jsonFiles = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Combine(context.AnalyzerConfigOptionsProvider);

            // Severities configured per recording file or folder (.editorconfig), applied to the diagnostics located there.
            IncrementalValueProvider<EquatableArray<FileSeverities>> severities = jsonFiles
                .SelectMany(static (pair, _) => OneOrNone(FileSeverities.Read(pair.Left, pair.Right)))
                .Collect()
                .Select(static (all, _) => FileSeverities.Collect(all))
                .WithTrackingName(TrackingNames.Severities);

            IncrementalValuesProvider<DiagnosticInfo> strays = jsonFiles
                .SelectMany(static (pair, cancellationToken) => OneOrNone(OptionsReader.CheckStray(pair.Left, pair.Right, cancellationToken)))
                .WithTrackingName(TrackingNames.StrayCheck);
            context.RegisterSourceOutput(strays.Combine(severities), static (spc, input) => Report(spc, input.Left, input.Right));

            IncrementalValuesProvider<RecordingFile> files = jsonFiles
                .SelectMany(static (pair, _) => OneOrNone(OptionsReader.SelectRecording(pair.Left, pair.Right)))
                .WithTrackingName(TrackingNames.RecordingFiles);

            // The build task's manifest, when the data is in the resource and the task wrote one; unreadable reads as none.
            IncrementalValueProvider<ImmutableArray<AdditionalText>> manifestFiles = context.AdditionalTextsProvider
                .Where(static text => RecordingManifest.IsManifest(text.Path))
                .Collect();
            IncrementalValueProvider<RecordingManifest?> manifest = manifestFiles
                .Combine(emitOptions)
                .Select(static (pair, cancellationToken) => pair.Right.DataInResource && pair.Left.Length == 1
                    ? ManifestReader.Read(pair.Left[0].GetText(cancellationToken), cancellationToken)
                    : null)
                .WithTrackingName(TrackingNames.Manifest);
            context.RegisterSourceOutput(manifest.Combine(severities), static (spc, input) => Report(spc, input.Left?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty, input.Right));

            // One file included under two spellings of its path ($(Dir)/ concatenations give "dir//x.json") has one
            // canonical path, so both parse to equal results; the steps that collect every recording keep one.
            // With a manifest nothing is parsed.
            IncrementalValuesProvider<ParseResult> parsed = files
                .Combine(options.Combine(manifest).Select(static (pair, _) => pair.Left with { FromManifest = pair.Right is not null }))
                .Select(static (pair, cancellationToken) => pair.Right.FromManifest ? ParseResult.None : RecordingParser.Parse(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            // Diagnostics are an output of their own, so a change in them never re-emits source. They are collected
            // (the lists are small and mostly empty) so that a file included twice reports its findings once.
            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .SelectMany(static (result, _) => result.Diagnostics.Count > 0 ? ImmutableArray.Create(result.Diagnostics) : ImmutableArray<EquatableArray<DiagnosticInfo>>.Empty)
                .Collect()
                .Select(static (lists, _) => DiagnosticInfo.Distinct(lists))
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics.Combine(severities), static (spc, input) => Report(spc, input.Left, input.Right));

            IncrementalValuesProvider<RecordingData> data = parsed
                .SelectMany(static (result, _) => OneOrNone(result.Data))
                .WithTrackingName(TrackingNames.Data);

            // One assembly holds 16 MB of string literals; an oversized set reports RG0009 and emits nothing,
            // rather than failing on CS8103. The flag only changes when the set crosses the limit, so the
            // per-recording outputs that depend on it stay cached. Data the build embeds as a resource is not
            // in the literals, so then nothing is measured.
            IncrementalValuesProvider<(RecordingData Left, EmitOptions Right)> dataWithOptions = data.Combine(emitOptions);
            IncrementalValueProvider<DiagnosticInfo?> budget = dataWithOptions
                .SelectMany(static (pair, _) => pair.Right.DataInResource ? ImmutableArray<LiteralCosts>.Empty : ImmutableArray.Create(LiteralBudget.Measure(pair.Left)))
                .WithTrackingName(TrackingNames.LiteralCosts)
                .Collect()
                .Select(static (all, _) => LiteralBudget.Check(all))
                .WithTrackingName(TrackingNames.Budget);
            context.RegisterSourceOutput(budget, static (spc, overBudget) =>
            {
                if (overBudget is not null)
                {
                    spc.ReportDiagnostic(overBudget.ToDiagnostic());
                }
            });
            IncrementalValueProvider<bool> fits = budget.Select(static (overBudget, _) => overBudget is null);

            // Whether the facade is C# of this compilation: not when the build task wrote it as an assembly of its own,
            // which it does where it writes the manifest (a project without recordings still gets an empty facade).
            // A manifest that is there but cannot be read still means the assembly is: the generator then reports
            // what reading the recordings finds, and emits no second Recordings to clash with it.
            IncrementalValueProvider<bool> facadeInSource = manifestFiles
                .Combine(emitOptions)
                .Select(static (pair, _) => !(pair.Right.FacadeInAssembly && pair.Left.Length > 0))
                .WithTrackingName(TrackingNames.FacadeInSource);

            // The data resource's fingerprint, which the facade hands to the library to check the resource against.
            IncrementalValueProvider<ulong> fingerprint = dataWithOptions
                .SelectMany(static (pair, _) => pair.Right.DataInResource ? ImmutableArray.Create(DataFingerprint.Of(pair.Left)) : ImmutableArray<RecordingHash>.Empty)
                .WithTrackingName(TrackingNames.RecordingHashes)
                .Collect()
                .Select(static (all, _) => DataFingerprint.Combine(PathOrder.SortedDistinct(all, hash => hash.SourcePath)))
                .Combine(manifest)
                .Select(static (pair, _) => pair.Right?.Fingerprint ?? pair.Left)
                .WithTrackingName(TrackingNames.DataFingerprint);
            context.RegisterSourceOutput(fingerprint.Combine(emitOptions).Combine(facadeInSource), static (spc, input) =>
            {
                if (input.Left.Right.DataInResource && input.Right)
                {
                    spc.AddSource(FacadeEmitter.FingerprintHintName, FacadeEmitter.EmitFingerprint(input.Left.Left, input.Left.Right));
                }
            });

            // A fixed set of batches, each compared by its recordings (the same instances while they stay
            // cached), so an edit re-emits the one batch that holds the edited recording.
            IncrementalValuesProvider<DataBatch> batches = data
                .Collect()
                .SelectMany(static (all, _) => DataBatch.Split(all))
                .WithTrackingName(TrackingNames.DataBatches);
            context.RegisterSourceOutput(batches.Combine(emitOptions).Combine(fits), static (spc, input) =>
            {
                DataBatch batch = input.Left.Left;
                if (input.Right && !input.Left.Right.DataInResource && batch.Recordings.Count > 0)
                {
                    spc.AddSource(DataEmitter.HintName(batch), DataEmitter.Emit(batch, input.Left.Right));
                }
            });

            // The facade needs every recording's name, so it collects the small summaries only.
            IncrementalValueProvider<EquatableArray<RecordingSummary>> summaries = parsed
                .SelectMany(static (result, _) => OneOrNone(result.Summary))
                .Collect()
                .Select(static (all, _) => new EquatableArray<RecordingSummary>(PathOrder.SortedDistinct(all, summary => summary.SourcePath)))
                .Combine(manifest)
                .Select(static (pair, _) => pair.Right?.Summaries ?? pair.Left)
                .WithTrackingName(TrackingNames.Summaries);
            context.RegisterSourceOutput(summaries.Combine(emitOptions).Combine(fits.Combine(facadeInSource)), static (spc, input) =>
            {
                if (input.Right.Left && input.Right.Right)
                {
                    spc.AddSource(FacadeEmitter.HintName, FacadeEmitter.Emit(input.Left.Left, input.Left.Right));
                }
            });

            // With the data in the resource, the tools classes come from the summaries: one per distinct list of tools.
            context.RegisterSourceOutput(summaries.Combine(emitOptions).Combine(facadeInSource), static (spc, input) =>
            {
                if (input.Left.Right.DataInResource && input.Right && ToolsEmitter.Emit(input.Left.Left, input.Left.Right) is { } tools)
                {
                    spc.AddSource(ToolsEmitter.HintName, tools);
                }
            });

            // RG0008 compares requests across files; only the conflicts found are compared between runs.
            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> conflicts = parsed
                .SelectMany(static (result, _) => OneOrNone(result.Fingerprint))
                .Collect()
                .Select(static (all, _) => ReplayConflicts.Find(all))
                .WithTrackingName(TrackingNames.ReplayConflicts);
            context.RegisterSourceOutput(conflicts.Combine(severities), static (spc, input) => Report(spc, input.Left, input.Right));
        }

        private static ImmutableArray<T> OneOrNone<T>(T? value)
            where T : class
            => value is null ? ImmutableArray<T>.Empty : ImmutableArray.Create(value);

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> infos, EquatableArray<FileSeverities> severities)
        {
            foreach (DiagnosticInfo info in infos)
            {
                Report(context, info, severities);
            }
        }

        private static void Report(SourceProductionContext context, DiagnosticInfo info, EquatableArray<FileSeverities> severities)
        {
            if (FileSeverities.Apply(info, severities) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
