namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// What writing the C# depends on: the namespace of <c>Recordings</c>, whether the language version knows
    /// <c>#nullable</c> (C# 7.3, the default of .NET Framework projects, does not), and whether the recordings'
    /// data is embedded by the build as a resource (<c>RecordingGenDataResource</c>) instead of emitted as literals,
    /// and whether the build task also writes the facade as an assembly (<c>RecordingGenFacadeAssembly</c>).
    /// </summary>
    internal sealed record EmitOptions(string Namespace, bool NullableDirective, bool DataInResource = false, bool FacadeInAssembly = false);
}
