using RecordingGen.Internal;
using System;
using System.Collections.Generic;

namespace RecordingGen
{
    /// <summary>The response side of a recording, with its aggregates precomputed.</summary>
    public sealed class RecordedResponse
    {
        private readonly JsonText _body;
        private IReadOnlyList<ReadOnlyMemory<float>>? _embeddings;
        private readonly Func<IReadOnlyList<ReadOnlyMemory<float>>>? _readEmbeddings;

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
            IReadOnlyList<RecordedModel>? models = null,
            string? thinking = null,
            IReadOnlyList<ReadOnlyMemory<float>>? embeddings = null,
            ResponseTimings? timings = null)
            : this(isStreaming, statusCode, JsonText.FromString(bodyJson), chunks, text, toolCalls, finishReason, usage, error, models ?? new RecordedModel[0])
        {
            Thinking = thinking ?? string.Empty;
            _embeddings = embeddings ?? new ReadOnlyMemory<float>[0];
            Timings = timings;
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
            IReadOnlyList<RecordedModel> models,
            string thinking = "",
            Func<IReadOnlyList<ReadOnlyMemory<float>>>? readEmbeddings = null,
            ResponseTimings? timings = null)
        {
            Thinking = thinking;
            _readEmbeddings = readEmbeddings;
            Timings = timings;
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

        /// <summary>The model's reasoning ("thinking") text, kept apart from <see cref="Text"/>: thinking deltas concatenated, or thinking blocks joined; "" when none.</summary>
        public string Thinking { get; }

        /// <summary>
        /// For an embeddings response, its vectors in order as floats (decoded from compact data on first
        /// access, never from JSON text; base64 vectors are decoded too); empty otherwise.
        /// </summary>
        public IReadOnlyList<ReadOnlyMemory<float>> Embeddings
        {
            get
            {
                if (_embeddings is null)
                {
                    // Benign race: two threads may decode equal vectors; either result is correct.
                    _embeddings = _readEmbeddings?.Invoke() ?? new ReadOnlyMemory<float>[0];
                }

                return _embeddings;
            }
        }

        /// <summary>For an Ollama native response, the durations it reported; null otherwise.</summary>
        public ResponseTimings? Timings { get; }

        /// <summary>The tool calls the model made, assembled from the stream where it was streamed.</summary>
        public IReadOnlyList<ToolCall> ToolCalls { get; }

        /// <summary>The finish reason: the last one the stream carried, or the first choice's.</summary>
        public string? FinishReason { get; }

        /// <summary>For a model list, its models in order; empty otherwise.</summary>
        public IReadOnlyList<RecordedModel> Models { get; }

        /// <summary>
        /// The error recorded instead of a response (<c>is_exception</c>), or the error an HTTP pass-through
        /// recording answered with (status 400 or above, with the body's <c>error</c>); null otherwise.
        /// </summary>
        public RecordedError? Error { get; }

        /// <summary>The token usage the response reported, or null when it reported none.</summary>
        public TokenUsage? Usage { get; }
    }
}
