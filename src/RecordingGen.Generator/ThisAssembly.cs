namespace RecordingGen.Generator
{
    /// <summary>The generator's version, written into generated code's GeneratedCode attributes.</summary>
    internal static class ThisAssembly
    {
        public const string Version = "0.1.0";
    }
}
