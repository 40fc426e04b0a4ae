namespace RecordingGen.Generator.Model
{
    /// <summary>The outcome of reading one recording file: its data and summary when usable, and its diagnostics.</summary>
    internal sealed record ParseResult(RecordingData? Data, RecordingSummary? Summary, RequestFingerprint? Fingerprint, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>Nothing read: the build task's manifest stands for the file.</summary>
        public static readonly ParseResult None = new ParseResult(null, null, null, EquatableArray<DiagnosticInfo>.Empty);

        /// <summary>The same outcome with <paramref name="first"/> reported before its other diagnostics.</summary>
        public ParseResult With(DiagnosticInfo first)
            => this with { Diagnostics = new EquatableArray<DiagnosticInfo>(Diagnostics.Items.Insert(0, first)) };
    }
}
