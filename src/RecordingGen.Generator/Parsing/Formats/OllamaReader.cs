using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The typed layer of Ollama's native <c>/api/generate</c> and <c>/api/chat</c>: the prompt or messages, the
    /// text (<c>response</c> or <c>message.content</c>, per chunk when streamed), tool calls, <c>done_reason</c>
    /// reasoning (<c>thinking</c>), token counts (<c>prompt_eval_count</c>, <c>eval_count</c>) and durations.
    /// </summary>
    internal static class OllamaReader
    {
        public const string GenerateType = "ollama._types.GenerateResponse";
        public const string ChatType = "ollama._types.ChatResponse";

        public static bool IsOllama(string? endpoint, string? type)
            => type == GenerateType || type == ChatType || endpoint == "/api/generate" || endpoint == "/api/chat";

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            request.Prompt = body.Member("prompt").String();
            OpenAIChatReader.ReadRequest(body, request);
        }

        public static void ReadResponse(ResponseShape response)
        {
            if (response.Chunks.Count > 0)
            {
                foreach (ChunkShape chunk in response.Chunks)
                {
                    JsonValue? data = chunk.Data;
                    chunk.TextDelta = Text(data);
                    chunk.ThinkingDelta = Thinking(data);
                    chunk.FinishReason = data.Member("done_reason").String();
                    response.FinishReason = chunk.FinishReason ?? response.FinishReason;
                    ReadCalls(data, chunk.DataPath, response);
                    response.Usage = Usage(data) ?? response.Usage;
                    response.Timings = Timings(data) ?? response.Timings;
                }

                response.TextFromChunks = true;
                response.ThinkingFromChunks = true;
            }
            else if (response.Body is { ValueKind: JsonValueKind.Object } body)
            {
                response.Text = Text(body);
                response.Thinking = Thinking(body);
                response.Timings = Timings(body);
                response.FinishReason = ((JsonValue?)body).Member("done_reason").String();
                ReadCalls(body, response.BodyPath, response);
                response.Usage = Usage(body);
            }
        }

        /// <summary>The durations Ollama reports in nanoseconds, kept as their number text (they exceed 32 bits).</summary>
        public static TimingsShape? Timings(JsonValue? data)
        {
            var timings = new TimingsShape
            {
                Total = Nanoseconds(data.Member("total_duration")),
                Load = Nanoseconds(data.Member("load_duration")),
                PromptEvaluation = Nanoseconds(data.Member("prompt_eval_duration")),
                Evaluation = Nanoseconds(data.Member("eval_duration")),
            };
            return timings.Total is null && timings.Load is null && timings.PromptEvaluation is null && timings.Evaluation is null ? null : timings;
        }

        private static string? Nanoseconds(JsonValue? value)
            => value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out long nanoseconds)
                ? nanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;

        private static string? Thinking(JsonValue? data) => data.Member("thinking").String() ?? data.Member("message").Member("thinking").String();

        private static string? Text(JsonValue? data) => data.Member("response").String() ?? data.Member("message").Member("content").String();

        private static void ReadCalls(JsonValue? data, JsonPath path, ResponseShape response)
        {
            if (data.Member("message").Member("tool_calls").Array() is not { } calls)
            {
                return;
            }

            int index = 0;
            foreach (JsonValue call in calls.EnumerateArray())
            {
                JsonValue? function = ((JsonValue?)call).Member("function");
                JsonValue? arguments = function.Member("arguments");
                response.ToolCalls.Add(new ToolCallShape
                {
                    Path = path["message"]["tool_calls"][index++],
                    Id = ((JsonValue?)call).Member("id").String(),
                    Name = function.Member("name").String() ?? string.Empty,
                    Arguments = arguments.String() ?? (arguments is { } json ? json.CompactText() : string.Empty),
                });
            }
        }

        private static UsageShape? Usage(JsonValue? data)
        {
            int? input = data.Member("prompt_eval_count").Int();
            int? output = data.Member("eval_count").Int();
            return input is null && output is null
                ? null
                : new UsageShape { InputTokens = input, OutputTokens = output, TotalTokens = input + output };
        }
    }
}
