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
