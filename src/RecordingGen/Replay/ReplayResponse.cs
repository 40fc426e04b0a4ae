using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace RecordingGen.Replay
{
    /// <summary>
    /// A recording's response in its provider's wire format, built once from the precomputed data (chunk and
    /// body JSON are written from compact tokens, never parsed) and then served as the same bytes.
    /// </summary>
    internal sealed class ReplayResponse
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private ReplayResponse(HttpStatusCode status, string mediaType, byte[] body)
        {
            Status = status;
            MediaType = mediaType;
            Body = body;
        }

        public HttpStatusCode Status { get; }

        public string MediaType { get; }

        public byte[] Body { get; }

        public HttpResponseMessage ToMessage(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = MediaType == "text/event-stream" ? null : "utf-8" };
            return new HttpResponseMessage(Status) { Content = content, RequestMessage = request };
        }

        public static ReplayResponse For(Recording recording, bool base64Embeddings)
        {
            RecordedResponse response = recording.Response;
            if (response.Error is { } error && response.BodyJson is null && !response.IsStreaming)
            {
                // A recorded SDK exception: the status and error body the provider sent.
                string body = error.BodyJson is { } json
                    ? (json.StartsWith("{\"error\":", StringComparison.Ordinal) ? json : "{\"error\":" + json + "}")
                    : "{\"error\":{\"message\":" + JsonString(error.Message ?? string.Empty) + ",\"type\":" + JsonString(error.Type ?? "error") + "}}";
                return Json(StatusOf(recording, error.StatusCode ?? 500), body);
            }

            HttpStatusCode status = StatusOf(recording, response.StatusCode ?? 200);
            if (response.IsStreaming)
            {
                return Stream(recording, status);
            }

            if (base64Embeddings && recording.Format == RecordingFormat.OpenAIEmbeddings && response.Embeddings.Count > 0)
            {
                return Json(status, Base64Embeddings(recording));
            }

            string bodyJson = response.BodyJson ?? "{}";
            if (recording.Format == RecordingFormat.OpenAIModels && bodyJson.StartsWith("[", StringComparison.Ordinal))
            {
                // The recorder stores the list's items; the wire has the list object around them.
                bodyJson = "{\"object\":\"list\",\"data\":" + bodyJson + "}";
            }

            return Json(status, bodyJson);
        }

        // The build reports such a recording (RG0013); one built anyway gets a message instead of an ArgumentOutOfRangeException.
        private static HttpStatusCode StatusOf(Recording recording, int status)
            => status is >= 100 and <= 999
                ? (HttpStatusCode)status
                : throw new InvalidOperationException("Recording " + recording.SourcePath + " has the status " + status.ToString(CultureInfo.InvariantCulture) + ", which is not an HTTP status code; it cannot be replayed (the build reported RG0013).");

        /// <summary>
        /// One OpenAI model list of every model the given lists recorded (each id once, the first list's entry), as ogx
        /// answers a model list at replay: tests recorded at different times saw different models.
        /// </summary>
        private const long LastUnixSecond = 253_402_300_799; // 9999-12-31T23:59:59Z

        public static ReplayResponse ModelUnion(IEnumerable<Recording> modelLists)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var body = new StringBuilder("{\"object\":\"list\",\"data\":[");
            foreach (Recording recording in modelLists)
            {
                foreach (RecordedModel model in recording.Response.Models)
                {
                    if (!seen.Add(model.Id))
                    {
                        continue;
                    }

                    body.Append(seen.Count == 1 ? string.Empty : ",").Append("{\"id\":").Append(JsonString(model.Id)).Append(",\"object\":\"model\"");
                    if (model.Created is { } created)
                    {
                        // Some providers answer milliseconds; the union is built, not recorded, so it says seconds, as the
                        // OpenAI API defines them (the OpenAI SDK rejects a later year than 9999, so one such list would break all).
                        body.Append(",\"created\":").Append((created > LastUnixSecond ? created / 1000 : created).ToString(CultureInfo.InvariantCulture));
                    }

                    body.Append(",\"owned_by\":").Append(JsonString(model.OwnedBy ?? string.Empty)).Append('}');
                }
            }

            return Json(HttpStatusCode.OK, body.Append("]}").ToString());
        }

        private static ReplayResponse Stream(Recording recording, HttpStatusCode status)
        {
            var text = new StringBuilder();
            switch (recording.Format)
            {
                case RecordingFormat.OllamaGenerate:
                case RecordingFormat.OllamaChat:
                case RecordingFormat.OllamaEmbeddings:
                case RecordingFormat.OllamaModels:
                    foreach (RecordedChunk chunk in recording.Response.Chunks)
                    {
                        text.Append(chunk.Json).Append('\n');
                    }

                    return new ReplayResponse(status, "application/x-ndjson", Utf8.GetBytes(text.ToString()));

                case RecordingFormat.AnthropicMessages:
                case RecordingFormat.GeminiInteractions:
                    // Replayed as recorded: event names matter (the Anthropic SDK drops events without them).
                    foreach (RecordedChunk chunk in recording.Response.Chunks)
                    {
                        if (chunk.EventName is { } name)
                        {
                            text.Append("event: ").Append(name).Append('\n');
                        }

                        foreach (string line in chunk.Data.Split('\n'))
                        {
                            text.Append("data: ").Append(line).Append('\n');
                        }

                        // A blank line ends each event; with a single newline SDKs merge or drop events silently.
                        text.Append('\n');
                    }

                    break;

                default:
                    foreach (RecordedChunk chunk in recording.Response.Chunks)
                    {
                        text.Append("data: ").Append(chunk.Data).Append("\n\n");
                    }

                    text.Append("data: [DONE]\n\n");
                    break;
            }

            return new ReplayResponse(status, "text/event-stream", Utf8.GetBytes(text.ToString()));
        }

        /// <summary>An OpenAI embeddings body with each vector as base64 little-endian floats, as <c>encoding_format: "base64"</c> asks.</summary>
        private static string Base64Embeddings(Recording recording)
        {
            RecordedResponse response = recording.Response;
            var body = new StringBuilder("{\"object\":\"list\",\"data\":[");
            for (int i = 0; i < response.Embeddings.Count; i++)
            {
                float[] vector = response.Embeddings[i].ToArray();
                var bytes = new byte[vector.Length * sizeof(float)];
                for (int v = 0; v < vector.Length; v++)
                {
                    byte[] value = BitConverter.GetBytes(vector[v]);
                    if (!BitConverter.IsLittleEndian)
                    {
                        Array.Reverse(value);
                    }

                    Buffer.BlockCopy(value, 0, bytes, v * sizeof(float), sizeof(float));
                }

                body.Append(i == 0 ? string.Empty : ",")
                    .Append("{\"object\":\"embedding\",\"index\":").Append(i.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"embedding\":\"").Append(Convert.ToBase64String(bytes)).Append("\"}");
            }

            body.Append("],\"model\":").Append(JsonString(recording.Request.Model ?? string.Empty));
            if (response.Usage is { } usage)
            {
                body.Append(",\"usage\":{\"prompt_tokens\":").Append((usage.InputTokens ?? 0).ToString(CultureInfo.InvariantCulture))
                    .Append(",\"total_tokens\":").Append((usage.TotalTokens ?? usage.InputTokens ?? 0).ToString(CultureInfo.InvariantCulture)).Append('}');
            }

            return body.Append('}').ToString();
        }

        private static ReplayResponse Json(HttpStatusCode status, string json) => new ReplayResponse(status, "application/json", Utf8.GetBytes(json));

        /// <summary>A recording of Ollama's older <c>/api/embeddings</c> (one <c>embedding</c>) in the shape of <c>/api/embed</c> (a list of <c>embeddings</c>).</summary>
        public static ReplayResponse OllamaEmbedFromOlder(Recording older)
        {
            var json = new StringBuilder("{\"model\":").Append(JsonString(older.Request.Model ?? string.Empty)).Append(",\"embeddings\":[[");
            ReadOnlySpan<float> vector = older.Response.Embeddings.Count > 0 ? older.Response.Embeddings[0].Span : default;
            for (int i = 0; i < vector.Length; i++)
            {
                json.Append(i == 0 ? string.Empty : ",").Append(vector[i].ToString("R", CultureInfo.InvariantCulture));
            }

            return Json(HttpStatusCode.OK, json.Append("]]}").ToString());
        }

        private static string JsonString(string value)
            => System.Text.Json.JsonSerializer.Serialize(value);
    }
}
