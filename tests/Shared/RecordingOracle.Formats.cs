using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecordingGen.Tests.Shared
{
    /// <summary>What one chunk must contain: its JSON (null for non-JSON SSE data), deltas, finish reason and SSE fields.</summary>
    public sealed record OracleChunk(JsonNode? Json, string? TextDelta, string? FinishReason, string? EventName = null, string? ThinkingDelta = null, string? RawData = null);

    // The formats read from HTTP pass-through recordings and the google-genai SDK, embeddings, and the
    // recorder's id normalization: written from the providers' wire formats, apart from the generator's readers.
    public sealed partial record RecordingOracle
    {
        /// <summary>Which API a recording talks to, by its endpoint (or URL path) and its response type.</summary>
        private static string ClassifyFormat(JsonObject request, JsonObject response)
        {
            string path = Str(request["endpoint"]) ?? (Str(request["url"]) ?? "").Split('?', '#')[0];
            JsonNode? body = response["body"];
            string type = Str(((body is JsonArray items && items.Count > 0 ? items[0] : body) as JsonObject)?["__type__"]) ?? "";
            bool ollama = type.StartsWith("ollama.") || path.StartsWith("/api/");
            return type.StartsWith("openai.types.chat.") || path.EndsWith("/chat/completions") ? "OpenAIChat"
                : type == "openai.types.completion.Completion" || path.EndsWith("/v1/completions") ? "OpenAICompletions"
                : type is "ollama._types.ChatResponse" || path == "/api/chat" ? "OllamaChat"
                : type is "ollama._types.GenerateResponse" || path == "/api/generate" ? "OllamaGenerate"
                : type.Contains("Embed") || path.EndsWith("/embeddings") || path.EndsWith("/api/embed") ? (ollama ? "OllamaEmbeddings" : "OpenAIEmbeddings")
                : path.EndsWith("/messages") ? "AnthropicMessages"
                : path.EndsWith("/interactions") ? "GeminiInteractions"
                : path.EndsWith("/generate_content") || path.EndsWith("/generate_content_stream") ? "VertexGenerateContent"
                : type is "openai.types.model.Model" or "ollama._types.ListResponse" or "ollama._types.ProcessResponse" || path.EndsWith("/models") || path is "/api/tags" or "/api/ps" ? (ollama ? "OllamaModels" : "OpenAIModels")
                : type.EndsWith(".ToolInvocationResult") || (Str(request["tool_name"]) is not null && request["endpoint"] is null) ? "ToolRuntime"
                : "Unknown";
        }

        /// <summary>As the recorder loads a file: serialize, replace each original value by its key, parse again.</summary>
        private static JsonObject ApplyIdNormalization(JsonObject root)
        {
            if (root["id_normalization_mapping"] is not JsonObject mapping || mapping.Count == 0)
            {
                return root;
            }

            var pairs = mapping.Select(pair => (Normalized: pair.Key, Original: Str(pair.Value))).Where(pair => !string.IsNullOrEmpty(pair.Original)).ToList();
            root.Remove("id_normalization_mapping");
            var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            string text = root.ToJsonString(options);
            foreach (var (normalized, original) in pairs)
            {
                text = text.Replace(original!, normalized);
            }

            JsonObject loaded = JsonNode.Parse(text)!.AsObject();
            loaded["id_normalization_mapping"] = new JsonObject();
            return loaded;
        }

        private static RecordingOracle? ReadOtherFormat(JsonObject root, JsonObject request, JsonObject response, JsonNode? body, string? endpoint, string? firstType)
        {
            string? path = endpoint ?? (Str(request["url"]) is { } url ? url.Split('?', '#')[0] : null);
            string format =
                firstType is "openai.types.create_embedding_response.CreateEmbeddingResponse" or "ollama._types.EmbedResponse" or "ollama._types.EmbeddingsResponse"
                || (path is not null && (path.EndsWith("/embeddings") || path.EndsWith("/api/embed"))) ? "embeddings"
                : path is not null && path.EndsWith("/messages") ? "messages"
                : path is not null && path.EndsWith("/interactions") ? "interactions"
                : path is not null && (path.EndsWith("/generate_content") || path.EndsWith("/generate_content_stream")) ? "vertex"
                : "";
            if (format.Length == 0 || (path?.EndsWith("/chat/completions") ?? false))
            {
                return null;
            }

            JsonObject requestBody = body as JsonObject ?? new JsonObject();
            bool isStreaming = response["is_streaming"]?.GetValueKind() == JsonValueKind.True;
            JsonNode? responseBody = response["body"];
            var messages = new List<(string, string?, string?, IReadOnlyList<(string?, string, string)>)>();
            var tools = new List<(string, string?, JsonNode?)>();
            var chunks = new List<OracleChunk>();
            var calls = new List<(string?, string, string)>();
            var inputs = new List<string>();
            var embeddings = new List<float[]>();
            string text = "";
            string thinking = "";
            string? finish = null;
            (int?, int?, int?)? usage = null;
            (long?, long?, long?, long?)? timings = null;
            JsonNode? unwrapped = responseBody is JsonArray ? null : Unwrap(responseBody);
            JsonObject? unwrappedObject = unwrapped as JsonObject;

            if (isStreaming && responseBody is JsonArray lines && lines.All(line => line is JsonValue value && value.GetValueKind() == JsonValueKind.String))
            {
                chunks.AddRange(SseEvents(lines));
            }
            else if (isStreaming && responseBody is JsonArray items)
            {
                chunks.AddRange(items.Select(item => new OracleChunk(Unwrap(item), null, null)));
            }

            switch (format)
            {
                case "embeddings":
                    JsonNode? input = requestBody["input"] ?? requestBody["prompt"];
                    if (Str(input) is { } single)
                    {
                        inputs.Add(single);
                    }
                    else if (input is JsonArray inputItems)
                    {
                        inputs.AddRange(inputItems.Select(item => Str(item) ?? Restore(item!.ToJsonString(Relaxed))));
                    }

                    IEnumerable<JsonNode?> vectors = unwrappedObject?["data"] is JsonArray data ? data.Select(item => (item as JsonObject)?["embedding"])
                        : unwrappedObject?["embeddings"] is JsonArray many ? many
                        : new[] { unwrappedObject?["embedding"] };
                    embeddings.AddRange(vectors.Select(Vector).Where(vector => vector is not null)!);
                    if (unwrappedObject?["usage"] is JsonObject embeddingUsage && (Int(embeddingUsage["prompt_tokens"]) is not null || Int(embeddingUsage["total_tokens"]) is not null))
                    {
                        usage = (Int(embeddingUsage["prompt_tokens"]), null, Int(embeddingUsage["total_tokens"]));
                    }

                    if (Int(unwrappedObject?["prompt_eval_count"]) is { } promptCount)
                    {
                        usage = (promptCount, null, promptCount);
                    }

                    timings = ReadTimings(unwrappedObject);
                    break;

                case "messages":
                    if (requestBody["system"] is { } system && BlockText(system) is { } systemText)
                    {
                        messages.Add(("system", systemText, null, new List<(string?, string, string)>()));
                    }

                    foreach (JsonObject message in (requestBody["messages"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                    {
                        AddTurn(messages, Str(message["role"]) ?? "", message["content"], "tool_use", "input", "tool_result", result => (Str(result["tool_use_id"]), result["content"] is { } content ? BlockText(content) : null));
                    }

                    AddTools(tools, requestBody["tools"]);
                    if (chunks.Count > 0)
                    {
                        var streamed = new SortedDictionary<int, (string? Id, string Name, StringBuilder Json, JsonNode? Input)>();
                        for (int i = 0; i < chunks.Count; i++)
                        {
                            JsonNode? json = chunks[i].Json;
                            switch (Str(json?["type"]))
                            {
                                case "message_start":
                                    usage = AnthropicUsage(json?["message"]?["usage"], usage);
                                    break;
                                case "content_block_start" when Str(json?["content_block"]?["type"]) == "tool_use":
                                    streamed[Int(json?["index"]) ?? streamed.Count] = (Str(json?["content_block"]?["id"]), Str(json?["content_block"]?["name"]) ?? "", new StringBuilder(), json?["content_block"]?["input"]);
                                    break;
                                case "content_block_delta":
                                    JsonNode? delta = json?["delta"];
                                    string? deltaType = Str(delta?["type"]);
                                    if (deltaType == "text_delta")
                                    {
                                        chunks[i] = chunks[i] with { TextDelta = Str(delta?["text"]) };
                                    }
                                    else if (deltaType == "thinking_delta")
                                    {
                                        chunks[i] = chunks[i] with { ThinkingDelta = Str(delta?["thinking"]) };
                                    }
                                    else if (deltaType == "input_json_delta" && streamed.TryGetValue(Int(json?["index"]) ?? -1, out var call))
                                    {
                                        call.Json.Append(Str(delta?["partial_json"]));
                                    }

                                    break;
                                case "message_delta":
                                    chunks[i] = chunks[i] with { FinishReason = Str(json?["delta"]?["stop_reason"]) };
                                    finish = chunks[i].FinishReason ?? finish;
                                    usage = AnthropicUsage(json?["usage"], usage);
                                    break;
                            }
                        }

                        calls.AddRange(streamed.Values.Select(call => (call.Id, call.Name, call.Json.Length > 0 ? call.Json.ToString() : call.Input is null ? "" : Restore(call.Input.ToJsonString(Relaxed)))));
                    }
                    else if (unwrapped is JsonObject message)
                    {
                        foreach (JsonObject block in (message["content"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                        {
                            switch (Str(block["type"]))
                            {
                                case "text": text += Str(block["text"]); break;
                                case "thinking": thinking += Str(block["thinking"]); break;
                                case "tool_use": calls.Add(Call(block["id"], block["name"], block["input"])); break;
                            }
                        }

                        finish = Str(message["stop_reason"]);
                        usage = AnthropicUsage(message["usage"], null);
                    }

                    break;

                case "interactions":
                    if (Str(requestBody["system_instruction"]) is { } instruction)
                    {
                        messages.Add(("system", instruction, null, new List<(string?, string, string)>()));
                    }

                    if (Str(requestBody["input"]) is { } prompt)
                    {
                        messages.Add(("user", prompt, null, new List<(string?, string, string)>()));
                    }

                    foreach (JsonObject turn in (requestBody["input"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                    {
                        JsonNode? content = turn["content"] ?? (turn["type"] is not null ? new JsonArray(turn.DeepClone()) : null);
                        AddTurn(messages, Str(turn["role"]) ?? "user", content is JsonObject one ? new JsonArray(one.DeepClone()) : content, "function_call", "arguments|args", "function_result|function_response", result => (Str(result["call_id"]) ?? Str(result["id"]), (result["result"] ?? result["response"]) is { } value ? Str(value) ?? Restore(value.ToJsonString(Relaxed)) : null));
                    }

                    AddTools(tools, requestBody["tools"]);
                    if (chunks.Count > 0)
                    {
                        var streamed = new SortedDictionary<int, (string?, string, string)>();
                        for (int i = 0; i < chunks.Count; i++)
                        {
                            JsonNode? json = chunks[i].Json;
                            switch (Str(json?["event_type"]) ?? chunks[i].EventName)
                            {
                                case "content.start" when Str(json?["content"]?["type"]) == "function_call":
                                    streamed[Int(json?["index"]) ?? streamed.Count] = Call(json?["content"]?["id"], json?["content"]?["name"], json?["content"]?["arguments"]);
                                    break;
                                case "content.delta":
                                    JsonNode? delta = json?["delta"];
                                    switch (Str(delta?["type"]))
                                    {
                                        case "text": chunks[i] = chunks[i] with { TextDelta = Str(delta?["text"]) }; break;
                                        case "thought" or "thought_summary": chunks[i] = chunks[i] with { ThinkingDelta = Str(delta?["content"]?["text"]) ?? Str(delta?["text"]) }; break;
                                        case "function_call":
                                            int index = Int(json?["index"]) ?? streamed.Count;
                                            var call = Call(delta?["id"], delta?["name"], delta?["arguments"]);
                                            streamed[index] = streamed.TryGetValue(index, out var started) && call.Item2.Length == 0 ? (started.Item1, started.Item2, started.Item3 + call.Item3) : call;
                                            break;
                                    }

                                    break;
                                case "interaction.complete":
                                    chunks[i] = chunks[i] with { FinishReason = Str(json?["interaction"]?["status"]) };
                                    finish = chunks[i].FinishReason ?? finish;
                                    usage = InteractionUsage(json?["interaction"]?["usage"]) ?? usage;
                                    break;
                            }
                        }

                        calls.AddRange(streamed.Values);
                    }
                    else if (unwrapped is JsonObject)
                    {
                        foreach (JsonObject output in (unwrappedObject!["outputs"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                        {
                            switch (Str(output["type"]))
                            {
                                case "text": text += Str(output["text"]); break;
                                case "thought": thinking += output["summary"] is JsonArray summary ? string.Join("\n", summary.Select(item => Str(item?["text"])).Where(line => line is not null)) : Str(output["text"]); break;
                                case "function_call": calls.Add(Call(output["id"], output["name"], output["arguments"])); break;
                            }
                        }

                        finish = Str(unwrappedObject["status"]);
                        usage = InteractionUsage(unwrappedObject["usage"]);
                    }

                    break;

                case "vertex":
                    JsonNode? config = requestBody["config"];
                    JsonNode? instructionNode = config?["system_instruction"];
                    string? vertexSystem = Str(instructionNode) ?? (instructionNode?["parts"] is JsonArray systemParts ? JoinText(systemParts) : null);
                    if (vertexSystem is not null)
                    {
                        messages.Add(("system", vertexSystem, null, new List<(string?, string, string)>()));
                    }

                    if (Str(requestBody["contents"]) is { } contentsText)
                    {
                        messages.Add(("user", contentsText, null, new List<(string?, string, string)>()));
                    }

                    foreach (JsonObject content in (requestBody["contents"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                    {
                        var parts = (content["parts"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
                        var turnCalls = parts.Where(part => part["function_call"] is JsonObject).Select(part => Call(part["function_call"]?["id"], part["function_call"]?["name"], part["function_call"]?["args"])).ToList();
                        var texts = parts.Select(part => Str(part["text"])).Where(line => line is not null).ToList();
                        var results = parts.Where(part => part["text"] is null && part["function_call"] is not JsonObject && part["function_response"] is JsonObject).ToList();
                        string? turnText = texts.Count > 0 ? string.Join("\n", texts) : null;
                        if (results.Count == 0 || turnText is not null || turnCalls.Count > 0)
                        {
                            messages.Add((Str(content["role"]) ?? "user", turnText, null, turnCalls));
                        }

                        foreach (JsonObject result in results)
                        {
                            JsonNode? value = result["function_response"]?["response"];
                            messages.Add(("tool", value is null ? null : Restore(value.ToJsonString(Relaxed)), Str(result["function_response"]?["id"]), new List<(string?, string, string)>()));
                        }
                    }

                    AddTools(tools, config?["tools"]);
                    var candidates = chunks.Count > 0 ? chunks.Select(chunk => chunk.Json).ToList() : new List<JsonNode?> { unwrapped };
                    for (int i = 0; i < candidates.Count; i++)
                    {
                        JsonNode? candidate = (candidates[i]?["candidates"] as JsonArray)?.FirstOrDefault();
                        string partText = "";
                        string partThinking = "";
                        foreach (JsonObject part in (candidate?["content"]?["parts"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                        {
                            if (Str(part["text"]) is { } line)
                            {
                                if (part["thought"]?.GetValueKind() == JsonValueKind.True)
                                {
                                    partThinking += line;
                                }
                                else
                                {
                                    partText += line;
                                }
                            }
                            else if (part["function_call"] is JsonObject call)
                            {
                                calls.Add(Call(call["id"], call["name"], call["args"]));
                            }
                        }

                        string? candidateFinish = Str(candidate?["finish_reason"]);
                        finish = candidateFinish ?? finish;
                        usage = VertexUsage(candidates[i]?["usage_metadata"]) ?? usage;
                        if (chunks.Count > 0)
                        {
                            chunks[i] = chunks[i] with { TextDelta = partText.Length > 0 ? partText : null, ThinkingDelta = partThinking.Length > 0 ? partThinking : null, FinishReason = candidateFinish };
                        }
                        else
                        {
                            text = partText;
                            thinking = partThinking;
                        }
                    }

                    break;
            }

            if (chunks.Count > 0)
            {
                text = string.Concat(chunks.Select(chunk => chunk.TextDelta));
                thinking = string.Concat(chunks.Select(chunk => chunk.ThinkingDelta));
            }

            return new RecordingOracle(
                Str(root["test_id"]),
                Str(request["method"]),
                Str(request["url"]),
                endpoint,
                Str(request["model"]) ?? Str(requestBody["model"]),
                requestBody["stream"]?.GetValueKind() == JsonValueKind.True || (endpoint?.EndsWith("_stream", System.StringComparison.Ordinal) ?? false),
                body,
                messages,
                tools,
                isStreaming,
                Int(response["status"]),
                unwrapped,
                chunks,
                text,
                calls,
                finish,
                usage,
                new List<(string, string?, long?)>(),
                null,
                null,
                HttpError(response, unwrapped),
                inputs,
                thinking,
                embeddings,
                timings);
        }

        /// <summary>Server-sent events per the HTML spec: fields until a blank line; data lines joined with newlines.</summary>
        private static IEnumerable<OracleChunk> SseEvents(JsonArray lines)
        {
            string? name = null;
            List<string>? data = null;
            foreach (string line in lines.SelectMany(item => Str(item)!.Split('\n')).Append(""))
            {
                string field = line.TrimEnd('\r');
                if (field.Length == 0)
                {
                    if (name is not null || data is not null)
                    {
                        string value = data is null ? "" : string.Join("\n", data);
                        JsonNode? json = null;
                        if (value.StartsWith('{') || value.StartsWith('['))
                        {
                            try
                            {
                                json = JsonNode.Parse(Protect(value));
                            }
                            catch (JsonException)
                            {
                            }
                        }

                        yield return new OracleChunk(json, null, null, name, null, json is null ? value : null);
                    }

                    name = null;
                    data = null;
                    continue;
                }

                if (field.StartsWith(':'))
                {
                    continue;
                }

                int colon = field.IndexOf(':');
                string key = colon < 0 ? field : field[..colon];
                string rest = colon < 0 ? "" : field[(colon + 1)..];
                rest = rest.StartsWith(' ') ? rest[1..] : rest;
                if (key == "event")
                {
                    name = rest;
                }
                else if (key == "data")
                {
                    (data ??= new List<string>()).Add(rest);
                }
            }
        }

        private static void AddTurn(
            List<(string, string?, string?, IReadOnlyList<(string?, string, string)>)> messages,
            string role,
            JsonNode? content,
            string callType,
            string argumentNames,
            string resultTypes,
            System.Func<JsonObject, (string? Id, string? Text)> readResult)
        {
            if (Str(content) is { } plain)
            {
                messages.Add((role, plain, null, new List<(string?, string, string)>()));
                return;
            }

            var blocks = (content as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
            var texts = blocks.Where(block => Str(block["type"]) == "text" && Str(block["text"]) is not null).Select(block => Str(block["text"])!).ToList();
            var calls = blocks.Where(block => Str(block["type"]) == callType)
                .Select(block => Call(block["id"], block["name"], argumentNames.Split('|').Select(name => block[name]).FirstOrDefault(value => value is not null)))
                .ToList();
            var results = blocks.Where(block => resultTypes.Split('|').Contains(Str(block["type"]))).Select(readResult).ToList();
            string? text = texts.Count > 0 ? string.Join("\n", texts) : null;
            if (results.Count == 0 || text is not null || calls.Count > 0)
            {
                messages.Add((role, text, null, calls));
            }

            messages.AddRange(results.Select(result => ("tool", result.Text, result.Id, (IReadOnlyList<(string?, string, string)>)new List<(string?, string, string)>())));
        }

        private static void AddTools(List<(string, string?, JsonNode?)> tools, JsonNode? node)
        {
            foreach (JsonObject tool in (node as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                IEnumerable<JsonObject> declarations = tool["function_declarations"] is JsonArray group
                    ? group.OfType<JsonObject>()
                    : new[] { tool["function"] as JsonObject ?? tool };
                foreach (JsonObject declaration in declarations)
                {
                    if (Str(declaration["name"]) is { } name)
                    {
                        tools.Add((name, Str(declaration["description"]), declaration["input_schema"] ?? declaration["parameters"] ?? declaration["parameters_json_schema"]));
                    }
                }
            }
        }

        private static (string?, string, string) Call(JsonNode? id, JsonNode? name, JsonNode? arguments)
            => (Str(id), Str(name) ?? "", Str(arguments) ?? (arguments is null ? "" : Restore(arguments.ToJsonString(Relaxed))));

        private static string? BlockText(JsonNode content)
            => Str(content) ?? (content is JsonArray blocks ? JoinText(blocks) : null);

        private static string? JoinText(JsonArray items)
        {
            var texts = items.Select(item => Str(item?["text"])).Where(line => line is not null).ToList();
            return texts.Count > 0 ? string.Join("\n", texts) : null;
        }

        private static float[]? Vector(JsonNode? node)
        {
            if (Str(node) is { } base64)
            {
                byte[] bytes = System.Convert.FromBase64String(base64);
                return Enumerable.Range(0, bytes.Length / 4).Select(i => System.BitConverter.ToSingle(bytes, i * 4)).ToArray();
            }

            return node is JsonArray numbers && numbers.All(item => item?.GetValueKind() == JsonValueKind.Number)
                ? numbers.Select(item => (float)double.Parse(item!.ToJsonString(), CultureInfo.InvariantCulture)).ToArray()
                : null;
        }

        private static (int?, int?, int?)? AnthropicUsage(JsonNode? usage, (int? Input, int? Output, int? Total)? earlier)
        {
            int? input = Int(usage?["input_tokens"]) ?? earlier?.Input;
            int? output = Int(usage?["output_tokens"]) ?? earlier?.Output;
            return input is null && output is null ? earlier : (input, output, input + output);
        }

        private static (int?, int?, int?)? InteractionUsage(JsonNode? usage)
        {
            (int?, int?, int?) read = (Int(usage?["total_input_tokens"]), Int(usage?["total_output_tokens"]), Int(usage?["total_tokens"]));
            return read == (null, null, null) ? null : read;
        }

        private static (int?, int?, int?)? VertexUsage(JsonNode? usage)
        {
            (int?, int?, int?) read = (Int(usage?["prompt_token_count"]), Int(usage?["candidates_token_count"]), Int(usage?["total_token_count"]));
            return read == (null, null, null) ? null : read;
        }

        private static (long?, long?, long?, long?)? ReadTimings(JsonNode? data)
        {
            (long?, long?, long?, long?) read = (Long(data?["total_duration"]), Long(data?["load_duration"]), Long(data?["prompt_eval_duration"]), Long(data?["eval_duration"]));
            return read == (null, null, null, null) ? null : read;
        }

        private static long? Long(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number) ? number : null;

        /// <summary>A pass-through recording answered with an HTTP error: status 400 or above, described by the body's <c>error</c>.</summary>
        private static (string?, string?, string?, string?, int?, JsonNode?)? HttpError(JsonObject response, JsonNode? body)
        {
            if (response["is_exception"]?.GetValueKind() == JsonValueKind.True || Int(response["status"]) is not >= 400)
            {
                return null;
            }

            JsonNode? error = (body as JsonObject)?["error"];
            return (null, null, Str(error?["type"]) ?? Str(error?["code"]) ?? Str(error?["status"]), Str(error?["message"]) ?? Str(error), Int(response["status"]), body);
        }
    }
}
