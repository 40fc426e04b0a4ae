namespace RecordingGen.Generator.Model
{
    /// <summary>The outcome of reading one recording file: its data and summary when usable, and its diagnostics.</summary>
    internal sealed record ParseResult(RecordingData? Data, RecordingSummary? Summary, RequestFingerprint? Fingerprint, EquatableArray<DiagnosticInfo> Diagnostics);
}
