using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// RG0003-RG0009: each is reported with its severity at the JSON that causes it (located by a unique
    /// marker in the test's own recording), and the recording itself, and the others, still generate.
    /// </summary>
    public sealed class ValidationDiagnosticTests
    {
        private const string Path = "recordings/checked.json";

        [Fact]
        public void A_clean_chat_recording_has_no_findings()
        {
            GeneratorOutput output = Run(Chat());

            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Fact]
        public void RG0003_unknown_type_is_informational_at_the_type()
        {
            JsonObject recording = Chat();
            recording["response"]!["body"] = new JsonObject { ["__type__"] = "acme.types.Frobnication", ["__data__"] = new JsonObject { ["ok"] = true } };

            AssertSingle(Run(recording), "RG0003", DiagnosticSeverity.Info, "\"acme.types.Frobnication\"", "acme.types.Frobnication");
        }

        [Fact]
        public void RG0003_unknown_endpoint_is_informational_at_the_endpoint()
        {
            JsonObject recording = Chat();
            recording["request"]!["endpoint"] = "/v2/frobnicate";
            recording["response"]!["body"] = new JsonObject { ["answer"] = 42 };

            AssertSingle(Run(recording), "RG0003", DiagnosticSeverity.Info, "\"/v2/frobnicate\"", "/v2/frobnicate");
        }

        [Fact]
        public void RG0003_unknown_pass_through_url_is_informational_at_the_url()
        {
            var recording = new JsonObject
            {
                ["request"] = new JsonObject { ["url"] = "https://example.test/v9/frobnicate", ["method"] = "POST", ["payload"] = new JsonObject { ["x"] = 1 } },
                ["response"] = new JsonObject { ["status"] = 200, ["body"] = new JsonObject { ["answer"] = 42 }, ["is_streaming"] = false },
            };

            AssertSingle(Run(recording), "RG0003", DiagnosticSeverity.Info, "\"https://example.test/v9/frobnicate\"", "https://example.test/v9/frobnicate");
        }

        [Fact]
        public void A_pass_through_messages_recording_is_recognized_by_its_url()
        {
            var recording = new JsonObject
            {
                ["request"] = new JsonObject { ["url"] = "http://0.0.0.0:11434/v1/messages", ["method"] = "POST", ["payload"] = new JsonObject { ["model"] = "m", ["messages"] = new JsonArray() } },
                ["response"] = new JsonObject { ["status"] = 200, ["body"] = new JsonObject { ["content"] = new JsonArray() }, ["is_streaming"] = false },
            };

            Assert.Empty(Run(recording).GeneratorDiagnostics);
        }

        [Fact]
        public void RG0004_tool_answer_without_a_call_is_at_its_tool_call_id()
        {
            JsonObject recording = Chat();
            Messages(recording).Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_orphan", ["content"] = "42" });

            AssertSingle(Run(recording), "RG0004", DiagnosticSeverity.Warning, "\"call_orphan\"", "call_orphan");
        }

        [Fact]
        public void RG0004_an_answer_before_its_call_does_not_count()
        {
            JsonObject recording = Chat();
            JsonArray messages = Messages(recording);
            messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_early", ["content"] = "42" });
            messages.Add(AssistantCall("call_early", "get_weather", "{\"city\":\"Oslo\"}"));

            AssertSingle(Run(recording), "RG0004", DiagnosticSeverity.Warning, "\"call_early\",\n          \"content\"", "call_early");
        }

        [Fact]
        public void RG0005_a_stream_without_a_finish_reason_is_at_its_last_chunk()
        {
            JsonObject recording = StreamedChat(finish: null);

            AssertSingle(Run(recording), "RG0005", DiagnosticSeverity.Warning, "{\n          \"id\": \"last\"", "without any finish reason");
        }

        [Fact]
        public void RG0005_is_streaming_true_with_a_single_body_is_at_the_flag()
        {
            JsonObject recording = Chat();
            recording["response"]!["is_streaming"] = true;

            AssertSingle(Run(recording), "RG0005", DiagnosticSeverity.Warning, "true\n  }", "'is_streaming' is true");
        }

        [Fact]
        public void RG0005_is_streaming_false_with_a_list_of_chunks_is_at_the_flag()
        {
            JsonObject recording = StreamedChat(finish: "stop");
            recording["response"]!["is_streaming"] = false;

            AssertSingle(Run(recording), "RG0005", DiagnosticSeverity.Warning, "false\n  }", "list of streamed chunks");
        }

        [Fact]
        public void RG0006_a_call_of_an_undeclared_tool_is_at_its_name()
        {
            JsonObject recording = Chat(responseCall: ("call_r", "launch_rockets", "{}"));

            Diagnostic diagnostic = AssertSingle(Run(recording), "RG0006", DiagnosticSeverity.Warning, "\"launch_rockets\"", "launch_rockets");
            Assert.Contains("'get_weather'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void RG0006_a_streamed_call_of_an_undeclared_tool_is_at_its_first_fragment()
        {
            JsonObject recording = StreamedChat(finish: "tool_calls", call: ("call_s", "launch_rockets", "{}"));

            AssertSingle(Run(recording), "RG0006", DiagnosticSeverity.Warning, "\"launch_rockets\"", "launch_rockets");
        }

        [Theory]
        [InlineData("{\"city\": ", "are not valid JSON")]
        [InlineData("{\"units\":\"metric\"}", "miss the required parameter 'city'")]
        [InlineData("{\"city\":12}", "give 'city' as a number but the schema wants \"string\"")]
        [InlineData("{\"city\":\"Oslo\",\"days\":1.5}", "give 'days' as a number but the schema wants \"integer\"")]
        [InlineData("[\"Oslo\"]", "are an array but the schema wants \"object\"")]
        public void RG0007_arguments_that_do_not_fit_are_at_the_arguments(string arguments, string problem)
        {
            JsonObject recording = Chat(responseCall: ("call_r", "get_weather", arguments));

            AssertSingle(Run(recording), "RG0007", DiagnosticSeverity.Warning, JsonSerializer.Serialize(arguments), problem);
        }

        [Fact]
        public void RG0007_null_for_an_optional_parameter_is_accepted()
        {
            GeneratorOutput output = Run(Chat(responseCall: ("call_r", "get_weather", "{\"city\":\"Oslo\",\"days\":null}")));

            Assert.Empty(output.GeneratorDiagnostics);
        }

        [Fact]
        public void RG0007_also_checks_calls_in_the_request_history()
        {
            JsonObject recording = Chat();
            Messages(recording).Add(AssistantCall("call_h", "get_weather", "{\"town\":\"Oslo\"}"));
            Messages(recording).Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_h", ["content"] = "cold" });

            AssertSingle(Run(recording), "RG0007", DiagnosticSeverity.Warning, JsonSerializer.Serialize("{\"town\":\"Oslo\"}"), "miss the required parameter 'city'");
        }

        [Fact]
        public void RG0008_same_request_with_a_different_response_is_at_the_later_files_request()
        {
            JsonObject first = Chat();
            JsonObject second = Chat();
            second["response"]!["body"]!["__data__"]!["choices"]![0]!["message"]!["content"] = "A different answer.";
            JsonObject third = Chat();
            JsonObject elsewhere = Chat();
            elsewhere["response"]!["body"]!["__data__"]!["choices"]![0]!["message"]!["content"] = "Another suite's answer.";

            GeneratorOutput output = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.File("recordings/a.json", Text(first)),
                GeneratorHarness.File("recordings/b.json", Text(second)),
                GeneratorHarness.File("recordings/c.json", Text(third)),
                GeneratorHarness.File("other/recordings/d.json", Text(elsewhere)),
            });

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal(("RG0008", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
            Assert.Equal(GeneratorHarness.ProjectDirectory + "/recordings/b.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal((3, 3), Position(diagnostic));
            Assert.Contains("'recordings/a.json'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(5, output.Sources.Count());
            Assert.Empty(output.CompilationDiagnostics);
        }

        [Fact]
        public void RG0008_ignores_key_order_and_float_noise_but_not_the_test_id()
        {
            JsonObject first = Chat();
            JsonObject source = Chat();
            var reversedBody = new JsonObject(source["request"]!["body"]!.AsObject().Reverse().Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
            source["request"]!["body"] = reversedBody;
            JsonObject reordered = JsonNode.Parse("{\"response\":" + source["response"]!.ToJsonString() + ",\"request\":" + source["request"]!.ToJsonString() + ",\"test_id\":" + source["test_id"]!.ToJsonString() + "}")!.AsObject();
            Assert.StartsWith("{\"tools\"", reversedBody.ToJsonString());
            reordered["request"]!["body"]!["temperature"] = 0.7000000001;
            first["request"]!["body"]!["temperature"] = 0.7;
            reordered["response"]!["body"]!["__data__"]!["id"] = "rec-other";
            JsonObject otherTest = Chat();
            otherTest["test_id"] = "tests/x.py::test_other";
            otherTest["response"]!["body"]!["__data__"]!["id"] = "rec-third";

            GeneratorOutput output = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.File("recordings/a.json", Text(first)),
                GeneratorHarness.File("recordings/b.json", Text(reordered)),
                GeneratorHarness.File("recordings/c.json", Text(otherTest)),
            });

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal("RG0008", diagnostic.Id);
            Assert.Equal(GeneratorHarness.ProjectDirectory + "/recordings/b.json", diagnostic.Location.GetLineSpan().Path);
        }

        [Fact]
        public void RG0009_a_set_too_large_for_one_assembly_says_by_how_much_and_emits_nothing()
        {
            var files = new List<AdditionalText>();
            for (int i = 0; i < 3; i++)
            {
                JsonObject recording = Chat();
                recording["test_id"] = "tests/x.py::test_big_" + i;
                recording["response"]!["body"]!["__data__"]!["choices"]![0]!["message"]!["content"] = new string((char)('\u03B1' + i), 3_000_000); // Greek: not halved by text packing
                files.Add(GeneratorHarness.File("recordings/big" + i + ".json", Text(recording)));
            }

            GeneratorOutput output = GeneratorHarness.Run(files);

            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);
            Assert.Equal(("RG0009", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Assert.Contains("need 17.17 MB of string literals but one assembly holds 15.75 MB (9.0% over)", message);
            Assert.Contains("recordings/big0.json 5.72 MB", message);
            Assert.Equal(GeneratorHarness.ProjectDirectory + "/recordings/big0.json", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal((1, 1), Position(diagnostic));
            Assert.Empty(output.Sources);
            Assert.DoesNotContain(output.CompilationDiagnostics, d => d.Id == "CS8103");
        }

        [Fact]
        public void Severities_follow_the_projects_settings()
        {
            JsonObject recording = Chat(responseCall: ("call_r", "launch_rockets", "{}"));
            var files = new[] { GeneratorHarness.File(Path, Text(recording)) };
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.CreateCompilation();

            ImmutableArray<Diagnostic> Reported(ReportDiagnostic setting)
            {
                var options = compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["RG0006"] = setting });
                GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation.WithOptions(options), out _, out ImmutableArray<Diagnostic> diagnostics);
                return diagnostics;
            }

            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(Reported(ReportDiagnostic.Default)).Severity);
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(Reported(ReportDiagnostic.Error)).Severity);
            Assert.Empty(Reported(ReportDiagnostic.Suppress));
        }

        private static GeneratorOutput Run(JsonObject recording)
        {
            var files = new List<AdditionalText>(GeneratorHarness.OwnRecordings()) { GeneratorHarness.File(Path, Text(recording)) };
            GeneratorOutput output = GeneratorHarness.Run(files);

            // The checked recording and every other one still generate, and the result compiles.
            Assert.Equal(files.Count + 1, output.Sources.Count());
            Assert.Empty(output.CompilationDiagnostics);
            return output;
        }

        private static Diagnostic AssertSingle(GeneratorOutput output, string id, DiagnosticSeverity severity, string marker, string messagePart)
        {
            Diagnostic diagnostic = Assert.Single(output.GeneratorDiagnostics);

            // The harness builds like TreatWarningsAsErrors, so the effective severity of a warning is Error.
            Assert.Equal((id, severity), (diagnostic.Id, diagnostic.DefaultSeverity));
            Assert.Equal(GeneratorHarness.ProjectDirectory + "/" + Path, diagnostic.Location.GetLineSpan().Path);
            Assert.Contains(messagePart, diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(LineAndColumnOf(marker), Position(diagnostic));
            return diagnostic;
        }

        private static (int Line, int Column) Position(Diagnostic diagnostic)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        // Where the unique marker stands in the last recording written by Text().
        private static (int Line, int Column) LineAndColumnOf(string marker)
        {
            string text = lastText!;
            int index = text.IndexOf(marker, System.StringComparison.Ordinal);
            Assert.True(index >= 0 && text.IndexOf(marker, index + 1, System.StringComparison.Ordinal) < 0, "marker must occur once: " + marker);
            string before = text.Substring(0, index);
            return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
        }

        private static string? lastText;

        private static string Text(JsonObject recording)
            => lastText = recording.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n");

        private static JsonArray Messages(JsonObject recording) => recording["request"]!["body"]!["messages"]!.AsArray();

        private static JsonObject AssistantCall(string id, string name, string arguments)
            => new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = "",
                ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments } }),
            };

        private static JsonObject Request(bool stream)
            => new JsonObject
            {
                ["method"] = "POST",
                ["url"] = "https://api.openai.com/v1/v1/chat/completions",
                ["body"] = new JsonObject
                {
                    ["model"] = "gpt-4o",
                    ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Weather in Oslo?" }),
                    ["stream"] = stream,
                    ["tools"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "function",
                        ["function"] = new JsonObject
                        {
                            ["name"] = "get_weather",
                            ["description"] = "Weather of a city.",
                            ["parameters"] = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"}},\"required\":[\"city\"]}"),
                        },
                    }),
                },
                ["endpoint"] = "/v1/chat/completions",
                ["model"] = "gpt-4o",
            };

        private static JsonObject Chat((string Id, string Name, string Arguments)? responseCall = null)
        {
            JsonNode? calls = responseCall is { } call
                ? new JsonArray(new JsonObject { ["id"] = call.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments } })
                : null;
            return new JsonObject
            {
                ["test_id"] = "tests/integration/test_checks.py::test_weather",
                ["request"] = Request(stream: false),
                ["response"] = new JsonObject
                {
                    ["body"] = new JsonObject
                    {
                        ["__type__"] = "openai.types.chat.chat_completion.ChatCompletion",
                        ["__data__"] = new JsonObject
                        {
                            ["id"] = "rec-1",
                            ["choices"] = new JsonArray(new JsonObject
                            {
                                ["finish_reason"] = calls is null ? "stop" : "tool_calls",
                                ["index"] = 0,
                                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = calls is null ? "Cold." : null, ["tool_calls"] = calls },
                            }),
                            ["model"] = "gpt-4o",
                        },
                    },
                    ["is_streaming"] = false,
                },
            };
        }

        private static JsonObject StreamedChat(string? finish, (string Id, string Name, string Arguments)? call = null)
        {
            JsonObject Chunk(string id, JsonObject delta, string? finishReason)
                => new JsonObject
                {
                    ["__type__"] = "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
                    ["__data__"] = new JsonObject
                    {
                        ["id"] = id,
                        ["choices"] = new JsonArray(new JsonObject { ["delta"] = delta, ["finish_reason"] = finishReason, ["index"] = 0 }),
                        ["model"] = "gpt-4o",
                    },
                };

            JsonObject middle = call is { } c
                ? new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = c.Id, ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments } }) }
                : new JsonObject { ["content"] = "Cold." };
            return new JsonObject
            {
                ["test_id"] = "tests/integration/test_checks.py::test_weather_stream",
                ["request"] = Request(stream: true),
                ["response"] = new JsonObject
                {
                    ["body"] = new JsonArray(
                        Chunk("first", new JsonObject { ["role"] = "assistant", ["content"] = "" }, null),
                        Chunk("middle", middle, null),
                        Chunk("last", new JsonObject(), finish)),
                    ["is_streaming"] = true,
                },
            };
        }
    }
}
