#if HAS_SHARED_RECORDINGS
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Benchmarks
{
    /// <summary>A recording file held in memory, as the compiler hands AdditionalFiles to the generator.</summary>
    internal sealed class MemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public MemoryText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
#endif
