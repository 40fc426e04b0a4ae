using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecordingGen.Tests.Shared
{
    /// <summary>
    /// What a fixture must contain, read from the recording's JSON at run time with JsonNode. Written
    /// apart from the generator (which uses JsonDocument and its own rules) so the two check each other.
    /// </summary>
    public sealed partial record RecordingOracle(
        string? TestId,
        string? Method,
        string? Url,
        string? Endpoint,
        string? Model,
        bool Stream,
        JsonNode? RequestBody,
        IReadOnlyList<(string Role, string? Text, string? ToolCallId, IReadOnlyList<(string? Id, string Name, string Arguments)> ToolCalls)> Messages,
        IReadOnlyList<(string Name, string? Description, JsonNode? Parameters)> Tools,
        bool IsStreaming,
        int? StatusCode,
        JsonNode? ResponseBody,
        IReadOnlyList<OracleChunk> Chunks,
        string Text,
        IReadOnlyList<(string? Id, string Name, string Arguments)> ToolCalls,
        string? FinishReason,
        (int? Input, int? Output, int? Total)? Usage,
        IReadOnlyList<(string Id, string? OwnedBy, long? Created)>? Models = null,
        string? Prompt = null,
        (string Name, JsonNode? Arguments)? ToolInvocation = null,
        (string? Category, string? Provider, string? Type, string? Message, int? StatusCode, JsonNode? Body)? Error = null,
        IReadOnlyList<string>? Inputs = null,
        string Thinking = "",
        IReadOnlyList<float[]>? Embeddings = null,
        (long? Total, long? Load, long? PromptEvaluation, long? Evaluation)? Timings = null,
        string Format = "Unknown")
    {
        public static RecordingOracle FromJson(string json)
        {
            RecordingOracle oracle = Read(json);
            JsonObject root = JsonNode.Parse(Protect(json))!.AsObject();
            return oracle with { Format = ClassifyFormat(root["request"]!.AsObject(), root["response"]!.AsObject()) };
        }

        private static RecordingOracle Read(string json)
        {
            JsonObject root = ApplyIdNormalization(JsonNode.Parse(Protect(json))!.AsObject());
            JsonObject request = root["request"]!.AsObject();
            JsonObject response = root["response"]!.AsObject();
            JsonNode? body = request["body"] ?? request["payload"];
            string? endpoint = Str(request["endpoint"]);
            bool chatEndpoint = endpoint is not null && endpoint.EndsWith("/chat/completions", System.StringComparison.Ordinal);

            bool isStreaming = response["is_streaming"]?.GetValueKind() == JsonValueKind.True;
            JsonNode? responseBody = response["body"];
            JsonNode? first = responseBody is JsonArray list && list.Count > 0 ? list[0] : responseBody;
            string? firstType = first is JsonObject typed ? Str(typed["__type__"]) : null;
            bool chat = chatEndpoint || (firstType?.StartsWith("openai.types.chat.", System.StringComparison.Ordinal) ?? false);
            bool textCompletion = !chat && (firstType == "openai.types.completion.Completion" || (endpoint?.EndsWith("/v1/completions", System.StringComparison.Ordinal) ?? false));
            bool ollama = !chat && (firstType is "ollama._types.GenerateResponse" or "ollama._types.ChatResponse" || endpoint is "/api/generate" or "/api/chat");
            string? prompt = ollama ? Str((body as JsonObject)?["prompt"]) : null;
            if (textCompletion && body is JsonObject completionRequest)
            {
                prompt = completionRequest["prompt"] is JsonArray prompts
                    ? string.Join("\n", prompts.Select(Str).Where(part => part is not null))
                    : Str(completionRequest["prompt"]);
            }

            var messages = new List<(string, string?, string?, IReadOnlyList<(string?, string, string)>)>();
            var tools = new List<(string, string?, JsonNode?)>();
            if ((chat || ollama) && body is JsonObject chatBody)
            {
                foreach (JsonObject message in (chatBody["messages"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    messages.Add((Str(message["role"]) ?? "", Content(message["content"]), Str(message["tool_call_id"]), Calls(message["tool_calls"])));
                }

                foreach (JsonObject tool in (chatBody["tools"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    JsonNode? function = tool["function"] as JsonObject ?? tool;
                    if (Str(function["name"]) is { } name)
                    {
                        tools.Add((name, Str(function["description"]), function["parameters"]));
                    }
                }
            }

            if (ReadOtherFormat(root, request, response, body, endpoint, firstType) is { } other)
            {
                return other;
            }

            var chunks = new List<OracleChunk>();
            JsonNode? unwrappedBody = null;
            string text = "";
            var toolCalls = new List<(string?, string, string)>();
            string? finishReason = null;
            (int?, int?, int?)? usage = null;
            var ollamaCalls = new List<(string?, string, string)>();
            string thinking = "";
            (long?, long?, long?, long?)? timings = null;
            if (responseBody is JsonArray items && isStreaming)
            {
                var assembled = new SortedDictionary<int, (string? Id, string? Name, string Arguments)>();
                foreach (JsonNode? item in items)
                {
                    JsonNode? data = Unwrap(item);
                    string? delta = null;
                    string? finish = null;
                    string? thinkingDelta = null;
                    if (ollama)
                    {
                        delta = Str(data?["response"]) ?? Str(data?["message"]?["content"]);
                        finish = Str(data?["done_reason"]);
                        finishReason = finish ?? finishReason;
                        ollamaCalls.AddRange(Calls(data?["message"]?["tool_calls"]));
                        usage = OllamaUsage(data) ?? usage;
                        thinkingDelta = Str(data?["thinking"]) ?? Str(data?["message"]?["thinking"]);
                        timings = ReadTimings(data) ?? timings;
                    }

                    if (textCompletion)
                    {
                        JsonNode? choice = (data?["choices"] as JsonArray)?.FirstOrDefault();
                        delta = Str(choice?["text"]);
                        finish = Str(choice?["finish_reason"]);
                        finishReason = finish ?? finishReason;
                        if (data?["usage"] is JsonObject u)
                        {
                            usage = ReadUsage(u);
                        }
                    }

                    if (chat)
                    {
                        JsonNode? choice = (data?["choices"] as JsonArray)?.FirstOrDefault();
                        delta = Str(choice?["delta"]?["content"]);
                        thinkingDelta = Str(choice?["delta"]?["reasoning_content"]) ?? Str(choice?["delta"]?["reasoning"]);
                        finish = Str(choice?["finish_reason"]);
                        finishReason = finish ?? finishReason;
                        int position = 0;
                        foreach (JsonNode? part in choice?["delta"]?["tool_calls"] as JsonArray ?? new JsonArray())
                        {
                            int index = part?["index"]?.GetValue<int>() ?? position;
                            position++;
                            assembled.TryGetValue(index, out var call);
                            assembled[index] = (call.Id ?? Str(part?["id"]), call.Name ?? Str(part?["function"]?["name"]), (call.Arguments ?? "") + Str(part?["function"]?["arguments"]));
                        }

                        if (data?["usage"] is JsonObject u)
                        {
                            usage = ReadUsage(u);
                        }
                    }

                    text += delta;
                    thinking += thinkingDelta;
                    chunks.Add(new OracleChunk(data, delta, finish, ThinkingDelta: thinkingDelta));
                }

                toolCalls.AddRange(assembled.Values.Select(call => (call.Id, call.Name ?? "", call.Arguments)));
                toolCalls.AddRange(ollamaCalls);
            }
            else if (responseBody is JsonArray nonStreamed)
            {
                unwrappedBody = new JsonArray(nonStreamed.Select(item => Unwrap(item)?.DeepClone()).ToArray());
            }
            else
            {
                unwrappedBody = Unwrap(responseBody);
                if (ollama && unwrappedBody is JsonObject ollamaBody)
                {
                    text = Str(ollamaBody["response"]) ?? Str(ollamaBody["message"]?["content"]) ?? "";
                    finishReason = Str(ollamaBody["done_reason"]);
                    toolCalls.AddRange(Calls(ollamaBody["message"]?["tool_calls"]));
                    usage = OllamaUsage(ollamaBody);
                    thinking = Str(ollamaBody["thinking"]) ?? Str(ollamaBody["message"]?["thinking"]) ?? "";
                    timings = ReadTimings(ollamaBody);
                }

                if (textCompletion && unwrappedBody is JsonObject textBody)
                {
                    JsonNode? choice = (textBody["choices"] as JsonArray)?.FirstOrDefault();
                    text = Str(choice?["text"]) ?? "";
                    finishReason = Str(choice?["finish_reason"]);
                    usage = textBody["usage"] is JsonObject u ? ReadUsage(u) : null;
                }

                if (chat && unwrappedBody is JsonObject completion)
                {
                    JsonNode? choice = (completion["choices"] as JsonArray)?.FirstOrDefault();
                    text = Content(choice?["message"]?["content"]) ?? "";
                    thinking = Str(choice?["message"]?["reasoning_content"]) ?? Str(choice?["message"]?["reasoning"]) ?? "";
                    toolCalls.AddRange(Calls(choice?["message"]?["tool_calls"]));
                    finishReason = Str(choice?["finish_reason"]);
                    usage = completion["usage"] is JsonObject u ? ReadUsage(u) : null;
                }
            }

            bool toolRuntime = (Str(request["tool_name"]) is not null && request["endpoint"] is null) || (firstType?.EndsWith(".ToolInvocationResult", System.StringComparison.Ordinal) ?? false);
            (string, JsonNode?)? invocation = toolRuntime && Str(request["tool_name"]) is { } toolName ? (toolName, request["kwargs"] ?? new JsonObject()) : null;
            (string?, string?, string?, string?, int?, JsonNode?)? error = response["is_exception"]?.GetValueKind() == JsonValueKind.True
                ? (Str(response["exception_data"]?["category"]),
                   Str(response["exception_data"]?["provider"]),
                   Str(response["exception_data"]?["type"]),
                   Str(response["exception_data"]?["message"]) ?? Str(response["exception_message"]),
                   Int(response["exception_data"]?["status_code"]),
                   response["exception_data"]?["body"])
                : HttpError(response, unwrappedBody);
            if (toolRuntime && unwrappedBody is JsonObject result)
            {
                text = Str(result["content"]) ?? (result["content"] is JsonArray parts ? string.Join("\n", parts.Select(part => Str(part?["text"])).Where(part => part is not null)) : "");
                if (Str(result["error_message"]) is { } toolError)
                {
                    error = ("tool_runtime", Str(request["provider"]), null, toolError, Int(result["error_code"]), null);
                }
            }

            return new RecordingOracle(
                Str(root["test_id"]),
                Str(request["method"]),
                Str(request["url"]),
                endpoint,
                Str(request["model"]) ?? Str((body as JsonObject)?["model"]),
                (body as JsonObject)?["stream"]?.GetValueKind() == JsonValueKind.True,
                body,
                messages,
                tools,
                isStreaming,
                response["status"] is JsonValue status && status.TryGetValue(out int code) ? code : null,
                unwrappedBody,
                chunks,
                text,
                toolCalls,
                finishReason,
                usage,
                ReadModels(firstType, unwrappedBody),
                prompt,
                invocation,
                error,
                Thinking: thinking,
                Timings: timings);
        }

        private static IReadOnlyList<(string, string?, long?)> ReadModels(string? type, JsonNode? body)
        {
            IEnumerable<JsonNode?> items = type switch
            {
                "openai.types.model.Model" => body as JsonArray ?? new JsonArray(),
                "ollama._types.ListResponse" or "ollama._types.ProcessResponse" => body?["models"] as JsonArray ?? new JsonArray(),
                _ => new JsonArray(),
            };
            string idMember = type == "openai.types.model.Model" ? "id" : "model";
            return items.OfType<JsonObject>()
                .Where(item => (Str(item[idMember]) ?? Str(item["name"])) is not null)
                .Select(item => (Str(item[idMember]) ?? Str(item["name"])!, Str(item["owned_by"]), item["created"] is JsonValue created && created.GetValueKind() == JsonValueKind.Number && created.TryGetValue(out long seconds) ? seconds : (long?)null))
                .ToList();
        }

        private static JsonNode? Unwrap(JsonNode? node)
            => node is JsonObject wrapper && wrapper.ContainsKey("__type__") && wrapper.ContainsKey("__data__") ? wrapper["__data__"] : node;

        private static string? Str(JsonNode? node)
            => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? Restore(value.GetValue<string>()) : null;

        /// <summary>
        /// JsonNode cannot hold a lone surrogate ("\ud83d" in a recording), so escaped surrogates are moved
        /// into the private use range U+F000-U+F7FF before parsing, and <see cref="Restore"/> moves them back.
        /// </summary>
        public static string Protect(string json)
            => System.Text.RegularExpressions.Regex.Replace(
                json,
                @"(?<=(?<!\\)(?:\\\\)*)\\u([dD][89a-fA-F][0-9a-fA-F]{2})",
                match => IsPaired(json, match) ? match.Value : "\\u" + (0xF000 + System.Convert.ToInt32(match.Groups[1].Value, 16) - 0xD800).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));

        // A high surrogate escape followed by a low one (or a low one preceded by a high one) is a valid pair.
        private static bool IsPaired(string json, System.Text.RegularExpressions.Match match)
        {
            int code = System.Convert.ToInt32(match.Groups[1].Value, 16);
            int next = match.Index + match.Length;
            if (code < 0xDC00)
            {
                return next + 6 <= json.Length && json[next] == '\\' && (json[next + 1] == 'u' || json[next + 1] == 'U')
                    && int.TryParse(System.MemoryExtensions.AsSpan(json, next + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int low)
                    && low >= 0xDC00 && low <= 0xDFFF;
            }

            int previous = match.Index - 6;
            return previous >= 0 && json[previous] == '\\' && (json[previous + 1] == 'u' || json[previous + 1] == 'U')
                && int.TryParse(System.MemoryExtensions.AsSpan(json, previous + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int high)
                && high >= 0xD800 && high <= 0xDBFF;
        }

        public static string Restore(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= '\uF000' && chars[i] <= '\uF7FF')
                {
                    chars[i] = (char)(chars[i] - 0xF000 + 0xD800);
                }
            }

            return new string(chars);
        }

        private static string? Content(JsonNode? content)
        {
            if (Str(content) is { } text)
            {
                return text;
            }

            if (content is not JsonArray parts)
            {
                return null;
            }

            string[] texts = parts.OfType<JsonObject>().Where(part => Str(part["type"]) == "text" && Str(part["text"]) is not null).Select(part => Str(part["text"])!).ToArray();
            return texts.Length == 0 ? null : string.Join("\n", texts);
        }

        private static readonly JsonSerializerOptions Relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static IReadOnlyList<(string?, string, string)> Calls(JsonNode? calls)
            => (calls as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(call =>
            {
                JsonNode? arguments = call["function"]?["arguments"];
                return (Str(call["id"]), Str(call["function"]?["name"]) ?? "", Str(arguments) ?? (arguments is null ? "" : Restore(arguments.ToJsonString(Relaxed))));
            }).ToList();

        private static (int?, int?, int?)? OllamaUsage(JsonNode? data)
        {
            int? input = Int(data?["prompt_eval_count"]);
            int? output = Int(data?["eval_count"]);
            return input is null && output is null ? null : (input, output, input + output);
        }

        private static (int?, int?, int?) ReadUsage(JsonObject usage)
            => (Int(usage["prompt_tokens"]), Int(usage["completion_tokens"]), Int(usage["total_tokens"]));

        private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue(out int number) ? number : null;
    }
}
