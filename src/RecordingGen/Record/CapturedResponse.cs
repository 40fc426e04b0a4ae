namespace RecordingGen.Record
{
    /// <summary>A real API's answer, whole: what is written, and what answers the same request again in this run.</summary>
    internal sealed class CapturedResponse
    {
        public CapturedResponse(int status, string? contentType, byte[] body, bool streamed)
        {
            Status = status;
            ContentType = contentType;
            Body = body;
            Streamed = streamed;
        }

        public int Status { get; }

        public string? ContentType { get; }

        public byte[] Body { get; }

        /// <summary>Server-sent events or newline-delimited JSON, recorded as a list of chunks.</summary>
        public bool Streamed { get; }
    }
}
