using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;
using RecordingGen.IntegrationTests.Replay;
using RecordingGen.Replay;

namespace RecordingGen.IntegrationTests.Record
{
    /// <summary>
    /// A recording's request sent as application code sends it, through the real SDK for its API, to a real endpoint;
    /// what the SDK yields, as one comparable line.
    /// </summary>
    internal static class SdkCalls
    {
        /// <summary>What the OpenAI SDK sends as its key; no recorded file may contain it.</summary>
        public const string ApiKey = "sk-proj-ThisKeyMustNeverReachAFile0123456789";

        /// <summary>Whether <see cref="Send"/> knows an SDK call for the recording.</summary>
        public static bool CanSend(Recording recording)
            => recording.Format switch
            {
                RecordingFormat.OpenAIChat => (recording.Request.Endpoint ?? string.Empty).EndsWith("/chat/completions", StringComparison.Ordinal) && recording.Request.BodyJson is not null && !recording.Request.Messages.Any(message => OpenAISdkReplayTests.HasLoneSurrogate(message.Text)),
                RecordingFormat.OpenAIEmbeddings => recording.Request.Inputs.Count > 0,
                RecordingFormat.AnthropicMessages => true,
                RecordingFormat.OllamaChat or RecordingFormat.OllamaGenerate => true,
                RecordingFormat.GeminiInteractions => recording.Request.BodyJson is not null && recording.Request.Url is not null,
                _ => false,
            };

        /// <param name="throughChatClient">For an OpenAI chat recording: send it through Microsoft.Extensions.AI's <c>IChatClient</c> instead of the OpenAI SDK's <c>ChatClient</c>.</param>
        public static async Task<string> Send(Recording recording, HttpMessageHandler handler, Uri server, bool throughChatClient = false)
        {
            try
            {
                switch (recording.Format)
                {
                    case RecordingFormat.OpenAIChat when throughChatClient:
                        var chatClient = new ChatClient(recording.Request.Model!, new ApiKeyCredential(ApiKey), OpenAIOptions(handler, server)).AsIChatClient();
                        (string said, string called, string? reason) = await ExtensionsAIReplay.Complete(chatClient, recording);
                        return "text=" + said + " calls=" + called + " finish=" + reason;
                    case RecordingFormat.OpenAIChat:
                        var chat = new ChatClient(recording.Request.Model!, new ApiKeyCredential(ApiKey), OpenAIOptions(handler, server));
                        (string text, string calls, string? finish) = await OpenAIReplay.Complete(chat, recording);
                        return "text=" + text + " calls=" + calls + " finish=" + finish;
                    case RecordingFormat.OpenAIEmbeddings:
                        var embeddings = new EmbeddingClient(recording.Request.Model!, new ApiKeyCredential(ApiKey), OpenAIOptions(handler, server));
                        using (JsonDocument body = JsonDocument.Parse(recording.Request.BodyJson!))
                        {
                            if (body.RootElement.GetProperty("input").ValueKind == JsonValueKind.String)
                            {
                                OpenAIEmbedding single = (await embeddings.GenerateEmbeddingAsync(recording.Request.Inputs[0])).Value;
                                return "vector=" + string.Join(",", single.ToFloats().ToArray().Select(value => value.ToString("R", CultureInfo.InvariantCulture)));
                            }
                        }

                        OpenAIEmbeddingCollection vectors = (await embeddings.GenerateEmbeddingsAsync(recording.Request.Inputs)).Value;
                        return "vectors=" + string.Join(";", vectors.Select(vector => string.Join(",", vector.ToFloats().ToArray().Select(value => value.ToString("R", CultureInfo.InvariantCulture)))));
                    case RecordingFormat.AnthropicMessages:
                        return "text=" + await Anthropic(recording, handler, server);
                    case RecordingFormat.OllamaChat:
                        var ollama = new OllamaApiClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = server });
                        var text2 = new StringBuilder();
                        await foreach (OllamaSharp.Models.Chat.ChatResponseStream? update in ollama.ChatAsync(JsonSerializer.Deserialize<OllamaSharp.Models.Chat.ChatRequest>(recording.Request.BodyJson!)!))
                        {
                            text2.Append(update?.Message?.Content);
                        }

                        return "text=" + text2;
                    case RecordingFormat.OllamaGenerate:
                        var generate = new OllamaApiClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = server });
                        var text3 = new StringBuilder();
                        await foreach (OllamaSharp.Models.GenerateResponseStream? update in generate.GenerateAsync(JsonSerializer.Deserialize<OllamaSharp.Models.GenerateRequest>(recording.Request.BodyJson!)!))
                        {
                            text3.Append(update?.Response);
                        }

                        return "text=" + text3;
                    case RecordingFormat.GeminiInteractions:
                        // No Gemini interactions SDK for .NET: a plain HttpClient, as application code would post it.
                        using (var http = new HttpClient(handler, disposeHandler: false))
                        using (var content = new StringContent(recording.Request.BodyJson!, Encoding.UTF8, "application/json"))
                        {
                            HttpResponseMessage answer = await http.PostAsync(new Uri(server, new Uri(recording.Request.Url!).AbsolutePath.TrimStart('/')), content);
                            return "status=" + (int)answer.StatusCode + " body=" + await answer.Content.ReadAsStringAsync();
                        }

                    default:
                        throw new NotSupportedException(recording.Format.ToString());
                }
            }
            catch (ClientResultException exception)
            {
                return "error=" + exception.Status.ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception.GetType().Namespace?.StartsWith("Anthropic", StringComparison.Ordinal) == true)
            {
                return "error=" + exception.Message.Split('\n')[0];
            }
        }

        public static async Task<string> Models(HttpMessageHandler handler, Uri server)
        {
            var client = new OpenAIModelClient(new ApiKeyCredential(ApiKey), OpenAIOptions(handler, server));
            return string.Join(",", (await client.GetModelsAsync()).Value.Select(model => model.Id).OrderBy(id => id, StringComparer.Ordinal));
        }

        public static OpenAIClientOptions OpenAIOptions(HttpMessageHandler handler, Uri server)
            => new OpenAIClientOptions
            {
                Endpoint = new Uri(server, "v1/"),
                Transport = new HttpClientPipelineTransport(new HttpClient(handler, disposeHandler: false)),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            };

        private static async Task<string> Anthropic(Recording recording, HttpMessageHandler handler, Uri server)
        {
            var client = new AnthropicClient(new ClientOptions { ApiKey = "sk-ant-api03-NotARealKey0123456789abcdefABCDEF", BaseUrl = server.ToString().TrimEnd('/'), HttpClient = new HttpClient(handler, disposeHandler: false), MaxRetries = 0 });
            MessageCreateParams parameters = AnthropicReplay.Parameters(recording);
            if (!recording.Request.Stream)
            {
                Message message = await client.Messages.Create(parameters);
                return string.Concat(message.Content.Select(block => block.TryPickText(out TextBlock? text) ? text!.Text : string.Empty));
            }

            var streamed = new StringBuilder();
            await foreach (RawMessageStreamEvent streamEvent in client.Messages.CreateStreaming(parameters))
            {
                if (streamEvent.TryPickContentBlockDelta(out RawContentBlockDeltaEvent? delta) && delta!.Delta.TryPickText(out TextDelta? part))
                {
                    streamed.Append(part!.Text);
                }
            }

            return streamed.ToString();
        }
    }
}
