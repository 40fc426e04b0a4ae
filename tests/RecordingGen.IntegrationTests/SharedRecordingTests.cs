#if HAS_SHARED_RECORDINGS
using System.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>The product's own example and its conversation, compiled from ../shared/recordings (present in CI).</summary>
    public sealed class SharedRecordingTests
    {
        [Fact]
        public void The_seed_streams_its_final_answer_after_two_tool_calls()
        {
            Recording seed = Recordings.Seed.ExperimentAnalysisStreaming;

            Assert.Equal("gpt-4o", seed.Request.Model);
            Assert.True(seed.Request.Stream);
            Assert.Equal(new[] { "user", "assistant", "tool", "assistant", "tool" }, seed.Request.Messages.Select(message => message.Role));
            Assert.Equal(new[] { "get_experiment_id", "get_experiment_results" }, seed.Request.Messages.SelectMany(message => message.ToolCalls).Select(call => call.Name));
            Assert.Equal("exp_003", seed.Request.Messages[2].Text);
            Assert.Equal("Yield: 85%, Status: Complete", seed.Request.Messages[4].Text);
            Assert.Equal(40, seed.Response.Chunks.Count);
            Assert.Equal("stop", seed.Response.FinishReason);
            Assert.StartsWith("The experiment \"chemical_reaction\" has an ID of \"exp_003.\"", seed.Response.Text);
            Assert.Contains("yield of 85%", Recordings.Seed.ExperimentAnalysisStreaming.Response.Text);
            Assert.Contains("experiment ID", Recordings.Seed.ExperimentAnalysisStreaming.Tools.GetExperimentId.Description);
        }

        [Fact]
        public void Twelve_recordings_share_the_seeds_test_id()
        {
            string testId = Recordings.Seed.ExperimentAnalysisStreaming.TestId!;

            // The seed itself and the eleven re-recordings of its turns under llama-stack/responses.
            Assert.Equal(12, Recordings.All.Count(recording => recording.TestId == testId));
            Assert.Equal(11, Recordings.LlamaStack.Responses.All.Count(recording => recording.TestId == testId));
        }

        [Fact]
        public void Model_lists_of_openai_and_ollama_are_typed()
        {
            Recording openAI = Recordings.All.Single(recording => recording.SourcePath.Contains("/models-64a2277c", System.StringComparison.Ordinal));
            Recording ollamaTags = Recordings.All.Single(recording => recording.Request.Endpoint == "/api/tags");

            Assert.Equal(127, openAI.Response.Models.Count);
            Assert.All(openAI.Response.Models, model => Assert.False(string.IsNullOrEmpty(model.Id)));
            Assert.NotEmpty(ollamaTags.Response.Models);
            Assert.All(ollamaTags.Response.Models, model => Assert.Null(model.OwnedBy));
        }

        [Fact]
        public void Ollama_native_generate_and_chat_are_typed()
        {
            Recording generate = Recordings.All.Single(recording => recording.SourcePath.EndsWith("/dd9e7d5913e9.json", System.StringComparison.Ordinal));
            Recording chat = Recordings.All.Single(recording => recording.SourcePath.EndsWith("/f1592dee71e5.json", System.StringComparison.Ordinal));

            Assert.StartsWith("<|begin_of_text|>", generate.Request.Prompt);
            Assert.Equal(2, generate.Response.Chunks.Count);
            Assert.Equal("[]", generate.Response.Text);
            Assert.Equal("stop", generate.Response.FinishReason);
            Assert.Equal(386, generate.Response.Usage!.InputTokens);

            Assert.Equal(new[] { "user", "user" }, chat.Request.Messages.Select(message => message.Role));
            Assert.Equal("Describe what is in this image.", chat.Request.Messages[1].Text);
            Assert.StartsWith("The image features a close-up of a golden retriever puppy", chat.Response.Text);
            Assert.Equal((18, 110, 128), (chat.Response.Usage!.InputTokens, chat.Response.Usage.OutputTokens, chat.Response.Usage.TotalTokens));
        }

        [Fact]
        public void Hash_named_files_are_named_after_their_test()
        {
            Recording recording = Recordings.LlamaStack.Responses.ResponseStreamingMultiTurnToolExecution_ClientWithModelsTxtOpenaiGpt4oExperimentAnalysisStreaming_ef7060;

            Assert.EndsWith("ef7060e39e761101165ca00705aa3a2354c9d1f0e4eb7d526332f6fdeaadb805.json", recording.SourcePath);
            Assert.Equal(Recordings.Seed.ExperimentAnalysisStreaming.Response.Text, recording.Response.Text);
        }
    }
}
#endif
