namespace RecordingGen.Generator
{
    /// <summary>The generator's version (the package's Major.Minor.Patch), written into GeneratedCode attributes.</summary>
    internal static class ThisAssembly
    {
        public static readonly string Version = typeof(ThisAssembly).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
