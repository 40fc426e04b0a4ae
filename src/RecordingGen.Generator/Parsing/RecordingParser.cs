using System;
using System.Buffers;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Generator.Parsing.Compact;
using RecordingGen.Generator.Parsing.Formats;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Generator.Validation;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>Reads one recording file into its compact data and summary, or into diagnostics that say where it is broken.</summary>
    internal static class RecordingParser
    {
        /// <summary>Deeper documents are reported as invalid rather than risking the generator's stack.</summary>
        public const int MaxDepth = 256;

        public static ParseResult Parse(AdditionalText file, GeneratorOptions options, CancellationToken cancellationToken)
            => Parse(RecordingFile.Of(file), options, cancellationToken);

        public static ParseResult Parse(RecordingFile file, GeneratorOptions options, CancellationToken cancellationToken)
        {
            string path = file.Path;
            string sourcePath = file.Link ?? PathNames.Relative(path, options.ProjectDirectory);
            try
            {
                if (file.Text.GetText(cancellationToken) is not { } text)
                {
                    // The compiler gives no text for a file it could not open: missing, a folder, or not readable.
                    return Failure(DiagnosticDescriptors.UnreadableFile, new LocationInfo(path, default, default), sourcePath, "the build could not open it (it is missing, a folder, or not readable); check the AdditionalFiles item that names it");
                }

                return ParseText(path, sourcePath, text, cancellationToken);
            }
            catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException)
            {
                return Failure(DiagnosticDescriptors.UnreadableFile, new LocationInfo(path, default, default), sourcePath, "reading it failed (" + exception.Message + ")");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A generator that throws loses all its output; this file alone is lost instead.
                var diagnostic = new DiagnosticInfo(
                    DiagnosticDescriptors.InternalError,
                    new LocationInfo(path, default, default),
                    sourcePath,
                    exception.GetType().Name + ": " + exception.Message);
                return new ParseResult(null, null, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }
        }

        private static ParseResult ParseText(string path, string sourcePath, SourceText text, CancellationToken cancellationToken)
        {
            // Pooled: most of the corpus's files are larger than the large-object threshold, and a fresh array
            // per file made the UTF-8 copy the biggest allocation of a run. Nothing parsed below outlives it.
            // The text is copied out rather than read with ToString, which copies a large file's text into a new
            // string anyway (the compiler holds big files in chunks).
            char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
            byte[]? utf8 = null;
            try
            {
                text.CopyTo(0, chars, 0, text.Length);
                utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(chars, 0, text.Length)));
                int length = Encoding.UTF8.GetBytes(chars, 0, text.Length, utf8, 0);
                var positions = new JsonPositions(path, text, utf8, length);
                ParseResult result = ParseUtf8(path, sourcePath, positions, cancellationToken);
                foreach ((int offset, int secretLength, string kind, string masked) in SecretCheck.Find(chars.AsSpan(0, text.Length)))
                {
                    int byteOffset = Encoding.UTF8.GetByteCount(chars, 0, offset);
                    result = result.With(new DiagnosticInfo(DiagnosticDescriptors.LooksLikeSecret, positions.AtTextBytes(byteOffset, Encoding.UTF8.GetByteCount(chars, offset, secretLength)), sourcePath, kind, masked));
                }

                return NotUtf8(positions, sourcePath, chars, text.Length) is { } warning ? result.With(warning) : result;
            }
            finally
            {
                if (utf8 is not null)
                {
                    ArrayPool<byte>.Shared.Return(utf8);
                }

                ArrayPool<char>.Shared.Return(chars);
            }
        }

        /// <summary>
        /// The compiler decodes a file that is not UTF-8 by putting U+FFFD where its bytes do not fit, silently: a
        /// Latin-1 "é" becomes "\uFFFD" in the fixture. Recorders escape non-ASCII text (<c>\\ufffd</c>), so a
        /// raw U+FFFD in the text is almost always such a replacement.
        /// </summary>
        private static DiagnosticInfo? NotUtf8(JsonPositions positions, string sourcePath, char[] chars, int length)
        {
            int first = Array.IndexOf(chars, '\uFFFD', 0, length);
            if (first < 0)
            {
                return null;
            }

            int count = 0;
            for (int i = first; i < length; i++)
            {
                count += chars[i] == '\uFFFD' ? 1 : 0;
            }

            return new DiagnosticInfo(DiagnosticDescriptors.NotUtf8, positions.AtTextBytes(Encoding.UTF8.GetByteCount(chars, 0, first), 3), sourcePath, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static ParseResult ParseUtf8(string path, string sourcePath, JsonPositions positions, CancellationToken cancellationToken)
        {
            FlatJson document;
            try
            {
                document = FlatJson.Parse(positions.Json, MaxDepth);
            }
            catch (JsonException exception)
            {
                return Failure(DiagnosticDescriptors.InvalidJson, positions.At(exception), sourcePath, ReaderMessage(exception));
            }

            using (document)
            {
                positions.Attach(document);
                cancellationToken.ThrowIfCancellationRequested();
                JsonValue root = document.Root;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Failure(DiagnosticDescriptors.MissingRequestOrResponse, positions.At(0), sourcePath, "the root must be a JSON object with 'request' and 'response'");
                }

                foreach (string member in new[] { "request", "response" })
                {
                    if (!root.TryGetProperty(member, out JsonValue value))
                    {
                        return Failure(DiagnosticDescriptors.MissingRequestOrResponse, positions.OfRootMember(member), sourcePath, "it has no '" + member + "' object");
                    }

                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        return Failure(DiagnosticDescriptors.MissingRequestOrResponse, positions.OfRootMember(member), sourcePath, "'" + member + "' must be an object but is " + Describe(value.ValueKind));
                    }
                }

                if (IdNormalization.RenamedMember(root) is { } renamed)
                {
                    // The recorder replaces ids in the file's text, names included; a mapping that renames what a
                    // recording is made of would break it there too.
                    return Failure(DiagnosticDescriptors.InvalidIdMapping, positions.Find(IdNormalization.EntryPath(renamed.Key)), sourcePath, "replacing '" + renamed.Original + "' by '" + renamed.Key + "' renames the recording's '" + renamed.Member + "' member; map only id values");
                }

                byte[]? normalized;
                try
                {
                    normalized = IdNormalization.Apply(root);
                }
                catch (IdMappingException problem)
                {
                    return Failure(DiagnosticDescriptors.InvalidIdMapping, positions.Find(IdNormalization.EntryPath(problem.Key)), sourcePath, problem.Message);
                }

                using FlatJson? normalizedDocument = normalized is null ? null : FlatJson.Parse(normalized, MaxDepth);
                root = normalizedDocument?.Root ?? root;

                string? testId = ((JsonValue?)root).Member("test_id").String();
                JsonValue requestElement = root.GetProperty("request");
                JsonValue responseElement = root.GetProperty("response");

                string? type = FirstType(responseElement.Member("body"));
                RequestShape request = ReadRequest(requestElement);
                ResponseShape response = ReadResponse(responseElement, cancellationToken);
                try
                {
                    RecordingFormat format = ReadTypedLayer(requestElement, type, request, response);
                    List<DiagnosticInfo> findings = RecordingValidator.Validate(sourcePath, positions, responseElement, type, request, response, format);
                    string dataClassName = DataClassName(sourcePath);
                    RecordingData data = RecordingEncoder.Encode(path, sourcePath, dataClassName, testId, format, request, response, out string responseHash);
                    var summary = new RecordingSummary(
                        sourcePath,
                        new EquatableArray<string>(PathNames.GroupFolders(sourcePath)),
                        RecordingNames.PreferredName(PathNames.FileStem(sourcePath), testId, request.Endpoint),
                        dataClassName,
                        testId,
                        request.Endpoint,
                        new EquatableArray<string>(request.Tools.ConvertAll(tool => tool.Name)));
                    RequestFingerprint fingerprint = ReplayIdentity.Compute(sourcePath, requestElement, testId, positions.OfRootMember("request"), responseHash);
                    return new ParseResult(data, summary, fingerprint, new EquatableArray<DiagnosticInfo>(findings));
                }
                finally
                {
                    foreach (FlatJson owned in response.OwnedDocuments)
                    {
                        owned.Dispose();
                    }
                }
            }
        }

        private static RequestShape ReadRequest(JsonValue element)
        {
            string bodyKey = element.Member("body") is null && element.Member("payload") is not null ? "payload" : "body";
            JsonValue? body = element.Member(bodyKey);
            return new RequestShape
            {
                BodyPath = JsonPath.Root["request"][bodyKey],
                Method = element.Member("method").String(),
                Url = element.Member("url").String(),
                Endpoint = element.Member("endpoint").String(),
                Model = element.Member("model").String() ?? body.Member("model").String(),
                Stream = body.Member("stream").IsTrue(),
                Body = body is { ValueKind: not JsonValueKind.Null } value ? value : null,
            };
        }

        private static ResponseShape ReadResponse(JsonValue element, CancellationToken cancellationToken)
        {
            var response = new ResponseShape
            {
                IsStreaming = element.Member("is_streaming").IsTrue(),
                StatusCode = element.Member("status").Int(),
            };

            JsonValue? body = element.Member("body");
            if (body is { ValueKind: JsonValueKind.Array } items)
            {
                if (response.IsStreaming && SseReader.IsSseLines(items))
                {
                    SseReader.Read(items, JsonPath.Root["response"]["body"], response);
                }
                else if (response.IsStreaming)
                {
                    int index = 0;
                    JsonPath itemsPath = JsonPath.Root["response"]["body"];
                    foreach (JsonValue item in items.EnumerateArray())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        response.Chunks.Add(new ChunkShape(item.Unwrap(), item.UnwrapPath(itemsPath[index++])));
                    }
                }
                else
                {
                    response.BodyItems = new List<JsonValue>();
                    foreach (JsonValue item in items.EnumerateArray())
                    {
                        response.BodyItems.Add(item.Unwrap());
                    }
                }
            }
            else if (body is { ValueKind: not JsonValueKind.Null } single)
            {
                response.Body = single.Unwrap();
                response.BodyPath = single.UnwrapPath(JsonPath.Root["response"]["body"]);
            }

            if (!element.Member("is_exception").IsTrue())
            {
                response.Error = HttpError(response.StatusCode, response.Body);
            }
            else
            {
                JsonValue? data = element.Member("exception_data").Object();
                response.Error = new ErrorShape
                {
                    Category = data.Member("category").String(),
                    Provider = data.Member("provider").String(),
                    Type = data.Member("type").String(),
                    Message = data.Member("message").String() ?? element.Member("exception_message").String(),
                    StatusCode = data.Member("status_code").Int(),
                    Body = data.Member("body"),
                };
            }

            return response;
        }

        /// <summary>
        /// Adds the typed layer of the format the recording is in and says which it was. Early recordings
        /// file chat completions under /v1/completions: the response type decides before the endpoint.
        /// HTTP pass-through recordings have no endpoint: their URL's path stands in for it.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static RecordingFormat ReadTypedLayer(JsonValue requestElement, string? type, RequestShape request, ResponseShape response)
        {
            string? endpoint = request.Endpoint ?? (request.Url is { } url ? PathNames.UrlPath(url) : null);
            JsonValue? body = request.Body.Object();
            if (OpenAIChatReader.IsChatEndpoint(endpoint) || type == OpenAIChatReader.ChunkType || type == OpenAIChatReader.CompletionType)
            {
                if (body is { } chatBody)
                {
                    OpenAIChatReader.ReadRequest(chatBody, request);
                }

                if (response.Chunks.Count > 0)
                {
                    OpenAIChatReader.ReadStream(response);
                }
                else if (response.Body is { ValueKind: JsonValueKind.Object } completion)
                {
                    OpenAIChatReader.ReadCompletion(completion, response);
                }

                return RecordingFormat.OpenAIChat;
            }

            if (type == OpenAICompletionsReader.CompletionType || (endpoint is not null && endpoint.EndsWith("/v1/completions", StringComparison.Ordinal)))
            {
                if (body is { } completionBody)
                {
                    OpenAICompletionsReader.ReadRequest(completionBody, request);
                }

                if (response.Chunks.Count > 0)
                {
                    OpenAICompletionsReader.ReadStream(response);
                }
                else if (response.Body is { ValueKind: JsonValueKind.Object } completion)
                {
                    OpenAICompletionsReader.ReadCompletion(completion, response);
                }

                return RecordingFormat.OpenAICompletions;
            }

            if (OllamaReader.IsOllama(endpoint, type))
            {
                if (body is { } ollamaBody)
                {
                    OllamaReader.ReadRequest(ollamaBody, request);
                }

                OllamaReader.ReadResponse(response);
                return endpoint == "/api/chat" || type == OllamaReader.ChatType ? RecordingFormat.OllamaChat : RecordingFormat.OllamaGenerate;
            }

            if (EmbeddingsReader.IsEmbeddings(endpoint, type))
            {
                if (body is { } embeddingsBody)
                {
                    EmbeddingsReader.ReadRequest(embeddingsBody, request);
                }

                EmbeddingsReader.ReadResponse(response);
                return (type ?? string.Empty).StartsWith("ollama.", StringComparison.Ordinal) || (endpoint ?? string.Empty).StartsWith("/api/", StringComparison.Ordinal) ? RecordingFormat.OllamaEmbeddings : RecordingFormat.OpenAIEmbeddings;
            }

            if (AnthropicMessagesReader.IsMessages(endpoint))
            {
                if (body is { } messagesBody)
                {
                    AnthropicMessagesReader.ReadRequest(messagesBody, request);
                }

                AnthropicMessagesReader.ReadResponse(response);
                return RecordingFormat.AnthropicMessages;
            }

            if (GeminiInteractionsReader.IsInteractions(endpoint))
            {
                if (body is { } interactionsBody)
                {
                    GeminiInteractionsReader.ReadRequest(interactionsBody, request);
                }

                GeminiInteractionsReader.ReadResponse(response);
                return RecordingFormat.GeminiInteractions;
            }

            if (VertexReader.IsGenerateContent(endpoint))
            {
                // Vertex streams by endpoint (generate_content_stream), not by a flag in the body.
                request.Stream |= endpoint!.EndsWith("_stream", System.StringComparison.Ordinal);
                if (body is { } vertexBody)
                {
                    VertexReader.ReadRequest(vertexBody, request);
                }

                VertexReader.ReadResponse(response);
                return RecordingFormat.VertexGenerateContent;
            }

            if (ModelListReader.IsModelList(endpoint, type))
            {
                ModelListReader.Read(response);
                return (type ?? string.Empty).StartsWith("ollama.", StringComparison.Ordinal) || (endpoint ?? string.Empty).StartsWith("/api/", StringComparison.Ordinal) ? RecordingFormat.OllamaModels : RecordingFormat.OpenAIModels;
            }

            if (ToolRuntimeReader.IsToolRuntime(requestElement, type))
            {
                ToolRuntimeReader.ReadRequest(requestElement, request);
                ToolRuntimeReader.ReadResponse(requestElement, response);
                return RecordingFormat.ToolRuntime;
            }

            return RecordingFormat.Unknown;
        }

        /// <summary>A pass-through recording answered with an HTTP error: its status and the body's <c>error</c>.</summary>
        private static ErrorShape? HttpError(int? status, JsonValue? body)
        {
            if (status is not >= 400)
            {
                return null;
            }

            JsonValue? error = body.Member("error");
            return new ErrorShape
            {
                Type = error.Member("type").String() ?? error.Member("code").String() ?? error.Member("status").String(),
                Message = error.Member("message").String() ?? error.String(),
                StatusCode = status,
                Body = body,
            };
        }

        private static string? FirstType(JsonValue? body)
        {
            JsonValue? first = body is { ValueKind: JsonValueKind.Array } ? body.FirstItem() : body;
            return first is { ValueKind: JsonValueKind.Object } value ? value.TypeName() : null;
        }

        [ThreadStatic]
        private static SHA256? t_sha256;

        /// <summary>A stable class name for a recording's data, from a hash of its path.</summary>
        public static string DataClassName(string sourcePath)
        {
            // SHA256.Create costs more than hashing a path; an instance is not thread-safe, so one per thread.
            SHA256 sha = t_sha256 ??= SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(sourcePath));
            var name = new StringBuilder("Recording_", 42);
            for (int i = 0; i < 8; i++)
            {
                name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return name.ToString();
        }

        private static ParseResult Failure(DiagnosticDescriptor descriptor, LocationInfo location, string sourcePath, string detail)
        {
            var diagnostic = new DiagnosticInfo(descriptor, location, sourcePath, detail);
            return new ParseResult(null, null, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }

        /// <summary>The reader's message without its own 0-based byte position, which a diagnostic's location replaces.</summary>
        public static string ReaderMessage(JsonException exception)
        {
            string message = exception.Message;
            int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (position > 0 ? message.Substring(0, position) : message).TrimEnd(' ', '.');
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
