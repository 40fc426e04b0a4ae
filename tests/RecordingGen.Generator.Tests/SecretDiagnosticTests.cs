using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>RG0010: a key that leaked into a recording is flagged where it is, and never repeated in the build log.</summary>
    public sealed class SecretDiagnosticTests
    {
        [Theory]
        [InlineData("sk-proj-AbCdEf0123456789AbCdEf0123456789", "an OpenAI or Anthropic API key")]
        [InlineData("sk-ant-api03-AbCdEf0123456789AbCdEf0123456789", "an OpenAI or Anthropic API key")]
        [InlineData("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "a Google API key")]
        [InlineData("AKIAIOSFODNN7EXAMPLE", "an AWS access key id")]
        [InlineData("ghp_0123456789abcdefABCDEF0123456789abcd", "a GitHub token")]
        [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv", "a GitHub token")]
        [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "a bearer token")]
        public void A_planted_secret_is_RG0010_at_its_line_and_column(string secret, string kind)
        {
            JsonObject recording = TestRecordings.Chat(content: "Use " + secret + " for that.");
            string json = recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/leak.json", json) });

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0010", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
            Assert.Equal(json.IndexOf(secret, System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
            Assert.Equal(secret.Length, diagnostic.Location.SourceSpan.Length);
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(kind, message, System.StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Substring(10), message, System.StringComparison.Ordinal);
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Theory]
        [InlineData("sk-short")] // too short to be a key
        [InlineData("task-0123456789abcdefghijklmnop")] // "sk-" inside a word
        [InlineData("AKIA0123")] // not the 16 characters of an access key id
        [InlineData("Bearer token")]
        public void Lookalikes_are_not_flagged(string text)
        {
            string json = TestRecordings.Chat(content: "Use " + text + " for that.").ToJsonString();

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/fine.json", json) });

            Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "RG0010");
        }

        [Fact]
        public void The_five_reported_are_the_first_five_in_the_text_whatever_their_shapes()
        {
            // Twelve OpenAI keys after an AWS key id, a GitHub token and a key behind a bearer: shape by shape, the
            // keys alone would fill the report before the others were looked at.
            string key = "sk-proj-AbCdEf0123456789AbCdEf0123456789";
            string text = "{\"a\": \"AKIAIOSFODNN7EXAMPLE\", \"b\": \"ghp_0123456789abcdefABCDEF0123456789abcd\", \"c\": \"Bearer " + key + "\", \"d\": ["
                + string.Join(", ", Enumerable.Repeat("\"" + key + "\"", 12)) + "]}";

            var found = Validation.SecretCheck.Find(text.AsSpan());

            Assert.Equal(5, found.Count);
            Assert.Equal(new[] { "an AWS access key id", "a GitHub token", "a bearer token", "an OpenAI or Anthropic API key", "an OpenAI or Anthropic API key" }, found.Select(secret => secret.Kind));
            Assert.Equal(text.IndexOf("AKIA", System.StringComparison.Ordinal), found[0].Offset);
            Assert.Equal(text.IndexOf("Bearer", System.StringComparison.Ordinal), found[2].Offset);

            // The key inside the bearer token is a finding of its own, as it was when each shape was searched apart.
            Assert.Equal(text.IndexOf(key, System.StringComparison.Ordinal), found[3].Offset);
            Assert.True(found.Select(secret => secret.Offset).SequenceEqual(found.Select(secret => secret.Offset).OrderBy(offset => offset)));
        }

        [SharedRecordingsFact]
        public void No_shared_recording_is_flagged()
        {
            var files = Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories)
                .Select(path => (AdditionalText)new InMemoryAdditionalText("/project/recordings/" + Path.GetRelativePath(TestPaths.SharedRecordings, path).Replace('\\', '/'), File.ReadAllText(path)))
                .ToList();

            GeneratorOutput output = GeneratorHarness.Run(files);

            Assert.True(files.Count > 70);
            Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "RG0010");
        }
    }
}
