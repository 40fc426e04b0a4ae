using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>Broken recordings fail the build at the right place, and never stop the others from generating.</summary>
    public sealed class DiagnosticTests
    {
        private const string Valid = "{\"request\":{\"method\":\"POST\",\"endpoint\":\"/v1/models\",\"body\":{}},\"response\":{\"body\":[],\"is_streaming\":false}}";

        [Theory]
        // A missing comma: the reader stops at the next property name (line 3, column 3 as the build prints it).
        [InlineData("{\n  \"request\": {}\n  \"response\": {}\n}", 3, 3)]
        // Truncated in the middle of a string.
        [InlineData("{\"request\": {\"url\": \"http://x", 1, 30)]
        // Trailing garbage after the document.
        [InlineData("{\"request\": {}, \"response\": {}} x", 1, 33)]
        // Multi-byte characters before the error count as characters, not bytes.
        [InlineData("{\"test_id\": \"h\u00e9llo \u4e16\u754c \U0001F600\", oops}", 1, 28)]
        // CRLF line endings.
        [InlineData("{\r\n\"request\": {},\r\n\"response\": {},\r\n}", 4, 1)]
        public void Invalid_json_is_RG0001_at_the_reader_position(string json, int line, int column)
        {
            Diagnostic diagnostic = SingleDiagnostic(json, "RG0001");

            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            AssertAt(diagnostic, "/project/recordings/broken.json", line, column);
        }

        [Fact]
        public void A_byte_order_mark_is_not_an_error()
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/bom.json", "\uFEFF" + Valid) });

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Contains(output.Sources, source => source.HintName.StartsWith("RecordingGenData/", System.StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("{\"response\": {}}", "it has no 'request' object", 1, 1)]
        [InlineData("{\"request\": {},\n \"other\": 1}", "it has no 'response' object", 1, 1)]
        [InlineData("{\"request\": {},\n  \"response\": [1, 2]}", "'response' must be an object but is an array", 2, 3)]
        [InlineData("{\"request\": \"GET /\", \"response\": {}}", "'request' must be an object but is a string", 1, 2)]
        [InlineData("[1, 2, 3]", "the root must be a JSON object", 1, 1)]
        public void Missing_or_mistyped_request_or_response_is_RG0002(string json, string message, int line, int column)
        {
            Diagnostic diagnostic = SingleDiagnostic(json, "RG0002");

            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            AssertAt(diagnostic, "/project/recordings/broken.json", line, column);
        }

        [Fact]
        public void A_file_whose_reading_fails_is_RG0011_and_the_rest_still_generates()
        {
            var files = new List<AdditionalText>(GeneratorHarness.OwnRecordings()) { new ThrowingAdditionalText("/project/recordings/unreadable.json") };
            GeneratorOutput output = GeneratorHarness.Run(files);

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0011", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
            AssertAt(diagnostic, "/project/recordings/unreadable.json", 1, 1);
            Assert.Contains("recordings/unreadable.json", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("the disk said no", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(GeneratorHarness.OwnRecordings().Count + 1, output.Sources.Count());
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Fact]
        public void Broken_recordings_leave_the_valid_ones_generated_and_compiling()
        {
            var files = new List<AdditionalText>
            {
                GeneratorHarness.File("recordings/a_broken.json", "{ not json"),
                GeneratorHarness.File("recordings/b_no_response.json", "{\"request\": {}}"),
                GeneratorHarness.File("recordings/c_valid.json", Valid),
            };
            GeneratorOutput output = GeneratorHarness.Run(files, null, "public static class UsesIt { public static object Get() => Consumer.Tests.Recordings.CValid; }");

            Assert.Equal(new[] { "RG0001", "RG0002" }, output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id).OrderBy(id => id));
            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("case 0: return", output.Source("Recordings.g.cs"));
            Assert.DoesNotContain("case 1: return", output.Source("Recordings.g.cs"));
        }

        private static Diagnostic SingleDiagnostic(string json, string id)
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/broken.json", json) });
            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Empty(output.CompilationDiagnostics);
            return diagnostic;
        }

        private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        }
    }
}
