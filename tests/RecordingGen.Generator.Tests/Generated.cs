using System.Linq;
using System.Threading;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Tests
{
    /// <summary>Decodes a recording's data as the generated class does, without compiling it.</summary>
    internal static class Generated
    {
        /// <summary>A recording file's text through the generator and back: the fixture a build would give, or null for a file with no data.</summary>
        public static Recording? FromJson(string name, string json)
        {
            ParseResult result = RecordingParser.Parse(new InMemoryAdditionalText("/project/recordings/" + name + ".json", json), new GeneratorOptions("/project"), CancellationToken.None);
            return result.Data is { } data ? Read(data) : null;
        }

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
