using RecordingGen.Internal;

namespace RecordingGen
{
    /// <summary>
    /// One item of a streamed response, in the order it was received: a chunk object, or for a recorded
    /// server-sent-event stream (Anthropic messages, Gemini interactions) one SSE event.
    /// </summary>
    public sealed class RecordedChunk
    {
        private readonly JsonText _json;
        private readonly string? _rawData;

        /// <summary>Creates a chunk. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedChunk(string json, string? textDelta, string? finishReason, string? eventName = null, string? thinkingDelta = null)
            : this(JsonText.FromString(json), null, textDelta, finishReason, eventName, thinkingDelta)
        {
        }

        internal RecordedChunk(JsonText json, string? rawData, string? textDelta, string? finishReason, string? eventName, string? thinkingDelta)
        {
            _json = json;
            _rawData = rawData;
            TextDelta = textDelta;
            FinishReason = finishReason;
            EventName = eventName;
            ThinkingDelta = thinkingDelta;
        }

        /// <summary>
        /// The chunk's data as JSON text (the recorder's <c>__data__</c> unwrapped, or an SSE event's data);
        /// built on first access. When the data is not JSON, such as the <c>[DONE]</c> terminator, it is the four-character
        /// JSON text <c>"null"</c> (never a null reference, so every chunk's Json parses); <see cref="Data"/> has the text as recorded.
        /// </summary>
        public string Json => _rawData is null ? _json.Value ?? "null" : "null";

        /// <summary>The data as text: for an SSE event whose data is not JSON, that text as recorded; otherwise <see cref="Json"/>.</summary>
        public string Data => _rawData ?? Json;

        /// <summary>The SSE <c>event:</c> name, such as <c>content_block_delta</c>; null for chunks that were not SSE events or had none.</summary>
        public string? EventName { get; }

        /// <summary>The assistant text this chunk adds, or null when it adds none.</summary>
        public string? TextDelta { get; }

        /// <summary>The reasoning ("thinking") text this chunk adds, kept apart from <see cref="TextDelta"/>; null when none.</summary>
        public string? ThinkingDelta { get; }

        /// <summary>The finish reason this chunk carries, or null.</summary>
        public string? FinishReason { get; }

        /// <inheritdoc />
        public override string ToString() => EventName is null ? Data : EventName + ": " + Data;
    }
}
