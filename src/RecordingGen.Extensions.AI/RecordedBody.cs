using System;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>The recorded request body, read once when a request is converted for an SDK (the fixtures themselves never parse JSON).</summary>
    internal static class RecordedBody
    {
        public static JsonDocument Parse(RecordedRequest request)
        {
            if (request.BodyJson is not { } json)
            {
                throw new NotSupportedException("The recording has no request body to convert.");
            }

            JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new NotSupportedException("The recorded request body is not a JSON object.");
            }

            return document;
        }

        /// <summary>The body's <c>messages</c> array, which makes it a chat completions request.</summary>
        public static JsonElement Messages(JsonElement body)
            => body.TryGetProperty("messages", out JsonElement messages) && messages.ValueKind == JsonValueKind.Array
                ? messages
                : throw new NotSupportedException("The recorded request has no messages array: it is not a chat completions request.");
    }
}
