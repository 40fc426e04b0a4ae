namespace RecordingGen.Generator.Model
{
    /// <summary>A recording's request identity and response fingerprint, compared across files for RG0008.</summary>
    internal sealed record RequestFingerprint(string SourcePath, string RequestKey, string ResponseHash, LocationInfo Location);
}
