using RecordingGen.Internal;
namespace RecordingGen
{
    /// <summary>One item of a streamed response, in the order it was received.</summary>
    public sealed class RecordedChunk
    {
        private readonly JsonText _json;

        /// <summary>Creates a chunk. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedChunk(string json, string? textDelta, string? finishReason)
            : this(JsonText.FromString(json), textDelta, finishReason)
        {
        }

        internal RecordedChunk(JsonText json, string? textDelta, string? finishReason)
        {
            _json = json;
            TextDelta = textDelta;
            FinishReason = finishReason;
        }

        /// <summary>The chunk's data as JSON text (the recorder's <c>__data__</c> unwrapped); built on first access.</summary>
        public string Json => _json.Value ?? "null";

        /// <summary>The assistant text this chunk adds, or null when it adds none.</summary>
        public string? TextDelta { get; }

        /// <summary>The finish reason this chunk carries, or null.</summary>
        public string? FinishReason { get; }

        /// <inheritdoc />
        public override string ToString() => Json;
    }
}
