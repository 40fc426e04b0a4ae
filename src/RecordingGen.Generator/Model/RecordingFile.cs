using Microsoft.CodeAnalysis;

namespace RecordingGen.Generator.Model
{
    /// <summary>An AdditionalFile chosen as a recording. Compared by reference to the text, which Roslyn keeps while the file is unchanged.</summary>
    internal sealed record RecordingFile(AdditionalText Text);
}
