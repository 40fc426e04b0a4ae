// One definition for the generator (which decides a recording's format) and the library (which exposes it);
// the numbers are stored in the compact data, so members are only ever appended.
namespace RecordingGen
{
    /// <summary>The API format a recording is in, which decides its typed members and the wire format it replays in.</summary>
#if RECORDINGGEN_GENERATOR
    internal
#else
    public
#endif
    enum RecordingFormat
    {
        /// <summary>Not recognized: only the common members and the raw JSON.</summary>
        Unknown = 0,

        /// <summary>OpenAI <c>/v1/chat/completions</c> (also early recordings that filed chat under <c>/v1/completions</c>).</summary>
        OpenAIChat = 1,

        /// <summary>OpenAI text completions, <c>/v1/completions</c>.</summary>
        OpenAICompletions = 2,

        /// <summary>OpenAI <c>/v1/embeddings</c>.</summary>
        OpenAIEmbeddings = 3,

        /// <summary>OpenAI <c>/v1/models</c>.</summary>
        OpenAIModels = 4,

        /// <summary>Ollama native <c>/api/generate</c>.</summary>
        OllamaGenerate = 5,

        /// <summary>Ollama native <c>/api/chat</c>.</summary>
        OllamaChat = 6,

        /// <summary>Ollama native <c>/api/embed</c> and <c>/api/embeddings</c>.</summary>
        OllamaEmbeddings = 7,

        /// <summary>Ollama native <c>/api/tags</c> and <c>/api/ps</c>.</summary>
        OllamaModels = 8,

        /// <summary>Anthropic-style <c>/v1/messages</c> (HTTP pass-through).</summary>
        AnthropicMessages = 9,

        /// <summary>Gemini <c>interactions</c> (HTTP pass-through).</summary>
        GeminiInteractions = 10,

        /// <summary>Vertex / Gemini <c>generate_content</c> and <c>generate_content_stream</c>.</summary>
        VertexGenerateContent = 11,

        /// <summary>A tool-runtime invocation and its result (no HTTP endpoint).</summary>
        ToolRuntime = 12,
    }
}
