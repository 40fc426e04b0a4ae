using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The parser runs on many threads at once: the build task parses recordings in parallel, and one compiler server
    /// runs the generators of several projects at the same time. Pooled buffers make that a real risk (a buffer used
    /// after it went back to the pool is someone else's buffer on another thread).
    /// </summary>
    public sealed class ConcurrentParseTests
    {
        [Fact]
        public void Recordings_parsed_on_many_threads_equal_those_parsed_one_by_one()
        {
            // Read as the compiler and the build task read files: decoded from their bytes.
            string[] paths = System.IO.Directory.GetFiles(TestPaths.OwnRecordings, "*.json", System.IO.SearchOption.AllDirectories)
                .Concat(System.IO.Directory.Exists(TestPaths.SharedRecordings) ? System.IO.Directory.GetFiles(TestPaths.SharedRecordings, "*.json", System.IO.SearchOption.AllDirectories) : new string[0])
                .OrderBy(path => path, System.StringComparer.Ordinal)
                .ToArray();
            AdditionalText[] files = paths.Select(path =>
            {
                byte[] bytes = System.IO.File.ReadAllBytes(path);
                return (AdditionalText)new InMemoryAdditionalText(path, Microsoft.CodeAnalysis.Text.SourceText.From(bytes, bytes.Length, System.Text.Encoding.UTF8));
            }).ToArray();
            var options = new GeneratorOptions("/project");
            ParseResult[] expected = files.Select(file => RecordingParser.Parse(file, options, default)).ToArray();

            const int Rounds = 12;
            var actual = new ParseResult[Rounds * files.Length];
            Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = RecordingParser.Parse(files[i % files.Length], options, default));

            for (int i = 0; i < actual.Length; i++)
            {
                Assert.Equal(expected[i % files.Length], actual[i]);
            }
        }
    }
}
