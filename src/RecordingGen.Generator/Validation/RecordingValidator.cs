using System.Collections.Generic;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Formats;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// Checks one recording for what would make a test built on it wrong: a conversation whose tool answers
    /// answer nothing, a truncated or mislabeled stream, calls of undeclared tools, arguments that do not fit.
    /// Each finding is located at the JSON that causes it.
    /// </summary>
    internal sealed class RecordingValidator
    {
        private readonly string _sourcePath;
        private readonly JsonPositions _positions;
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        private RecordingValidator(string sourcePath, JsonPositions positions)
        {
            _sourcePath = sourcePath;
            _positions = positions;
        }

        public static List<DiagnosticInfo> Validate(string sourcePath, JsonPositions positions, JsonValue response, string? type, RequestShape request, ResponseShape shape, RecordingFormat format)
        {
            var validator = new RecordingValidator(sourcePath, positions);
            validator.CheckFormat(request, response, type, format);
            validator.CheckStreamShape(response, shape);
            validator.CheckStatus(shape);
            if (format == RecordingFormat.OpenAIChat)
            {
                validator.CheckToolAnswers(request);
                validator.CheckFinish(shape);
                validator.CheckCalls(request, shape);
            }

            return validator._diagnostics;
        }

        private void CheckFormat(RequestShape request, JsonValue response, string? type, RecordingFormat format)
        {
            JsonValue? body = response.Member("body");
            if (type is not null && !KnownFormats.IsKnownType(type))
            {
                JsonPath path = body is { ValueKind: JsonValueKind.Array } ? JsonPath.Root["response"]["body"][0]["__type__"] : JsonPath.Root["response"]["body"]["__type__"];
                Report(
                    DiagnosticDescriptors.UnknownFormat,
                    path,
                    format == RecordingFormat.Unknown
                        ? "the type '" + type + "' is not a format RecordingGen recognizes; it is exposed raw (BodyJson, chunk JSON)"
                        : "the type '" + type + "' is not one RecordingGen knows; the recording is read as " + format + " by its endpoint");
            }
            else if (type is null && format == RecordingFormat.Unknown)
            {
                const string Raw = " is not a format RecordingGen recognizes; it is exposed raw (BodyJson, chunk JSON)";
                if (request.Endpoint is { } endpoint)
                {
                    Report(DiagnosticDescriptors.UnknownFormat, JsonPath.Root["request"]["endpoint"], "the endpoint '" + endpoint + "'" + Raw);
                }
                else if (request.Url is { } url)
                {
                    Report(DiagnosticDescriptors.UnknownFormat, JsonPath.Root["request"]["url"], "the URL '" + url + "'" + Raw);
                }
                else
                {
                    Report(DiagnosticDescriptors.UnknownFormat, JsonPath.Root["request"], "a request with no endpoint, URL or response type" + Raw);
                }
            }
        }

        private void CheckStreamShape(JsonValue response, ResponseShape shape)
        {
            JsonValue? body = response.Member("body");
            if (shape.IsStreaming && body is { ValueKind: JsonValueKind.Object or JsonValueKind.String or JsonValueKind.Number })
            {
                Report(DiagnosticDescriptors.InconsistentStream, JsonPath.Root["response"]["is_streaming"], "'is_streaming' is true but the body is a single value, not a list of streamed items");
            }
            else if (shape.IsStreaming && body is { ValueKind: JsonValueKind.Array } empty && empty.FirstItem() is null)
            {
                Report(DiagnosticDescriptors.InconsistentStream, JsonPath.Root["response"]["body"], "'is_streaming' is true but the body has no streamed items; the recording looks truncated");
            }
            else if (!shape.IsStreaming && body is { ValueKind: JsonValueKind.Array } items && items.FirstItem() is { } first && LooksStreamed(first))
            {
                Report(DiagnosticDescriptors.InconsistentStream, JsonPath.Root["response"]["is_streaming"], "'is_streaming' is not true but the body is a list of streamed chunks");
            }
        }

        /// <summary>A status replay could not answer with: HTTP has three-digit codes, and .NET refuses any above 999.</summary>
        private void CheckStatus(ResponseShape shape)
        {
            if (shape.StatusCode is { } status && status is < 100 or > 599)
            {
                Report(DiagnosticDescriptors.InvalidStatus, JsonPath.Root["response"]["status"], "'status'", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (shape.Error is { StatusCode: { } errorStatus } && errorStatus != shape.StatusCode && errorStatus is < 100 or > 599)
            {
                Report(DiagnosticDescriptors.InvalidStatus, JsonPath.Root["response"]["exception_data"]["status_code"], "the exception's 'status_code'", errorStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // A chunk type, or a server-sent-event line as pass-through recordings store them.
        private static bool LooksStreamed(JsonValue item)
            => (item.ValueKind == JsonValueKind.Object && item.TypeName() is { } type && type.EndsWith("Chunk", System.StringComparison.Ordinal))
               || (item.ValueKind == JsonValueKind.String && item.GetString()! is { } line && (line.StartsWith("data:", System.StringComparison.Ordinal) || line.StartsWith("event:", System.StringComparison.Ordinal)));

        private void CheckToolAnswers(RequestShape request)
        {
            var calls = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (MessageShape message in request.Messages)
            {
                if (message.Role == "tool" && message.ToolCallId is { } id && !calls.Contains(id))
                {
                    Report(DiagnosticDescriptors.UnmatchedToolCallId, message.Path["tool_call_id"], id);
                }

                if (message.Role == "assistant")
                {
                    foreach (ToolCallShape call in message.ToolCalls)
                    {
                        if (call.Id is not null)
                        {
                            calls.Add(call.Id);
                        }
                    }
                }
            }
        }

        private void CheckFinish(ResponseShape response)
        {
            if (response.IsStreaming && response.Chunks.Count > 0 && response.FinishReason is null)
            {
                Report(
                    DiagnosticDescriptors.InconsistentStream,
                    response.Chunks[response.Chunks.Count - 1].DataPath,
                    "the stream ends after " + response.Chunks.Count + " chunks without any finish reason; the recording looks truncated");
            }
        }

        private void CheckCalls(RequestShape request, ResponseShape response)
        {
            var tools = new Dictionary<string, ToolShape>(System.StringComparer.Ordinal);
            foreach (ToolShape tool in request.Tools)
            {
                tools[tool.Name] = tool;
            }

            string? declared = null;
            foreach (ToolCallShape call in response.ToolCalls)
            {
                if (!tools.TryGetValue(call.Name, out ToolShape? tool))
                {
                    declared ??= Declared(tools.Keys);
                    Report(DiagnosticDescriptors.UndeclaredTool, call.Path["function"]["name"], call.Name, declared);
                    CheckArguments(call, null);
                }
                else
                {
                    CheckArguments(call, tool.Parameters);
                }
            }

            foreach (MessageShape message in request.Messages)
            {
                foreach (ToolCallShape call in message.ToolCalls)
                {
                    CheckArguments(call, tools.TryGetValue(call.Name, out ToolShape? tool) ? tool.Parameters : null);
                }
            }
        }

        // The declared names for RG0006's message: a few are enough to see the mismatch.
        private static string Declared(ICollection<string> tools)
        {
            const int Shown = 8;
            if (tools.Count == 0)
            {
                return " (it declares none)";
            }

            var names = new List<string>();
            foreach (string name in tools)
            {
                if (names.Count == Shown)
                {
                    break;
                }

                names.Add(name.Length > 60 ? name.Substring(0, 60) + "..." : name);
            }

            string more = tools.Count > Shown ? "' and " + (tools.Count - Shown).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more)" : "')";
            return " (it declares '" + string.Join("', '", names) + more;
        }

        private void CheckArguments(ToolCallShape call, JsonValue? schema)
        {
            if (ToolArgumentsCheck.Problem(call.Arguments, schema) is { } problem)
            {
                Report(DiagnosticDescriptors.InvalidToolArguments, call.Path["function"]["arguments"], call.Name, problem);
            }
        }

        private void Report(DiagnosticDescriptor descriptor, JsonPath path, params string[] args)
        {
            var arguments = new string[args.Length + 1];
            arguments[0] = _sourcePath;
            args.CopyTo(arguments, 1);
            _diagnostics.Add(new DiagnosticInfo(descriptor, _positions.Find(path), arguments));
        }
    }
}
