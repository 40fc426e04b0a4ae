namespace RecordingGen
{
    /// <summary>
    /// One recorded interaction with an LLM API: the request that was sent and the response that came back. A
    /// recording whose request offered tools is a <see cref="Recording{TTools}"/>, with the tools as members.
    /// </summary>
    public class Recording
    {
        /// <summary>Creates a recording. Generated fixtures create these; tests rarely need to.</summary>
        public Recording(string sourcePath, string? testId, RecordedRequest request, RecordedResponse response, RecordingFormat format = RecordingFormat.Unknown)
        {
            Format = format;
            SourcePath = sourcePath;
            TestId = testId;
            Request = request;
            Response = response;
        }

        /// <summary>The recording file's path relative to the project folder, with '/' separators.</summary>
        public string SourcePath { get; }

        /// <summary>The recorder's test id (the pytest node id), or null for recordings that predate it.</summary>
        public string? TestId { get; }

        /// <summary>The API format the recording is in: which typed members it has and which wire format it replays in.</summary>
        public RecordingFormat Format { get; }

        /// <summary>The recorded request.</summary>
        public RecordedRequest Request { get; }

        /// <summary>The recorded response.</summary>
        public RecordedResponse Response { get; }

        /// <inheritdoc />
        public override string ToString() => SourcePath;
    }
}
