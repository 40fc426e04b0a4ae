using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The typed layer of Gemini <c>interactions</c> (HTTP pass-through recordings). The request's <c>input</c>
    /// is a string (one user message) or a list of turns whose <c>content</c> is a string or typed items;
    /// a <c>function_result</c>/<c>function_response</c> item becomes a message of role <c>tool</c>. Responses:
    /// <c>outputs</c> of type <c>text</c> are Text, <c>thought</c> summaries Thinking, <c>function_call</c>
    /// ToolCalls; the interaction's <c>status</c> is the finish reason. Streamed, one chunk per SSE event.
    /// </summary>
    internal static class GeminiInteractionsReader
    {
        public static bool IsInteractions(string? endpoint)
            => endpoint is not null && endpoint.EndsWith("/interactions", System.StringComparison.Ordinal);

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            if (body.Member("system_instruction").String() is { } system)
            {
                request.Messages.Add(new MessageShape { Path = request.BodyPath["system_instruction"], Role = "system", Text = system });
            }

            JsonValue? input = body.Member("input");
            if (input.String() is { } text)
            {
                request.Messages.Add(new MessageShape { Path = request.BodyPath["input"], Role = "user", Text = text });
            }
            else if (input.Array() is { } turns)
            {
                int index = 0;
                foreach (JsonValue turn in turns.EnumerateArray())
                {
                    ReadTurn(turn, request.BodyPath["input"][index++], request.Messages);
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
                var text = new StringBuilder();
                var thinking = new StringBuilder();
                ReadOutputs(((JsonValue?)body).Member("outputs"), response.BodyPath["outputs"], text, thinking, response.ToolCalls);
                response.Text = text.ToString();
                response.Thinking = thinking.ToString();
                response.FinishReason = ((JsonValue?)body).Member("status").String();
                response.Usage = Usage(((JsonValue?)body).Member("usage"));
            }
        }

        private static void ReadTurn(JsonValue turn, JsonPath path, List<MessageShape> messages)
        {
            // A turn without a role is a single content item given at the top level.
            string role = turn.Member("role").String() ?? "user";
            JsonValue? content = turn.Member("content") ?? (turn.Member("type") is not null ? (JsonValue?)turn : null);
            var message = new MessageShape { Path = path, Role = role, Text = content.String() };
            var results = new List<MessageShape>();
            JsonValue? items = content.Array() ?? (content is { ValueKind: JsonValueKind.Object } single ? single : null);
            var texts = new List<string>();
            int index = 0;
            foreach (JsonValue item in Items(items))
            {
                JsonPath itemPath = content.Array() is null ? path : path["content"][index];
                index++;
                switch (item.Member("type").String())
                {
                    case "text" when item.Member("text").String() is { } line:
                        texts.Add(line);
                        break;
                    case "function_call":
                        message.ToolCalls.Add(ToolSchemas.Call(itemPath, item.Member("id").String(), item.Member("name").String(), item.Member("arguments") ?? item.Member("args")));
                        break;
                    case "function_result":
                    case "function_response":
                        JsonValue? result = item.Member("result") ?? item.Member("response");
                        results.Add(new MessageShape
                        {
                            Path = itemPath,
                            Role = "tool",
                            ToolCallId = item.Member("call_id").String() ?? item.Member("id").String(),
                            Text = result.String() ?? (result is { ValueKind: not JsonValueKind.Null } json ? json.CompactText() : null),
                        });
                        break;
                }
            }

            if (texts.Count > 0)
            {
                message.Text = string.Join("\n", texts);
            }

            MessageShape.AddTurn(messages, message, results);
        }

        private static IEnumerable<JsonValue> Items(JsonValue? items)
        {
            if (items is { ValueKind: JsonValueKind.Array } array)
            {
                foreach (JsonValue item in array.EnumerateArray())
                {
                    yield return item;
                }
            }
            else if (items is { ValueKind: JsonValueKind.Object } single)
            {
                yield return single;
            }
        }

        private static void ReadOutputs(JsonValue? outputs, JsonPath path, StringBuilder text, StringBuilder thinking, List<ToolCallShape> calls)
        {
            int index = 0;
            foreach (JsonValue output in Items(outputs.Array()))
            {
                switch (output.Member("type").String())
                {
                    case "text":
                        text.Append(output.Member("text").String());
                        break;
                    case "thought":
                        thinking.Append(ThoughtText(output));
                        break;
                    case "function_call":
                        calls.Add(ToolSchemas.Call(path[index], output.Member("id").String(), output.Member("name").String(), output.Member("arguments")));
                        break;
                }

                index++;
            }
        }

        /// <summary>A thought carries a signature and, when the request asked for them, summary texts.</summary>
        private static string? ThoughtText(JsonValue thought)
            => thought.Member("summary").Array() is { } summary ? JsonRead.JoinLines(summary, item => item.Member("text").String()) : thought.Member("text").String();

        private static void ReadStream(ResponseShape response)
        {
            var calls = new SortedDictionary<int, ToolCallShape>();
            foreach (ChunkShape chunk in response.Chunks)
            {
                JsonValue? data = chunk.Data;
                string? type = data.Member("event_type").String() ?? chunk.EventName;
                switch (type)
                {
                    case "content.start" when data.Member("content") is { } content && content.Member("type").String() == "function_call":
                        calls[data.Member("index").Int() ?? calls.Count] = ToolSchemas.Call(chunk.DataPath, content.Member("id").String(), content.Member("name").String(), content.Member("arguments"));
                        break;
                    case "content.delta":
                        JsonValue? delta = data.Member("delta");
                        switch (delta.Member("type").String())
                        {
                            case "text":
                                chunk.TextDelta = delta.Member("text").String();
                                break;
                            case "thought_summary":
                            case "thought":
                                chunk.ThinkingDelta = delta.Member("content").Member("text").String() ?? delta.Member("text").String();
                                break;
                            case "function_call":
                                int index = data.Member("index").Int() ?? calls.Count;
                                ToolCallShape call = ToolSchemas.Call(chunk.DataPath, delta.Member("id").String(), delta.Member("name").String(), delta.Member("arguments"));
                                calls[index] = calls.TryGetValue(index, out ToolCallShape? started) && call.Name.Length == 0 ? Merge(started, call) : call;
                                break;
                        }

                        break;
                    case "interaction.complete":
                        JsonValue? interaction = data.Member("interaction");
                        chunk.FinishReason = interaction.Member("status").String();
                        response.FinishReason = chunk.FinishReason ?? response.FinishReason;
                        response.Usage = Usage(interaction.Member("usage")) ?? response.Usage;
                        break;
                }
            }

            response.ToolCalls.AddRange(calls.Values);
            response.TextFromChunks = true;
            response.ThinkingFromChunks = true;
        }

        private static ToolCallShape Merge(ToolCallShape started, ToolCallShape delta)
        {
            started.Arguments += delta.Arguments;
            return started;
        }

        private static UsageShape? Usage(JsonValue? usage)
        {
            int? input = usage.Member("total_input_tokens").Int();
            int? output = usage.Member("total_output_tokens").Int();
            int? total = usage.Member("total_tokens").Int();
            return UsageShape.Of(input, output, total);
        }
    }
}
