using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The typed layer of Vertex / Gemini <c>generate_content</c> and <c>generate_content_stream</c> (google-genai
    /// SDK objects, no <c>__type__</c>): <c>contents</c> with their <c>parts</c> as Messages (a
    /// <c>function_response</c> part becomes a message of role <c>tool</c>), <c>config.system_instruction</c> as a
    /// leading system message, function declarations as Tools; the first candidate's text parts as Text
    /// (parts marked <c>thought</c> as Thinking), its function calls as ToolCalls, <c>finish_reason</c>, and
    /// <c>usage_metadata</c>.
    /// </summary>
    internal static class VertexReader
    {
        public static bool IsGenerateContent(string? endpoint)
            => endpoint is not null && (endpoint.EndsWith("/generate_content", System.StringComparison.Ordinal) || endpoint.EndsWith("/generate_content_stream", System.StringComparison.Ordinal));

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            JsonValue? config = body.Member("config");
            JsonValue? system = config.Member("system_instruction");
            string? systemText = system.String() ?? (system.Member("parts").Array() is { } systemParts ? JsonRead.JoinLines(systemParts, part => part.Member("text").String()) : null);
            if (systemText is not null)
            {
                request.Messages.Add(new MessageShape { Path = request.BodyPath["config"]["system_instruction"], Role = "system", Text = systemText });
            }

            JsonValue? contents = body.Member("contents");
            if (contents.String() is { } prompt)
            {
                request.Messages.Add(new MessageShape { Path = request.BodyPath["contents"], Role = "user", Text = prompt });
            }
            else if (contents.Array() is { } turns)
            {
                int index = 0;
                foreach (JsonValue turn in turns.EnumerateArray())
                {
                    ReadContent(turn, request.BodyPath["contents"][index++], request.Messages);
                }
            }

            ToolSchemas.AddTools(config.Member("tools"), request);
        }

        public static void ReadResponse(ResponseShape response)
        {
            if (response.Chunks.Count > 0)
            {
                foreach (ChunkShape chunk in response.Chunks)
                {
                    var text = new StringBuilder();
                    var thinking = new StringBuilder();
                    chunk.FinishReason = ReadCandidate(chunk.Data, chunk.DataPath, text, thinking, response.ToolCalls);
                    chunk.TextDelta = text.Length > 0 ? text.ToString() : null;
                    chunk.ThinkingDelta = thinking.Length > 0 ? thinking.ToString() : null;
                    response.FinishReason = chunk.FinishReason ?? response.FinishReason;
                    response.Usage = Usage(chunk.Data.Member("usage_metadata")) ?? response.Usage;
                }

                response.TextFromChunks = true;
                response.ThinkingFromChunks = true;
            }
            else if (response.Body is { ValueKind: JsonValueKind.Object } body)
            {
                var text = new StringBuilder();
                var thinking = new StringBuilder();
                response.FinishReason = ReadCandidate(body, response.BodyPath, text, thinking, response.ToolCalls);
                response.Text = text.ToString();
                response.Thinking = thinking.ToString();
                response.Usage = Usage(((JsonValue?)body).Member("usage_metadata"));
            }
        }

        private static void ReadContent(JsonValue content, JsonPath path, List<MessageShape> messages)
        {
            var message = new MessageShape { Path = path, Role = content.Member("role").String() ?? "user" };
            var results = new List<MessageShape>();
            var texts = new List<string>();
            if (content.Member("parts").Array() is { } parts)
            {
                int index = 0;
                foreach (JsonValue part in parts.EnumerateArray())
                {
                    JsonPath partPath = path["parts"][index++];
                    if (part.Member("text").String() is { } line)
                    {
                        texts.Add(line);
                    }
                    else if (part.Member("function_call").Object() is { } call)
                    {
                        message.ToolCalls.Add(ToolSchemas.Call(partPath, call.Member("id").String(), call.Member("name").String(), call.Member("args")));
                    }
                    else if (part.Member("function_response").Object() is { } result)
                    {
                        JsonValue? value = result.Member("response");
                        results.Add(new MessageShape
                        {
                            Path = partPath,
                            Role = "tool",
                            ToolCallId = result.Member("id").String(),
                            Text = value is { ValueKind: not JsonValueKind.Null } json ? json.CompactText() : null,
                        });
                    }
                }
            }

            message.Text = texts.Count > 0 ? string.Join("\n", texts) : null;
            MessageShape.AddTurn(messages, message, results);
        }

        /// <summary>Reads the first candidate's parts and returns its finish reason.</summary>
        private static string? ReadCandidate(JsonValue? response, JsonPath path, StringBuilder text, StringBuilder thinking, List<ToolCallShape> calls)
        {
            JsonValue? candidate = response.Member("candidates").FirstItem();
            if (candidate.Member("content").Member("parts").Array() is { } parts)
            {
                int index = 0;
                foreach (JsonValue part in parts.EnumerateArray())
                {
                    if (part.Member("text").String() is { } line)
                    {
                        (part.Member("thought").IsTrue() ? thinking : text).Append(line);
                    }
                    else if (part.Member("function_call").Object() is { } call)
                    {
                        calls.Add(ToolSchemas.Call(path["candidates"][0]["content"]["parts"][index], call.Member("id").String(), call.Member("name").String(), call.Member("args")));
                    }

                    index++;
                }
            }

            return candidate.Member("finish_reason").String();
        }

        private static UsageShape? Usage(JsonValue? usage)
        {
            int? input = usage.Member("prompt_token_count").Int();
            int? output = usage.Member("candidates_token_count").Int();
            int? total = usage.Member("total_token_count").Int();
            return UsageShape.Of(input, output, total);
        }
    }
}
