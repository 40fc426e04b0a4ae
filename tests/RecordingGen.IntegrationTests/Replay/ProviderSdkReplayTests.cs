using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using OllamaSharp;
using OllamaSharp.Models.Chat;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Recordings replayed into the Anthropic and Ollama SDKs.</summary>
    public class ProviderSdkReplayTests
    {
        public static IEnumerable<Recording> MessagesRecordings()
            => Recordings.All.Where(recording => recording.Format == RecordingFormat.AnthropicMessages && (recording.Response.StatusCode ?? 200) < 400);

        [Fact]
        public async Task Every_messages_recording_replays_through_the_Anthropic_SDK_streaming_and_not()
        {
            List<Recording> recordings = MessagesRecordings().ToList();
            Assert.Contains(recordings, recording => recording.Request.Stream);
            Assert.Contains(recordings, recording => !recording.Request.Stream);
            foreach (Recording recording in recordings)
            {
                AnthropicClient client = AnthropicReplay.Client(new RecordingReplayHandler(new[] { recording }));
                MessageCreateParams parameters = AnthropicReplay.Parameters(recording);
                if (recording.Request.Stream)
                {
                    (int events, string text, string thinking) = await Stream(client, parameters);
                    Assert.Equal(recording.Response.Chunks.Count, events);
                    Assert.Equal(recording.Response.Text, text);
                    Assert.Equal(recording.Response.Thinking, thinking);
                }
                else
                {
                    Anthropic.Models.Messages.Message message = await client.Messages.Create(parameters);
                    Assert.Equal(recording.Response.Text, string.Concat(message.Content.Select(block => block.TryPickText(out TextBlock? text) ? text!.Text : string.Empty)));
                    Assert.Equal(recording.Response.Thinking, string.Concat(message.Content.Select(block => block.TryPickThinking(out ThinkingBlock? thinking) ? thinking!.Thinking : string.Empty)));
                    Assert.Equal(recording.Response.FinishReason, message.StopReason?.Raw());
                    Assert.Equal(recording.Response.ToolCalls.Select(call => call.Id + ":" + call.Name), message.Content.Where(block => block.TryPickToolUse(out _)).Select(block => { block.TryPickToolUse(out ToolUseBlock? use); return use!.ID + ":" + use.Name; }));
                }
            }
        }

        [Fact]
        public async Task Anthropic_streams_need_their_event_lines_or_the_SDK_silently_drops_every_event()
        {
            Recording recording = Recordings.Other.AnthropicStyleStream;
            var handler = new RecordingReplayHandler(new[] { recording });

            (int replayed, string text, _) = await Stream(AnthropicReplay.Client(handler), AnthropicReplay.Parameters(recording));
            (int withoutEventLines, _, _) = await Stream(AnthropicReplay.Client(new WithoutEventLines(handler)), AnthropicReplay.Parameters(recording));

            Assert.Equal(recording.Response.Chunks.Count, replayed);
            Assert.Equal("Checking Paris.", text);
            Assert.Equal(0, withoutEventLines);
        }

        [Fact]
        public async Task A_pass_through_recording_replays_its_HTTP_status_and_error_body()
        {
            Recording recording = Recordings.Other.GeminiInteractionsError;
            using var client = new HttpClient(new RecordingReplayHandler(Recordings.All)) { BaseAddress = new Uri("https://generativelanguage.googleapis.com/v1beta/") };

            using HttpResponseMessage response = await client.PostAsync("interactions", new StringContent(recording.Request.BodyJson!, Encoding.UTF8, "application/json"));

            Assert.Equal(400, (int)response.StatusCode);
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        [Fact]
        public async Task An_Ollama_chat_stream_replays_through_OllamaSharp_as_newline_delimited_JSON()
        {
            Recording recording = Recordings.Other.OllamaChatStream;
            var client = new OllamaApiClient(new HttpClient(new RecordingReplayHandler(Recordings.All)) { BaseAddress = new Uri("http://localhost:11434") });
            ChatRequest request = JsonSerializer.Deserialize<ChatRequest>(recording.Request.BodyJson!)!;

            var text = new StringBuilder();
            ChatDoneResponseStream? done = null;
            await foreach (ChatResponseStream? update in client.ChatAsync(request))
            {
                text.Append(update?.Message?.Content);
                done = update as ChatDoneResponseStream ?? done;
            }

            Assert.Equal("Hi there!", text.ToString());
            Assert.Equal(recording.Response.Text, text.ToString());
            Assert.NotNull(done);
            Assert.Equal(3, done!.EvalCount);
            Assert.Equal(recording.Response.Timings!.TotalNanoseconds, done.TotalDuration);
        }

#if HAS_SHARED_RECORDINGS
        [Fact]
        public async Task An_Ollama_generate_stream_replays_through_OllamaSharp()
        {
            Recording recording = Recordings.All.Single(candidate => candidate.SourcePath.EndsWith("dd9e7d5913e9.json", StringComparison.Ordinal));
            var client = new OllamaApiClient(new HttpClient(new RecordingReplayHandler(Recordings.All)) { BaseAddress = new Uri("http://localhost:11434") });
            var request = JsonSerializer.Deserialize<OllamaSharp.Models.GenerateRequest>(recording.Request.BodyJson!)!;

            var text = new StringBuilder();
            await foreach (OllamaSharp.Models.GenerateResponseStream? update in client.GenerateAsync(request))
            {
                text.Append(update?.Response);
            }

            Assert.Equal(recording.Response.Text, text.ToString());
        }
#endif

        private static async Task<(int Events, string Text, string Thinking)> Stream(AnthropicClient client, MessageCreateParams parameters)
        {
            int events = 0;
            var text = new StringBuilder();
            var thinking = new StringBuilder();
            await foreach (RawMessageStreamEvent streamEvent in client.Messages.CreateStreaming(parameters))
            {
                events++;
                if (streamEvent.TryPickContentBlockDelta(out RawContentBlockDeltaEvent? delta))
                {
                    JsonElement json = streamEvent.Json.GetProperty("delta");
                    string type = json.GetProperty("type").GetString()!;
                    text.Append(type == "text_delta" ? json.GetProperty("text").GetString() : null);
                    thinking.Append(type == "thinking_delta" ? json.GetProperty("thinking").GetString() : null);
                }
            }

            return (events, text.ToString(), thinking.ToString());
        }

        /// <summary>What a replayer that keeps only <c>data:</c> lines would serve.</summary>
        private sealed class WithoutEventLines : DelegatingHandler
        {
            public WithoutEventLines(HttpMessageHandler inner)
                : base(inner)
            {
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                string kept = string.Join("\n", body.Split('\n').Where(line => !line.StartsWith("event:", StringComparison.Ordinal)));
                response.Content = new StringContent(kept, Encoding.UTF8, "text/event-stream");
                return response;
            }
        }
    }
}
