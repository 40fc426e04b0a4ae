using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The handler finds candidates by a fingerprint of the normalized body instead of scanning every recording
    /// (issue #12). The fingerprint must ignore exactly what matching ignores, or a request would miss its
    /// recording: every recording here, own and shared, is asked for with bodies that matching treats as the
    /// same, and must be answered by itself or by a recording of an equal request.
    /// </summary>
    public sealed class ReplayIndexTests
    {
        [Fact]
        public void Requests_that_differ_only_in_what_matching_ignores_find_their_recording()
        {
            List<Recording> recordings = Files().Select(Read).Where(recording => recording is not null).Select(recording => recording!).ToList();
            var handler = new RecordingReplayHandler(recordings);
            int asked = 0;
            foreach (Recording recording in recordings)
            {
                if (recording.Request.Method is null || recording.Request.BodyJson is not { } body || JsonNode.Parse(body) is not JsonObject original)
                {
                    continue;
                }

                if (!Writable(original))
                {
                    // A body with a lone surrogate, which JsonNode cannot write back (the hardening tests cover it).
                    continue;
                }

                string path = recording.Request.Endpoint ?? new Uri(recording.Request.Url!).AbsolutePath;
                JsonObject reordered = (JsonObject)Reverse(original)!;
                JsonObject tolerated = (JsonObject)original.DeepClone();
                tolerated["parallel_tool_calls"] = true;
                tolerated["user"] = "someone-else";
                foreach (string variant in new[] { body, reordered.ToJsonString(), Respell(original).ToJsonString(), tolerated.ToJsonString() })
                {
                    using (recording.TestId is null ? null : RecordingContext.BeginTest(recording.TestId))
                    {
                        Recording answer = handler.Match(recording.Request.Method, path, variant);
                        if (!ReferenceEquals(answer, recording))
                        {
                            // Another recording of an equal request (a re-recorded turn): it must accept the original body too.
                            new RecordingReplayHandler(new[] { answer }).Match(recording.Request.Method, path, body);
                        }
                    }

                    asked++;
                }
            }

            Assert.True(asked >= 40, "only " + asked + " requests were asked");
        }

        [Fact]
        public void A_body_that_differs_decisively_misses_even_when_the_rest_is_equal()
        {
            JsonObject recording = TestRecordings.Chat();
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("chat", recording.ToJsonString())! });
            JsonObject body = (JsonObject)recording["request"]!["body"]!.DeepClone();
            body["temperature"] = 0.5;

            Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", body.ToJsonString()));
        }

        private static IEnumerable<string> Files()
        {
            IEnumerable<string> files = Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories);
            if (TestPaths.HasSharedRecordings)
            {
                files = files.Concat(Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories));
            }

            return files.OrderBy(path => path, StringComparer.Ordinal);
        }

        private static Recording? Read(string path) => Generated.FromJson(Path.GetFileNameWithoutExtension(path) + "_" + Math.Abs(path.GetHashCode()), File.ReadAllText(path));

        private static bool Writable(JsonNode node)
        {
            try
            {
                node.ToJsonString();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        // Every object's keys in reverse order, at every level.
        private static JsonNode? Reverse(JsonNode? node) => node switch
        {
            JsonObject value => new JsonObject(value.Reverse().Select(pair => KeyValuePair.Create(pair.Key, Reverse(pair.Value)))),
            JsonArray items => new JsonArray(items.Select(Reverse).ToArray()),
            _ => node?.DeepClone(),
        };

        // Numbers written with a fraction and an exponent: 100 as 100.00e0, 0.5 as 0.500e0.
        private static JsonNode Respell(JsonNode node) => RespellValue(node)!;

        private static JsonNode? RespellValue(JsonNode? node) => node switch
        {
            JsonObject value => new JsonObject(value.Select(pair => KeyValuePair.Create(pair.Key, RespellValue(pair.Value)))),
            JsonArray items => new JsonArray(items.Select(RespellValue).ToArray()),
            JsonValue number when number.GetValueKind() == System.Text.Json.JsonValueKind.Number && number.ToJsonString().IndexOfAny(new[] { 'e', 'E' }) < 0 => JsonNode.Parse(number.ToJsonString() + (number.ToJsonString().Contains('.') ? "00e0" : ".00e0")),
            _ => node?.DeepClone(),
        };
    }
}
