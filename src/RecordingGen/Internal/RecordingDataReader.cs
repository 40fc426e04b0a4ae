using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace RecordingGen.Internal
{
    /// <summary>
    /// Materializes a recording from the compact literals the generator emitted (see CompactFormat).
    /// Called by generated code only; its signature is part of the generator-library contract.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class RecordingDataReader
    {
        private static readonly ToolCall[] NoToolCalls = new ToolCall[0];

        /// <summary>
        /// Decodes one recording from its request part and its response part, each a program, its packed short
        /// strings, and the strings stored as literals of their own.
        /// </summary>
        public static Recording Read(
            string sourcePath,
            string requestProgram,
            string requestStrings,
            string[]? requestLongStrings,
            string responseProgram,
            string responseStrings,
            string[]? responseLongStrings)
        {
            ReadParts(sourcePath, requestProgram, requestStrings, requestLongStrings, responseProgram, responseStrings, responseLongStrings, out string? testId, out RecordingFormat format, out RecordedRequest request, out RecordedResponse response);
            return new Recording(sourcePath, testId, request, response, format);
        }

        /// <summary>Decodes a recording whose request offered tools; <paramref name="tools"/> makes its generated tools class.</summary>
        public static Recording<TTools> Read<TTools>(
            string sourcePath,
            string requestProgram,
            string requestStrings,
            string[]? requestLongStrings,
            string responseProgram,
            string responseStrings,
            string[]? responseLongStrings,
            Func<Recording, TTools> tools)
            where TTools : class
        {
            ReadParts(sourcePath, requestProgram, requestStrings, requestLongStrings, responseProgram, responseStrings, responseLongStrings, out string? testId, out RecordingFormat format, out RecordedRequest request, out RecordedResponse response);
            return new Recording<TTools>(sourcePath, testId, request, response, format, tools);
        }

        // Out parameters rather than a tuple, and the failure built in a method of its own: a first access in a fresh
        // process compiles every method it calls, generic tuples included.
        private static void ReadParts(
            string sourcePath,
            string requestProgram,
            string requestStrings,
            string[]? requestLongStrings,
            string responseProgram,
            string responseStrings,
            string[]? responseLongStrings,
            out string? testId,
            out RecordingFormat format,
            out RecordedRequest request,
            out RecordedResponse response)
        {
            var reader = new Cursor(requestProgram);
            int version = reader.Next();
            if (version != CompactFormat.Version)
            {
                throw OtherFormat(sourcePath, version);
            }

            string[] strings = ReadStringTable(ref reader, requestStrings, requestLongStrings ?? Array.Empty<string>());
            var tokens = new TokenBuffer();
            testId = reader.OptionalString(strings);
            format = (RecordingFormat)reader.Next();
            request = ReadRequest(ref reader, strings, tokens);

            var responseReader = new Cursor(responseProgram);
            string[] responseTable = ReadStringTable(ref responseReader, responseStrings, responseLongStrings ?? Array.Empty<string>());
            response = ReadResponse(ref responseReader, responseTable, tokens);
        }

        private static InvalidOperationException OtherFormat(string sourcePath, int version)
            => new InvalidOperationException(
                "Recording '" + sourcePath + "' was generated for data format " + version + " but this RecordingGen library reads format "
                + CompactFormat.Version + ". Use the same version of the RecordingGen package for the generator and the library.");

        private static string[] ReadStringTable(ref Cursor reader, string packedLiteral, string[] longStrings)
        {
            string packed = TextPacking.Unpack(packedLiteral);
            var strings = new string[reader.Next()];
            int offset = 0;
            for (int i = 0; i < strings.Length; i++)
            {
                int entry = reader.Next();
                int value = entry >> 2;
                switch (entry & 3)
                {
                    case CompactFormat.EntryLong:
                        strings[i] = TextPacking.Unpack(longStrings[value]);
                        break;
                    case CompactFormat.EntryWellKnown:
                        strings[i] = WellKnownStrings.Items[value];
                        break;
                    default:
                        strings[i] = packed.Substring(offset, value);
                        offset += value;
                        break;
                }
            }

            return strings;
        }

        private static RecordedRequest ReadRequest(ref Cursor reader, string[] strings, TokenBuffer tokens)
        {
            string? method = reader.OptionalString(strings);
            string? url = reader.OptionalString(strings);
            string? endpoint = reader.OptionalString(strings);
            string? model = reader.OptionalString(strings);
            bool stream = reader.Next() == 1;
            string? prompt = reader.OptionalString(strings);
            ToolCall? toolInvocation = reader.Next() == 0 ? null : ReadInvocation(ref reader, strings);
            int inputCount = reader.Next();
            string[] inputs = inputCount == 0 ? Array.Empty<string>() : ReadInputs(ref reader, strings, inputCount);

            JsonText body = ReadJson(ref reader, strings, tokens, out _);

            var messages = new RecordedMessage[reader.Next()];
            for (int i = 0; i < messages.Length; i++)
            {
                string role = strings[reader.Next()];
                string? text = reader.OptionalString(strings);
                string? toolCallId = reader.OptionalString(strings);
                messages[i] = new RecordedMessage(role, text, toolCallId, ReadToolCalls(ref reader, strings));
            }

            var tools = new ToolDefinition[reader.Next()];
            for (int i = 0; i < tools.Length; i++)
            {
                string name = strings[reader.Next()];
                string? description = reader.OptionalString(strings);
                tools[i] = new ToolDefinition(name, description, ReadJson(ref reader, strings, tokens, out _));
            }

            return new RecordedRequest(method, url, endpoint, model, stream, messages, tools, body, prompt, toolInvocation, inputs);
        }

        private static RecordedResponse ReadResponse(ref Cursor reader, string[] strings, TokenBuffer tokens)
        {
            bool isStreaming = reader.Next() == 1;
            int? statusCode = reader.OptionalInt();
            JsonText body = ReadJson(ref reader, strings, tokens, out int bodyStart);
            int chunkCount = reader.Next();
            int sectionLength = reader.Next();
            var chunks = new ChunkList(reader.Program, reader.Position, chunkCount, strings, tokens);
            reader.Skip(sectionLength);
            string text = ReadText(ref reader, strings);
            string thinking = ReadText(ref reader, strings);

            IReadOnlyList<ToolCall> toolCalls = ReadToolCalls(ref reader, strings);
            string? finishReason = reader.OptionalString(strings);
            TokenUsage? usage = reader.Next() == 0
                ? null
                : new TokenUsage(reader.OptionalInt(), reader.OptionalInt(), reader.OptionalInt());
            // The rarer sections are read by methods of their own, which the JIT compiles only when a recording has them.
            RecordedError? error = reader.Next() == 0 ? null : ReadError(ref reader, strings, tokens);
            int modelCount = reader.Next();
            RecordedModel[] models = modelCount == 0 ? Array.Empty<RecordedModel>() : ReadModels(ref reader, strings, modelCount);
            int vectorCount = reader.Next();
            Func<IReadOnlyList<ReadOnlyMemory<float>>>? embeddings = vectorCount == 0 ? null : ReadEmbeddings(ref reader, strings, tokens, bodyStart, vectorCount);
            ResponseTimings? timings = reader.Next() == 0 ? null : ReadTimings(ref reader, strings);
            return new RecordedResponse(isStreaming, statusCode, body, chunks, text, toolCalls, finishReason, usage, error, models, thinking, embeddings, timings);
        }

        private static ToolCall ReadInvocation(ref Cursor reader, string[] strings)
            => new ToolCall(null, strings[reader.Next()], strings[reader.Next()]);

        private static string[] ReadInputs(ref Cursor reader, string[] strings, int count)
        {
            var inputs = new string[count];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = strings[reader.Next()];
            }

            return inputs;
        }

        private static RecordedError ReadError(ref Cursor reader, string[] strings, TokenBuffer tokens)
            => new RecordedError(
                reader.OptionalString(strings),
                reader.OptionalString(strings),
                reader.OptionalString(strings),
                reader.OptionalString(strings),
                reader.OptionalInt(),
                ReadJson(ref reader, strings, tokens, out _));

        private static RecordedModel[] ReadModels(ref Cursor reader, string[] strings, int count)
        {
            var models = new RecordedModel[count];
            for (int i = 0; i < models.Length; i++)
            {
                string id = strings[reader.Next()];
                string? ownedBy = reader.OptionalString(strings);
                string? created = reader.OptionalString(strings);
                models[i] = new RecordedModel(id, ownedBy, created is null ? null : long.Parse(created, System.Globalization.CultureInfo.InvariantCulture));
            }

            return models;
        }

        private static Func<IReadOnlyList<ReadOnlyMemory<float>>> ReadEmbeddings(ref Cursor reader, string[] strings, TokenBuffer tokens, int bodyStart, int count)
        {
            var vectorStarts = new int[count];
            for (int i = 0; i < vectorStarts.Length; i++)
            {
                vectorStarts[i] = bodyStart + reader.Next();
            }

            return () => EmbeddingVectors.Read(strings, tokens.Items, vectorStarts);
        }

        private static ResponseTimings ReadTimings(ref Cursor reader, string[] strings)
            => new ResponseTimings(OptionalLong(ref reader, strings), OptionalLong(ref reader, strings), OptionalLong(ref reader, strings), OptionalLong(ref reader, strings));

        private static string ReadText(ref Cursor reader, string[] strings)
        {
            int source = reader.Next();
            return source == CompactFormat.TextNone ? string.Empty : strings[source - CompactFormat.TextFromTableBase];
        }

        private static long? OptionalLong(ref Cursor reader, string[] strings)
        {
            string? text = reader.OptionalString(strings);
            return text is null ? null : long.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Decodes the chunk section; called by <see cref="ChunkList"/> when Chunks is first read.</summary>
        internal static RecordedChunk[] ReadChunks(string program, int start, int count, string[] strings, TokenBuffer tokens)
        {
            var reader = new Cursor(program, start);
            var chunks = new RecordedChunk[count];
            var starts = new int[chunks.Length];
            var counts = new int[chunks.Length];
            for (int i = 0; i < chunks.Length; i++)
            {
                int mode = reader.Next();
                starts[i] = tokens.Count;
                if (mode == 0)
                {
                    counts[i] = reader.Next();
                    for (int t = 0; t < counts[i]; t++)
                    {
                        tokens.Add(reader.Next());
                    }
                }
                else
                {
                    // Stored as the changes to an earlier chunk of the same length: the envelope is kept once.
                    int baseChunk = i - mode;
                    counts[i] = counts[baseChunk];
                    tokens.AddCopy(starts[baseChunk], counts[i]);
                    int changes = reader.Next();
                    int position = 0;
                    for (int c = 0; c < changes; c++)
                    {
                        position += reader.Next();
                        tokens.Set(starts[i] + position, reader.Next());
                    }
                }

                int flags = reader.Next();
                string? textDelta = (flags & CompactFormat.ChunkHasText) != 0 ? strings[reader.Next()] : null;
                string? finishReason = (flags & CompactFormat.ChunkHasFinishReason) != 0 ? strings[reader.Next()] : null;
                string? eventName = (flags & CompactFormat.ChunkHasEventName) != 0 ? strings[reader.Next()] : null;
                string? thinkingDelta = (flags & CompactFormat.ChunkHasThinking) != 0 ? strings[reader.Next()] : null;
                string? rawData = (flags & CompactFormat.ChunkHasRawData) != 0 ? strings[reader.Next()] : null;
                chunks[i] = new RecordedChunk(JsonText.FromTokens(strings, tokens, starts[i], counts[i]), rawData, textDelta, finishReason, eventName, thinkingDelta);
            }

            return chunks;
        }

        private static IReadOnlyList<ToolCall> ReadToolCalls(ref Cursor reader, string[] strings)
        {
            int count = reader.Next();
            if (count == 0)
            {
                return NoToolCalls;
            }

            var calls = new ToolCall[count];
            for (int i = 0; i < count; i++)
            {
                string? id = reader.OptionalString(strings);
                string name = strings[reader.Next()];
                string arguments = strings[reader.Next()];
                calls[i] = new ToolCall(id, name, arguments);
            }

            return calls;
        }

        private static JsonText ReadJson(ref Cursor reader, string[] strings, TokenBuffer tokens, out int start)
        {
            start = tokens.Count;
            int count = reader.Next();
            if (count == 0)
            {
                return JsonText.None;
            }

            for (int i = 0; i < count; i++)
            {
                tokens.Add(reader.Next());
            }

            return JsonText.FromTokens(strings, tokens, start, count);
        }

        /// <summary>Reads numbers from a program; 0 stands for null in the optional forms.</summary>
        internal struct Cursor
        {
            private readonly string _program;
            private int _position;

            public Cursor(string program, int position = 0)
            {
                _program = program;
                _position = position;
            }

            public string Program => _program;

            public int Position => _position;

            public void Skip(int characters) => _position += characters;

            public int Next() => CompactFormat.Read(_program, ref _position);

            public string? OptionalString(string[] strings)
            {
                int value = Next();
                return value == 0 ? null : strings[value - 1];
            }

            public int? OptionalInt()
            {
                int value = Next();
                return value == 0 ? null : value - 1;
            }
        }
    }
}
