using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Validation;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing.Compact
{
    /// <summary>
    /// Stores a parsed recording in the compact format the library's RecordingDataReader decodes. The
    /// order of the writes here is that reader's order of reads. The request and the response are stored
    /// apart, each with its own string table, so a response recorded again under another test id (a third
    /// of the ogx suite) becomes the same literals as the first, which the compiler keeps once.
    /// </summary>
    internal static class RecordingEncoder
    {
        // How far back a chunk looks for an earlier chunk of the same length to store only its changes.
        private const int ChunkBaseWindow = 8;

        /// <param name="responseHash">A hash of the response as stored (status, body, chunks, error...), for RG0008.</param>
        public static RecordingData Encode(string filePath, string sourcePath, string dataClassName, string? testId, RecordingFormat format, RequestShape request, ResponseShape response, out string responseHash)
        {
            var requestTable = new StringTable(Math.Min(1024, (request.Body?.Document.StringCount ?? 0) + 16)) { AddingRequest = true };
            var requestContent = new ProgramBuilder();
            requestContent.AddOptionalString(requestTable, testId);
            requestContent.Add((int)format);
            using (var requestEncoder = new JsonTokenEncoder(requestTable))
            {
                WriteRequest(requestContent, requestTable, requestEncoder, request);
            }

            var responseTable = new StringTable(((response.Body ?? response.Chunks.FirstOrDefault()?.Data)?.Document.StringCount ?? 0) + 16);
            var responseContent = new ProgramBuilder();
            using (var responseEncoder = new JsonTokenEncoder(responseTable))
            {
                WriteResponse(responseContent, responseTable, responseEncoder, response);
            }

            RecordingPart responsePart = Part(responseTable, responseContent, null);
            responseHash = HashOf(responsePart);
            return new RecordingData(
                filePath,
                sourcePath,
                dataClassName,
                Part(requestTable, requestContent, CompactFormat.Version),
                responsePart,
                new EquatableArray<string>(request.Tools.ConvertAll(tool => tool.Name)));
        }

        /// <summary>
        /// The stored response part is a function of the response alone (equal answers give equal parts, which
        /// the compiler then stores once), so hashing what is stored tells responses apart for RG0008.
        /// </summary>
        private static string HashOf(RecordingPart part)
        {
            var hash = new StableHash().Add(part.Program).Add(part.PackedStrings).Add(part.LongStrings.Count);
            foreach (string value in part.LongStrings)
            {
                hash.Add(value);
            }

            return hash.ToString();
        }

        private static RecordingPart Part(StringTable table, ProgramBuilder content, int? version)
        {
            var program = new ProgramBuilder();
            if (version is { } number)
            {
                program.Add(number);
            }

            (string packed, List<string> longStrings) = table.WriteLayout(program);
            program.Append(content);
            return new RecordingPart(program.ToString(), packed, new EquatableArray<string>(longStrings));
        }

        private static void WriteRequest(ProgramBuilder program, StringTable table, JsonTokenEncoder encoder, RequestShape request)
        {
            program.AddOptionalString(table, request.Method);
            program.AddOptionalString(table, request.Url);
            program.AddOptionalString(table, request.Endpoint);
            program.AddOptionalString(table, request.Model);
            program.Add(request.Stream);
            program.AddOptionalString(table, request.Prompt);
            if (request.ToolInvocation is { } invocation)
            {
                program.Add(1);
                program.AddString(table, invocation.Name);
                program.AddString(table, invocation.Arguments);
            }
            else
            {
                program.Add(0);
            }

            program.Add(request.Inputs.Count);
            foreach (string input in request.Inputs)
            {
                program.AddString(table, input);
            }

            WriteJson(program, request.Body is { } body ? encoder.Encode(body) : null);

            program.Add(request.Messages.Count);
            foreach (MessageShape message in request.Messages)
            {
                program.AddString(table, message.Role);
                program.AddOptionalString(table, message.Text);
                program.AddOptionalString(table, message.ToolCallId);
                WriteToolCalls(program, table, message.ToolCalls);
            }

            program.Add(request.Tools.Count);
            foreach (ToolShape tool in request.Tools)
            {
                program.AddString(table, tool.Name);
                program.AddOptionalString(table, tool.Description);
                WriteJson(program, tool.Parameters is { } parameters ? encoder.Encode(parameters) : null);
            }
        }

        private static void WriteResponse(ProgramBuilder program, StringTable table, JsonTokenEncoder encoder, ResponseShape response)
        {
            program.Add(response.IsStreaming);
            program.AddOptional(response.StatusCode);
            List<int>? body = response.BodyItems is { } items ? encoder.EncodeArray(items)
                : response.Body is { } element ? encoder.Encode(element)
                : null;
            WriteJson(program, body);
            WriteChunks(program, table, encoder, response.Chunks);

            // Stored whole, though the chunks' deltas add up to them: a test that reads the text then never
            // decodes the chunks, which the library does only when Chunks is first read.
            WriteText(program, table, response.TextFromChunks ? string.Concat(response.Chunks.ConvertAll(chunk => chunk.TextDelta)) : response.Text);
            WriteText(program, table, response.ThinkingFromChunks ? string.Concat(response.Chunks.ConvertAll(chunk => chunk.ThinkingDelta)) : response.Thinking);

            WriteToolCalls(program, table, response.ToolCalls);
            program.AddOptionalString(table, response.FinishReason);
            if (response.Usage is { } usage)
            {
                program.Add(1);
                program.AddOptional(usage.InputTokens);
                program.AddOptional(usage.OutputTokens);
                program.AddOptional(usage.TotalTokens);
            }
            else
            {
                program.Add(0);
            }

            if (response.Error is { } error)
            {
                program.Add(1);
                program.AddOptionalString(table, error.Category);
                program.AddOptionalString(table, error.Provider);
                program.AddOptionalString(table, error.Type);
                program.AddOptionalString(table, error.Message);
                program.AddOptional(error.StatusCode);
                List<int>? errorTokens = error.Body is { ValueKind: not JsonValueKind.Null } errorBody ? encoder.Encode(errorBody) : null;
                WriteJson(program, errorTokens);
            }
            else
            {
                program.Add(0);
            }

            program.Add(response.Models.Count);
            foreach (ModelShape model in response.Models)
            {
                program.AddString(table, model.Id);
                program.AddOptionalString(table, model.OwnedBy);
                program.AddOptionalString(table, model.Created);
            }

            WriteEmbeddingOffsets(program, table, body, response.EmbeddingPaths);
            if (response.Timings is { } timings)
            {
                program.Add(1);
                program.AddOptionalString(table, timings.Total);
                program.AddOptionalString(table, timings.Load);
                program.AddOptionalString(table, timings.PromptEvaluation);
                program.AddOptionalString(table, timings.Evaluation);
            }
            else
            {
                program.Add(0);
            }
        }

        private static void WriteText(ProgramBuilder program, StringTable table, string? text)
            => program.Add(string.IsNullOrEmpty(text) ? CompactFormat.TextNone : CompactFormat.TextFromTableBase + table.Add(text!));

        /// <summary>The vectors are not stored again: the reader decodes them from the body's tokens at these offsets.</summary>
        private static void WriteEmbeddingOffsets(ProgramBuilder program, StringTable table, List<int>? body, List<object[]> paths)
        {
            var offsets = new List<int>(paths.Count);
            foreach (object[] path in paths)
            {
                if (body is not null && TokenNavigator.Find(body, table, path) is { } offset)
                {
                    offsets.Add(offset);
                }
            }

            program.Add(offsets.Count);
            foreach (int offset in offsets)
            {
                program.Add(offset);
            }
        }

        /// <summary>The chunk count, then the section's length in characters, so the reader can skip it until Chunks is read.</summary>
        private static void WriteChunks(ProgramBuilder program, StringTable table, JsonTokenEncoder encoder, List<ChunkShape> chunks)
        {
            program.Add(chunks.Count);
            var section = new ProgramBuilder();
            WriteChunkSection(section, table, encoder, chunks);
            program.Add(section.Length);
            program.Append(section);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void WriteChunkSection(ProgramBuilder program, StringTable table, JsonTokenEncoder encoder, List<ChunkShape> chunks)
        {
            // The chunks within reach of the next one's base, and the current one: reused, not one list per chunk.
            var recent = new List<int>[ChunkBaseWindow + 1];
            for (int i = 0; i < recent.Length; i++)
            {
                recent[i] = new List<int>();
            }

            for (int index = 0; index < chunks.Count; index++)
            {
                ChunkShape chunk = chunks[index];
                List<int> tokens = recent[index % recent.Length];
                tokens.Clear();
                if (chunk.Data is { } data)
                {
                    encoder.EncodeInto(data, tokens);
                }

                WriteChunkTokens(program, recent, index, tokens);
                int flags = (chunk.TextDelta is null ? 0 : CompactFormat.ChunkHasText)
                    | (chunk.FinishReason is null ? 0 : CompactFormat.ChunkHasFinishReason)
                    | (chunk.EventName is null ? 0 : CompactFormat.ChunkHasEventName)
                    | (chunk.ThinkingDelta is null ? 0 : CompactFormat.ChunkHasThinking)
                    | (chunk.RawData is null ? 0 : CompactFormat.ChunkHasRawData);
                program.Add(flags);
                AddIfPresent(program, table, chunk.TextDelta);
                AddIfPresent(program, table, chunk.FinishReason);
                AddIfPresent(program, table, chunk.EventName);
                AddIfPresent(program, table, chunk.ThinkingDelta);
                AddIfPresent(program, table, chunk.RawData);
            }
        }

        private static void AddIfPresent(ProgramBuilder program, StringTable table, string? value)
        {
            if (value is not null)
            {
                program.AddString(table, value);
            }
        }

        /// <summary>
        /// A chunk of the same length as a recent one is stored as its changes to that one: in a stream the
        /// envelope (id, model, created, fingerprint...) repeats, so most chunks differ in one or two tokens.
        /// </summary>
        /// <param name="recent">Chunk <c>i</c>'s tokens are at <c>i % recent.Length</c>.</param>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void WriteChunkTokens(ProgramBuilder program, List<int>[] recent, int index, List<int> tokens)
        {
            for (int distance = 1; distance <= ChunkBaseWindow && distance <= index; distance++)
            {
                List<int> candidate = recent[(index - distance) % recent.Length];
                if (candidate.Count != tokens.Count)
                {
                    continue;
                }

                // Counted first, stopping as soon as the changes are too many to be worth storing.
                int changes = 0;
                for (int i = 0; i < tokens.Count && changes * 2 < tokens.Count; i++)
                {
                    if (tokens[i] != candidate[i])
                    {
                        changes++;
                    }
                }

                if (changes * 2 >= tokens.Count)
                {
                    continue;
                }

                program.Add(distance);
                program.Add(changes);
                int last = 0;
                for (int i = 0; i < tokens.Count; i++)
                {
                    if (tokens[i] != candidate[i])
                    {
                        program.Add(i - last);
                        program.Add(tokens[i]);
                        last = i;
                    }
                }

                return;
            }

            program.Add(0);
            WriteTokens(program, tokens);
        }

        private static void WriteJson(ProgramBuilder program, List<int>? tokens)
        {
            if (tokens is null)
            {
                program.Add(0);
                return;
            }

            WriteTokens(program, tokens);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void WriteTokens(ProgramBuilder program, List<int> tokens)
        {
            program.Add(tokens.Count);
            foreach (int token in tokens)
            {
                program.Add(token);
            }
        }

        private static void WriteToolCalls(ProgramBuilder program, StringTable table, List<ToolCallShape> calls)
        {
            program.Add(calls.Count);
            foreach (ToolCallShape call in calls)
            {
                program.AddOptionalString(table, call.Id);
                program.AddString(table, call.Name);
                program.AddString(table, call.Arguments);
            }
        }
    }
}
