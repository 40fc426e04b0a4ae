using System;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>
    /// Ollama's embeddings endpoint was <c>/api/embeddings</c> (<c>prompt</c> in, one <c>embedding</c> out) before it became
    /// <c>/api/embed</c> (<c>input</c> in, a list of <c>embeddings</c> out), and older recordings hold the first. Today's
    /// clients (OllamaSharp's <c>EmbedAsync</c>) send the second: one input is answered from a recording of the same prompt
    /// at the older endpoint, in the newer shape.
    /// </summary>
    internal static class OllamaEmbedFallback
    {
        private const string Embed = "/api/embed";

        /// <summary>The request as the older endpoint took it, or null when it is not a one-input <c>/api/embed</c> request.</summary>
        public static (string Path, JsonTree Body)? AsOlderRequest(string path, JsonTree? body)
        {
            if (!path.TrimEnd('/').EndsWith(Embed, StringComparison.Ordinal) || body?.Get("input") is not { } input)
            {
                return null;
            }

            JsonTree? prompt = input.Kind == JsonValueKind.String ? input
                : input.Kind == JsonValueKind.Array && input.Items.Count == 1 && input.Items[0].Kind == JsonValueKind.String ? input.Items[0]
                : null;
            if (prompt is null)
            {
                return null;
            }

            JsonTree older = JsonTree.EmptyObject();
            foreach (var property in body.Properties)
            {
                older.Set(property.Key == "input" ? "prompt" : property.Key, property.Key == "input" ? prompt : property.Value);
            }

            return (path.TrimEnd('/') + "dings", older);
        }
    }
}
