using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Anthropic.Models.Messages;
using OllamaSharp;
using OpenAI.Embeddings;
using OpenAI.Models;
using RecordingGen.IntegrationTests.Replay;
using RecordingGen.Replay;
using RecordingGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.CorpusReplayTests
{
    /// <summary>The corpus's model lists, embeddings and Anthropic messages through their SDKs, one handler over the whole corpus.</summary>
    [Collection(CorpusCollection.Name)]
    public sealed class ProviderCorpusTests
    {
        private readonly CorpusRecordings _corpus;
        private readonly ITestOutputHelper _output;

        public ProviderCorpusTests(CorpusRecordings corpus, ITestOutputHelper output)
        {
            _corpus = corpus;
            _output = output;
        }

        private IEnumerable<Recording> At(string endpoint)
            => _corpus.All.Where(recording => (recording.Request.Endpoint is { Length: > 0 } named ? named
                : Uri.TryCreate(recording.Request.Url, UriKind.Absolute, out Uri? url) ? url.AbsolutePath : null) == endpoint);

        [CorpusFact]
        public async Task The_OpenAI_model_client_gets_the_union_of_every_recorded_model_list_in_any_test()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            var client = new OpenAIModelClient(new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));
            List<Recording> lists = At("/v1/models").Where(recording => recording.Response.Error is null).ToList();
            string[] expected = lists.SelectMany(recording => recording.Response.Models).Select(model => model.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray();

            foreach (string? testId in new[] { null, lists[0].TestId, "a test that recorded no model list" })
            {
                using IDisposable? test = testId is null ? null : RecordingContext.BeginTest(testId);
                OpenAIModelCollection models = (await client.GetModelsAsync()).Value;
                Assert.Equal(expected, models.Select(model => model.Id).OrderBy(id => id, StringComparer.Ordinal));
            }

            _output.WriteLine(lists.Count + " /v1/models recordings, " + expected.Length + " distinct models, listed through OpenAIModelClient");
            Assert.True(lists.Count > 100 && expected.Length > 1, lists.Count + " lists, " + expected.Length + " models");
        }

        [CorpusFact]
        public async Task Every_Ollama_running_models_recording_replays_through_OllamaSharp_in_its_test()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            var client = new OllamaApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost:11434") });
            List<Recording> recordings = At("/api/ps").ToList();
            int own = 0;
            foreach (Recording recording in recordings)
            {
                using IDisposable? test = recording.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                int before = handler.Replayed.Count;
                string[] models = (await client.ListRunningModelsAsync()).Select(model => model.Name).ToArray();

                Recording replayed = handler.Replayed[before];
                Assert.Equal(recording.TestId, replayed.TestId);
                Assert.Equal(replayed.Response.Models.Select(model => model.Id), models);
                own += ReferenceEquals(replayed, recording) ? 1 : 0;
            }

            _output.WriteLine(recordings.Count + " /api/ps recordings replayed through OllamaSharp, " + own + " by their own file (the rest by an equal request of the same test)");
            Assert.True(recordings.Count > 20, recordings.Count + " recordings");
        }

        [CorpusFact]
        public async Task Every_embeddings_recording_replays_its_vectors_through_the_EmbeddingClient()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            List<Recording> recordings = At("/v1/embeddings").ToList();
            foreach (Recording recording in recordings)
            {
                using IDisposable? test = recording.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                var client = new EmbeddingClient(recording.Request.Model!, new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));
                int before = handler.Replayed.Count;

                OpenAIEmbeddingCollection embeddings = (await client.GenerateEmbeddingsAsync(recording.Request.Inputs)).Value;

                Recording replayed = handler.Replayed[before];
                Assert.Equal(recording.TestId, replayed.TestId);
                Assert.Equal(replayed.Response.Embeddings.Count, embeddings.Count);
                for (int i = 0; i < embeddings.Count; i++)
                {
                    Assert.True(replayed.Response.Embeddings[i].Span.SequenceEqual(embeddings[i].ToFloats().Span), recording.SourcePath + ": vector " + i + " differs");
                }
            }

            _output.WriteLine(recordings.Count + " /v1/embeddings recordings replayed through EmbeddingClient (base64 on the wire), every vector equal");
            Assert.True(recordings.Count > 50, recordings.Count + " recordings");
        }

        [CorpusFact]
        public async Task Every_Anthropic_messages_recording_replays_through_the_Anthropic_SDK()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            List<Recording> recordings = _corpus.All.Where(recording => recording.Format == RecordingFormat.AnthropicMessages).ToList();
            int answered = 0, errors = 0;
            foreach (Recording recording in recordings)
            {
                using IDisposable? test = recording.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                var client = AnthropicReplay.Client(handler);
                int before = handler.Replayed.Count;
                if ((recording.Response.StatusCode ?? 200) >= 400)
                {
                    var exception = await Assert.ThrowsAnyAsync<Exception>(() => client.Messages.Create(AnthropicReplay.Parameters(recording)));
                    Assert.Contains("Status Code: " + (System.Net.HttpStatusCode)recording.Response.StatusCode!.Value, exception.Message, StringComparison.Ordinal);
                    errors++;
                    continue;
                }

                string text;
                if (recording.Request.Stream)
                {
                    var streamed = new System.Text.StringBuilder();
                    await foreach (RawMessageStreamEvent streamEvent in client.Messages.CreateStreaming(AnthropicReplay.Parameters(recording)))
                    {
                        if (streamEvent.TryPickContentBlockDelta(out RawContentBlockDeltaEvent? delta) && delta!.Delta.TryPickText(out TextDelta? part))
                        {
                            streamed.Append(part!.Text);
                        }
                    }

                    text = streamed.ToString();
                }
                else
                {
                    Message message = await client.Messages.Create(AnthropicReplay.Parameters(recording));
                    text = string.Concat(message.Content.Select(block => block.TryPickText(out TextBlock? part) ? part!.Text : string.Empty));
                }

                Assert.Same(recording, handler.Replayed[before]);
                Assert.Equal(recording.Response.Text, text);
                answered++;
            }

            _output.WriteLine(recordings.Count + " Anthropic messages recordings: " + answered + " answered with their text, " + errors + " recorded errors raised with their status");
            Assert.True(recordings.Count >= 10, recordings.Count + " recordings");
        }
    }
}
