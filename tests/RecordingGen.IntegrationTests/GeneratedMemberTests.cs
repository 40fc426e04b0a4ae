using System.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>The readable member paths of the repository's own recordings, as a test author writes them.</summary>
    public sealed class GeneratedMemberTests
    {
        [Fact]
        public void A_second_access_of_a_fixture_allocates_nothing()
        {
            static int Read()
            {
                Recording recording = Recordings.OpenaiChat.ParallelToolCallsStreaming_TxtOpenaiGpt4oMini_3f1c0d;
                return recording.Response.Text.Length + recording.Response.Chunks.Count + recording.Response.ToolCalls.Count
                    + recording.Request.Messages.Count + recording.Request.Tools.Count + (recording.Response.FinishReason?.Length ?? 0)
                    + (recording.Response.Usage?.TotalTokens ?? 0) + (recording.Response.Chunks[3].TextDelta?.Length ?? 0) + recording.Response.Chunks[3].Json.Length;
            }

            int first = Read();
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            int second = Read();
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(first, second);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void A_streamed_answer_exposes_its_text_tool_calls_finish_reason_and_usage()
        {
            RecordedResponse response = Recordings.OpenaiChat.ParallelToolCallsStreaming_TxtOpenaiGpt4oMini_3f1c0d.Response;

            Assert.True(response.IsStreaming);
            Assert.Equal(10, response.Chunks.Count);
            Assert.Equal("Checking both.", response.Text);
            Assert.Equal("tool_calls", response.FinishReason);
            Assert.Equal(
                new[] { "call_w1 get_weather {\"city\":\"Paris\"}", "call_t1 get_time {\"city\":\"Paris\"}" },
                response.ToolCalls.Select(call => call.Id + " " + call.Name + " " + call.ArgumentsJson));
            Assert.Equal((80, 31, 111), (response.Usage!.InputTokens, response.Usage.OutputTokens, response.Usage.TotalTokens));
            Assert.Equal(" both.", response.Chunks[2].TextDelta);
            Assert.Null(response.Chunks[3].TextDelta);
        }

        [Fact]
        public void Request_messages_and_tools_are_typed_and_tools_are_members()
        {
            RecordedRequest request = Recordings.OpenaiChat.ToolCallAfterHistory.Request;

            Assert.Equal("gpt-4o-mini", request.Model);
            Assert.False(request.Stream);
            Assert.Equal(new[] { "user", "assistant", "tool", "user" }, request.Messages.Select(message => message.Role));
            Assert.Equal("Look at this.\nWhat city is it?", request.Messages[0].Text);
            Assert.Equal("call_a", request.Messages[1].ToolCalls.Single().Id);
            Assert.Equal("call_a", request.Messages[2].ToolCallId);
            Assert.Equal("14:05", request.Messages[2].Text);
            Assert.Equal("Get the weather for a city.", Recordings.OpenaiChat.ToolCallAfterHistory.Tools.GetWeather.Description);
            Assert.Contains("\"required\"", Recordings.OpenaiChat.ToolCallAfterHistory.Tools.GetTime.ParametersJson);
            Assert.Equal("get_weather", Recordings.OpenaiChat.ToolCallAfterHistory.Response.ToolCalls.Single().Name);
        }

        [Fact]
        public void Each_group_lists_its_recordings_in_path_order()
        {
            Assert.Equal(
                new[] { "3f1c0de4a5b6c7d8e9f00112233445566778899aabbccddeeff00112233aabbc.json", "hostile #error 'name' (1).json", "tool_call_after_history.json" },
                Recordings.OpenaiChat.All.Select(recording => System.IO.Path.GetFileName(recording.SourcePath)));
            // Ordinal path order: "models-..." < "ollama_chat..." < "ollama_embed..." < "provider_error..." < "text_..." < "tool_runtime..." < "vertex...".
            Assert.Same(Recordings.Other.ToolRuntimeSearch, Recordings.Other.All[12]);
            Assert.Same(Recordings.Other.VertexGenerateContentStream, Recordings.Other.All[13]);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => Recordings.Other.All[14]);
        }

        [Fact]
        public void Hostile_text_reads_back_exactly()
        {
            const string hostile = "Quote \" backslash \\ end */ comment // #error no\n#line 1 \"x\"\r\nsep\u2028para\u2029nul\u0000 rtl\u202e tab\t emoji \U0001F600 lone \ud83d high \udc00 done";
            Recording recording = Recordings.OpenaiChat.HostileErrorName1;

            Assert.Equal(hostile, recording.Request.Messages.Single().Text);
            Assert.Equal(hostile, recording.Response.Text);
            Assert.Equal(hostile, Recordings.OpenaiChat.HostileErrorName1.Tools.Class.Description);
            Assert.Equal("1st \"tool\"*/", Recordings.OpenaiChat.HostileErrorName1.Tools._1stTool.Name);
            Assert.Equal("tests/x.py::test_\"*/#error\n[\u202eid]", recording.TestId);
            Assert.Equal("m\"*/", recording.Request.Model);
        }

        [Fact]
        public void Text_completions_have_their_prompt_and_text()
        {
            Recording recording = Recordings.Other.TextCompletionStream;

            Assert.Equal("Roses are red,\nviolets are", recording.Request.Prompt);
            Assert.Equal(" blue.", recording.Response.Text);
            Assert.Equal(new[] { " blue", ".", "" }, recording.Response.Chunks.Select(chunk => chunk.TextDelta));
            Assert.Equal("stop", recording.Response.FinishReason);
        }

        [Fact]
        public void A_recorded_exception_is_a_typed_error()
        {
            RecordedResponse response = Recordings.Other.ProviderError.Response;

            Assert.Null(response.BodyJson);
            RecordedError error = Assert.IsType<RecordedError>(response.Error);
            Assert.Equal(("provider_sdk", "openai", "BadRequestError", 400), (error.Category, error.Provider, error.Type, error.StatusCode));
            Assert.Equal("Error code: 400 - invalid image input", error.Message);
            Assert.Contains("\"invalid_request_error\"", error.BodyJson);
            Assert.Null(Recordings.OpenaiChat.ToolCallAfterHistory.Response.Error);
        }

        [Fact]
        public void Other_endpoints_have_the_common_layer()
        {
            Recording models = Recordings.Other.Models_0a1b2c_deadbeef;
            Assert.Equal(new[] { "llama3.2:3b library 1753000000", "all-minilm:l6-v2 library 1753000001" }, models.Response.Models.Select(model => model.Id + " " + model.OwnedBy + " " + model.Created));
            Assert.False(models.Response.IsStreaming);
            Assert.Empty(models.Response.Chunks);
            Assert.StartsWith("[{\"id\":\"llama3.2:3b\"", models.Response.BodyJson);

            Recording toolRuntime = Recordings.Other.ToolRuntimeSearch;
            Assert.Null(toolRuntime.Request.Method);
            Assert.Null(toolRuntime.Request.Endpoint);
            Assert.Null(toolRuntime.Request.BodyJson);
            Assert.Contains("Llamas are camelids.", toolRuntime.Response.BodyJson);
            Assert.Equal("knowledge_search", toolRuntime.Request.ToolInvocation!.Name);
            Assert.Equal("{\"query\":\"llamas\"}", toolRuntime.Request.ToolInvocation.ArgumentsJson);
            Assert.Equal("Llamas are camelids.", toolRuntime.Response.Text);
            Assert.Null(toolRuntime.Response.Error);
        }
    }
}
