using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// Recording content that tries to break out of the generated code: it must compile, open no
    /// directive, and read back exactly from the compiled assembly.
    /// </summary>
    public sealed class HostileContentTests
    {
        private const string Hostile = "q\" b\\ */ /* // #error x\n#line 9 \"f\"\r\n\u2028\u2029\u0085 nul\u0000 \u202e\u200f rtl \ud83d lone \udc00 \U0001F600 @class 1x";

        public static readonly string[] HostileFileNames =
        {
            "recordings/we\"ird */ #error.json",
            "recordings/new\nline\u2028sep\u202e.json",
            "recordings/class.json",
            "recordings/123start.json",
            "recordings/nul\u0000.json",
            "recordings/\u00e9t\u00e9 \u4e16\u754c.json",
            "recordings/#line 1.json",
        };

        [Fact]
        public void Hostile_names_and_text_compile_open_no_directive_and_read_back_exactly()
        {
            var files = HostileFileNames.Select((name, i) => GeneratorHarness.File(name, Recording(i))).ToList();
            GeneratorOutput output = GeneratorHarness.Run(files);

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Empty(output.CompilationDiagnostics);
            foreach (GeneratedSourceResult source in output.Sources)
            {
                IEnumerable<string> directives = source.SourceText.Lines.Select(line => line.ToString().TrimStart()).Where(line => line.StartsWith("#", StringComparison.Ordinal));
                Assert.All(directives, line => Assert.True(line == "#nullable enable annotations" || line.StartsWith("#pragma warning disable CS1591", StringComparison.Ordinal), source.HintName + ": " + line));
                Assert.DoesNotContain(source.SourceText.ToString(), c => c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u202e' || c == '\0');
            }

            IReadOnlyList<Recording> all = LoadAll(output.Compilation);
            Assert.Equal(HostileFileNames.OrderBy(name => name, StringComparer.Ordinal), all.Select(recording => recording.SourcePath));
            foreach (Recording recording in all)
            {
                int i = Array.IndexOf(HostileFileNames, recording.SourcePath);
                Assert.Equal(Hostile + i, recording.TestId);
                Assert.Equal(Hostile, recording.Request.Messages.Single().Text);
                Assert.Equal(new[] { "class", "1st", Hostile + i, "Tools" }, recording.Request.Tools.Select(tool => tool.Name));
                Assert.Equal(Hostile, recording.Response.Text);
                JsonNode body = JsonNode.Parse(RecordingGen.Tests.Shared.RecordingOracle.Protect(recording.Response.BodyJson!))!;
                Assert.Equal(Hostile, RecordingGen.Tests.Shared.RecordingOracle.Restore(body["choices"]![0]!["message"]!["content"]!.GetValue<string>()));
            }
        }

        private static string Recording(int i)
        {
            string hostile = JsonString(Hostile);
            string numbered = JsonString(Hostile + i);
            return "{\"test_id\":" + numbered + ",\"request\":{\"method\":\"POST\",\"endpoint\":\"/v1/chat/completions\",\"body\":{\"model\":" + hostile
                + ",\"messages\":[{\"role\":\"user\",\"content\":" + hostile + "}],\"tools\":["
                + "{\"type\":\"function\",\"function\":{\"name\":\"class\",\"description\":" + hostile + ",\"parameters\":{\"type\":\"object\"}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"1st\",\"parameters\":{\"type\":\"object\"}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":" + numbered + ",\"parameters\":{\"type\":\"object\"}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"Tools\",\"parameters\":{\"type\":\"object\"}}}]}},"
                + "\"response\":{\"body\":{\"__type__\":\"openai.types.chat.chat_completion.ChatCompletion\",\"__data__\":{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":" + hostile + "}}]}},\"is_streaming\":false}}";
        }

        // JSON string with every non-ASCII character escaped, so lone surrogates survive in the file text.
        private static string JsonString(string value)
        {
            var builder = new System.Text.StringBuilder("\"");
            foreach (char c in value)
            {
                builder.Append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
            }

            return builder.Append('"').ToString();
        }

        private static IReadOnlyList<Recording> LoadAll(Compilation compilation)
        {
            using var stream = new MemoryStream();
            EmitResult result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            var context = new AssemblyLoadContext("hostile", isCollectible: true);
            try
            {
                Assembly assembly = context.LoadFromStream(stream);
                PropertyInfo all = assembly.GetType(GeneratorHarness.Namespace + ".Recordings")!.GetProperty("All")!;
                return ((IReadOnlyList<Recording>)all.GetValue(null)!).ToList();
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
