namespace RecordingGen.Generator.Model
{
    /// <summary>A recording's path and the hash of its data: its part of the data resource's fingerprint.</summary>
    internal sealed record RecordingHash(string SourcePath, ulong Hash);
}
