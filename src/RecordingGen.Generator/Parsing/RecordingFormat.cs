namespace RecordingGen.Generator.Parsing
{
    /// <summary>The format whose typed layer a recording received; None leaves it to the common layer alone.</summary>
    internal enum RecordingFormat
    {
        None,
        OpenAIChat,
        OpenAICompletions,
        OllamaGenerate,
        Embeddings,
        AnthropicMessages,
        GeminiInteractions,
        VertexGenerateContent,
        ModelList,
        ToolRuntime,
    }
}
