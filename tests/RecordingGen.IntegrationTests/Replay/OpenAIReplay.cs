using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using RecordingGen.Replay;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Sends a recording's request again through the OpenAI SDK's own types, and collects what the SDK yields.</summary>
    internal static class OpenAIReplay
    {
        public static ChatClient ChatClient(System.Net.Http.HttpMessageHandler handler, string model)
            => new ChatClient(model, new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));

        /// <summary>The recorded messages and options as application code builds them with the SDK's types (RecordingGen.Extensions.AI's conversion).</summary>
        public static (List<ChatMessage> Messages, ChatCompletionOptions Options) Request(Recording recording)
        {
            OpenAIChatRequest request = recording.Request.ToOpenAIChatRequest();
            return (request.Messages, request.Options);
        }

        /// <summary>Text and tool calls as the SDK yields them (streamed updates assembled by index).</summary>
        public static async Task<(string Text, string ToolCalls, string? FinishReason)> Complete(ChatClient client, Recording recording)
        {
            (List<ChatMessage> messages, ChatCompletionOptions options) = Request(recording);
            if (!recording.Request.Stream)
            {
                ChatCompletion completion = (await client.CompleteChatAsync(messages, options)).Value;
                string text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
                return (text, Describe(completion.ToolCalls.Select(call => ((string?)call.Id, call.FunctionName, call.FunctionArguments.ToString()))), Wire(completion.FinishReason));
            }

            var builder = new StringBuilder();
            var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
            ChatFinishReason? finish = null;
            await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(messages, options))
            {
                foreach (ChatMessageContentPart part in update.ContentUpdate)
                {
                    builder.Append(part.Text);
                }

                foreach (StreamingChatToolCallUpdate call in update.ToolCallUpdates)
                {
                    if (!calls.TryGetValue(call.Index, out var entry))
                    {
                        entry = (null, null, new StringBuilder());
                    }

                    entry.Id ??= call.ToolCallId;
                    entry.Name ??= call.FunctionName;
                    entry.Arguments.Append(call.FunctionArgumentsUpdate?.ToString());
                    calls[call.Index] = entry;
                }

                finish = update.FinishReason ?? finish;
            }

            return (builder.ToString(), Describe(calls.Values.Select(call => (call.Id, call.Name ?? string.Empty, call.Arguments.ToString()))), finish is { } reason ? Wire(reason) : null);
        }

        /// <summary>The finish reason as the wire spells it (the SDK turns it into an enum).</summary>
        public static string Wire(ChatFinishReason reason) => reason switch
        {
            ChatFinishReason.Stop => "stop",
            ChatFinishReason.Length => "length",
            ChatFinishReason.ToolCalls => "tool_calls",
            ChatFinishReason.ContentFilter => "content_filter",
            ChatFinishReason.FunctionCall => "function_call",
            _ => reason.ToString(),
        };

        public static string Describe(IEnumerable<(string? Id, string Name, string Arguments)> calls)
            => string.Join("|", calls.Select(call => call.Id + ":" + call.Name + ":" + Canonical(call.Arguments)));

        public static string Describe(IEnumerable<ToolCall> calls) => Describe(calls.Select(call => (call.Id, call.Name, call.ArgumentsJson)));

        private static string Canonical(string json)
        {
            try
            {
                return JsonNode.Parse(json)?.ToJsonString() ?? "null";
            }
            catch (JsonException)
            {
                return json;
            }
        }
    }
}
