using System;

namespace RecordingGen.Record
{
    /// <summary>
    /// The <c>__type__</c> names ogx's Python side writes for each endpoint (the Python SDK's response classes), so a file
    /// recorded here reads as one recorded there, by RecordingGen's typed layers and by ogx alike.
    /// </summary>
    internal static class ResponseTypes
    {
        public const string OpenAIModel = "openai.types.model.Model";

        /// <summary>The type of a response (or of each chunk of a stream) at <paramref name="path"/>; null for an endpoint ogx does not type.</summary>
        public static string? Of(string path, bool chunk)
        {
            string endpoint = path.TrimEnd('/');
            if (endpoint.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                return chunk ? "openai.types.chat.chat_completion_chunk.ChatCompletionChunk" : "openai.types.chat.chat_completion.ChatCompletion";
            }

            if (endpoint.EndsWith("/completions", StringComparison.Ordinal))
            {
                return "openai.types.completion.Completion"; // streamed or not
            }

            if (endpoint.EndsWith("/embeddings", StringComparison.Ordinal) && !endpoint.EndsWith("/api/embeddings", StringComparison.Ordinal))
            {
                return "openai.types.create_embedding_response.CreateEmbeddingResponse";
            }

            switch (endpoint.Substring(Math.Max(0, endpoint.LastIndexOf("/api/", StringComparison.Ordinal))))
            {
                case "/api/chat": return "ollama._types.ChatResponse";
                case "/api/generate": return "ollama._types.GenerateResponse";
                case "/api/tags": return "ollama._types.ListResponse";
                case "/api/ps": return "ollama._types.ProcessResponse";
                case "/api/embed": return "ollama._types.EmbedResponse";
                case "/api/embeddings": return "ollama._types.EmbeddingsResponse";
                case "/api/pull": return "ollama._types.ProgressResponse";
                case "/api/show": return "ollama._types.ShowResponse";
                default: return null;
            }
        }

        public static bool IsOpenAIModelList(string path) => path.TrimEnd('/').EndsWith("/models", StringComparison.Ordinal) && !path.Contains("/api/");

        /// <summary>The exception class the Python SDK raises for an HTTP status, which ogx records as the error's type.</summary>
        public static string ErrorType(int status, string path)
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                return "ResponseError"; // ollama-python raises one class for every status
            }

            switch (status)
            {
                case 400: return "BadRequestError";
                case 401: return "AuthenticationError";
                case 403: return "PermissionDeniedError";
                case 404: return "NotFoundError";
                case 409: return "ConflictError";
                case 422: return "UnprocessableEntityError";
                case 429: return "RateLimitError";
                default: return status >= 500 ? "InternalServerError" : "APIStatusError";
            }
        }
    }
}
