namespace RecordingGen.Generator
{
    /// <summary>Names of the pipeline steps, which the caching tests look up.</summary>
    internal static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string EmitOptions = nameof(EmitOptions);
        public const string NamespaceCheck = nameof(NamespaceCheck);
        public const string StrayCheck = nameof(StrayCheck);
        public const string Severities = nameof(Severities);
        public const string RecordingFiles = nameof(RecordingFiles);
        public const string Parse = nameof(Parse);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Data = nameof(Data);
        public const string DataBatches = nameof(DataBatches);
        public const string Summaries = nameof(Summaries);
        public const string ReplayConflicts = nameof(ReplayConflicts);
        public const string LiteralCosts = nameof(LiteralCosts);
        public const string Budget = nameof(Budget);
        public const string RecordingHashes = nameof(RecordingHashes);
        public const string DataFingerprint = nameof(DataFingerprint);
        public const string Manifest = nameof(Manifest);
        public const string FacadeInSource = nameof(FacadeInSource);
    }
}
