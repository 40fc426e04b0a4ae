using Microsoft.CodeAnalysis;

namespace RecordingGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic RecordingGen reports; each is explained in Diagnostics.md beside the generator.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "RecordingGen";
        private const string HelpBase = "https://github.com/recordinggen/recordinggen/blob/main/src/RecordingGen.Generator/Diagnostics.md#";

        public static readonly DiagnosticDescriptor InvalidJson = new DiagnosticDescriptor(
            id: "RG0001",
            title: "Recording is not valid JSON",
            messageFormat: "Recording '{0}' is not valid JSON: {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0001-recording-is-not-valid-json");

        public static readonly DiagnosticDescriptor MissingRequestOrResponse = new DiagnosticDescriptor(
            id: "RG0002",
            title: "Recording lacks its request or response",
            messageFormat: "Recording '{0}': {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0002-recording-lacks-its-request-or-response");

        public static readonly DiagnosticDescriptor UnknownFormat = new DiagnosticDescriptor(
            id: "RG0003",
            title: "Recording format not recognized",
            messageFormat: "Recording '{0}': {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0003-recording-format-not-recognized");

        public static readonly DiagnosticDescriptor UnmatchedToolCallId = new DiagnosticDescriptor(
            id: "RG0004",
            title: "Tool message answers no earlier tool call",
            messageFormat: "Recording '{0}': the tool message's tool_call_id '{1}' matches no tool call of an earlier assistant message",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0004-tool-message-answers-no-earlier-tool-call");

        public static readonly DiagnosticDescriptor InconsistentStream = new DiagnosticDescriptor(
            id: "RG0005",
            title: "Streamed response is truncated or mislabeled",
            messageFormat: "Recording '{0}': {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0005-streamed-response-is-truncated-or-mislabeled");

        public static readonly DiagnosticDescriptor UndeclaredTool = new DiagnosticDescriptor(
            id: "RG0006",
            title: "Response calls a tool the request did not declare",
            messageFormat: "Recording '{0}': the response calls '{1}', which the request's tools do not declare{2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0006-response-calls-a-tool-the-request-did-not-declare");

        public static readonly DiagnosticDescriptor InvalidToolArguments = new DiagnosticDescriptor(
            id: "RG0007",
            title: "Tool-call arguments do not fit the tool",
            messageFormat: "Recording '{0}': the arguments of the call to '{1}' {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0007-tool-call-arguments-do-not-fit-the-tool");

        public static readonly DiagnosticDescriptor AmbiguousReplay = new DiagnosticDescriptor(
            id: "RG0008",
            title: "Same request, different responses",
            messageFormat: "Recording '{0}' has the same request as '{1}' (method, endpoint, body and test id, as the recorder identifies it) but a different response; replay cannot tell them apart",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0008-same-request-different-responses");

        public static readonly DiagnosticDescriptor TooLargeForOneAssembly = new DiagnosticDescriptor(
            id: "RG0009",
            title: "Recordings too large for one assembly",
            messageFormat: "The recordings need {0} MB of string literals but one assembly holds {1} MB ({2}% over); no fixture was generated. Split the recordings across several test projects (for example one per suite folder), or exclude the largest with RecordingGen=\"false\" (the largest here: {3}).",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0009-recordings-too-large-for-one-assembly");

        public static readonly DiagnosticDescriptor LooksLikeSecret = new DiagnosticDescriptor(
            id: "RG0010",
            title: "Recording holds what looks like a secret",
            messageFormat: "Recording '{0}' holds what looks like {1} ({2}); remove it and rotate the key, or record again with it scrubbed (RecordingOptions.Scrub)",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0010-recording-holds-what-looks-like-a-secret");

        public static readonly DiagnosticDescriptor UnreadableFile = new DiagnosticDescriptor(
            id: "RG0011",
            title: "Recording file cannot be read",
            messageFormat: "Recording '{0}' cannot be read: {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0011-recording-file-cannot-be-read");

        public static readonly DiagnosticDescriptor NotUtf8 = new DiagnosticDescriptor(
            id: "RG0012",
            title: "Recording is not UTF-8 text",
            messageFormat: "Recording '{0}' has {1} character(s) that are not UTF-8 (replaced by U+FFFD when the build read it), the first here; the file is probably in another encoding (such as Latin-1): save it as UTF-8",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0012-recording-is-not-utf-8-text");

        public static readonly DiagnosticDescriptor InvalidStatus = new DiagnosticDescriptor(
            id: "RG0013",
            title: "Recorded HTTP status is not a status code",
            messageFormat: "Recording '{0}': {1} is {2}, which is not an HTTP status code (100 to 599); replay could not answer with it",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0013-recorded-http-status-is-not-a-status-code");

        public static readonly DiagnosticDescriptor InvalidIdMapping = new DiagnosticDescriptor(
            id: "RG0014",
            title: "id_normalization_mapping cannot be applied",
            messageFormat: "Recording '{0}': its id_normalization_mapping cannot be applied: {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0014-id_normalization_mapping-cannot-be-applied");

        public static readonly DiagnosticDescriptor InvalidNamespace = new DiagnosticDescriptor(
            id: "RG0015",
            title: "RecordingGenNamespace is not a namespace",
            messageFormat: "RecordingGenNamespace '{0}' is not a C# namespace; the Recordings class is generated in '{1}'",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0015-recordinggennamespace-is-not-a-namespace");

        public static readonly DiagnosticDescriptor StrayRecording = new DiagnosticDescriptor(
            id: "RG0016",
            title: "JSON file looks like a recording but is not one",
            messageFormat: "'{0}' looks like a recording but is not under a 'recordings' folder, so it is not generated; move it into one, or set RecordingGen=\"true\" on its AdditionalFiles item (RecordingGen=\"false\" says it is not one)",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg0016-json-file-looks-like-a-recording-but-is-not-one");

        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            id: "RG9999",
            title: "RecordingGen failed on a recording",
            messageFormat: "RecordingGen failed on recording '{0}': {1}. The other recordings were generated; please report this with the file.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg9999-recordinggen-failed-on-a-recording");

        private static readonly DiagnosticDescriptor[] All =
        {
            InvalidJson, MissingRequestOrResponse, UnknownFormat, UnmatchedToolCallId, InconsistentStream, UndeclaredTool, InvalidToolArguments,
            AmbiguousReplay, TooLargeForOneAssembly, LooksLikeSecret, UnreadableFile, NotUtf8, InvalidStatus, InvalidIdMapping, InvalidNamespace,
            StrayRecording, InternalError,
        };

        /// <summary>The descriptor of <paramref name="id"/>, or null for an id this version does not have.</summary>
        public static DiagnosticDescriptor? ById(string id)
        {
            foreach (DiagnosticDescriptor descriptor in All)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            return null;
        }
    }
}
