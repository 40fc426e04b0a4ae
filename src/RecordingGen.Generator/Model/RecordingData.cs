namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// What the emitter writes for one recording: its compact program and string table (see CompactFormat),
    /// already encoded, so comparing two of these is comparing strings.
    /// </summary>
    internal sealed record RecordingData(
        string FilePath,
        string SourcePath,
        string DataClassName,
        string Program,
        string PackedStrings,
        EquatableArray<string> LongStrings);
}
