using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>An additional file held in memory; a null text is what the compiler gives for a file it could not open.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText? _text;

        public InMemoryAdditionalText(string path, string content)
            : this(path, SourceText.From(content, System.Text.Encoding.UTF8))
        {
        }

        public InMemoryAdditionalText(string path, SourceText? text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>An additional file whose reading fails, to prove one broken file cannot take the others down.</summary>
    internal sealed class ThrowingAdditionalText : AdditionalText
    {
        public ThrowingAdditionalText(string path)
        {
            Path = path;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default)
            => throw new System.IO.IOException("the disk said no");
    }
}
