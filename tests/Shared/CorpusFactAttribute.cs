using Xunit;

namespace RecordingGen.Tests.Shared
{
    /// <summary>A fact over the real ogx corpus, skipped (not passed) when ../shared is not beside the checkout.</summary>
    public sealed class CorpusFactAttribute : FactAttribute
    {
        public CorpusFactAttribute()
        {
            if (!Corpus.IsAvailable)
            {
                Skip = "../shared/corpora is not beside this checkout.";
            }
        }
    }
}
