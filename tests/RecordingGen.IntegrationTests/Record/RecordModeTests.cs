using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using RecordingGen.IntegrationTests.Replay;
using RecordingGen.Record;
using RecordingGen.Replay;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.IntegrationTests.Record
{
    /// <summary>
    /// The whole loop: the real SDKs record against a real server (Kestrel on a loopback port answering from this
    /// project's recordings), a real <c>dotnet build</c> turns the written files into fixtures, the fixtures equal the
    /// originals', and the same calls replay with the server stopped.
    /// </summary>
    public sealed class RecordModeTests
    {
        private readonly ITestOutputHelper _output;

        public RecordModeTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Every recording an SDK call exists for; with ../shared beside the checkout, about eighty.</summary>
        private static List<Recording> Originals()
            => Recordings.All.Where(SdkCalls.CanSend).OrderBy(recording => recording.SourcePath, StringComparer.Ordinal).ToList();

        [Fact]
        public async Task Recorded_files_build_into_fixtures_equal_to_the_originals_and_replay_with_the_server_stopped()
        {
            List<Recording> originals = Originals();
            string work = Directory.CreateTempSubdirectory("recordinggen-record-").FullName;
            string folder = Path.Combine(work, "Consumer", "recordings");
            try
            {
                // Record: every request reaches the server once, through the SDK that sends it.
                var recorded = new List<(Recording Original, Recording Served, string File, string Result, bool ThroughChatClient)>();
                string models;
                await using (RecordedApiServer server = await RecordedApiServer.Start(Recordings.All))
                {
                    var handler = new RecordingHandler(Array.Empty<Recording>(), new RecordingOptions { Mode = RecordingMode.Record, Directory = folder }, new TestIdHeaderHandler(new SocketsHttpHandler()));
                    foreach ((Recording original, int index) in originals.Select((original, index) => (original, index)))
                    {
                        bool throughChatClient = index % 2 == 1 && original.Format == RecordingFormat.OpenAIChat; // half of them through IChatClient
                        using IDisposable? test = original.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                        int written = handler.Written.Count;
                        int served = server.Replayed.Count;
                        string result = await SdkCalls.Send(original, handler, server.Address, throughChatClient);
                        Assert.True(handler.Written.Count == written + 1 || server.Replayed.Count == served, original.SourcePath + ": a request that reached the server wrote one file");
                        if (handler.Written.Count > written)
                        {
                            Assert.True(server.Replayed.Count == served + 1, original.SourcePath + ": the server found no recording for what the SDK sent: " + result + "\n" + File.ReadAllText(handler.Written[written]));
                            recorded.Add((original, server.Replayed[served], handler.Written[written], result, throughChatClient));
                        }
                    }

                    models = await SdkCalls.Models(handler, server.Address);
                    Assert.NotEmpty(models);
                }

                // Build: a fresh consumer project compiles the files with the generator, as a user's test project would.
                IReadOnlyList<Recording> fixtures = BuildFixtures(work);
                Assert.Equal(Directory.GetFiles(folder, "*.json").Length, fixtures.Count);
                foreach ((Recording original, Recording served, string file, string _, bool _) in recorded)
                {
                    Recording fixture = fixtures.Single(candidate => candidate.SourcePath == "recordings/" + Path.GetFileName(file));
                    AssertSameFixture(served, fixture, original.SourcePath);
                }

                // Replay: the same calls, the server gone, answered by the new fixtures alone.
                var replay = new RecordingHandler(fixtures, new RecordingOptions { Mode = RecordingMode.Replay }, new ThrowingHandler());
                var offline = new Uri("http://127.0.0.1:9/");
                foreach ((Recording original, Recording _, string _, string result, bool throughChatClient) in recorded)
                {
                    using IDisposable? test = original.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                    Assert.Equal(result, await SdkCalls.Send(original, replay, offline, throughChatClient));
                }

                Assert.Equal(models, await SdkCalls.Models(replay, offline));
                _output.WriteLine(recorded.Count + " files recorded from " + originals.Count + " requests, built, compared and replayed offline: "
                    + string.Join(", ", recorded.GroupBy(entry => entry.Original.Format + (entry.ThroughChatClient ? " via IChatClient" : string.Empty)).Select(group => group.Key + " " + group.Count())));
                Assert.True(recorded.Count >= 8, recorded.Count + " recordings made");
                Assert.Contains(recorded, entry => entry.Original.Request.Stream);
                Assert.Contains(recorded, entry => entry.Result.StartsWith("error=", StringComparison.Ordinal));
                Assert.Contains(recorded, entry => entry.ThroughChatClient && entry.Original.Format == RecordingFormat.OpenAIChat);
                foreach (RecordingFormat format in new[] { RecordingFormat.OpenAIChat, RecordingFormat.AnthropicMessages, RecordingFormat.OllamaChat, RecordingFormat.OpenAIEmbeddings, RecordingFormat.GeminiInteractions })
                {
                    Assert.Contains(recorded, entry => entry.Original.Format == format);
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        /// <summary>What a fixture exposes, compared with the recording the server answered from (ids and timestamps are normalized in the new file).</summary>
        private static void AssertSameFixture(Recording served, Recording fixture, string name)
        {
            Assert.True(served.Format == fixture.Format, name + ": format " + fixture.Format + ", served " + served.Format);
            Assert.True(served.Response.Text == fixture.Response.Text, name + ": text differs");
            Assert.True(served.Response.Thinking == fixture.Response.Thinking, name + ": thinking differs");
            Assert.True(OpenAIReplay.Describe(served.Response.ToolCalls) == OpenAIReplay.Describe(fixture.Response.ToolCalls), name + ": tool calls differ");
            Assert.True(served.Response.FinishReason == fixture.Response.FinishReason, name + ": finish reason " + fixture.Response.FinishReason + ", served " + served.Response.FinishReason);
            Assert.True(served.Response.Chunks.Count == fixture.Response.Chunks.Count, name + ": " + fixture.Response.Chunks.Count + " chunks, served " + served.Response.Chunks.Count);
            Assert.True(Usage(served) == Usage(fixture), name + ": usage " + Usage(fixture) + ", served " + Usage(served));
            Assert.True(served.Response.Error?.StatusCode == fixture.Response.Error?.StatusCode, name + ": error status differs");
            Assert.True(served.Response.Embeddings.Count == fixture.Response.Embeddings.Count
                && served.Response.Embeddings.Zip(fixture.Response.Embeddings).All(pair => pair.First.Span.SequenceEqual(pair.Second.Span)), name + ": embeddings differ");
            Assert.True(served.Request.Model == fixture.Request.Model && served.Request.Messages.Count == fixture.Request.Messages.Count, name + ": request differs");
        }

        private static string Usage(Recording recording)
            => recording.Response.Usage is { } usage ? usage.InputTokens + "/" + usage.OutputTokens + "/" + usage.TotalTokens : "none";

        /// <summary>Builds a consumer of the written files with the generator and loads its <c>Recordings.All</c>.</summary>
        internal static IReadOnlyList<Recording> BuildFixtures(string work)
        {
            string project = Path.Combine(work, "Consumer");
            File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RootNamespace>Consumer</RootNamespace>
                    <AssemblyName>Consumer{Guid.NewGuid():N}</AssemblyName>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                    <Reference Include="{typeof(Recording).Assembly.Location}" Private="false" />
                    <AdditionalFiles Include="recordings/**/*.json" />
                  </ItemGroup>
                </Project>
                """);
            string build = DotnetCli.Run(project, "build");

            // Every file is typed: an unknown __type__ or endpoint would be RG0003, a malformed file RG0001/RG0002.
            Assert.DoesNotContain("RG0001", build);
            Assert.DoesNotContain("RG0002", build);
            Assert.DoesNotContain("RG0003", build);
            string assembly = Directory.GetFiles(Path.Combine(project, "bin"), "Consumer*.dll", SearchOption.AllDirectories).Single();
            Type recordings = Assembly.LoadFrom(assembly).GetType("Consumer.Recordings")!;
            return (IReadOnlyList<Recording>)recordings.GetProperty("All")!.GetValue(null)!;
        }
    }

    /// <summary>An inner handler that fails the test if anything tries the network.</summary>
    internal sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            => throw new InvalidOperationException("replay reached the network: " + request.RequestUri);
    }
}
