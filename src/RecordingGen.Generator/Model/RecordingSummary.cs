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
        EquatableArray<string> ToolNames)
    {
        /// <summary>Summaries sorted by path, each path once: a file included under two spellings is one recording.</summary>
        public static System.Collections.Generic.IEnumerable<RecordingSummary> DistinctPaths(System.Collections.Generic.IEnumerable<RecordingSummary> sorted)
        {
            string? previous = null;
            foreach (RecordingSummary summary in sorted)
            {
                if (summary.SourcePath != previous)
                {
                    yield return summary;
                }

                previous = summary.SourcePath;
            }
        }
    }
}
