using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// The typed layer of embeddings: OpenAI <c>/v1/embeddings</c> (<c>data[i].embedding</c>, numbers or base64)
    /// and Ollama's <c>/api/embed</c> (<c>embeddings</c>) and <c>/api/embeddings</c> (<c>embedding</c>). The inputs
    /// become Inputs; the vectors are located in the body, whose compact numbers the library turns into floats.
    /// </summary>
    internal static class EmbeddingsReader
    {
        public const string OpenAIType = "openai.types.create_embedding_response.CreateEmbeddingResponse";

        public static bool IsEmbeddings(string? endpoint, string? type)
            => type == OpenAIType || type == "ollama._types.EmbedResponse" || type == "ollama._types.EmbeddingsResponse"
               || (endpoint is not null && (endpoint.EndsWith("/embeddings", System.StringComparison.Ordinal) || endpoint.EndsWith("/api/embed", System.StringComparison.Ordinal)));

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            JsonValue? input = body.Member("input") ?? body.Member("prompt");
            if (input.String() is { } single)
            {
                request.Inputs.Add(single);
            }
            else if (input.Array() is { } items)
            {
                foreach (JsonValue item in items.EnumerateArray())
                {
                    // Token-id inputs have no text: they are kept as their JSON.
                    request.Inputs.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.CompactText());
                }
            }
        }

        public static void ReadResponse(ResponseShape response)
        {
            if (response.Body is not { ValueKind: JsonValueKind.Object } body)
            {
                return;
            }

            JsonValue? root = body;
            if (root.Member("data").Array() is { } data)
            {
                int index = 0;
                foreach (JsonValue item in data.EnumerateArray())
                {
                    AddVector(response, item.Member("embedding"), new object[] { "data", index, "embedding" });
                    index++;
                }
            }
            else if (root.Member("embeddings").Array() is { } vectors)
            {
                int index = 0;
                foreach (JsonValue vector in vectors.EnumerateArray())
                {
                    AddVector(response, vector, new object[] { "embeddings", index++ });
                }
            }
            else
            {
                AddVector(response, root.Member("embedding"), new object[] { "embedding" });
            }

            if (root.Member("usage").Object() is { } usage)
            {
                int? input = usage.Member("prompt_tokens").Int();
                int? total = usage.Member("total_tokens").Int();
                response.Usage = UsageShape.Of(input, null, total);
            }

            if (root.Member("prompt_eval_count").Int() is { } ollamaInput)
            {
                response.Usage = new UsageShape { InputTokens = ollamaInput, TotalTokens = ollamaInput };
            }

            response.Timings = OllamaReader.Timings(root);
        }

        /// <summary>Only an array of numbers or a base64 string is a vector; anything else is left to the raw body.</summary>
        private static void AddVector(ResponseShape response, JsonValue? vector, object[] path)
        {
            if (vector is { ValueKind: JsonValueKind.String })
            {
                response.EmbeddingPaths.Add(path);
                return;
            }

            if (vector is not { ValueKind: JsonValueKind.Array } numbers)
            {
                return;
            }

            foreach (JsonValue number in numbers.EnumerateArray())
            {
                if (number.ValueKind != JsonValueKind.Number)
                {
                    return;
                }
            }

            response.EmbeddingPaths.Add(path);
        }
    }
}
