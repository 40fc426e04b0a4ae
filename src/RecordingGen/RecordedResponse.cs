using RecordingGen.Internal;
using System.Collections.Generic;

namespace RecordingGen
{
    /// <summary>The response side of a recording, with its aggregates precomputed.</summary>
    public sealed class RecordedResponse
    {
        private readonly JsonText _body;

        /// <summary>Creates a response. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedResponse(
            bool isStreaming,
            int? statusCode,
            string? bodyJson,
            IReadOnlyList<RecordedChunk> chunks,
            string text,
            IReadOnlyList<ToolCall> toolCalls,
            string? finishReason,
            TokenUsage? usage,
            RecordedError? error = null,
            IReadOnlyList<RecordedModel>? models = null)
            : this(isStreaming, statusCode, JsonText.FromString(bodyJson), chunks, text, toolCalls, finishReason, usage, error, models ?? new RecordedModel[0])
        {
        }

        internal RecordedResponse(
            bool isStreaming,
            int? statusCode,
            JsonText body,
            IReadOnlyList<RecordedChunk> chunks,
            string text,
            IReadOnlyList<ToolCall> toolCalls,
            string? finishReason,
            TokenUsage? usage,
            RecordedError? error,
            IReadOnlyList<RecordedModel> models)
        {
            Error = error;
            Models = models;
            IsStreaming = isStreaming;
            StatusCode = statusCode;
            _body = body;
            Chunks = chunks;
            Text = text;
            ToolCalls = toolCalls;
            FinishReason = finishReason;
            Usage = usage;
        }

        /// <summary>Whether the response was recorded as a stream.</summary>
        public bool IsStreaming { get; }

        /// <summary>The recorded HTTP <c>status</c>, or null where the recorder kept none.</summary>
        public int? StatusCode { get; }

        /// <summary>The non-streamed body as JSON text with the recorder's <c>__type__</c>/<c>__data__</c> wrapper removed; null when streamed or absent.</summary>
        public string? BodyJson => _body.Value;

        /// <summary>The streamed items in order; empty when the response was not streamed.</summary>
        public IReadOnlyList<RecordedChunk> Chunks { get; }

        /// <summary>The assistant's text: the streamed text deltas concatenated, or the message content; "" when none.</summary>
        public string Text { get; }

        /// <summary>The tool calls the model made, assembled from the stream where it was streamed.</summary>
        public IReadOnlyList<ToolCall> ToolCalls { get; }

        /// <summary>The finish reason: the last one the stream carried, or the first choice's.</summary>
        public string? FinishReason { get; }

        /// <summary>For a model list, its models in order; empty otherwise.</summary>
        public IReadOnlyList<RecordedModel> Models { get; }

        /// <summary>The error recorded instead of a response (<c>is_exception</c>), or null.</summary>
        public RecordedError? Error { get; }

        /// <summary>The token usage the response reported, or null when it reported none.</summary>
        public TokenUsage? Usage { get; }
    }
}
