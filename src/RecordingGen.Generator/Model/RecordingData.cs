namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// What the emitter writes for one recording: its request and its response, each a compact program with its
    /// own string table (see CompactFormat), already encoded, so comparing two of these is comparing strings.
    /// Two recordings with the same answer have equal response parts, which the compiler then stores once. The
    /// names of the tools the request offered become members of the recording's tools class.
    /// </summary>
    internal sealed record RecordingData(
        string FilePath,
        string SourcePath,
        string DataClassName,
        RecordingPart Request,
        RecordingPart Response,
        EquatableArray<string> ToolNames);

    /// <summary>One part's program, its short strings packed into one literal, and its long strings.</summary>
    internal sealed record RecordingPart(string Program, string PackedStrings, EquatableArray<string> LongStrings);
}
