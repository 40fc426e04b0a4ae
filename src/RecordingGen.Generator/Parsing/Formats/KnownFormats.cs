using System.Collections.Generic;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The response types the ogx / Llama Stack recorder is known to write. An unknown type, or a recording
    /// without a type that no typed layer recognized, still generates, raw, with an informational RG0003 so a
    /// user learns that nothing typed it.
    /// </summary>
    internal static class KnownFormats
    {
        private static readonly HashSet<string> Types = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
            "openai.types.chat.chat_completion.ChatCompletion",
            "openai.types.completion.Completion",
            "openai.types.create_embedding_response.CreateEmbeddingResponse",
            "openai.types.model.Model",
            "ollama._types.GenerateResponse",
            "ollama._types.ChatResponse",
            "ollama._types.EmbeddingsResponse",
            "ollama._types.EmbedResponse",
            "ollama._types.ListResponse",
            "ollama._types.ProcessResponse",
            "ollama._types.ProgressResponse",
            "ogx_api.tools.ToolInvocationResult",
            "llama_stack_api.tools.ToolInvocationResult",
            "llama_stack.apis.tools.ToolInvocationResult",
            "llama_stack_api.file_processors.models.ProcessFileResponse",
        };

        public static bool IsKnownType(string type) => Types.Contains(type);
    }
}
