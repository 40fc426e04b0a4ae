using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// What the .NET clients send differently from what the Python recorder stored (issue #12), each absorbed by
    /// matching, and each shown not to absorb a real difference next to it.
    /// </summary>
    public sealed class ClientDifferenceTests
    {
        private const string Chat = "/v1/chat/completions";

        [Fact]
        public void A_tools_function_type_the_python_side_repeats_is_ignored()
        {
            JsonObject recorded = WithTool(tool => tool["function"]!["type"] = "function");
            JsonObject sent = WithTool(_ => { });

            Assert.True(Matches(recorded, sent));
            Assert.False(Matches(recorded, WithTool(tool => tool["function"]!["name"] = "other_tool")));
        }

        [Fact]
        public async System.Threading.Tasks.Task A_one_input_api_embed_request_is_answered_from_an_older_api_embeddings_recording_in_the_newer_shape()
        {
            string older = "{\"request\":{\"method\":\"POST\",\"url\":\"http://localhost:11434/api/embeddings\",\"body\":{\"model\":\"all-minilm\",\"prompt\":\"hello\"},\"endpoint\":\"/api/embeddings\",\"model\":\"all-minilm\"},"
                + "\"response\":{\"body\":{\"__type__\":\"ollama._types.EmbeddingsResponse\",\"__data__\":{\"embedding\":[0.5,-0.25,0.1]}},\"is_streaming\":false}}";
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("older_embeddings", older)! });
            using var client = new System.Net.Http.HttpClient(handler) { BaseAddress = new System.Uri("http://localhost:11434") };

            // As OllamaSharp's EmbedAsync sends it.
            using var response = await client.PostAsync("/api/embed", new System.Net.Http.StringContent("{\"model\":\"all-minilm\",\"input\":[\"hello\"]}"));
            JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal("all-minilm", (string?)answer["model"]);
            Assert.Equal(new[] { 0.5f, -0.25f, 0.1f }, answer["embeddings"]![0]!.AsArray().Select(value => (float)value!));
            using var otherPrompt = new System.Net.Http.StringContent("{\"model\":\"all-minilm\",\"input\":[\"bye\"]}");
            RecordingMismatchException miss = await Assert.ThrowsAsync<RecordingMismatchException>(() => client.PostAsync("/api/embed", otherPrompt));
            Assert.Contains("/api/embed", miss.Message, System.StringComparison.Ordinal);
            using var twoInputs = new System.Net.Http.StringContent("{\"model\":\"all-minilm\",\"input\":[\"hello\",\"hello\"]}");
            await Assert.ThrowsAsync<RecordingMismatchException>(() => client.PostAsync("/api/embed", twoInputs));
        }

        [Fact]
        public void Extra_body_is_the_top_level_keys_the_python_sdk_sends()
        {
            JsonObject recorded = Body(body => body["extra_body"] = new JsonObject { ["project_id"] = "p-1" });

            Assert.True(Matches(recorded, Body(body => body["project_id"] = "p-1")));
            Assert.False(Matches(recorded, Body(body => body["project_id"] = "p-2")));
            Assert.False(Matches(recorded, Body(_ => { })));
        }

        [Fact]
        public void An_empty_description_and_an_empty_required_list_are_absent_ones()
        {
            JsonObject recorded = WithTool(tool =>
            {
                ((JsonObject)tool["function"]!).Remove("description");
                tool["function"]!["parameters"] = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
            });
            JsonObject sent = WithTool(tool =>
            {
                tool["function"]!["description"] = string.Empty;
                tool["function"]!["parameters"] = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[]}");
            });

            Assert.True(Matches(recorded, sent));
            Assert.False(Matches(recorded, WithTool(tool => tool["function"]!["description"] = "Weather.")));
            Assert.False(Matches(recorded, WithTool(tool => tool["function"]!["parameters"] = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"))));
        }

        [Fact]
        public void A_tool_result_of_text_parts_is_their_text_joined_with_line_feeds()
        {
            JsonObject recorded = WithToolResult(new JsonArray(Part("first"), Part("second")));

            Assert.True(Matches(recorded, WithToolResult("first\nsecond")));
            Assert.False(Matches(recorded, WithToolResult("first second")));
            Assert.False(Matches(recorded, WithToolResult(new JsonArray(Part("second"), Part("first")))));

            // The recorded message's Text is what a test sends.
            Recording recording = Read(recorded);
            Assert.Equal("first\nsecond", recording.Request.Messages[2].Text);
        }

        [Fact]
        public void A_model_list_recorded_as_a_post_of_an_empty_body_answers_a_get()
        {
            Recording models = Read("models", File.ReadAllText(Path.Combine(TestPaths.OwnRecordings, "other", "models-0a1b2c3d4e5f-deadbeef.json")));
            var handler = new RecordingReplayHandler(new[] { models, Read(WithTool(_ => { })) });

            Assert.Same(models, handler.Match("GET", "/v1/models", null));
            Assert.Same(models, handler.Match("POST", "/v1/models", "{}"));

            // Only model lists: a chat recording is no answer to a GET.
            Assert.Throws<RecordingMismatchException>(() => handler.Match("GET", Chat, null));
        }

        [Fact]
        public async System.Threading.Tasks.Task A_model_list_answers_with_every_model_the_recorded_lists_saw()
        {
            string first = File.ReadAllText(Path.Combine(TestPaths.OwnRecordings, "other", "models-0a1b2c3d4e5f-deadbeef.json"));
            JsonObject second = JsonNode.Parse(first)!.AsObject();
            second["test_id"] = "tests/integration/models/test_models.py::test_list[txt=other]";
            second["response"]!["body"] = JsonNode.Parse("[{\"__type__\": \"openai.types.model.Model\", \"__data__\": {\"id\": \"llama3.2:3b\", \"created\": 1, \"object\": \"model\", \"owned_by\": \"elsewhere\"}}, {\"__type__\": \"openai.types.model.Model\", \"__data__\": {\"id\": \"qwen3:0.6b\", \"created\": 1753000002, \"object\": \"model\", \"owned_by\": \"library\"}}]");
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("models_b", second.ToJsonString())!, Generated.FromJson("models_a", first)! });
            using var client = new System.Net.Http.HttpClient(handler);

            JsonNode list = JsonNode.Parse(await client.GetStringAsync("http://replay.test/v1/models"))!;

            Assert.Equal("list", (string?)list["object"]);
            JsonArray data = list["data"]!.AsArray();
            Assert.Equal(new[] { "llama3.2:3b", "all-minilm:l6-v2", "qwen3:0.6b" }, data.Select(model => (string?)model!["id"]));
            Assert.Equal("library", (string?)data[0]!["owned_by"]);
        }

        private static bool Matches(JsonObject recorded, JsonObject sent)
        {
            var handler = new RecordingReplayHandler(new[] { Read(recorded) });
            try
            {
                handler.Match("POST", Chat, sent["request"]!["body"]!.ToJsonString());
                return true;
            }
            catch (RecordingMismatchException)
            {
                return false;
            }
        }

        private static JsonObject Body(System.Action<JsonObject> change)
        {
            JsonObject recording = TestRecordings.Chat();
            change((JsonObject)recording["request"]!["body"]!);
            return recording;
        }

        private static JsonObject WithTool(System.Action<JsonObject> change)
        {
            JsonObject tool = TestRecordings.Tool("get_weather");
            change(tool);
            return TestRecordings.Chat(tools: new JsonArray(tool));
        }

        private static JsonObject WithToolResult(JsonNode content)
        {
            var result = new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_1", ["content"] = content };
            return TestRecordings.Chat(new JsonArray(TestRecordings.User("Weather?"), TestRecordings.AssistantCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"), result), new JsonArray(TestRecordings.Tool("get_weather")));
        }

        private static JsonObject Part(string text) => new JsonObject { ["type"] = "text", ["text"] = text };

        private static Recording Read(JsonObject recording) => Read("chat", recording.ToJsonString());

        private static Recording Read(string name, string json) => Generated.FromJson(name, json)!;

    }
}
