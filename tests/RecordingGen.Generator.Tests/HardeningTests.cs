using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Generator.Validation;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// Valid but hostile recordings and project setups (issue #11): recording content never reaches a message
    /// unescaped, generated names never collide, every spelling of a path is one recording, and every bad input
    /// ends in a located diagnostic that says what is wrong.
    /// </summary>
    public sealed class HardeningTests
    {
        private const string Forged = "x\nsrc/Program.cs(1,1): error CS0000: forged\r\u2028\u0085\u202Eend";

        [Fact]
        public void Recording_content_in_a_message_is_escaped_and_bounded()
        {
            // A tool message answering an id no call made (RG0004), a call of an undeclared tool (RG0006) whose
            // arguments are not JSON (RG0007), an unknown endpoint (RG0003): each message carries model text.
            JsonObject chat = TestRecordings.Chat(
                new JsonArray(TestRecordings.User("hi"), TestRecordings.ToolAnswer(Forged, "ok")),
                new JsonArray(TestRecordings.Tool("declared")),
                call: ("call_1", Forged + new string('n', 1_000_000), "{" + Forged));
            JsonObject unknown = TestRecordings.Chat();
            unknown["request"]!["endpoint"] = "/v1/" + Forged;
            unknown["request"]!["url"] = "http://localhost/v1/" + Forged;
            unknown["response"]!["body"]!["__type__"] = "x." + Forged;

            GeneratorOutput output = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.File("recordings/forged.json", chat.ToJsonString()),
                GeneratorHarness.File("recordings/unknown.json", unknown.ToJsonString()),
            });

            Assert.Equal(new[] { "RG0003", "RG0004", "RG0006", "RG0007" }, output.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
            foreach (Diagnostic diagnostic in output.GeneratorDiagnostics)
            {
                string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                Assert.DoesNotContain(message, c => c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u202E');
                Assert.True(message.Length < 2_000, diagnostic.Id + " message has " + message.Length + " characters");
            }

            string rg0004 = output.GeneratorDiagnostics.Single(d => d.Id == "RG0004").GetMessage(CultureInfo.InvariantCulture);
            Assert.Contains("'x\\nsrc/Program.cs(1,1): error CS0000: forged\\r\\u2028\\u0085\\u202eend'", rg0004);
            Assert.Contains("characters ...]", output.GeneratorDiagnostics.Single(d => d.Id == "RG0006").GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Recordings_named_like_the_facades_own_methods_compile()
        {
            // Over 64 recordings the facade has page methods; files and folders named after them must not clash.
            var files = new List<AdditionalText>
            {
                GeneratorHarness.File("recordings/get_recording0.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/get-recording-1/x.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/GetRecording__Page1.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/get_recording.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/to_string.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/equals/get_hash_code.json", TestRecordings.Chat().ToJsonString()),
                GeneratorHarness.File("recordings/reference_equals.json", TestRecordings.Chat(tools: new JsonArray(TestRecordings.Tool("to_string"), TestRecordings.Tool("value"))).ToJsonString()),
            };
            for (int i = 0; i < 67; i++)
            {
                files.Add(GeneratorHarness.File("recordings/filler/f" + i.ToString(CultureInfo.InvariantCulture) + ".json", TestRecordings.Chat().ToJsonString()));
            }

            GeneratorOutput output = GeneratorHarness.Run(
                files,
                null,
                "public static class UsesThem { public static object[] Get() => new object[] { Consumer.Tests.Recordings.GetRecording0.Request, Consumer.Tests.Recordings.GetRecording1.X.Request, Consumer.Tests.Recordings.GetRecordingPage1.Request, Consumer.Tests.Recordings.All[73] }; }");

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("GetRecording__Page1(int index)", output.Source("Recordings.g.cs"));
        }

        [Fact]
        public void One_file_included_under_several_spellings_is_one_recording()
        {
            string json = TestRecordings.Chat(new JsonArray(TestRecordings.User("hi"), TestRecordings.ToolAnswer("nobody", "ok"))).ToJsonString();
            var files = new List<AdditionalText>
            {
                new InMemoryAdditionalText("/project/recordings//sub//x.json", json),
                new InMemoryAdditionalText("/project/recordings/sub/x.json", json),
                new InMemoryAdditionalText("/project/./recordings/sub/../sub/x.json", json),
            };

            GeneratorOutput output = GeneratorHarness.Run(files, null, "public static class UsesIt { public static object Get() => Consumer.Tests.Recordings.Sub.X.Request; }");

            Assert.Empty(output.CompilationDiagnostics);
            Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0004", warning.Id);
            Assert.Equal("/project/recordings/sub/x.json", warning.Location.GetLineSpan().Path);
            Assert.Contains("RecordingList(new string[1] {", output.Source("Recordings.g.cs"));

            // The choice does not depend on the order of the items.
            files.Reverse();
            Assert.Equal(output.Source("Recordings.g.cs"), GeneratorHarness.Run(files).Source("Recordings.g.cs"));
        }

        [Fact]
        public void A_linked_file_is_selected_grouped_and_named_by_its_link()
        {
            string json = TestRecordings.Chat().ToJsonString();
            var files = new List<AdditionalText>
            {
                // Outside the project, linked into a recordings folder under another name.
                new InMemoryAdditionalText("/elsewhere/data/chat.json", json),
                // Outside the project and opted in, linked: grouped by the link, not by "../elsewhere/more".
                new InMemoryAdditionalText("/elsewhere/more/other.json", json),
                // The SDK's own Link for a file from outside the project (the path below the wildcard) changes nothing.
                new InMemoryAdditionalText("/shared/recordings/suite/auto.json", json),
            };
            TestOptionsProvider options = GeneratorHarness.Options(fileMetadata: new Dictionary<string, ImmutableDictionary<string, string>>
            {
                ["/elsewhere/data/chat.json"] = Metadata(("Link", "recordings/linked/renamed_chat.json")),
                ["/elsewhere/more/other.json"] = Metadata(("Link", "fixtures\\agents\\other.json"), ("RecordingGen", "true")),
                ["/shared/recordings/suite/auto.json"] = Metadata(("Link", "suite/auto.json")),
            });

            GeneratorOutput output = GeneratorHarness.Run(
                files,
                options,
                "public static class UsesThem { public static string[] Get() => new[] { Consumer.Tests.Recordings.Linked.RenamedChat.SourcePath, Consumer.Tests.Recordings.Fixtures.Agents.Other.SourcePath, Consumer.Tests.Recordings.Suite.Auto.SourcePath }; }");

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("\"recordings/linked/renamed_chat.json\"", string.Concat(output.Sources.Select(source => source.SourceText.ToString())));
        }

        [Fact]
        public void Mapping_a_member_name_is_RG0014_at_the_mapping_entry()
        {
            JsonObject recording = TestRecordings.Chat();
            recording["id_normalization_mapping"] = new JsonObject { ["rec-ok"] = "call_1", ["X"] = "request" };
            string json = recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

            Diagnostic diagnostic = Single(json, "RG0014");

            Assert.Contains("renames the recording's 'request' member", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(LineOf(json, "\"X\": \"request\""), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        }

        [Fact]
        public void A_mapping_that_grows_the_recording_past_its_limit_is_RG0014()
        {
            JsonObject recording = TestRecordings.Chat(content: new string('a', 200_000));
            string key = new string('k', 300);
            recording["id_normalization_mapping"] = new JsonObject { [key] = "a" };

            Diagnostic diagnostic = Single(recording.ToJsonString(), "RG0014");

            Assert.Contains("grows the recording by more than", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void A_file_the_build_cannot_open_is_RG0011()
        {
            var files = new List<AdditionalText> { new InMemoryAdditionalText("/project/recordings/missing.json", (SourceText?)null), GeneratorHarness.File("recordings/ok.json", TestRecordings.Chat().ToJsonString()) };

            GeneratorOutput output = GeneratorHarness.Run(files);

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0011", diagnostic.Id);
            Assert.Contains("cannot be read: the build could not open it", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Empty(output.CompilationDiagnostics);
            Assert.Contains("RecordingList(new string[1] {", output.Source("Recordings.g.cs"));
        }

        [Fact]
        public void Latin1_bytes_are_RG0012_at_the_first_replaced_character()
        {
            string json = TestRecordings.Chat(content: "Caf\u00e9 au lait").ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Contains("Caf\u00e9", json);
            byte[] latin1 = Encoding.Latin1.GetBytes(json);
            SourceText text = SourceText.From(latin1, latin1.Length, Encoding.UTF8, throwIfBinaryDetected: false);

            GeneratorOutput output = GeneratorHarness.Run(new AdditionalText[] { new InMemoryAdditionalText("/project/recordings/latin1.json", text) });

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0012", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
            Assert.Equal(text.ToString().IndexOf('\uFFFD'), diagnostic.Location.SourceSpan.Start);
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Theory]
        [InlineData("status", 1000)]
        [InlineData("status", 42)]
        [InlineData("status_code", 1001)]
        public void A_status_that_is_no_HTTP_status_is_RG0013(string member, int status)
        {
            JsonObject recording = TestRecordings.Chat();
            var response = (JsonObject)recording["response"]!;
            if (member == "status")
            {
                response["status"] = status;
            }
            else
            {
                response["body"] = null;
                response["is_exception"] = true;
                response["exception_data"] = new JsonObject { ["type"] = "APIError", ["message"] = "boom", ["status_code"] = status };
            }

            string json = recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            Diagnostic diagnostic = Single(json, "RG0013");

            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains(status.ToString(CultureInfo.InvariantCulture) + ", which is not an HTTP status code", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(LineOf(json, "\"" + member + "\": " + status.ToString(CultureInfo.InvariantCulture)), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        }

        [Fact]
        public void A_streamed_chat_with_no_chunks_is_RG0005()
        {
            JsonObject recording = TestRecordings.Chat();
            recording["response"]!["body"] = new JsonArray();
            recording["response"]!["is_streaming"] = true;

            Assert.Contains("has no streamed items", Single(recording.ToJsonString(), "RG0005").GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Valid_arguments_nested_deeper_than_64_are_not_RG0007()
        {
            string deep = new string('[', 70) + new string(']', 70);
            JsonObject recording = TestRecordings.Chat(new JsonArray(TestRecordings.User("hi"), TestRecordings.AssistantCall("c1", "nest", "{\"city\":" + deep + "}"), TestRecordings.ToolAnswer("c1", "ok")), new JsonArray(TestRecordings.Tool("nest", "{\"type\":\"object\"}")));

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/deep.json", recording.ToJsonString()) });

            Assert.Empty(output.GeneratorDiagnostics);

            // Invalid arguments at that depth are still reported.
            recording = TestRecordings.Chat(new JsonArray(TestRecordings.User("hi"), TestRecordings.AssistantCall("c1", "nest", "{\"city\":" + deep + "]}"), TestRecordings.ToolAnswer("c1", "ok")), new JsonArray(TestRecordings.Tool("nest", "{\"type\":\"object\"}")));
            Assert.Contains("not valid JSON", Single(recording.ToJsonString(), "RG0007").GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Raw_line_separators_inside_strings_do_not_shift_the_reported_line()
        {
            JsonObject recording = TestRecordings.Chat(new JsonArray(TestRecordings.User("one\u2028two\u2029three\u0085four"), TestRecordings.ToolAnswer("nobody", "ok")));
            string json = recording.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json = json.Replace("\\u2028", "\u2028").Replace("\\u2029", "\u2029").Replace("\\u0085", "\u0085");
            Assert.Contains("\u2028", json);

            Diagnostic diagnostic = Single(json, "RG0004");

            Assert.Equal(LineOf(json, "\"tool_call_id\""), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        }

        [Fact]
        public void An_unknown_type_on_a_typed_endpoint_says_how_it_is_read()
        {
            JsonObject recording = TestRecordings.Chat();
            recording["response"]!["body"]!["__type__"] = "vendor.types.ChatThing";

            string message = Single(recording.ToJsonString(), "RG0003").GetMessage(CultureInfo.InvariantCulture);

            Assert.Contains("the recording is read as OpenAIChat by its endpoint", message);
            Assert.DoesNotContain("exposed raw", message);
        }

        [Theory]
        [InlineData("---", "Consumer.Tests")]
        [InlineData("My-Tests.Fixtures", "MyTests.Fixtures")]
        public void A_RecordingGenNamespace_that_is_no_namespace_is_RG0015(string configured, string used)
        {
            TestOptionsProvider options = GeneratorHarness.Options();
            var global = ImmutableDictionary.CreateBuilder<string, string>();
            global["build_property.MSBuildProjectDirectory"] = GeneratorHarness.ProjectDirectory;
            global["build_property.RootNamespace"] = GeneratorHarness.Namespace;
            global["build_property.RecordingGenNamespace"] = configured;
            options = new TestOptionsProvider(global.ToImmutable(), ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty);

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/a.json", TestRecordings.Chat().ToJsonString()) }, options);

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0015", diagnostic.Id);
            Assert.Contains("'" + configured + "' is not a C# namespace; the Recordings class is generated in '" + used + "'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Contains("namespace " + used, output.Source("Recordings.g.cs"));
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Fact]
        public void The_literal_budget_counts_texts_that_share_a_hash_apart()
        {
            // Two recordings whose literals differ but carry the same hash: counted once, they would fit, and
            // the compiler would fail with CS8103 instead of RG0009.
            string a = new string('a', 5_000_000);
            string b = new string('b', 5_000_000);
            var first = new LiteralCosts("/project/recordings/a.json", "recordings/a.json", new EquatableArray<string>(new[] { a }));
            var second = new LiteralCosts("/project/recordings/b.json", "recordings/b.json", new EquatableArray<string>(new[] { b }));
            static long Colliding(string literal) => 42L;

            Assert.Null(LiteralBudget.Check(new[] { first }, Colliding));
            DiagnosticInfo? over = LiteralBudget.Check(new[] { first, second }, Colliding);

            Assert.NotNull(over);
            Assert.Equal("RG0009", over!.Descriptor.Id);

            // The same literal twice is still stored once.
            var again = new LiteralCosts("/project/recordings/c.json", "recordings/c.json", new EquatableArray<string>(new[] { new string('a', 5_000_000) }));
            Assert.Null(LiteralBudget.Check(new[] { first, again }, Colliding));
            Assert.Null(LiteralBudget.Check(new[] { first, again }));
            Assert.NotNull(LiteralBudget.Check(new[] { first, second }));
        }

        [Fact]
        public void Locations_asked_in_any_order_match_an_editors_lines()
        {
            var builder = new StringBuilder("{\"a\":[");
            var random = new Random(11);
            string[] pieces = { "\"\u00e9\"", "\"\U0001F600\"", "\"x\u2028y\"", "1", "\"\u4e16\u754c\"", "\r\n", "\n", "\r", "\"tab\\t\"" };
            for (int i = 0; i < 3_000; i++)
            {
                string piece = pieces[random.Next(pieces.Length)];
                builder.Append(piece).Append(piece.Trim('\r', '\n').Length == 0 ? "0," : ",");
            }

            string json = builder.Append("0]}").ToString();
            SourceText text = SourceText.From(json, Encoding.UTF8);
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            var positions = new Parsing.Json.JsonPositions("/p/a.json", text, utf8);
            for (int i = 0; i < 5_000; i++)
            {
                int offset = random.Next(utf8.Length);
                while ((utf8[offset] & 0xC0) == 0x80)
                {
                    offset--;
                }

                LocationInfo location = positions.At(offset, 1);
                Assert.Equal(Encoding.UTF8.GetCharCount(utf8, 0, offset), location.Span.Start);
                Assert.Equal(EditorLines.Of(text, location.Span), location.LineSpan);
            }
        }

        [Fact]
        public void Long_names_are_cut_where_a_word_ends()
        {
            string name = Naming.Identifiers.ToPascalCase(string.Join("_", Enumerable.Repeat("abcdefg", 30)))!;
            Assert.Equal(string.Concat(Enumerable.Repeat("Abcdefg", 17)), name);

            // One word longer than the limit is cut inside it; digits split by a separator lose no trailing underscore.
            Assert.Equal("A" + new string('a', Naming.Identifiers.MaxLength - 1), Naming.Identifiers.ToPascalCase(new string('a', 200)));
            string digits = Naming.Identifiers.ToPascalCase("v" + string.Concat(Enumerable.Repeat("1.2.", 80)))!;
            Assert.True(digits.Length <= Naming.Identifiers.MaxLength);
            Assert.EndsWith("2", digits);
        }

        private static ImmutableDictionary<string, string> Metadata(params (string Name, string Value)[] values)
            => values.ToImmutableDictionary(value => "build_metadata.AdditionalFiles." + value.Name, value => value.Value);

        private static Diagnostic Single(string json, string id)
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/case.json", json) });
            Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "RG9999");
            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == id);
            Assert.Equal("/project/recordings/case.json", diagnostic.Location.GetLineSpan().Path);
            return diagnostic;
        }

        private static int LineOf(string text, string marker)
        {
            int index = text.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(index >= 0, "marker not found: " + marker);
            return EditorLines.Of(SourceText.From(text), index).Line + 1;
        }
    }
}
