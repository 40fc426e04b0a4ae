using System.Linq;
using RecordingGen.Generator.Model;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Tests
{
    /// <summary>Decodes a recording's data as the generated class does, without compiling it.</summary>
    internal static class Generated
    {
        public static Recording Read(RecordingData data)
            => RecordingDataReader.Read(
                data.SourcePath,
                data.Request.Program,
                data.Request.PackedStrings,
                data.Request.LongStrings.Count == 0 ? null : data.Request.LongStrings.Items.ToArray(),
                data.Response.Program,
                data.Response.PackedStrings,
                data.Response.LongStrings.Count == 0 ? null : data.Response.LongStrings.Items.ToArray());
    }
}
