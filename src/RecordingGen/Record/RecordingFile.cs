using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RecordingGen.Record
{
    /// <summary>
    /// A request and its answer as a recording file in ogx's format, which both RecordingGen and ogx read: the fields
    /// ogx's recorder writes, its <c>__type__</c> names for the same endpoints, its normalization of ids and timestamps,
    /// and its layout (<c>json.dump(indent=2)</c>, non-ASCII escaped).
    /// </summary>
    internal static class RecordingFile
    {
        /// <summary>The file's name and text.</summary>
        public static (string Name, string Text) Build(Exchange exchange, CapturedResponse response, Func<string, string, string>? scrub)
        {
            PythonValue file = PythonValue.Object()
                .Set("test_id", exchange.TestId is null ? PythonValue.Null() : PythonValue.String(exchange.TestId))
                .Set("request", exchange.IsPassThrough ? PassThroughRequest(exchange) : InferenceRequest(exchange))
                .Set("response", exchange.IsPassThrough ? PassThroughResponse(response) : InferenceResponse(exchange, response))
                .Set("id_normalization_mapping", PythonValue.Object());
            if (scrub is not null)
            {
                Scrub(file.Get("request")!, "request", scrub);
                Scrub(file.Get("response")!, "response", scrub);
            }

            var text = new StringBuilder();
            PythonJson.WriteIndented(text, file);
            text.Append('\n');
            return (RecordingKey.FileName(exchange.Key, exchange.Path, ModelIds(exchange, file)), text.ToString());
        }

        private static PythonValue InferenceRequest(Exchange exchange)
        {
            PythonValue body = exchange.BodyJson is { } json ? PythonValue.Parse(json) : PythonValue.Object();
            return PythonValue.Object()
                .Set("method", PythonValue.String(exchange.Method))
                .Set("url", PythonValue.String(exchange.Url))
                .Set("headers", PythonValue.Object()) // never written: they carry the API key
                .Set("body", body)
                .Set("endpoint", PythonValue.String(exchange.Path))
                .Set("model", body.Kind == PythonValue.ValueKind.Object && body.Get("model") is { Kind: PythonValue.ValueKind.String } model ? model : PythonValue.String(string.Empty));
        }

        private static PythonValue PassThroughRequest(Exchange exchange)
            => PythonValue.Object()
                .Set("test_id", exchange.TestId is null ? PythonValue.Null() : PythonValue.String(exchange.TestId))
                .Set("url", PythonValue.String(exchange.Url))
                .Set("method", PythonValue.String(exchange.Method))
                .Set("payload", exchange.BodyJson is { } json ? PythonValue.Parse(json) : PythonValue.Object());

        private static PythonValue PassThroughResponse(CapturedResponse response)
        {
            if (response.Streamed && response.Status < 400)
            {
                // As httpx's aiter_lines gives them, blank separator lines included.
                return PythonValue.Object()
                    .Set("body", PythonValue.Array(Lines(response.Body).ConvertAll(PythonValue.String)))
                    .Set("is_streaming", PythonValue.Boolean(true));
            }

            return PythonValue.Object()
                .Set("status", PythonValue.Integer(response.Status))
                .Set("body", Json(response.Body) ?? PythonValue.String(Encoding.UTF8.GetString(response.Body)))
                .Set("is_streaming", PythonValue.Boolean(false));
        }

        private static PythonValue InferenceResponse(Exchange exchange, CapturedResponse response)
        {
            if (response.Status >= 400)
            {
                return Exception(exchange, response);
            }

            string? chunkType = ResponseTypes.Of(exchange.Path, chunk: true);
            if (response.Streamed)
            {
                var chunks = new List<PythonValue>();
                foreach (PythonValue chunk in Chunks(response))
                {
                    chunks.Add(Wrap(Normalize(chunk, exchange.Key), chunkType));
                }

                return PythonValue.Object().Set("body", PythonValue.Array(chunks)).Set("is_streaming", PythonValue.Boolean(true));
            }

            PythonValue body = Json(response.Body) ?? PythonValue.String(Encoding.UTF8.GetString(response.Body));
            if (ResponseTypes.IsOpenAIModelList(exchange.Path) && body.Kind == PythonValue.ValueKind.Object && body.Get("data") is { Kind: PythonValue.ValueKind.Array } models)
            {
                // ogx stores the models the Python client's list() yields, each a Model object.
                return PythonValue.Object()
                    .Set("body", PythonValue.Array(models.Items!.ConvertAll(model => Wrap(model, ResponseTypes.OpenAIModel))))
                    .Set("is_streaming", PythonValue.Boolean(false));
            }

            if (body.Kind == PythonValue.ValueKind.Object)
            {
                DecodeBase64Embeddings(body);
                body = Wrap(Normalize(body, exchange.Key), ResponseTypes.Of(exchange.Path, chunk: false));
            }

            return PythonValue.Object().Set("body", body).Set("is_streaming", PythonValue.Boolean(false));
        }

        /// <summary>An HTTP error as ogx records the exception the Python SDK raises for it.</summary>
        private static PythonValue Exception(Exchange exchange, CapturedResponse response)
        {
            PythonValue? body = Json(response.Body);
            PythonValue inner = body is { Kind: PythonValue.ValueKind.Object } && body.Get("error") is { Kind: PythonValue.ValueKind.Object } error ? error : body ?? PythonValue.Null();
            string message = "Error code: " + response.Status.ToString(CultureInfo.InvariantCulture) + " - " + Encoding.UTF8.GetString(response.Body);
            PythonValue data = PythonValue.Object()
                .Set("category", PythonValue.String("provider_sdk"))
                .Set("provider", PythonValue.String(exchange.Path.StartsWith("/api/", StringComparison.Ordinal) ? "ollama" : "openai"))
                .Set("type", PythonValue.String(ResponseTypes.ErrorType(response.Status, exchange.Path)))
                .Set("message", PythonValue.String(message))
                .Set("status_code", PythonValue.Integer(response.Status))
                .Set("body", inner);
            return PythonValue.Object()
                .Set("body", PythonValue.Null())
                .Set("is_streaming", PythonValue.Boolean(false))
                .Set("is_exception", PythonValue.Boolean(true))
                .Set("exception_data", data)
                .Set("exception_message", PythonValue.String(message));
        }

        /// <summary>ogx's <c>_normalize_response</c>: fields that differ on every call, made constant so files diff cleanly.</summary>
        private static PythonValue Normalize(PythonValue data, string key)
        {
            if (data.Kind != PythonValue.ValueKind.Object)
            {
                return data;
            }

            bool isModel = data.Get("object") is { Kind: PythonValue.ValueKind.String, Text: "model" };
            if (!isModel && data.Get("id") is not null)
            {
                data.Set("id", PythonValue.String("rec-" + key.Substring(0, 12)));
            }

            if (!isModel && data.Get("created") is not null)
            {
                data.Set("created", PythonValue.Integer(0));
            }

            if (data.Get("created_at") is not null)
            {
                data.Set("created_at", PythonValue.String("1970-01-01T00:00:00.000000Z"));
            }

            foreach (string duration in new[] { "total_duration", "load_duration", "prompt_eval_duration", "eval_duration" })
            {
                if (data.Get(duration) is { Kind: not PythonValue.ValueKind.Null })
                {
                    data.Set(duration, PythonValue.Integer(0));
                }
            }

            return data;
        }

        private static PythonValue Wrap(PythonValue data, string? type)
            => type is null ? data : PythonValue.Object().Set("__type__", PythonValue.String(type)).Set("__data__", data);

        // The .NET SDK asks for base64 embeddings; the file keeps them as numbers (float32 digits), as ogx's files do.
        private static void DecodeBase64Embeddings(PythonValue body)
        {
            if (body.Get("data") is not { Kind: PythonValue.ValueKind.Array } items)
            {
                return;
            }

            foreach (PythonValue item in items.Items!)
            {
                if (item.Kind == PythonValue.ValueKind.Object && item.Get("embedding") is { Kind: PythonValue.ValueKind.String } encoded)
                {
                    byte[] bytes = Convert.FromBase64String(encoded.Text!);
                    var floats = new List<PythonValue>(bytes.Length / 4);
                    for (int i = 0; i + 4 <= bytes.Length; i += 4)
                    {
                        float value = BitConverter.ToSingle(bytes, i);
                        floats.Add(PythonValue.NumberText(value.ToString("R", CultureInfo.InvariantCulture)));
                    }

                    item.Set("embedding", PythonValue.Array(floats));
                }
            }
        }

        private static IEnumerable<PythonValue> Chunks(CapturedResponse response)
        {
            bool serverSentEvents = response.ContentType?.IndexOf("event-stream", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach (string line in Lines(response.Body))
            {
                string payload = line;
                if (serverSentEvents)
                {
                    if (!line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    payload = line.Substring(5).TrimStart(' ');
                    if (payload == "[DONE]")
                    {
                        continue;
                    }
                }

                if (payload.Trim().Length > 0 && Json(Encoding.UTF8.GetBytes(payload)) is { } chunk)
                {
                    yield return chunk;
                }
            }
        }

        /// <summary>Lines as httpx's <c>aiter_lines</c> splits them (LF, CRLF or CR), without a last empty line after the final end of line.</summary>
        private static List<string> Lines(byte[] body)
        {
            string text = Encoding.UTF8.GetString(body);
            var lines = new List<string>(text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'));
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return lines;
        }

        private static PythonValue? Json(byte[] body)
        {
            try
            {
                return body.Length == 0 ? null : PythonValue.Parse(Encoding.UTF8.GetString(body));
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                return null;
            }
        }

        private static IEnumerable<string>? ModelIds(Exchange exchange, PythonValue file)
        {
            if (!RecordingKey.IsModelList(exchange.Path))
            {
                return null;
            }

            PythonValue? body = file.Get("response")!.Get("body");
            var ids = new List<string>();
            if (body is { Kind: PythonValue.ValueKind.Array })
            {
                body.Items!.ForEach(model => ids.Add(model.Get("__data__")?.Get("id")?.Text ?? string.Empty));
            }
            else if (body?.Get("__data__")?.Get("models") is { Kind: PythonValue.ValueKind.Array } models)
            {
                models.Items!.ForEach(model => ids.Add(model.Get("model")?.Text ?? string.Empty));
            }

            return ids;
        }

        private static void Scrub(PythonValue value, string path, Func<string, string, string> scrub)
        {
            switch (value.Kind)
            {
                case PythonValue.ValueKind.String:
                    value.Text = scrub(path, value.Text!);
                    break;
                case PythonValue.ValueKind.Object:
                    value.Properties!.ForEach(property => Scrub(property.Value, path + "." + property.Key, scrub));
                    break;
                case PythonValue.ValueKind.Array:
                    for (int i = 0; i < value.Items!.Count; i++)
                    {
                        Scrub(value.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", scrub);
                    }

                    break;
            }
        }
    }
}
