using Xunit;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>A fact over ../shared/recordings, skipped (not passed) when that folder is absent.</summary>
    public sealed class SharedRecordingsFactAttribute : FactAttribute
    {
        public SharedRecordingsFactAttribute()
        {
            if (!TestPaths.HasSharedRecordings)
            {
                Skip = "../shared/recordings is not beside this checkout.";
            }
        }
    }
}
