using System.Collections.Generic;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing
{
    // The typed view of one recording that the readers build and the encoder stores. JSON parts stay
    // JsonElements so the encoder can turn them into tokens; nothing here outlives one parse.

    internal sealed class RequestShape
    {
        public string? Method { get; set; }

        public string? Url { get; set; }

        public string? Endpoint { get; set; }

        public string? Model { get; set; }

        public bool Stream { get; set; }

        public string? Prompt { get; set; }

        public ToolCallShape? ToolInvocation { get; set; }

        public JsonValue? Body { get; set; }

        /// <summary>Where the body sits: <c>request.body</c> or <c>request.payload</c>.</summary>
        public JsonPath BodyPath { get; set; } = JsonPath.Root;

        public List<MessageShape> Messages { get; } = new List<MessageShape>();

        public List<ToolShape> Tools { get; } = new List<ToolShape>();

        /// <summary>The texts an embeddings request embeds.</summary>
        public List<string> Inputs { get; } = new List<string>();
    }

    internal sealed class MessageShape
    {
        /// <summary>
        /// Adds a turn and the tool results it carried, which become messages of role <c>tool</c> as in the
        /// OpenAI layout; a turn that carried only tool results is those results alone.
        /// </summary>
        public static void AddTurn(List<MessageShape> messages, MessageShape turn, List<MessageShape> toolResults)
        {
            if (toolResults.Count == 0 || turn.Text is not null || turn.ToolCalls.Count > 0)
            {
                messages.Add(turn);
            }

            messages.AddRange(toolResults);
        }

        public JsonPath Path { get; set; } = JsonPath.Root;

        public string Role { get; set; } = string.Empty;

        public string? Text { get; set; }

        public string? ToolCallId { get; set; }

        public List<ToolCallShape> ToolCalls { get; } = new List<ToolCallShape>();
    }

    internal sealed class ToolShape
    {
        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public JsonValue? Parameters { get; set; }
    }

    internal sealed class ToolCallShape
    {
        /// <summary>The call object (for a streamed call, its first fragment), for diagnostics.</summary>
        public JsonPath Path { get; set; } = JsonPath.Root;

        public string? Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Arguments { get; set; } = string.Empty;
    }

    internal sealed class ResponseShape
    {
        public bool IsStreaming { get; set; }

        public int? StatusCode { get; set; }

        /// <summary>The non-streamed body, already unwrapped from the recorder's <c>__type__</c>/<c>__data__</c>.</summary>
        public JsonValue? Body { get; set; }

        /// <summary>Where the unwrapped body sits.</summary>
        public JsonPath BodyPath { get; set; } = JsonPath.Root;

        /// <summary>A non-streamed body that is a list (model lists): its items, each unwrapped.</summary>
        public List<JsonValue>? BodyItems { get; set; }

        public List<ChunkShape> Chunks { get; } = new List<ChunkShape>();

        /// <summary>The response text when it is not the concatenation of the chunks' text deltas.</summary>
        public string? Text { get; set; }

        public bool TextFromChunks { get; set; }

        /// <summary>The reasoning text when it is not the concatenation of the chunks' thinking deltas.</summary>
        public string? Thinking { get; set; }

        public bool ThinkingFromChunks { get; set; }

        /// <summary>Where each embedding vector sits inside the body, as property names and array indices.</summary>
        public List<object[]> EmbeddingPaths { get; } = new List<object[]>();

        public TimingsShape? Timings { get; set; }

        /// <summary>Documents parsed from SSE data lines; they back chunk data until the recording is encoded.</summary>
        public List<FlatJson> OwnedDocuments { get; } = new List<FlatJson>();

        public List<ToolCallShape> ToolCalls { get; } = new List<ToolCallShape>();

        public string? FinishReason { get; set; }

        public UsageShape? Usage { get; set; }

        public ErrorShape? Error { get; set; }

        public List<ModelShape> Models { get; } = new List<ModelShape>();
    }

    internal sealed class ModelShape
    {
        public string Id { get; set; } = string.Empty;

        public string? OwnedBy { get; set; }

        /// <summary>The raw JSON number text of <c>created</c>, when it is an integer.</summary>
        public string? Created { get; set; }
    }

    internal sealed class ErrorShape
    {
        public string? Category { get; set; }

        public string? Provider { get; set; }

        public string? Type { get; set; }

        public string? Message { get; set; }

        public int? StatusCode { get; set; }

        public JsonValue? Body { get; set; }
    }

    internal sealed class TimingsShape
    {
        public string? Total { get; set; }

        public string? Load { get; set; }

        public string? PromptEvaluation { get; set; }

        public string? Evaluation { get; set; }
    }

    internal sealed class ChunkShape
    {
        public ChunkShape(JsonValue? data, JsonPath dataPath)
        {
            Data = data;
            DataPath = dataPath;
        }

        /// <summary>The chunk's JSON; null for an SSE event whose data is not JSON (see <see cref="RawData"/>).</summary>
        public JsonValue? Data { get; }

        /// <summary>An SSE event's data text when it is not JSON, such as <c>[DONE]</c>.</summary>
        public string? RawData { get; set; }

        public string? EventName { get; set; }

        public string? ThinkingDelta { get; set; }

        /// <summary>Where the unwrapped chunk sits.</summary>
        public JsonPath DataPath { get; }

        public string? TextDelta { get; set; }

        public string? FinishReason { get; set; }
    }

    internal sealed class UsageShape
    {
        /// <summary>The usage a response reported, or null when it reported none of the three counts.</summary>
        public static UsageShape? Of(int? input, int? output, int? total)
            => input is null && output is null && total is null ? null : new UsageShape { InputTokens = input, OutputTokens = output, TotalTokens = total };

        public int? InputTokens { get; set; }

        public int? OutputTokens { get; set; }

        public int? TotalTokens { get; set; }
    }
}
