using System.Text.Json.Nodes;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>Small OpenAI chat recordings in the recorder's format, built as JSON nodes so a test can change any part.</summary>
    internal static class TestRecordings
    {
        public const string CompletionType = "openai.types.chat.chat_completion.ChatCompletion";

        /// <summary>A non-streamed chat recording; with <paramref name="call"/> the response calls that tool.</summary>
        public static JsonObject Chat(JsonArray? messages = null, JsonArray? tools = null, (string Id, string Name, string Arguments)? call = null, string content = "Cold.")
        {
            JsonNode? calls = call is { } c
                ? new JsonArray(new JsonObject { ["id"] = c.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments } })
                : null;
            var body = new JsonObject
            {
                ["model"] = "gpt-4o",
                ["messages"] = messages ?? new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Weather in Oslo?" }),
            };
            if (tools is not null)
            {
                body["tools"] = tools;
            }

            return new JsonObject
            {
                ["test_id"] = "tests/integration/test_hardening.py::test_case",
                ["request"] = new JsonObject
                {
                    ["method"] = "POST",
                    ["url"] = "http://localhost:8321/v1/chat/completions",
                    ["body"] = body,
                    ["endpoint"] = "/v1/chat/completions",
                    ["model"] = "gpt-4o",
                },
                ["response"] = new JsonObject
                {
                    ["body"] = new JsonObject
                    {
                        ["__type__"] = CompletionType,
                        ["__data__"] = new JsonObject
                        {
                            ["id"] = "rec-1",
                            ["object"] = "chat.completion",
                            ["created"] = 0,
                            ["model"] = "gpt-4o",
                            ["choices"] = new JsonArray(new JsonObject
                            {
                                ["finish_reason"] = calls is null ? "stop" : "tool_calls",
                                ["index"] = 0,
                                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = calls is null ? content : null, ["tool_calls"] = calls },
                            }),
                        },
                    },
                    ["is_streaming"] = false,
                },
            };
        }

        public static JsonObject Tool(string name, string parameters = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")
            => new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["description"] = "A tool.", ["parameters"] = JsonNode.Parse(parameters) },
            };

        public static JsonObject AssistantCall(string id, string name, string arguments)
            => new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments } }),
            };

        public static JsonObject ToolAnswer(string id, string content) => new JsonObject { ["role"] = "tool", ["tool_call_id"] = id, ["content"] = content };

        public static JsonObject User(string content) => new JsonObject { ["role"] = "user", ["content"] = content };
    }
}
