using System.Runtime.CompilerServices;

namespace RecordingGen.Generator
{
    /// <summary>
    /// The generator runs once per build in a fresh compiler process, where tiered compilation would leave the loops
    /// that walk 75 MB of recordings in unoptimized code for most of the run. Methods marked with this are compiled
    /// optimized on first call. (MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.)
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
