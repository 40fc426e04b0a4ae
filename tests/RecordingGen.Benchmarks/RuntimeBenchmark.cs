#if HAS_SHARED_RECORDINGS
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RecordingGen.Tests.Shared;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// First access of the largest fixture (940 chunks) in fresh processes, against reading the same file with
    /// JsonSerializer and a source-generated context into equivalent types and computing the same aggregates. Two twin
    /// console programs built in the same run hold the fixture, one as the package builds it by default (the facade
    /// and the data in an assembly written by the build task), one as C# literals (RecordingGenDataResource=false); the three kinds
    /// of process run in turn, so both modes are divided by the same JSON read.
    /// </summary>
    internal static class RuntimeBenchmark
    {
        private const int Processes = 11;

        public static void Run()
        {
            string recording = Path.Combine(Corpus.ProjectDirectory(), Recordings.All.Single().SourcePath);
            string embeddedTwin = BuildTwin(recording, dataResource: true);
            string literalsTwin = BuildTwin(recording, dataResource: false);
            Console.WriteLine();
            Console.WriteLine("| First access of the largest fixture (940 chunks), fresh processes in turn, median of " + Processes + " | embedded ms | as C# ms | JSON ms | embedded / JSON | as C# / JSON (target <= 0.10) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (bool tiered in new[] { true, false })
            {
                var fixture = new List<double>();
                var literals = new List<double>();
                var json = new List<double>();
                for (int i = 0; i < Processes; i++)
                {
                    fixture.Add(Child(new ProcessStartInfo("dotnet", new[] { embeddedTwin }), tiered));
                    literals.Add(Child(new ProcessStartInfo("dotnet", new[] { literalsTwin }), tiered));
                    json.Add(Child(ChildProcess.Self("runtime-child", "json"), tiered));
                }

                double a = Measure.Median(fixture), c = Measure.Median(literals), b = Measure.Median(json);
                Console.WriteLine($"| {(tiered ? "default JIT" : "DOTNET_TieredCompilation=0")} | {a:F2} | {c:F2} | {b:F2} | {a / b:F3} | {c / b:F3} |");
            }

            Count(Recordings.All[0]);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int read = Count(Recordings.All[0]);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(read);
            Console.WriteLine($"| second access: bytes allocated | {allocated} | | | | |");
        }

        /// <summary>
        /// A console program with the recording, its data embedded by the package's targets or compiled as C#, timing the
        /// same first access as <see cref="RunChild"/>; returns the path of its assembly.
        /// </summary>
        private static string BuildTwin(string recording, bool dataResource)
        {
            string folder = Path.Combine(Path.GetTempPath(), "recordinggen-runtime-twin-" + (dataResource ? "embedded" : "literals"));
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Twin.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  {ConsumerProject.Props}
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Twin</RootNamespace>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{ConsumerProject.Generator}" />
                    <Reference Include="{typeof(Recording).Assembly.Location}" />
                    <AdditionalFiles Include="{recording}" RecordingGen="true" />
                  </ItemGroup>
                  {(dataResource ? ConsumerProject.DataResourceTargets : string.Empty)}
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), """
                var watch = System.Diagnostics.Stopwatch.StartNew();
                RecordingGen.Recording recording = Twin.Recordings.All[0];
                string summary = recording.Response.Text + recording.Response.Chunks.Count + recording.Response.ToolCalls.Count + recording.Request.Messages.Count + recording.Response.FinishReason + recording.Response.Usage?.TotalTokens;
                double elapsed = watch.Elapsed.TotalMilliseconds;
                System.Console.WriteLine(elapsed.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + " " + summary.Length);
                """);
            ConsumerProject.Dotnet("build -c Release", folder);
            string assembly = Path.Combine(folder, "bin", "Release", "net10.0", "Twin.dll");
            return assembly;
        }

        /// <summary>Runs in the child process: times one first access and prints milliseconds.</summary>
        public static void RunChild(string mode)
        {
            var watch = Stopwatch.StartNew();
            string summary = mode == "fixture" ? Touch(Recordings.All[0]) : FromJson();
            double elapsed = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(elapsed.ToString("F3", CultureInfo.InvariantCulture) + " " + summary.Length);
        }

        private static double Child(ProcessStartInfo start, bool tiered)
        {
            start.Environment["DOTNET_TieredCompilation"] = tiered ? "1" : "0";
            return double.Parse(ChildProcess.Output(start).Split(' ')[0], CultureInfo.InvariantCulture);
        }

        /// <summary>The same members as <see cref="Touch"/>, read without building anything.</summary>
        private static int Count(Recording recording)
            => recording.Response.Text.Length + recording.Response.Chunks.Count + recording.Response.ToolCalls.Count + recording.Request.Messages.Count
               + (recording.Response.FinishReason?.Length ?? 0) + (recording.Response.Usage?.TotalTokens ?? 0);

        private static string Touch(Recording recording)
            => recording.Response.Text + recording.Response.Chunks.Count + recording.Response.ToolCalls.Count + recording.Request.Messages.Count + recording.Response.FinishReason + recording.Response.Usage?.TotalTokens;

        private static string FromJson()
        {
            string path = Path.Combine(Corpus.ProjectDirectory(), Recordings.All.Single().SourcePath);
            RecordingDto recording = JsonSerializer.Deserialize(File.ReadAllBytes(path), BenchmarkJsonContext.Default.RecordingDto)!;
            var text = new StringBuilder();
            var calls = new HashSet<int>();
            string? finish = null;
            int? total = null;
            foreach (WrappedChunk chunk in recording.Response.Body)
            {
                ChoiceDto? choice = chunk.Data.Choices.FirstOrDefault();
                text.Append(choice?.Delta?.Content);
                foreach (ToolCallDeltaDto call in choice?.Delta?.ToolCalls ?? new List<ToolCallDeltaDto>())
                {
                    calls.Add(call.Index);
                }

                finish = choice?.FinishReason ?? finish;
                total = chunk.Data.Usage?.TotalTokens ?? total;
            }

            return text.ToString() + recording.Response.Body.Count + calls.Count + recording.Request.Body.Messages.Count + finish + total;
        }
    }

    internal sealed class RecordingDto
    {
        [JsonPropertyName("test_id")] public string? TestId { get; set; }

        [JsonPropertyName("request")] public RequestDto Request { get; set; } = new RequestDto();

        [JsonPropertyName("response")] public ResponseDto Response { get; set; } = new ResponseDto();
    }

    internal sealed class RequestDto
    {
        [JsonPropertyName("method")] public string? Method { get; set; }

        [JsonPropertyName("url")] public string? Url { get; set; }

        [JsonPropertyName("endpoint")] public string? Endpoint { get; set; }

        [JsonPropertyName("model")] public string? Model { get; set; }

        [JsonPropertyName("body")] public BodyDto Body { get; set; } = new BodyDto();
    }

    internal sealed class BodyDto
    {
        [JsonPropertyName("model")] public string? Model { get; set; }

        [JsonPropertyName("stream")] public bool? Stream { get; set; }

        [JsonPropertyName("messages")] public List<MessageDto> Messages { get; set; } = new List<MessageDto>();

        [JsonPropertyName("tools")] public List<JsonElement>? Tools { get; set; }
    }

    internal sealed class MessageDto
    {
        [JsonPropertyName("role")] public string? Role { get; set; }

        [JsonPropertyName("content")] public JsonElement Content { get; set; }

        [JsonPropertyName("tool_call_id")] public string? ToolCallId { get; set; }

        [JsonPropertyName("tool_calls")] public List<ToolCallDeltaDto>? ToolCalls { get; set; }
    }

    internal sealed class ResponseDto
    {
        [JsonPropertyName("is_streaming")] public bool IsStreaming { get; set; }

        [JsonPropertyName("body")] public List<WrappedChunk> Body { get; set; } = new List<WrappedChunk>();
    }

    internal sealed class WrappedChunk
    {
        [JsonPropertyName("__type__")] public string? Type { get; set; }

        [JsonPropertyName("__data__")] public ChunkDto Data { get; set; } = new ChunkDto();
    }

    internal sealed class ChunkDto
    {
        [JsonPropertyName("id")] public string? Id { get; set; }

        [JsonPropertyName("created")] public long Created { get; set; }

        [JsonPropertyName("model")] public string? Model { get; set; }

        [JsonPropertyName("object")] public string? Object { get; set; }

        [JsonPropertyName("system_fingerprint")] public string? SystemFingerprint { get; set; }

        [JsonPropertyName("choices")] public List<ChoiceDto> Choices { get; set; } = new List<ChoiceDto>();

        [JsonPropertyName("usage")] public UsageDto? Usage { get; set; }
    }

    internal sealed class ChoiceDto
    {
        [JsonPropertyName("index")] public int Index { get; set; }

        [JsonPropertyName("delta")] public DeltaDto? Delta { get; set; }

        [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    }

    internal sealed class DeltaDto
    {
        [JsonPropertyName("content")] public string? Content { get; set; }

        [JsonPropertyName("role")] public string? Role { get; set; }

        [JsonPropertyName("tool_calls")] public List<ToolCallDeltaDto>? ToolCalls { get; set; }
    }

    internal sealed class ToolCallDeltaDto
    {
        [JsonPropertyName("index")] public int Index { get; set; }

        [JsonPropertyName("id")] public string? Id { get; set; }

        [JsonPropertyName("function")] public FunctionDto? Function { get; set; }
    }

    internal sealed class FunctionDto
    {
        [JsonPropertyName("name")] public string? Name { get; set; }

        [JsonPropertyName("arguments")] public string? Arguments { get; set; }
    }

    internal sealed class UsageDto
    {
        [JsonPropertyName("prompt_tokens")] public int? PromptTokens { get; set; }

        [JsonPropertyName("completion_tokens")] public int? CompletionTokens { get; set; }

        [JsonPropertyName("total_tokens")] public int? TotalTokens { get; set; }
    }

    [JsonSerializable(typeof(RecordingDto))]
    internal sealed partial class BenchmarkJsonContext : JsonSerializerContext
    {
    }
}
#endif
