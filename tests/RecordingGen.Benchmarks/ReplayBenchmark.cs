#if HAS_SHARED_RECORDINGS
using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Chat;
using RecordingGen.Replay;

namespace RecordingGen.Benchmarks
{
    /// <summary>
    /// The largest streaming recording (940 chunks) replayed through the OpenAI SDK, per call: the precomputed
    /// RecordingReplayHandler against a hand-written handler that parses the recording file and builds the SSE
    /// body on every call. Both are consumed by the same SDK streaming loop.
    /// </summary>
    internal static class ReplayBenchmark
    {
        public static async Task Run()
        {
            Recording recording = Recordings.All.Single();
            string path = Path.Combine(ProjectDirectory(), recording.SourcePath);
            byte[] file = File.ReadAllBytes(path);

            (List<ChatMessage> messages, ChatCompletionOptions options) = Request(recording);
            ChatClient precomputed = Client(new RecordingReplayHandler(new[] { recording }));
            ChatClient handWritten = Client(new ParsingHandler(file));
            int expected = await Consume(precomputed, messages, options);
            if (expected != await Consume(handWritten, messages, options) || expected != recording.Response.Chunks.Count)
            {
                throw new InvalidOperationException("The two handlers do not yield the same updates.");
            }

            (double a, double b) = await Measure.SideBySide(
                () => Consume(precomputed, messages, options),
                () => Consume(handWritten, messages, options),
                warmup: 30,
                rounds: 15,
                callsPerRound: 20);
            Console.WriteLine();
            Console.WriteLine("| Replay of the largest stream (" + expected + " chunks) through the OpenAI SDK, per call | ms |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| RecordingReplayHandler (precomputed) | {a:F2} |");
            Console.WriteLine($"| hand-written handler (parse file + build SSE each call) | {b:F2} |");
            Console.WriteLine($"| ratio (target <= 0.6) | {a / b:F2} |");
        }

        private static ChatClient Client(HttpMessageHandler handler)
            => new ChatClient("gpt-4o", new System.ClientModel.ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));

        private static async Task<int> Consume(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
        {
            int updates = 0;
            await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(messages, options))
            {
                updates++;
            }

            return updates;
        }

        private static (List<ChatMessage>, ChatCompletionOptions) Request(Recording recording)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(recording.Request.BodyJson!)!.AsObject();
            var messages = body["messages"]!.AsArray().Select(message => ModelReaderWriter.Read<ChatMessage>(BinaryData.FromString(message!.ToJsonString()))!).ToList();
            foreach (string handled in new[] { "messages", "model", "stream", "stream_options" })
            {
                body.Remove(handled);
            }

            return (messages, ModelReaderWriter.Read<ChatCompletionOptions>(BinaryData.FromString(body.ToJsonString()))!);
        }

        private static string ProjectDirectory()
            => typeof(ReplayBenchmark).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!;

        /// <summary>What a test writes by hand: parse the recording, unwrap each chunk, write the SSE body.</summary>
        private sealed class ParsingHandler : HttpMessageHandler
        {
            private readonly byte[] _file;

            public ParsingHandler(byte[] file)
            {
                _file = file;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Content is not null)
                {
                    await request.Content.ReadAsStringAsync(cancellationToken);
                }

                using JsonDocument document = JsonDocument.Parse(_file);
                var body = new StringBuilder();
                foreach (JsonElement chunk in document.RootElement.GetProperty("response").GetProperty("body").EnumerateArray())
                {
                    JsonElement data = chunk.TryGetProperty("__data__", out JsonElement inner) ? inner : chunk;
                    body.Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");
                }

                body.Append("data: [DONE]\n\n");
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body.ToString(), Encoding.UTF8, "text/event-stream"), RequestMessage = request };
            }
        }
    }
}
#endif
