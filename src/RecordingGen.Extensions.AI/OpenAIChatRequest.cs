using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using OpenAI.Chat;

// JsonPatch (SCME0001) is how the SDK sends keys it has no member for, and seed, reasoning effort, service tier, safety
// identifier and developer messages are members the SDK marks as evaluation-only (OPENAI001): a recorded request that
// uses them can only be sent again through them.
#pragma warning disable SCME0001, OPENAI001

namespace RecordingGen.Replay
{
    /// <summary>
    /// A recorded chat completions request as the OpenAI .NET SDK takes it: typed messages, tools and options, as
    /// application code writes them. Keys the SDK has no member for travel through the SDK's own JSON patch, so sending
    /// <see cref="Messages"/> with <see cref="Options"/> to a <see cref="ChatClient"/> for <see cref="Model"/> sends the
    /// recorded request again (up to the differences the replay handler documents as equivalent).
    /// </summary>
    public sealed class OpenAIChatRequest
    {
        private OpenAIChatRequest(string model, List<ChatMessage> messages, ChatCompletionOptions options, IReadOnlyList<string> patchedKeys)
        {
            Model = model;
            Messages = messages;
            Options = options;
            PatchedKeys = patchedKeys;
        }

        /// <summary>The recorded model, for the <see cref="ChatClient"/>.</summary>
        public string Model { get; }

        /// <summary>The recorded messages as the SDK's message types.</summary>
        public List<ChatMessage> Messages { get; }

        /// <summary>Tools, tool choice, response format and sampling options; unknown keys set through <c>Options.Patch</c>.</summary>
        public ChatCompletionOptions Options { get; }

        /// <summary>The JSON paths set through the SDK's JSON patch because no SDK member expresses them (for example <c>$.prompt_cache_key</c>).</summary>
        public IReadOnlyList<string> PatchedKeys { get; }

        /// <summary>Converts a recorded OpenAI chat completions request.</summary>
        /// <exception cref="NotSupportedException">The request is not an OpenAI chat completions body (no <c>messages</c>, or a message or part type the SDK cannot send).</exception>
        public static OpenAIChatRequest From(RecordedRequest request)
        {
            using JsonDocument document = RecordedBody.Parse(request);
            JsonElement body = document.RootElement;
            JsonElement messages = RecordedBody.Messages(body);

            var patched = new List<string>();
            List<ChatMessage> converted = messages.EnumerateArray().Select((message, index) => Message(message, index, patched)).ToList();
            ChatCompletionOptions options = OptionsOf(body.EnumerateObject(), patched);
            string model = request.Model ?? (body.TryGetProperty("model", out JsonElement named) ? named.GetString() : null)
                ?? throw new NotSupportedException("The recorded request names no model.");
            return new OpenAIChatRequest(model, converted, options, patched);
        }

        /// <summary>Options carrying the given top-level keys: through SDK members where there is one, else through the options' patch.</summary>
        internal static ChatCompletionOptions OptionsOf(IEnumerable<JsonProperty> keys, List<string> patched)
        {
            var options = new ChatCompletionOptions();
            var sampling = new Sampling();
            foreach (JsonProperty property in keys)
            {
                if (sampling.TryRead(property))
                {
                    continue;
                }

                if (property.Name == "extra_body" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    // The Python SDK merges extra_body into the top level of what it sends; a .NET client does the same by hand.
                    foreach (JsonProperty extra in property.Value.EnumerateObject())
                    {
                        Patch(ref options.Patch, "$", extra, patched);
                    }
                }
                else if (!SetOption(options, property))
                {
                    Patch(ref options.Patch, "$", property, patched);
                }
            }

            options.Temperature = sampling.Temperature;
            options.TopP = sampling.TopP;
            options.FrequencyPenalty = sampling.FrequencyPenalty;
            options.PresencePenalty = sampling.PresencePenalty;
            options.MaxOutputTokenCount = sampling.MaxOutputTokens;
            options.Seed = sampling.Seed;
            options.AllowParallelToolCalls = sampling.ParallelToolCalls;
            foreach (string stop in sampling.Stop ?? new List<string>())
            {
                options.StopSequences.Add(stop);
            }

            return options;
        }

        /// <summary>Sets one top-level key through an SDK member; false for a key the SDK has no member for.</summary>
        private static bool SetOption(ChatCompletionOptions options, JsonProperty property)
        {
            JsonElement value = property.Value;
            switch (property.Name)
            {
                case "model":
                case "messages":
                case "stream":
                case "stream_options":
                    return true; // the client and the streaming method send these themselves
                case "tools" when value.ValueKind == JsonValueKind.Array:
                    foreach (JsonElement tool in value.EnumerateArray())
                    {
                        options.Tools.Add(Tool(tool));
                    }

                    return true;
                case "tool_choice" when ToolChoice(value) is { } choice:
                    options.ToolChoice = choice;
                    return true;
                case "response_format" when ResponseFormat(value) is { } format:
                    options.ResponseFormat = format;
                    return true;
                case "logprobs" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    options.IncludeLogProbabilities = value.GetBoolean();
                    return true;
                case "top_logprobs" when value.TryGetInt32(out int count):
                    options.TopLogProbabilityCount = count;
                    return true;
                case "reasoning_effort" when value.ValueKind == JsonValueKind.String:
                    options.ReasoningEffortLevel = new ChatReasoningEffortLevel(value.GetString()!);
                    return true;
                case "service_tier" when value.ValueKind == JsonValueKind.String:
                    options.ServiceTier = new ChatServiceTier(value.GetString()!);
                    return true;
                case "safety_identifier" when value.ValueKind == JsonValueKind.String:
                    options.SafetyIdentifier = value.GetString();
                    return true;
                case "user" when value.ValueKind == JsonValueKind.String:
                    options.EndUserId = value.GetString();
                    return true;
                case "store" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    options.StoredOutputEnabled = value.GetBoolean();
                    return true;
                case "metadata" when value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(entry => entry.Value.ValueKind == JsonValueKind.String):
                    foreach (JsonProperty entry in value.EnumerateObject())
                    {
                        options.Metadata[entry.Name] = entry.Value.GetString()!;
                    }

                    return true;
                default:
                    return false;
            }
        }

        internal static ChatMessage Message(JsonElement message, int index, List<string> patched)
        {
            string role = message.TryGetProperty("role", out JsonElement named) && named.ValueKind == JsonValueKind.String ? named.GetString()! : string.Empty;
            JsonElement content = message.TryGetProperty("content", out JsonElement found) ? found : default;
            ChatMessage converted;
            var handled = new HashSet<string>(StringComparer.Ordinal) { "role", "content" };
            switch (role)
            {
                case "system":
                    converted = content.ValueKind == JsonValueKind.String ? new SystemChatMessage(content.GetString()!) : new SystemChatMessage(Parts(content, index));
                    break;
                case "developer":
                    converted = content.ValueKind == JsonValueKind.String ? new DeveloperChatMessage(content.GetString()!) : new DeveloperChatMessage(Parts(content, index));
                    break;
                case "user":
                    converted = content.ValueKind == JsonValueKind.String ? new UserChatMessage(content.GetString()!) : new UserChatMessage(Parts(content, index));
                    break;
                case "tool" when message.TryGetProperty("tool_call_id", out JsonElement callId) && callId.ValueKind == JsonValueKind.String:
                    handled.Add("tool_call_id");
                    converted = content.ValueKind == JsonValueKind.String ? new ToolChatMessage(callId.GetString()!, content.GetString()!) : new ToolChatMessage(callId.GetString()!, Parts(content, index));
                    break;
                case "assistant":
                    converted = Assistant(message, content, index, handled);
                    break;
                default:
                    throw new NotSupportedException("Message " + index + " has the role '" + role + "', which the OpenAI SDK cannot send.");
            }

            if (role is "system" or "developer" or "user" && message.TryGetProperty("name", out JsonElement participant) && participant.ValueKind == JsonValueKind.String)
            {
                handled.Add("name");
                switch (converted)
                {
                    case SystemChatMessage system: system.ParticipantName = participant.GetString(); break;
                    case DeveloperChatMessage developer: developer.ParticipantName = participant.GetString(); break;
                    case UserChatMessage user: user.ParticipantName = participant.GetString(); break;
                }
            }

            // Keys with no SDK member (reasoning, reasoning_content as vLLM and Ollama send them back) go through the message's patch.
            foreach (JsonProperty property in message.EnumerateObject().Where(property => !handled.Contains(property.Name)))
            {
                Patch(ref converted.Patch, "$.messages[" + index + "]", property, patched, "$");
            }

            return converted;
        }

        private static AssistantChatMessage Assistant(JsonElement message, JsonElement content, int index, HashSet<string> handled)
        {
            var calls = new List<ChatToolCall>();
            if (message.TryGetProperty("tool_calls", out JsonElement toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
            {
                handled.Add("tool_calls");
                foreach (JsonElement call in toolCalls.EnumerateArray())
                {
                    JsonElement function = call.GetProperty("function");
                    JsonElement arguments = function.TryGetProperty("arguments", out JsonElement found) ? found : default;
                    string argumentsText = arguments.ValueKind == JsonValueKind.String ? arguments.GetString()! : arguments.ValueKind == JsonValueKind.Undefined ? "{}" : arguments.GetRawText();
                    calls.Add(ChatToolCall.CreateFunctionToolCall(
                        call.TryGetProperty("id", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty,
                        function.GetProperty("name").GetString(),
                        BinaryData.FromString(argumentsText)));
                }
            }

            AssistantChatMessage assistant;
            if (calls.Count > 0)
            {
                assistant = new AssistantChatMessage(calls);
                if (content.ValueKind == JsonValueKind.String && content.GetString()!.Length > 0)
                {
                    assistant.Content.Add(ChatMessageContentPart.CreateTextPart(content.GetString()));
                }
                else if (content.ValueKind == JsonValueKind.Array)
                {
                    foreach (ChatMessageContentPart part in Parts(content, index))
                    {
                        assistant.Content.Add(part);
                    }
                }
            }
            else
            {
                assistant = content.ValueKind == JsonValueKind.String ? new AssistantChatMessage(content.GetString()!) : new AssistantChatMessage(Parts(content, index));
            }

            if (message.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
            {
                handled.Add("name");
                assistant.ParticipantName = name.GetString();
            }

            if (message.TryGetProperty("refusal", out JsonElement refusal) && refusal.ValueKind == JsonValueKind.String)
            {
                handled.Add("refusal");
                assistant.Refusal = refusal.GetString();
            }

            return assistant;
        }

        private static List<ChatMessageContentPart> Parts(JsonElement content, int index)
        {
            var parts = new List<ChatMessageContentPart>();
            if (content.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return parts;
            }

            if (content.ValueKind != JsonValueKind.Array)
            {
                throw new NotSupportedException("Message " + index + " has content that is neither text nor a list of parts.");
            }

            foreach (JsonElement part in content.EnumerateArray())
            {
                string type = part.TryGetProperty("type", out JsonElement named) ? named.GetString() ?? string.Empty : string.Empty;
                if (type == "text" && part.TryGetProperty("text", out JsonElement text))
                {
                    parts.Add(ChatMessageContentPart.CreateTextPart(text.GetString()));
                }
                else if (type == "image_url" && part.TryGetProperty("image_url", out JsonElement image))
                {
                    parts.Add(ImagePart(image));
                }
                else
                {
                    throw new NotSupportedException("Message " + index + " has a '" + type + "' part, which this conversion does not support.");
                }
            }

            return parts;
        }

        private static ChatMessageContentPart ImagePart(JsonElement image)
        {
            string url = image.GetProperty("url").GetString()!;
            ChatImageDetailLevel? detail = image.TryGetProperty("detail", out JsonElement level) && level.ValueKind == JsonValueKind.String
                ? new ChatImageDetailLevel(level.GetString()!)
                : (ChatImageDetailLevel?)null;
            const string base64Marker = ";base64,";
            int marker = url.IndexOf(base64Marker, StringComparison.Ordinal);
            if (url.StartsWith("data:", StringComparison.Ordinal) && marker > 0 && Base64(url.Substring(marker + base64Marker.Length)) is { } bytes)
            {
                // A data URL goes in as bytes: System.Uri refuses strings past 65,519 characters, and the SDK writes the same URL back.
                return ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(bytes), url.Substring("data:".Length, marker - "data:".Length), detail);
            }

            return ChatMessageContentPart.CreateImagePart(new Uri(url), detail);
        }

        // Tests record invalid image data on purpose (to record the provider's error); such a URL goes as it is.
        private static byte[]? Base64(string text)
        {
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static ChatTool Tool(JsonElement declared)
        {
            RecordedTool tool = RecordedTool.Read(declared);
            BinaryData? parameters = tool.Parameters is { } schema ? BinaryData.FromString(schema.GetRawText()) : null;
            return ChatTool.CreateFunctionTool(tool.Name, tool.Description, parameters, tool.Strict);
        }

        private static ChatToolChoice? ToolChoice(JsonElement value)
        {
            if (!RecordedTool.ReadChoice(value, out string? mode, out string? function))
            {
                return null;
            }

            return mode switch
            {
                "auto" => ChatToolChoice.CreateAutoChoice(),
                "none" => ChatToolChoice.CreateNoneChoice(),
                "required" => ChatToolChoice.CreateRequiredChoice(),
                _ => ChatToolChoice.CreateFunctionChoice(function),
            };
        }

        private static ChatResponseFormat? ResponseFormat(JsonElement value)
        {
            string? type = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out JsonElement named) ? named.GetString() : null;
            switch (type)
            {
                case "text":
                    return ChatResponseFormat.CreateTextFormat();
                case "json_object":
                    return ChatResponseFormat.CreateJsonObjectFormat();
                case "json_schema" when value.TryGetProperty("json_schema", out JsonElement schema) && schema.TryGetProperty("name", out JsonElement name):
                    return ChatResponseFormat.CreateJsonSchemaFormat(
                        name.GetString(),
                        schema.TryGetProperty("schema", out JsonElement body) ? BinaryData.FromString(body.GetRawText()) : null,
                        schema.TryGetProperty("description", out JsonElement description) ? description.GetString() : null,
                        schema.TryGetProperty("strict", out JsonElement strict) && strict.ValueKind is JsonValueKind.True or JsonValueKind.False ? strict.GetBoolean() : null);
                default:
                    return null;
            }
        }

        /// <summary>Sets one key as recorded through a model's JSON patch, and notes its path.</summary>
        private static void Patch(ref JsonPatch patch, string reportedParent, JsonProperty property, List<string> patched, string patchParent = "$")
        {
            // JsonPatch paths take a bracketed name in either quote, without escapes.
            string key = !property.Name.Contains("'") ? "['" + property.Name + "']"
                : !property.Name.Contains("\"") ? "[\"" + property.Name + "\"]"
                : throw new NotSupportedException("The key " + property.Name + " holds both quote characters, which a JSON patch path cannot name.");
            patch.Set(Encoding.UTF8.GetBytes(patchParent + key), BinaryData.FromString(property.Value.GetRawText()));
            patched.Add(reportedParent + key);
        }
    }
}
