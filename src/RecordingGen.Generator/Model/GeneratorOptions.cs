namespace RecordingGen.Generator.Model
{
    /// <summary>What reading a recording depends on besides the file: the folder its SourcePath is relative to.</summary>
    internal sealed record GeneratorOptions(string? ProjectDirectory);
}
