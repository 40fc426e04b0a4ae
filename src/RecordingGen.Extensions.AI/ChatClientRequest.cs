using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RecordingGen.Replay
{
    /// <summary>
    /// A recorded chat completions request as Microsoft.Extensions.AI takes it: <see cref="ChatMessage"/>s with text,
    /// images, <see cref="FunctionCallContent"/> and <see cref="FunctionResultContent"/>, and <see cref="ChatOptions"/>
    /// with tool declarations (<see cref="AIFunctionFactory.CreateDeclaration"/>). Keys Microsoft.Extensions.AI has no
    /// member for (for example <c>service_tier</c>, <c>logprobs</c>, <c>extra_body</c>) ride on
    /// <see cref="ChatOptions.RawRepresentationFactory"/> as OpenAI SDK options, which the OpenAI <see cref="IChatClient"/> honours.
    /// </summary>
    public sealed class ChatClientRequest
    {
        private ChatClientRequest(List<ChatMessage> messages, ChatOptions options, IReadOnlyList<string> rawKeys, IReadOnlyList<string> lost)
        {
            Messages = messages;
            Options = options;
            RawKeys = rawKeys;
            Lost = lost;
        }

        /// <summary>The recorded messages.</summary>
        public List<ChatMessage> Messages { get; }

        /// <summary>Model, tools, tool mode, response format and sampling options.</summary>
        public ChatOptions Options { get; }

        /// <summary>The JSON paths only the raw OpenAI options carry, because <see cref="ChatOptions"/> has no member for them.</summary>
        public IReadOnlyList<string> RawKeys { get; }

        /// <summary>
        /// What Microsoft.Extensions.AI cannot send at all, as JSON paths of the recorded body (for example a developer
        /// message, reasoning sent back in an assistant message, tool call arguments that are not a JSON object). Empty when
        /// the converted request is the recorded one.
        /// </summary>
        public IReadOnlyList<string> Lost { get; }

        /// <summary>Converts a recorded OpenAI chat completions request.</summary>
        /// <exception cref="NotSupportedException">The request is not an OpenAI chat completions body.</exception>
        public static ChatClientRequest From(RecordedRequest request)
        {
            using JsonDocument document = RecordedBody.Parse(request);
            JsonElement body = document.RootElement;
            JsonElement messages = RecordedBody.Messages(body);

            var lost = new List<string>();
            var rawKeys = new List<string>();
            List<ChatMessage> converted = messages.EnumerateArray().Select((message, index) => Message(message, index, rawKeys, lost)).ToList();
            var options = new ChatOptions { ModelId = request.Model };
            var raw = new List<JsonProperty>();
            var sampling = new Sampling();
            foreach (JsonProperty property in body.EnumerateObject())
            {
                if (!sampling.TryRead(property) && !SetOption(options, property))
                {
                    raw.Add(property);
                }
            }

            options.Temperature = sampling.Temperature;
            options.TopP = sampling.TopP;
            options.FrequencyPenalty = sampling.FrequencyPenalty;
            options.PresencePenalty = sampling.PresencePenalty;
            options.MaxOutputTokens = sampling.MaxOutputTokens;
            options.Seed = sampling.Seed;
            options.AllowMultipleToolCalls = sampling.ParallelToolCalls;
            options.StopSequences = sampling.Stop;

            if (raw.Count > 0)
            {
                rawKeys.AddRange(raw.Select(property => "$." + property.Name));
                var names = new HashSet<string>(raw.Select(property => property.Name), StringComparer.Ordinal);

                // The factory is called for every request the client sends and must return fresh options each time.
                options.RawRepresentationFactory = _ =>
                {
                    using JsonDocument again = RecordedBody.Parse(request);
                    return OpenAIChatRequest.OptionsOf(again.RootElement.EnumerateObject().Where(property => names.Contains(property.Name)), new List<string>());
                };
            }

            return new ChatClientRequest(converted, options, rawKeys, lost);
        }

        private static bool SetOption(ChatOptions options, JsonProperty property)
        {
            JsonElement value = property.Value;
            switch (property.Name)
            {
                case "model":
                case "messages":
                case "stream":
                case "stream_options":
                    return true;
                case "tools" when value.ValueKind == JsonValueKind.Array:
                    options.Tools = value.EnumerateArray().Select(Tool).ToList<AITool>();
                    return true;
                case "tool_choice" when ToolMode(value) is { } mode:
                    options.ToolMode = mode;
                    return true;
                case "response_format" when ResponseFormat(value) is { } format:
                    options.ResponseFormat = format;
                    return true;
                case "reasoning_effort" when Effort(value) is { } effort:
                    options.Reasoning = new ReasoningOptions { Effort = effort };
                    return true;
                default:
                    return false;
            }
        }

        private static ChatMessage Message(JsonElement message, int index, List<string> rawKeys, List<string> lost)
        {
            string path = "$.messages[" + index + "]";
            string role = message.TryGetProperty("role", out JsonElement named) && named.ValueKind == JsonValueKind.String ? named.GetString()! : string.Empty;
            JsonElement content = message.TryGetProperty("content", out JsonElement found) ? found : default;
            var contents = new List<AIContent>();
            var handled = new HashSet<string>(StringComparer.Ordinal) { "role", "content" };
            ChatRole chatRole;
            switch (role)
            {
                case "system":
                case "user":
                case "assistant":
                    chatRole = new ChatRole(role);
                    contents.AddRange(Parts(content, path, lost));
                    break;
                case "tool":
                    chatRole = ChatRole.Tool;
                    handled.Add("tool_call_id");
                    string callId = message.TryGetProperty("tool_call_id", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty;

                    // A function result is one value: several recorded text parts become one text, as the handler's rules equate them.
                    string result = content.ValueKind == JsonValueKind.String
                        ? content.GetString()!
                        : string.Join("\n", Parts(content, path, lost).OfType<TextContent>().Select(text => text.Text));
                    contents.Add(new FunctionResultContent(callId, result));
                    break;
                default:
                    lost.Add(path + ".role");
                    chatRole = role == "developer" ? ChatRole.System : new ChatRole(role);
                    contents.AddRange(Parts(content, path, lost));
                    break;
            }

            if (role == "assistant" && message.TryGetProperty("tool_calls", out JsonElement calls) && calls.ValueKind == JsonValueKind.Array)
            {
                handled.Add("tool_calls");
                int number = 0;
                foreach (JsonElement call in calls.EnumerateArray())
                {
                    contents.Add(FunctionCall(call, path + ".tool_calls[" + number++ + "]", lost));
                }
            }

            var converted = new ChatMessage(chatRole, contents);
            if (message.TryGetProperty("name", out JsonElement author) && author.ValueKind == JsonValueKind.String)
            {
                handled.Add("name");
                converted.AuthorName = author.GetString();
            }

            string[] unhandled = message.EnumerateObject().Where(property => !handled.Contains(property.Name)).Select(property => path + "." + property.Name).ToArray();
            if (unhandled.Length > 0)
            {
                // Keys no AIContent holds (reasoning sent back, as vLLM and Ollama take it): the OpenAI client sends a
                // message's raw OpenAI representation as it is.
                converted.RawRepresentation = OpenAIChatRequest.Message(message, index, new List<string>());
                rawKeys.AddRange(unhandled);
            }

            return converted;
        }

        private static FunctionCallContent FunctionCall(JsonElement call, string path, List<string> lost)
        {
            JsonElement function = call.GetProperty("function");
            string id = call.TryGetProperty("id", out JsonElement named) ? named.GetString() ?? string.Empty : string.Empty;
            string name = function.GetProperty("name").GetString()!;
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            JsonElement recorded = function.TryGetProperty("arguments", out JsonElement found) ? found : default;
            string text = recorded.ValueKind == JsonValueKind.String ? recorded.GetString()! : recorded.ValueKind == JsonValueKind.Undefined ? "{}" : recorded.GetRawText();
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(text);
                if (parsed.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException();
                }

                foreach (JsonProperty argument in parsed.RootElement.EnumerateObject())
                {
                    arguments[argument.Name] = argument.Value.Clone();
                }
            }
            catch (JsonException)
            {
                // FunctionCallContent holds arguments as a dictionary: text that is not a JSON object cannot be sent back.
                lost.Add(path + ".function.arguments");
            }

            return new FunctionCallContent(id, name, arguments);
        }

        private static IEnumerable<AIContent> Parts(JsonElement content, string path, List<string> lost)
        {
            if (content.ValueKind == JsonValueKind.String)
            {
                yield return new TextContent(content.GetString());
                yield break;
            }

            if (content.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            int index = 0;
            foreach (JsonElement part in content.EnumerateArray())
            {
                string type = part.TryGetProperty("type", out JsonElement named) ? named.GetString() ?? string.Empty : string.Empty;
                if (type == "text" && part.TryGetProperty("text", out JsonElement text))
                {
                    yield return new TextContent(text.GetString());
                }
                else if (type == "image_url" && part.TryGetProperty("image_url", out JsonElement image) && image.TryGetProperty("url", out JsonElement url))
                {
                    AIContent converted = Image(url.GetString()!);
                    if (image.TryGetProperty("detail", out JsonElement detail) && detail.ValueKind == JsonValueKind.String)
                    {
                        // The OpenAI client reads an image's detail level from this additional property.
                        converted.AdditionalProperties = new AdditionalPropertiesDictionary { ["detail"] = detail.GetString() };
                    }

                    yield return converted;
                }
                else
                {
                    lost.Add(path + ".content[" + index + "]");
                }

                index++;
            }
        }

        private static AIContent Image(string address)
        {
            if (address.StartsWith("data:", StringComparison.Ordinal))
            {
                try
                {
                    return new DataContent(address);
                }
                catch (UriFormatException)
                {
                    // Tests record invalid image data on purpose (to record the provider's error); such a URL goes as it is.
                    int end = address.IndexOfAny(new[] { ';', ',' });
                    return new UriContent(new Uri(address), end > 5 ? address.Substring(5, end - 5) : "image/*");
                }
            }

            return new UriContent(address, "image/*");
        }

        private static AITool Tool(JsonElement declared)
        {
            RecordedTool tool = RecordedTool.Read(declared);
            JsonElement schema = tool.Parameters?.Clone() ?? JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement.Clone();
            return AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description ?? string.Empty, schema);
        }

        private static ChatToolMode? ToolMode(JsonElement value)
        {
            if (!RecordedTool.ReadChoice(value, out string? mode, out string? function))
            {
                return null;
            }

            return mode switch
            {
                "auto" => ChatToolMode.Auto,
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => ChatToolMode.RequireSpecific(function!),
            };
        }

        private static ChatResponseFormat? ResponseFormat(JsonElement value)
        {
            string? type = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out JsonElement named) ? named.GetString() : null;
            switch (type)
            {
                case "text":
                    return ChatResponseFormat.Text;
                case "json_object":
                    return ChatResponseFormat.Json;
                default:
                    // The OpenAI client rewrites a JSON schema for strict mode (additionalProperties: false, every property
                    // required): a recorded schema is sent as recorded only through the raw OpenAI options.
                    return null;
            }
        }

        private static ReasoningEffort? Effort(JsonElement value)
            => value.ValueKind != JsonValueKind.String ? null : value.GetString() switch
            {
                "none" => ReasoningEffort.None,
                "low" => ReasoningEffort.Low,
                "medium" => ReasoningEffort.Medium,
                "high" => ReasoningEffort.High,
                _ => null,
            };
    }
}
