namespace RecordingGen.Generator.Model
{
    /// <summary>Project-wide settings: the namespace of <c>Recordings</c> and the folder paths are relative to.</summary>
    internal sealed record GeneratorOptions(string Namespace, string? ProjectDirectory);
}
