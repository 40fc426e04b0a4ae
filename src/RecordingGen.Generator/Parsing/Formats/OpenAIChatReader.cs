using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>The typed layer of OpenAI chat completions: messages and tools of the request, text, reasoning (Thinking), tool calls, finish reason and usage of the response.</summary>
    internal static class OpenAIChatReader
    {
        public const string ChunkType = "openai.types.chat.chat_completion_chunk.ChatCompletionChunk";
        public const string CompletionType = "openai.types.chat.chat_completion.ChatCompletion";

        public static bool IsChatEndpoint(string? endpoint)
            => endpoint is not null && endpoint.EndsWith("/chat/completions", System.StringComparison.Ordinal);

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            if (body.Member("messages").Array() is { } messages)
            {
                int index = 0;
                foreach (JsonValue item in messages.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        request.Messages.Add(ReadMessage(item, request.BodyPath["messages"][index]));
                    }

                    index++;
                }
            }

            if (body.Member("tools").Array() is { } tools)
            {
                foreach (JsonValue item in tools.EnumerateArray())
                {
                    JsonValue? function = item.Member("function").Object() ?? ((JsonValue?)item).Object();
                    if (function.Member("name").String() is { } name)
                    {
                        request.Tools.Add(new ToolShape
                        {
                            Name = name,
                            Description = function.Member("description").String(),
                            Parameters = function.Member("parameters"),
                        });
                    }
                }
            }
        }

        /// <summary>Streamed: text deltas and finish reasons per chunk, tool calls assembled by index, the last usage.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static void ReadStream(ResponseShape response)
        {
            var calls = new SortedDictionary<int, ToolCallBuilder>();
            bool anyThinking = false;
            foreach (ChunkShape chunk in response.Chunks)
            {
                JsonValue? choice = ((JsonValue?)chunk.Data).Member("choices").FirstItem();
                JsonValue? delta = choice.Member("delta");
                chunk.TextDelta = delta.Member("content").String();
                chunk.ThinkingDelta = Reasoning(delta);
                anyThinking |= chunk.ThinkingDelta is not null;
                chunk.FinishReason = choice.Member("finish_reason").String();
                if (chunk.FinishReason is not null)
                {
                    response.FinishReason = chunk.FinishReason;
                }

                if (delta.Member("tool_calls").Array() is { } deltas)
                {
                    int position = 0;
                    foreach (JsonValue part in deltas.EnumerateArray())
                    {
                        int index = ((JsonValue?)part).Member("index").Int() ?? position;
                        if (!calls.TryGetValue(index, out ToolCallBuilder? call))
                        {
                            call = new ToolCallBuilder { Path = chunk.DataPath["choices"][0]["delta"]["tool_calls"][position] };
                            calls.Add(index, call);
                        }

                        position++;

                        call.Id ??= ((JsonValue?)part).Member("id").String();
                        JsonValue? function = ((JsonValue?)part).Member("function");
                        call.Name ??= function.Member("name").String();
                        call.Arguments.Append(function.Member("arguments").String());
                    }
                }

                if (ReadUsage(((JsonValue?)chunk.Data).Member("usage")) is { } usage)
                {
                    response.Usage = usage;
                }
            }

            response.TextFromChunks = true;
            response.ThinkingFromChunks = anyThinking;
            foreach (ToolCallBuilder call in calls.Values)
            {
                response.ToolCalls.Add(new ToolCallShape { Path = call.Path, Id = call.Id, Name = call.Name ?? string.Empty, Arguments = call.Arguments.ToString() });
            }
        }

        public static void ReadCompletion(JsonValue body, ResponseShape response)
        {
            JsonValue? choice = body.Member("choices").FirstItem();
            MessageShape message = choice.Member("message").Object() is { } value
                ? ReadMessage(value, response.BodyPath["choices"][0]["message"])
                : new MessageShape();
            response.Text = message.Text;
            response.Thinking = Reasoning(choice.Member("message"));
            response.ToolCalls.AddRange(message.ToolCalls);
            response.FinishReason = choice.Member("finish_reason").String();
            response.Usage = ReadUsage(body.Member("usage"));
        }

        /// <summary>
        /// Reasoning as OpenAI-compatible servers return it beside the content: <c>reasoning_content</c> (vLLM, DeepSeek)
        /// or <c>reasoning</c> (Ollama's OpenAI endpoint, gpt-oss).
        /// </summary>
        private static string? Reasoning(JsonValue? message) => message.Member("reasoning_content").String() ?? message.Member("reasoning").String();

        private static MessageShape ReadMessage(JsonValue item, JsonPath path)
        {
            var message = new MessageShape
            {
                Path = path,
                Role = item.Member("role").String() ?? string.Empty,
                Text = ReadContent(item.Member("content")),
                ToolCallId = item.Member("tool_call_id").String(),
            };

            if (item.Member("tool_calls").Array() is { } calls)
            {
                int index = 0;
                foreach (JsonValue call in calls.EnumerateArray())
                {
                    JsonValue? function = ((JsonValue?)call).Member("function");
                    JsonValue? arguments = function.Member("arguments");
                    message.ToolCalls.Add(new ToolCallShape
                    {
                        Path = path["tool_calls"][index++],
                        Id = ((JsonValue?)call).Member("id").String(),
                        Name = function.Member("name").String() ?? string.Empty,
                        Arguments = arguments.String() ?? (arguments is { } json ? json.CompactText() : string.Empty),
                    });
                }
            }

            return message;
        }

        /// <summary>Plain string content as is; a list of parts as its text parts joined with newlines.</summary>
        private static string? ReadContent(JsonValue? content)
        {
            if (content.String() is { } text)
            {
                return text;
            }

            return content.Array() is { } parts
                ? JsonRead.JoinLines(parts, part => ((JsonValue?)part).Member("type").String() == "text" ? ((JsonValue?)part).Member("text").String() : null)
                : null;
        }

        /// <summary>OpenAI's usage object, shared by chat and text completions.</summary>
        public static UsageShape? ReadUsage(JsonValue? usage)
            => usage.Object() is null
                ? null
                : new UsageShape
                {
                    InputTokens = usage.Member("prompt_tokens").Int(),
                    OutputTokens = usage.Member("completion_tokens").Int(),
                    TotalTokens = usage.Member("total_tokens").Int(),
                };

        private sealed class ToolCallBuilder
        {
            public JsonPath Path { get; set; } = JsonPath.Root;

            public string? Id { get; set; }

            public string? Name { get; set; }

            public StringBuilder Arguments { get; } = new StringBuilder();
        }
    }
}
