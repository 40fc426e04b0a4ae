namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// The little the <c>Recordings</c> facade needs of a recording: where it sits and what it is called.
    /// Kept apart from <see cref="RecordingData"/> so an edit to a response does not re-emit the facade.
    /// </summary>
    internal sealed record RecordingSummary(
        string SourcePath,
        EquatableArray<string> Group,
        string PreferredName,
        string DataClassName,
        string? TestId,
        string? Endpoint,
        EquatableArray<string> ToolNames);
}
