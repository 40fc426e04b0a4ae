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
            messageFormat: "Recording '{0}': {1} is not a format RecordingGen recognizes; it is exposed raw (BodyJson, chunk JSON)",
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

        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            id: "RG9999",
            title: "RecordingGen failed on a recording",
            messageFormat: "RecordingGen failed on recording '{0}': {1}. The other recordings were generated; please report this with the file.",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "rg9999-recordinggen-failed-on-a-recording");
    }
}
