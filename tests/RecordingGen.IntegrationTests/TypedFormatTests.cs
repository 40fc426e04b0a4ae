using System;
using System.Linq;
using RecordingGen;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>The typed layer of each non-OpenAI-chat format, checked against values read by eye from the own recordings.</summary>
    public class TypedFormatTests
    {
        [Fact]
        public void Each_recording_knows_its_format()
        {
            Assert.Equal(RecordingFormat.AnthropicMessages, Recordings.Other.AnthropicStyleStream.Format);
            Assert.Equal(RecordingFormat.GeminiInteractions, Recordings.Other.GeminiInteractionsError.Format);
            Assert.Equal(RecordingFormat.VertexGenerateContent, Recordings.Other.VertexGenerateContentStream.Format);
            Assert.Equal(RecordingFormat.OpenAIEmbeddings, Recordings.Other.EmbeddingsBase64.Format);
            Assert.Equal(RecordingFormat.OllamaEmbeddings, Recordings.Other.OllamaEmbed.Format);
            Assert.Equal(RecordingFormat.OpenAIModels, Recordings.Other.Models_0a1b2c_deadbeef.Format);
            Assert.Equal(RecordingFormat.ToolRuntime, Recordings.Other.ToolRuntimeSearch.Format);
            Assert.Equal(RecordingFormat.OpenAICompletions, Recordings.Other.TextCompletionStream.Format);
            Assert.Equal(RecordingFormat.OpenAIChat, Recordings.OpenaiChat.ToolCallAfterHistory.Format);
        }

        [Fact]
        public void Anthropic_stream_is_one_chunk_per_event_with_thinking_apart_and_tool_input_assembled()
        {
            Recording recording = Recordings.Other.AnthropicStyleStream;
            RecordedResponse response = recording.Response;
            Assert.Equal(15, response.Chunks.Count);
            Assert.Equal("message_start", response.Chunks[0].EventName);
            Assert.Equal("message_stop", response.Chunks[14].EventName);
            Assert.Equal("{\"type\":\"message_stop\"}", response.Chunks[14].Json);
            Assert.Equal("Checking Paris.", response.Text);
            Assert.Equal("Need the weather tool.", response.Thinking);
            Assert.Equal("Need the ", response.Chunks[2].ThinkingDelta);
            Assert.Null(response.Chunks[2].TextDelta);
            ToolCall call = Assert.Single(response.ToolCalls);
            Assert.Equal(("toolu_01", "get_weather", "{\"city\": \"Paris\"}"), (call.Id, call.Name, call.ArgumentsJson));
            Assert.Equal("tool_use", response.FinishReason);
            Assert.Equal((21, 17, 38), (response.Usage!.InputTokens, response.Usage.OutputTokens, response.Usage.TotalTokens));

            RecordedRequest request = recording.Request;
            Assert.Null(request.Endpoint);
            Assert.Equal(new[] { "system: You answer with tools when you can.", "user: Weather in Paris?" }, request.Messages.Select(message => message.Role + ": " + message.Text));
            ToolDefinition tool = Assert.Single(request.Tools);
            Assert.Equal("get_weather", tool.Name);
            Assert.Contains("\"required\":[\"city\"]", tool.ParametersJson);
        }

        [Fact]
        public void Anthropic_history_maps_blocks_onto_the_common_messages()
        {
            Recording recording = Recordings.Other.AnthropicMessagesHistory;
            var messages = recording.Request.Messages;
            Assert.Equal(new[] { "system", "user", "assistant", "tool" }, messages.Select(message => message.Role));
            Assert.Equal("Be brief.\nUse metric units.", messages[0].Text);
            Assert.Equal("{\"city\":\"Paris\"}", Assert.Single(messages[2].ToolCalls).ArgumentsJson);
            Assert.Null(messages[2].Text);
            Assert.Equal(("toolu_01", "18 C, cloudy"), (messages[3].ToolCallId, messages[3].Text));
            Assert.Equal("18 C and cloudy in Paris.", recording.Response.Text);
            Assert.Equal("Answer now.", recording.Response.Thinking);
            Assert.Equal("end_turn", recording.Response.FinishReason);
            Assert.Equal(200, recording.Response.StatusCode);
            Assert.Null(recording.Response.Error);
        }

        [Fact]
        public void Gemini_interactions_stream_has_text_calls_status_and_the_done_event_as_text()
        {
            RecordedResponse response = Recordings.Other.GeminiInteractionsStream.Response;
            Assert.Equal("Let me check.", response.Text);
            ToolCall call = Assert.Single(response.ToolCalls);
            Assert.Equal(("fc_1", "get_time", "{\"timezone\":\"Europe/London\"}"), (call.Id, call.Name, call.ArgumentsJson));
            Assert.Equal("requires_action", response.FinishReason);
            Assert.Equal((20, 10, 30), (response.Usage!.InputTokens, response.Usage.OutputTokens, response.Usage.TotalTokens));
            RecordedChunk done = response.Chunks[response.Chunks.Count - 1];
            Assert.Equal(("done", "[DONE]", "null"), (done.EventName, done.Data, done.Json));
        }

        [Fact]
        public void An_http_error_of_a_pass_through_recording_is_a_typed_error()
        {
            RecordedResponse response = Recordings.Other.GeminiInteractionsError.Response;
            RecordedError error = response.Error!;
            Assert.Equal((400, "invalid_request", "Missing key 'type' in input 'tools'."), (error.StatusCode, error.Type, error.Message));
            Assert.Contains("\"invalid_request\"", error.BodyJson);
            Assert.Equal(400, response.StatusCode);
        }

        [Fact]
        public void Vertex_stream_maps_contents_parts_and_candidates()
        {
            Recording recording = Recordings.Other.VertexGenerateContentStream;
            var messages = recording.Request.Messages;
            Assert.Equal(new[] { "system", "user", "model", "tool" }, messages.Select(message => message.Role));
            Assert.Equal("{\"location\":\"San Francisco\"}", Assert.Single(messages[2].ToolCalls).ArgumentsJson);
            Assert.Equal("{\"result\":\"It is raining.\"}", messages[3].Text);
            Assert.Equal("get_weather", Assert.Single(recording.Request.Tools).Name);
            Assert.Equal("It is raining in SF.", recording.Response.Text);
            Assert.Equal("thinking...", recording.Response.Thinking);
            Assert.Equal("STOP", recording.Response.FinishReason);
            Assert.Equal((30, 7, 37), (recording.Response.Usage!.InputTokens, recording.Response.Usage.OutputTokens, recording.Response.Usage.TotalTokens));
        }

        [Fact]
        public void Embedding_vectors_are_floats_from_numbers_and_from_base64()
        {
            Recording floats = Recordings.Other.EmbeddingsFloat;
            Assert.Equal(new[] { "first text", "second text" }, floats.Request.Inputs);
            Assert.Equal(2, floats.Response.Embeddings.Count);
            Assert.Equal(new[] { 0.0060392558f, -0.013937703f, 0.5f, -1.25e-05f, 0f, 12345678901.5f }, floats.Response.Embeddings[0].ToArray());
            Assert.Equal(new[] { 1.0f, -0.0f, 0.1f, -0.04624273f }, floats.Response.Embeddings[1].ToArray());
            Assert.Contains("\"embedding\":[0.0060392558,-0.013937703,0.5,-1.25e-05,0,12345678901.5]", floats.Response.BodyJson);
            Assert.Equal((4, 4), (floats.Response.Usage!.InputTokens, floats.Response.Usage.TotalTokens));
            Assert.Same(floats.Response.Embeddings, floats.Response.Embeddings);

            Recording base64 = Recordings.Other.EmbeddingsBase64;
            Assert.Equal(new[] { "only text" }, base64.Request.Inputs);
            Assert.Equal(new[] { 0.25f, -1.5f, 3.0e-8f }, Assert.Single(base64.Response.Embeddings).ToArray());
        }

        [Fact]
        public void Ollama_embed_has_vectors_usage_and_durations()
        {
            RecordedResponse response = Recordings.Other.OllamaEmbed.Response;
            Assert.Equal(new[] { 0.1f, -0.2f, 0.3f }, Assert.Single(response.Embeddings).ToArray());
            Assert.Equal(1, response.Usage!.InputTokens);
            Assert.Equal(14065800123L, response.Timings!.TotalNanoseconds);
            Assert.Equal(TimeSpan.FromTicks(140658001), response.Timings.Total);
            Assert.Equal(1019500L, response.Timings.LoadNanoseconds);
            Assert.Null(response.Timings.EvaluationNanoseconds);
        }

        [Fact]
        public void Id_normalization_replaces_each_original_value_by_its_key_before_anything_reads_it()
        {
            Recording recording = Recordings.Other.IdNormalization;
            Assert.Equal("call_NORMALIZED_1", recording.Request.Messages[1].ToolCalls[0].Id);
            Assert.Equal("call_NORMALIZED_1", recording.Request.Messages[2].ToolCallId);
            Assert.Equal("Done: chatcmpl-NORMALIZED_2 answered call_NORMALIZED_1.", recording.Response.Text);
            Assert.Contains("\"id\":\"chatcmpl-NORMALIZED_2\"", recording.Response.BodyJson);
            Assert.DoesNotContain("ORIGINAL", recording.Request.BodyJson);
        }
    }
}
