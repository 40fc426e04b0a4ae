using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Generator.Model
{
    /// <summary>A place in a recording file, kept as plain values because a <see cref="Location"/> breaks caching.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }
}
