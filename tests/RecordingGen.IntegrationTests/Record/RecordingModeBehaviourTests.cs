using System;
using System.ClientModel;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAI.Chat;
using RecordingGen.IntegrationTests.Replay;
using RecordingGen.Record;
using RecordingGen.Replay;
using Microsoft.Extensions.Logging;
using Xunit;

namespace RecordingGen.IntegrationTests.Record
{
    /// <summary>What each mode does, counted at a real server: which requests reach it, what is written, what never is.</summary>
    public sealed class RecordingModeBehaviourTests : IAsyncLifetime
    {
        private const string ApiKey = SdkCalls.ApiKey;
        private readonly string _folder = Directory.CreateTempSubdirectory("recordinggen-modes-").FullName;
        private RecordedApiServer _server = null!;

        private static IReadOnlyList<Recording> Chats => OpenAISdkReplayTests.ChatRecordings().ToList();

        public async Task InitializeAsync() => _server = await RecordedApiServer.Start(Recordings.All);

        public async Task DisposeAsync()
        {
            await _server.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public async Task Record_if_missing_calls_the_server_only_for_requests_without_a_recording_and_only_once()
        {
            List<Recording> chats = Chats.Take(6).ToList();
            Assert.True(chats.Count >= 2, "at least two chat recordings");
            List<Recording> known = chats.Take(chats.Count / 2).ToList();
            Recording neverAsked = Recordings.Other.EmbeddingsFloat;
            var handler = Handler(RecordingMode.RecordIfMissing, known.Append(neverAsked));

            foreach (Recording chat in chats.Concat(chats))
            {
                using IDisposable? test = chat.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                await SdkCalls.Send(chat, handler, _server.Address);
            }

            // What the handler has is replayed (twice); what it lacks reaches the server once, the second time from memory.
            int missing = chats.Count - known.Count;
            Assert.Equal(missing, _server.Hits);
            Assert.Equal(missing, Directory.GetFiles(_folder, "*.json").Length);
            Assert.Equal(2 * known.Count, handler.Replayed.Count);
            Assert.Same(neverAsked, Assert.Single(handler.Unused));
        }

        [Fact]
        public async Task Live_calls_the_server_and_writes_nothing()
        {
            var handler = Handler(RecordingMode.Live, Array.Empty<Recording>());
            foreach (Recording chat in Chats.Take(3))
            {
                using IDisposable? test = chat.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                Assert.StartsWith("text=", await SdkCalls.Send(chat, handler, _server.Address));
            }

            Assert.Equal(3, _server.Hits);
            Assert.Empty(Directory.GetFiles(_folder));
        }

        [Fact]
        public async Task Replay_never_connects_and_a_miss_says_how_to_record_it()
        {
            Recording chat = Chats[0];
            await _server.Stop();
            var handler = new RecordingHandler(new[] { chat }, new RecordingOptions { Mode = RecordingMode.Replay }, new ThrowingHandler());

            using (chat.TestId is { } testId ? RecordingContext.BeginTest(testId) : null)
            {
                Assert.StartsWith("text=", await SdkCalls.Send(chat, handler, _server.Address));
            }

            var client = new ChatClient("gpt-4o", new ApiKeyCredential(ApiKey), SdkCalls.OpenAIOptions(handler, _server.Address));
            RecordingMismatchException miss = await Assert.ThrowsAsync<RecordingMismatchException>(() => client.CompleteChatAsync("Never recorded"));
            Assert.Contains("RECORDINGGEN_MODE=record-if-missing", miss.Message, StringComparison.Ordinal);
            Assert.Equal(0, _server.Hits);
        }

        [Fact]
        public async Task The_API_key_reaches_the_server_but_no_file_and_the_scrubber_rewrites_what_it_is_given()
        {
            // A recording whose first user message is plain text, which the scrubber then takes out of the file.
            Recording chat = Chats.First(recording => recording.Request.Messages.FirstOrDefault(message => message.Role == "user")?.Text is { Length: > 5 } text
                && System.Text.RegularExpressions.Regex.IsMatch(text, "^[A-Za-z0-9 ?.,!]+$"));
            string prompt = chat.Request.Messages.First(message => message.Role == "user").Text!;
            var handler = new RecordingHandler(
                Array.Empty<Recording>(),
                new RecordingOptions { Mode = RecordingMode.Record, Directory = _folder, Scrub = (path, value) => value.Replace(prompt, "[scrubbed]") },
                new TestIdHeaderHandler(new SocketsHttpHandler()));
            using (chat.TestId is { } testId ? RecordingContext.BeginTest(testId) : null)
            {
                // The key travels as the SDK sends it (Authorization: Bearer) and, as Azure and Google take it, in the query.
                Assert.StartsWith("text=", await SdkCalls.Send(chat, new QueryKey(handler), _server.Address));
            }

            Assert.Equal("Bearer " + ApiKey, _server.LastAuthorization);
            string file = Directory.GetFiles(_folder, "*.json").Single();
            string text = File.ReadAllText(file);
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(prompt, text, StringComparison.Ordinal);
            Assert.Contains("[scrubbed]", text, StringComparison.Ordinal);
            using JsonDocument written = JsonDocument.Parse(text);
            Assert.Empty(written.RootElement.GetProperty("request").GetProperty("headers").EnumerateObject());
            Assert.EndsWith("/v1/chat/completions?keep=1", written.RootElement.GetProperty("request").GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Thirty_two_parallel_tests_recording_streams_into_one_folder_each_write_a_complete_file()
        {
            Recording stream = Chats.First(recording => recording.Request.Stream && recording.Response.Chunks.Count > 3);
            var server = _server;

            // No test id header: the server knows none of these test ids, and answers every one from the same recording.
            var handler = new RecordingHandler(Array.Empty<Recording>(), new RecordingOptions { Mode = RecordingMode.Record, Directory = _folder }, new SocketsHttpHandler());

            string[] results = await Task.WhenAll(Enumerable.Range(0, 32).Select(index => Task.Run(async () =>
            {
                // Each parallel test has its own id, so each request has its own key and file.
                using IDisposable test = RecordingContext.BeginTest("tests/parallel.py::test_stream[" + index + "]");
                return await SdkCalls.Send(stream, handler, server.Address);
            })));

            Assert.All(results, result => Assert.Equal(results[0], result));
            string[] files = Directory.GetFiles(_folder, "*.json");
            Assert.Equal(32, files.Length);
            Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
            foreach (string file in files)
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
                Assert.Equal(stream.Response.Chunks.Count, document.RootElement.GetProperty("response").GetProperty("body").GetArrayLength());
            }

            Assert.Equal(32, files.Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("test_id").GetString()).Distinct().Count());
        }

        [Fact]
        public async Task A_stream_cancelled_halfway_writes_nothing()
        {
            Recording stream = Chats.First(recording => recording.Request.Stream && recording.Response.Chunks.Count > 3);
            var handler = Handler(RecordingMode.Record, Array.Empty<Recording>());
            var client = new ChatClient(stream.Request.Model!, new ApiKeyCredential(ApiKey), SdkCalls.OpenAIOptions(handler, _server.Address));
            OpenAIChatRequest request = stream.Request.ToOpenAIChatRequest();
            using (stream.TestId is { } testId ? RecordingContext.BeginTest(testId) : null)
            {
                await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(request.Messages, request.Options))
                {
                    break; // the test stops reading after the first update
                }

                Assert.Empty(Directory.GetFiles(_folder));

                // Read to the end, the same request is recorded.
                await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(request.Messages, request.Options))
                {
                }
            }

            Assert.Single(Directory.GetFiles(_folder, "*.json"));
        }

        [Fact]
        public async Task A_stream_reaches_the_caller_chunk_by_chunk_while_it_is_recorded()
        {
            // A server that sends one event and then waits for the test to have seen it: a handler that buffered the
            // whole stream before handing it on would never let the test see it.
            var firstSeen = new TaskCompletionSource();
            Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            await using Microsoft.AspNetCore.Builder.WebApplication api = builder.Build();
            api.Urls.Add("http://127.0.0.1:0");
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(api, "/v1/chat/completions", async (Microsoft.AspNetCore.Http.HttpContext context) =>
            {
                context.Response.ContentType = "text/event-stream";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Event("Hel"));
                await context.Response.Body.FlushAsync();
                await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Event("lo") + "data: [DONE]\n\n");
            });
            await api.StartAsync();

            var handler = new RecordingHandler(Array.Empty<Recording>(), new RecordingOptions { Mode = RecordingMode.Record, Directory = _folder }, new SocketsHttpHandler());
            var client = new ChatClient("gpt-4o", new ApiKeyCredential(ApiKey), SdkCalls.OpenAIOptions(handler, new Uri(api.Urls.First() + "/")));
            var text = new System.Text.StringBuilder();
            await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync("Say hello."))
            {
                text.Append(string.Concat(update.ContentUpdate.Select(part => part.Text)));
                if (text.ToString() == "Hel")
                {
                    Assert.Empty(Directory.GetFiles(_folder)); // not complete yet, so not written
                    firstSeen.TrySetResult();
                }
            }

            Assert.Equal("Hello", text.ToString());
            using JsonDocument written = JsonDocument.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(_folder, "*.json"))));
            Assert.Equal(2, written.RootElement.GetProperty("response").GetProperty("body").GetArrayLength());

            static string Event(string text)
                => "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
        }

        [Fact]
        public async Task A_stream_the_server_breaks_off_writes_nothing()
        {
            // A server that sends one event and then drops the connection: the SDK fails, and no file may claim the
            // answer was complete.
            Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            await using Microsoft.AspNetCore.Builder.WebApplication api = builder.Build();
            api.Urls.Add("http://127.0.0.1:0");
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(api, "/v1/chat/completions", async (Microsoft.AspNetCore.Http.HttpContext context) =>
            {
                context.Response.ContentType = "text/event-stream";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n");
                await context.Response.Body.FlushAsync();
                context.Abort();
            });
            await api.StartAsync();

            var handler = new RecordingHandler(Array.Empty<Recording>(), new RecordingOptions { Mode = RecordingMode.Record, Directory = _folder }, new SocketsHttpHandler());
            var client = new ChatClient("gpt-4o", new ApiKeyCredential(ApiKey), SdkCalls.OpenAIOptions(handler, new Uri(api.Urls.First() + "/")));

            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync("Say hello."))
                {
                }
            });

            Assert.Empty(Directory.GetFiles(_folder));
        }

        [Fact]
        public void The_SDKs_synchronous_methods_are_recorded_too()
        {
            Recording chat = Chats.First(recording => !recording.Request.Stream);
            var handler = Handler(RecordingMode.Record, Array.Empty<Recording>());
            var client = new ChatClient(chat.Request.Model!, new ApiKeyCredential(ApiKey), SdkCalls.OpenAIOptions(handler, _server.Address));
            OpenAIChatRequest request = chat.Request.ToOpenAIChatRequest();
            using (chat.TestId is { } testId ? RecordingContext.BeginTest(testId) : null)
            {
                ChatCompletion completion = client.CompleteChat(request.Messages, request.Options).Value;
                Assert.Equal(chat.Response.ToolCalls.Count, completion.ToolCalls.Count);
            }

            Assert.Equal(1, _server.Hits);
            Assert.Equal(handler.Written, Directory.GetFiles(_folder, "*.json"));
        }

        [Fact]
        public void The_mode_comes_from_RECORDINGGEN_MODE_and_a_wrong_value_says_what_it_takes()
        {
            Assert.Equal(RecordingMode.Replay, RecordingOptions.ParseMode(null));
            Assert.Equal(RecordingMode.RecordIfMissing, RecordingOptions.ParseMode("Record-If-Missing"));
            Assert.Equal(RecordingMode.Live, RecordingOptions.ParseMode(" live "));
            ArgumentException wrong = Assert.Throws<ArgumentException>(() => RecordingOptions.ParseMode("recrod"));
            Assert.Contains("replay, record, record-if-missing or live", wrong.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new RecordingHandler(Array.Empty<Recording>(), new RecordingOptions { Mode = RecordingMode.Record }));
        }

        /// <summary>Puts the API key in the query, as Azure OpenAI (<c>api-key</c>) and Google (<c>key</c>) clients may.</summary>
        private sealed class QueryKey : DelegatingHandler
        {
            public QueryKey(HttpMessageHandler inner)
                : base(inner)
            {
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                request.RequestUri = new Uri(request.RequestUri + "?api-key=" + ApiKey + "&keep=1&key=" + ApiKey);
                return base.SendAsync(request, cancellationToken);
            }
        }

        private RecordingHandler Handler(RecordingMode mode, IEnumerable<Recording> recordings)
            => new RecordingHandler(recordings, new RecordingOptions { Mode = mode, Directory = _folder }, new TestIdHeaderHandler(new SocketsHttpHandler()));
    }
}
