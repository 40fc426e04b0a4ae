using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The replay handler with bad recordings and hostile requests (issue #11, points 4 to 7): a bad recording
    /// only rules itself out, numbers compare exactly, and mismatch messages stay short.
    /// </summary>
    public sealed class ReplayHardeningTests
    {
        private const string Url = "http://replay.test/v1/chat/completions";

        [Fact]
        public async Task Arguments_with_a_lone_surrogate_neither_break_the_handler_nor_other_recordings()
        {
            // The arguments' text holds a raw lone surrogate (the build warns RG0007): no JSON reader takes it.
            // Written by hand, as System.Text.Json's writer would turn it into U+FFFD.
            string bad = TestRecordings.Chat(new JsonArray(TestRecordings.User("hi"), TestRecordings.AssistantCall("c1", "get_weather", "{\"city\":\"LONE\"}"), TestRecordings.ToolAnswer("c1", "ok"))).ToJsonString().Replace("LONE", "\\ud800");
            ParseResult badResult = RecordingParser.Parse(new InMemoryAdditionalText("/project/recordings/bad.json", bad), new GeneratorOptions("/project"), CancellationToken.None);
            Assert.Contains(badResult.Diagnostics, diagnostic => diagnostic.Descriptor.Id == "RG0007" && diagnostic.MessageArgs[2].Contains("lone surrogate"));
            JsonObject good = TestRecordings.Chat(content: "Sunny.");
            var handler = new RecordingReplayHandler(new[] { Generated.Read(badResult.Data!), Read("good", good) });
            using var client = new HttpClient(handler);

            Assert.Equal("Sunny.", await AnswerText(client, good["request"]!["body"]!.ToJsonString()));
            string badBody = bad.Substring(bad.IndexOf("\"body\":", StringComparison.Ordinal) + 7);
            badBody = badBody.Substring(0, badBody.IndexOf(",\"endpoint\"", StringComparison.Ordinal));
            Assert.Equal("Cold.", await AnswerText(client, badBody));
            Assert.Equal(new[] { "recordings/good.json", "recordings/bad.json" }, Array.ConvertAll(new[] { handler.Replayed[0], handler.Replayed[1] }, recording => recording.SourcePath));
        }

        [Fact]
        public void An_incoming_escaped_lone_surrogate_matches_or_misses_but_never_throws_otherwise()
        {
            // Written by hand: System.Text.Json's writer would turn a lone surrogate into U+FFFD.
            string recorded = TestRecordings.Chat(new JsonArray(TestRecordings.User("LONE lone"))).ToJsonString().Replace("LONE", "\\udc00");
            Assert.Contains("\\udc00 lone", recorded);
            var handler = new RecordingReplayHandler(new[] { Read("lone", JsonNode.Parse(recorded)!.AsObject(), recorded) });
            string same = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\\udc00 lone\"}]}";
            string other = same.Replace("\\udc00", "\\udc01");

            Assert.Equal("recordings/lone.json", handler.Match("POST", "/v1/chat/completions", same).SourcePath);
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", other));
            Assert.Contains("messages[0].content", miss.Message);
        }

        [Fact]
        public void A_recording_whose_body_cannot_be_read_rules_only_itself_out_with_its_reason()
        {
            var unreadable = new Recording(
                "recordings/unreadable.json",
                null,
                new RecordedRequest("POST", Url, "/v1/chat/completions", "gpt-4o", false, Array.Empty<RecordedMessage>(), Array.Empty<ToolDefinition>(), "{not json"),
                Read("good", TestRecordings.Chat()).Response);
            var handler = new RecordingReplayHandler(new[] { unreadable, Read("good", TestRecordings.Chat()) });

            Assert.Equal("recordings/good.json", handler.Match("POST", "/v1/chat/completions", TestRecordings.Chat()["request"]!["body"]!.ToJsonString()).SourcePath);

            var only = new RecordingReplayHandler(new[] { unreadable });
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => only.Match("POST", "/v1/chat/completions", "{\"model\":\"gpt-4o\"}"));
            Assert.Contains("recordings/unreadable.json", miss.Message);
            Assert.Contains("can never match: its recorded request body cannot be read", miss.Message);

            // Asked again, the same answer: the failure is the recording's reason, not a cached exception.
            Assert.Throws<RecordingMismatchException>(() => only.Match("POST", "/v1/chat/completions", "{\"model\":\"gpt-4o\"}"));
        }

        [Fact]
        public async Task A_status_that_is_no_HTTP_status_says_so_at_replay()
        {
            JsonObject recording = TestRecordings.Chat();
            recording["response"]!["status"] = 1000;
            var handler = new RecordingReplayHandler(new[] { Read("status", recording) });
            using var client = new HttpClient(handler);

            InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnswerText(client, recording));
            Assert.Contains("recordings/status.json has the status 1000, which is not an HTTP status code", error.Message);
        }

        [Theory]
        [InlineData("9007199254740993", "9007199254740992", false)]
        [InlineData("0.1000000000000000055511151231257827", "0.1", false)]
        [InlineData("1", "1.0", true)]
        [InlineData("100", "1e2", true)]
        [InlineData("1.50", "15E-1", true)]
        [InlineData("-0", "0.0", true)]
        [InlineData("-1", "1", false)]
        [InlineData("12345678901234567890123", "12345678901234567890124", false)]
        public void Numbers_compare_by_exact_value(string recorded, string incoming, bool matches)
        {
            JsonObject recording = TestRecordings.Chat();
            recording["request"]!["body"]!["seed"] = JsonNode.Parse(recorded);
            var handler = new RecordingReplayHandler(new[] { Read("seeded", recording) });
            string body = recording["request"]!["body"]!.ToJsonString().Replace("\"seed\":" + recorded, "\"seed\":" + incoming);
            Assert.Contains("\"seed\":" + incoming, body);

            if (matches)
            {
                Assert.Equal("recordings/seeded.json", handler.Match("POST", "/v1/chat/completions", body).SourcePath);
            }
            else
            {
                Assert.Contains("seed", Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", body)).Message);
            }
        }

        [Fact]
        public void A_huge_property_name_makes_a_short_mismatch_message()
        {
            var handler = new RecordingReplayHandler(new[] { Read("a", TestRecordings.Chat()) });
            string name = new string('p', 10_000_000);
            JsonNode body = TestRecordings.Chat()["request"]!["body"]!.DeepClone();
            body[name] = new string('v', 5_000_000);

            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/" + new string('x', 1_000_000), body.ToJsonString()));

            Assert.True(miss.Message.Length < 4_000, "the message has " + miss.Message.Length + " characters");
            Assert.Contains("chars ...]", miss.Message);
        }

        private static Recording Read(string name, JsonObject recording, string? json = null) => Generated.FromJson(name, json ?? recording.ToJsonString())!;

        private static Task<string?> AnswerText(HttpClient client, JsonObject recording) => AnswerText(client, recording["request"]!["body"]!.ToJsonString());

        private static async Task<string?> AnswerText(HttpClient client, string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await client.PostAsync(Url, content);
            JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return (string?)answer["choices"]![0]!["message"]!["content"];
        }
    }
}
