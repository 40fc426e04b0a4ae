using System.Collections.Generic;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>
    /// The response types and endpoints the ogx / Llama Stack recorder is known to write. Anything else still
    /// generates, raw, with an informational RG0003 so a user learns that nothing typed it.
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

        private static readonly string[] EndpointSuffixes =
        {
            "/chat/completions", "/completions", "/embeddings", "/models",
            "/api/generate", "/api/chat", "/api/embeddings", "/api/embed", "/api/tags", "/api/ps", "/api/pull",
            "/generate_content", "/generate_content_stream",
        };

        public static bool IsKnownType(string type) => Types.Contains(type);

        public static bool IsKnownEndpoint(string endpoint)
        {
            foreach (string suffix in EndpointSuffixes)
            {
                if (endpoint.EndsWith(suffix, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
