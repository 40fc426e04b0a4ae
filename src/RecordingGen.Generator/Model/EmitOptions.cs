namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// What writing the C# depends on: the namespace of <c>Recordings</c>, and whether the language version
    /// knows <c>#nullable</c> (C# 7.3, the default of .NET Framework projects, does not).
    /// </summary>
    internal sealed record EmitOptions(string Namespace, bool NullableDirective);
}
