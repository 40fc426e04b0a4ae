namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// What reading a recording depends on besides the file: the folder its SourcePath is relative to, and whether the
    /// build task's manifest stands for the files (then none is read). One value for every file, so deciding whether
    /// to read costs the pipeline no step per file.
    /// </summary>
    internal sealed record GeneratorOptions(string? ProjectDirectory, bool FromManifest = false);
}
