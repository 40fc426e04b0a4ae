using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The typed layer of Anthropic-style <c>/v1/messages</c> (HTTP pass-through recordings). The request's
    /// <c>system</c> becomes a leading system message; a <c>tool_result</c> block becomes a message of role
    /// <c>tool</c> with its <c>tool_use_id</c>, as in the OpenAI layout the common members follow. Responses:
    /// <c>text</c> blocks are Text, <c>thinking</c> blocks Thinking, <c>tool_use</c> blocks ToolCalls; streamed,
    /// one chunk per SSE event, tool arguments assembled from <c>input_json_delta</c> fragments.
    /// </summary>
    internal static class AnthropicMessagesReader
    {
        public static bool IsMessages(string? endpoint)
            => endpoint is not null && endpoint.EndsWith("/messages", System.StringComparison.Ordinal);

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            JsonValue? system = body.Member("system");
            if (system is { } value && BlockText(value) is { } systemText)
            {
                request.Messages.Add(new MessageShape { Path = request.BodyPath["system"], Role = "system", Text = systemText });
            }

            if (body.Member("messages").Array() is { } messages)
            {
                int index = 0;
                foreach (JsonValue message in messages.EnumerateArray())
                {
                    ReadMessage(message, request.BodyPath["messages"][index++], request.Messages);
                }
            }

            ToolSchemas.AddTools(body.Member("tools"), request);
        }

        public static void ReadResponse(ResponseShape response)
        {
            if (response.Chunks.Count > 0)
            {
                ReadStream(response);
            }
            else if (response.Body is { ValueKind: JsonValueKind.Object } body)
            {
                ReadContent(((JsonValue?)body).Member("content"), response.BodyPath["content"], out string? text, out string? thinking, response.ToolCalls);
                response.Text = text;
                response.Thinking = thinking;
                response.FinishReason = ((JsonValue?)body).Member("stop_reason").String();
                response.Usage = Usage(((JsonValue?)body).Member("usage"), null);
            }
        }

        private static void ReadMessage(JsonValue message, JsonPath path, List<MessageShape> messages)
        {
            string role = message.Member("role").String() ?? string.Empty;
            JsonValue? content = message.Member("content");
            var shape = new MessageShape { Path = path, Role = role, Text = content.String() };
            var results = new List<MessageShape>();
            if (content.Array() is { } blocks)
            {
                var text = new List<string>();
                int index = 0;
                foreach (JsonValue block in blocks.EnumerateArray())
                {
                    JsonPath blockPath = path["content"][index++];
                    switch (block.Member("type").String())
                    {
                        case "text" when block.Member("text").String() is { } line:
                            text.Add(line);
                            break;
                        case "tool_use":
                            shape.ToolCalls.Add(ToolSchemas.Call(blockPath, block.Member("id").String(), block.Member("name").String(), block.Member("input")));
                            break;
                        case "tool_result":
                            results.Add(new MessageShape
                            {
                                Path = blockPath,
                                Role = "tool",
                                ToolCallId = block.Member("tool_use_id").String(),
                                Text = block.Member("content") is { } result ? BlockText(result) : null,
                            });
                            break;
                    }
                }

                shape.Text = text.Count > 0 ? string.Join("\n", text) : null;
            }
            MessageShape.AddTurn(messages, shape, results);
        }

        private static void ReadContent(JsonValue? content, JsonPath path, out string? text, out string? thinking, List<ToolCallShape> calls)
        {
            StringBuilder? texts = null;
            StringBuilder? thoughts = null;
            if (content.Array() is { } blocks)
            {
                int index = 0;
                foreach (JsonValue block in blocks.EnumerateArray())
                {
                    switch (block.Member("type").String())
                    {
                        case "text":
                            texts = (texts ?? new StringBuilder()).Append(block.Member("text").String());
                            break;
                        case "thinking":
                            thoughts = (thoughts ?? new StringBuilder()).Append(block.Member("thinking").String());
                            break;
                        case "tool_use":
                            calls.Add(ToolSchemas.Call(path[index], block.Member("id").String(), block.Member("name").String(), block.Member("input")));
                            break;
                    }

                    index++;
                }
            }

            text = texts?.ToString();
            thinking = thoughts?.ToString();
        }

        private static void ReadStream(ResponseShape response)
        {
            var calls = new SortedDictionary<int, (ToolCallShape Call, StringBuilder Json, JsonValue? Input)>();
            UsageShape? usage = null;
            foreach (ChunkShape chunk in response.Chunks)
            {
                JsonValue? data = chunk.Data;
                switch (data.Member("type").String())
                {
                    case "message_start":
                        usage = Usage(data.Member("message").Member("usage"), usage);
                        break;
                    case "content_block_start" when data.Member("content_block") is { } block && block.Member("type").String() == "tool_use":
                        int start = data.Member("index").Int() ?? calls.Count;
                        calls[start] = (ToolSchemas.Call(chunk.DataPath, block.Member("id").String(), block.Member("name").String(), null), new StringBuilder(), block.Member("input"));
                        break;
                    case "content_block_delta":
                        JsonValue? delta = data.Member("delta");
                        switch (delta.Member("type").String())
                        {
                            case "text_delta":
                                chunk.TextDelta = delta.Member("text").String();
                                break;
                            case "thinking_delta":
                                chunk.ThinkingDelta = delta.Member("thinking").String();
                                break;
                            case "input_json_delta" when calls.TryGetValue(data.Member("index").Int() ?? -1, out var call):
                                call.Json.Append(delta.Member("partial_json").String());
                                break;
                        }

                        break;
                    case "message_delta":
                        chunk.FinishReason = data.Member("delta").Member("stop_reason").String();
                        response.FinishReason = chunk.FinishReason ?? response.FinishReason;
                        usage = Usage(data.Member("usage"), usage);
                        break;
                }
            }

            foreach (var (call, json, input) in calls.Values)
            {
                // Streamed input arrives as JSON fragments; a call streamed without any keeps its start's input.
                call.Arguments = json.Length > 0 ? json.ToString() : input is { ValueKind: not JsonValueKind.Null } value ? value.CompactText() : string.Empty;
                response.ToolCalls.Add(call);
            }

            response.TextFromChunks = true;
            response.ThinkingFromChunks = true;
            response.Usage = usage;
        }

        /// <summary>Anthropic reports input and output tokens (the stream in two events, later values win); the total is their sum.</summary>
        private static UsageShape? Usage(JsonValue? usage, UsageShape? earlier)
        {
            int? input = usage.Member("input_tokens").Int() ?? earlier?.InputTokens;
            int? output = usage.Member("output_tokens").Int() ?? earlier?.OutputTokens;
            return input is null && output is null ? earlier : new UsageShape { InputTokens = input, OutputTokens = output, TotalTokens = input + output };
        }

        /// <summary>A string, or the text blocks of a block list joined with newlines.</summary>
        private static string? BlockText(JsonValue value)
            => value.ValueKind == JsonValueKind.String ? value.GetString()!
               : value.ValueKind == JsonValueKind.Array ? JsonRead.JoinLines(value, block => block.Member("text").String())
               : null;
    }
}
