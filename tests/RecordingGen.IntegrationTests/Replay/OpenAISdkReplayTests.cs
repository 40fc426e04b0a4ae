using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OpenAI.Chat;
using OpenAI.Embeddings;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Recordings replayed into the official OpenAI .NET SDK, which parses them as it would a live response.</summary>
    public class OpenAISdkReplayTests
    {
        /// <summary>
        /// The OpenAI chat recordings a ChatClient can send: POST to a chat completions endpoint (2025-08 files that
        /// filed chat under /v1/completions were not sent by such a client) and answered (exceptions are tested apart).
        /// </summary>
        public static IEnumerable<Recording> ChatRecordings()
            => Recordings.All.Where(recording => recording.Format == RecordingFormat.OpenAIChat
                && recording.Request.Method == "POST"
                && (recording.Request.Endpoint ?? string.Empty).EndsWith("/chat/completions", StringComparison.Ordinal)
                && recording.Response.Error is null
                && !recording.Request.Messages.Any(message => HasLoneSurrogate(message.Text)));

        /// <summary>The hostile-content recordings carry lone surrogates, which no client can send as UTF-8.</summary>
        internal static bool HasLoneSurrogate(string? text)
        {
            for (int i = 0; text is not null && i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        [Fact]
        public async Task Every_chat_recording_converted_for_Microsoft_Extensions_AI_replays_through_IChatClient()
        {
            var failures = new List<string>();
            List<Recording> recordings = ChatRecordings().ToList();
            foreach (Recording recording in recordings)
            {
                var handler = new RecordingReplayHandler(new[] { recording });
                try
                {
                    (string text, string calls, string? finish) = await ExtensionsAIReplay.Complete(RecordingChatClient.Create(handler, ModelOf(recording)), recording);
                    if (text != recording.Response.Text || calls != OpenAIReplay.Describe(recording.Response.ToolCalls) || finish != recording.Response.FinishReason)
                    {
                        failures.Add(recording.SourcePath + ": differs: " + Cut(text) + " | " + calls + " | " + finish);
                    }
                }
                catch (Exception exception)
                {
                    failures.Add(recording.SourcePath + ": " + exception.GetType().Name + ": " + exception.Message);
                }
            }

            Assert.True(failures.Count == 0, failures.Count + " of " + recordings.Count + " recordings failed:\n" + string.Join("\n\n", failures));
            Assert.NotEmpty(recordings);
        }

        [Fact]
        public async Task Every_chat_recording_replays_through_the_SDK_with_the_fixtures_text_and_tool_calls()
        {
            var failures = new List<string>();
            int streamed = 0;
            List<Recording> recordings = ChatRecordings().ToList();
            foreach (Recording recording in recordings)
            {
                var handler = new RecordingReplayHandler(new[] { recording });
                ChatClient client = OpenAIReplay.ChatClient(handler, ModelOf(recording));
                try
                {
                    (string text, string calls, string? finish) = await OpenAIReplay.Complete(client, recording);
                    string expectedCalls = OpenAIReplay.Describe(recording.Response.ToolCalls);
                    if (text != recording.Response.Text || calls != expectedCalls)
                    {
                        failures.Add(recording.SourcePath + ": SDK text/tool calls differ\n  text: " + Cut(text) + "\n  want: " + Cut(recording.Response.Text) + "\n  calls: " + calls + "\n  want:  " + expectedCalls);
                    }

                    Assert.Same(recording, Assert.Single(handler.Replayed));
                    streamed += recording.Request.Stream ? 1 : 0;
                }
                catch (Exception exception)
                {
                    failures.Add(recording.SourcePath + ": " + exception.GetType().Name + ": " + exception.Message);
                }
            }

            Assert.True(failures.Count == 0, failures.Count + " of " + recordings.Count + " recordings failed:\n" + string.Join("\n\n", failures));
            Assert.True(streamed > 0 && streamed < recordings.Count, "both streamed and non-streamed recordings are covered");
            Assert.DoesNotContain(recordings, recording => recording.SourcePath.Contains("hostile"));
#if HAS_SHARED_RECORDINGS
            Assert.Equal(49, recordings.Count);
#endif
        }

        [Fact]
        public void The_SDKs_synchronous_methods_replay_too()
        {
            Recording recording = Recordings.OpenaiChat.ParallelToolCallsStreaming_TxtOpenaiGpt4oMini_3f1c0d;
            ChatClient client = OpenAIReplay.ChatClient(new RecordingReplayHandler(new[] { recording }), ModelOf(recording));
            (List<ChatMessage> messages, ChatCompletionOptions options) = OpenAIReplay.Request(recording);

            int updates = client.CompleteChatStreaming(messages, options).Count();

            Assert.Equal(recording.Response.Chunks.Count, updates);
        }

        [Fact]
        public async Task Every_recorded_chat_exception_surfaces_as_the_SDKs_error_with_the_recorded_status()
        {
            List<Recording> recordings = Recordings.All
                .Where(recording => recording.Format == RecordingFormat.OpenAIChat && recording.Response.Error is not null && recording.Response.BodyJson is null)
                .ToList();
            Assert.Contains(Recordings.Other.ProviderError, recordings);
            foreach (Recording recording in recordings)
            {
                ChatClient client = OpenAIReplay.ChatClient(new RecordingReplayHandler(new[] { recording }), ModelOf(recording));
                (List<ChatMessage> messages, ChatCompletionOptions options) = OpenAIReplay.Request(recording);

                ClientResultException error = await Assert.ThrowsAsync<ClientResultException>(async () =>
                {
                    if (!recording.Request.Stream)
                    {
                        await client.CompleteChatAsync(messages, options);
                        return;
                    }

                    await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(messages, options))
                    {
                    }
                });

                Assert.Equal(recording.Response.Error!.StatusCode ?? 500, error.Status);
            }

            ClientResultException invalidImage = await Assert.ThrowsAsync<ClientResultException>(() =>
            {
                (List<ChatMessage> messages, ChatCompletionOptions options) = OpenAIReplay.Request(Recordings.Other.ProviderError);
                return OpenAIReplay.ChatClient(new RecordingReplayHandler(Recordings.All), "gpt-4o").CompleteChatAsync(messages, options);
            });
            Assert.Equal(400, invalidImage.Status);
            Assert.Contains("invalid image input", invalidImage.Message);
        }

        [Fact]
        public async Task A_request_that_matches_nothing_names_the_closest_recording_and_the_differing_fields()
        {
            Recording recording = Recordings.OpenaiChat.ToolCallAfterHistory;
            var handler = new RecordingReplayHandler(Recordings.OpenaiChat.All);
            ChatClient client = OpenAIReplay.ChatClient(handler, ModelOf(recording));
            (List<ChatMessage> messages, ChatCompletionOptions options) = OpenAIReplay.Request(recording);
            messages.Add(new UserChatMessage("And tomorrow?"));

            Exception exception = await Assert.ThrowsAnyAsync<Exception>(() => client.CompleteChatAsync(messages, options));

            RecordingMismatchException mismatch = Assert.IsType<RecordingMismatchException>(exception.GetBaseException());
            Assert.Same(recording, mismatch.Closest);
            Assert.Contains(recording.SourcePath, mismatch.Message);
            RequestDifference added = Assert.Single(mismatch.Differences);
            Assert.Equal("messages[" + (messages.Count - 1) + "]", added.Path);
            Assert.Null(added.Recorded);
            Assert.Contains("And tomorrow?", added.Incoming);
            Assert.Contains("\n  - messages[" + (messages.Count - 1) + "]: recorded (absent), request {", mismatch.Message);
        }

        [Fact]
        public async Task A_different_tool_call_argument_is_a_mismatch_but_reformatted_arguments_are_not()
        {
            Recording recording = Recordings.OpenaiChat.ToolCallAfterHistory;
            var handler = new RecordingReplayHandler(new[] { recording });
            string body = recording.Request.BodyJson!;
            string call = recording.Request.Messages.SelectMany(message => message.ToolCalls).First().ArgumentsJson;
            string reformatted = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(call).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

            Assert.Same(recording, handler.Match("POST", "/v1/chat/completions", body.Replace(System.Text.Json.JsonSerializer.Serialize(call), System.Text.Json.JsonSerializer.Serialize(reformatted))));
            RecordingMismatchException mismatch = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", body.Replace("Rome", "Milan")));
            Assert.Contains(mismatch.Differences, difference => difference.IsDecisive && difference.Path.Contains("arguments"));
        }

        [Fact]
        public async Task Streaming_is_chosen_by_the_recording_not_by_the_Accept_header()
        {
            Recording recording = Recordings.OpenaiChat.ParallelToolCallsStreaming_TxtOpenaiGpt4oMini_3f1c0d;
            using var client = new HttpClient(new RecordingReplayHandler(new[] { recording })) { BaseAddress = new Uri("http://replay/v1/") };
            using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new StringContent(recording.Request.BodyJson!, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");

            using HttpResponseMessage response = await client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();

            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
            Assert.EndsWith("\n\ndata: [DONE]\n\n", body);
            Assert.Equal(recording.Response.Chunks.Count + 1, body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        }

        [Fact]
        public async Task SSE_events_need_a_blank_line_between_them_or_the_SDK_silently_yields_nothing()
        {
            Recording recording = Recordings.OpenaiChat.ParallelToolCallsStreaming_TxtOpenaiGpt4oMini_3f1c0d;
            var handler = new RecordingReplayHandler(new[] { recording });
            (List<ChatMessage> messages, ChatCompletionOptions options) = OpenAIReplay.Request(recording);

            int replayed = await CountUpdates(OpenAIReplay.ChatClient(handler, ModelOf(recording)), messages, options);
            int singleNewlines = await CountUpdates(OpenAIReplay.ChatClient(new SingleNewlineHandler(handler), ModelOf(recording)), messages, options);

            Assert.Equal(recording.Response.Chunks.Count, replayed);
            Assert.Equal(0, singleNewlines);
        }

        [Fact]
        public async Task Every_embeddings_recording_replays_in_the_base64_encoding_the_SDK_asks_for()
        {
            List<Recording> recordings = Recordings.All.Where(recording => recording.Format == RecordingFormat.OpenAIEmbeddings).ToList();
            Assert.True(recordings.Count >= 2);
            foreach (Recording recording in recordings)
            {
                var handler = new RecordingReplayHandler(new[] { recording });
                var client = new EmbeddingClient(ModelOf(recording), new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));

                bool single = System.Text.Json.JsonDocument.Parse(recording.Request.BodyJson!).RootElement.GetProperty("input").ValueKind == System.Text.Json.JsonValueKind.String;
                List<OpenAIEmbedding> embeddings = single
                    ? new List<OpenAIEmbedding> { (await client.GenerateEmbeddingAsync(recording.Request.Inputs[0])).Value }
                    : (await client.GenerateEmbeddingsAsync(recording.Request.Inputs)).Value.ToList();

                Assert.Equal(recording.Response.Embeddings.Count, embeddings.Count);
                for (int i = 0; i < embeddings.Count; i++)
                {
                    Assert.Equal(recording.Response.Embeddings[i].ToArray(), embeddings[i].ToFloats().ToArray());
                }

            }
        }

        [Fact]
        public async Task Text_completions_replay_through_a_plain_HttpClient_as_SSE()
        {
            // The OpenAI .NET SDK has no public client for /v1/completions.
            Recording recording = Recordings.Other.TextCompletionStream;
            using var client = new HttpClient(new RecordingReplayHandler(Recordings.All)) { BaseAddress = new Uri("http://localhost:11434/v1/") };

            using HttpResponseMessage response = await client.PostAsync("completions", new StringContent(recording.Request.BodyJson!, Encoding.UTF8, "application/json"));
            string[] events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(recording.Response.Chunks.Count + 1, events.Length);
            string text = string.Concat(events.Where(line => line != "data: [DONE]").Select(line => System.Text.Json.JsonDocument.Parse(line.Substring("data: ".Length)).RootElement.GetProperty("choices")[0].GetProperty("text").GetString()));
            Assert.Equal(recording.Response.Text, text);
        }

        internal static string ModelOf(Recording recording)
            => System.Text.Json.JsonDocument.Parse(recording.Request.BodyJson!).RootElement.GetProperty("model").GetString()!;

        private static async Task<int> CountUpdates(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
        {
            int count = 0;
            await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(messages, options))
            {
                count++;
            }

            return count;
        }

        private static string Cut(string text) => text.Length > 200 ? text.Substring(0, 200) + "..." : text;

        /// <summary>What a naive replayer writes: events ended by one newline instead of a blank line.</summary>
        private sealed class SingleNewlineHandler : DelegatingHandler
        {
            public SingleNewlineHandler(HttpMessageHandler inner)
                : base(inner)
            {
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
                string body = (await response.Content.ReadAsStringAsync(cancellationToken)).Replace("\n\n", "\n");
                response.Content = new StringContent(body, Encoding.UTF8, "text/event-stream");
                return response;
            }
        }
    }
}
