using System;
using System.Globalization;
using System.IO;
using System.Linq;
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
    /// Replay scoped to the running test (issue #12): identical requests recorded by different tests give each
    /// test its own answer, also when the tests run in parallel through one handler.
    /// </summary>
    public sealed class TestContextReplayTests
    {
        private const string Url = "http://replay.test/v1/chat/completions";
        private const int Tests = 8;

        [Fact]
        public async Task Parallel_tests_with_their_own_test_ids_get_their_own_answers()
        {
            var handler = new RecordingReplayHandler(Enumerable.Range(0, Tests).Select(i => Chat("t" + i, "answer " + i)).ToArray());
            using var client = new HttpClient(handler);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            Task<string[]>[] tests = Enumerable.Range(0, Tests).Select(i => Task.Run(async () =>
            {
                await start.Task;
                using (RecordingContext.BeginTest("t" + i))
                {
                    var seen = new string[5];
                    for (int round = 0; round < seen.Length; round++)
                    {
                        seen[round] = await Answer(client);
                        await Task.Yield();
                        Assert.Equal("t" + i, RecordingContext.TestId);
                    }

                    return seen;
                }
            })).ToArray();
            start.SetResult();
            string[][] answers = await Task.WhenAll(tests);

            for (int i = 0; i < Tests; i++)
            {
                Assert.All(answers[i], answer => Assert.Equal("answer " + i, answer));
            }

            Assert.Null(RecordingContext.TestId);
        }

        [Fact]
        public void Another_tests_recording_never_answers_and_the_message_says_whose_it_is()
        {
            var handler = new RecordingReplayHandler(new[] { Chat("tests/a.py::test_one", "one") });

            using (RecordingContext.BeginTest("tests/a.py::test_two"))
            {
                RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", Body()));
                Assert.Contains("Another test recorded this request: recordings/tests_a_py__test_one.json (test 'tests/a.py::test_one'), but the current test is 'tests/a.py::test_two'", miss.Message);
            }

            // Without a test id, every recording takes part.
            Assert.Equal("recordings/tests_a_py__test_one.json", handler.Match("POST", "/v1/chat/completions", Body()).SourcePath);
        }

        [Fact]
        public void The_tests_own_recording_comes_first_then_recordings_of_no_test_and_model_lists()
        {
            Recording none = Chat(null, "of no test");
            Recording own = Chat("tests/a.py::test_one", "own");
            Recording models = Generated.FromJson("models", File.ReadAllText(Path.Combine(TestPaths.OwnRecordings, "other", "models-0a1b2c3d4e5f-deadbeef.json")))!;
            var handler = new RecordingReplayHandler(new[] { none, own, models });

            using (RecordingContext.BeginTest("tests/a.py::test_one"))
            {
                Assert.Same(own, handler.Match("POST", "/v1/chat/completions", Body()));
            }

            using (RecordingContext.BeginTest("tests/b.py::test_other"))
            {
                Assert.Same(none, handler.Match("POST", "/v1/chat/completions", Body()));

                // Model lists are shared by every test, as in ogx (whose key leaves the test id out for them).
                Assert.NotEqual("tests/b.py::test_other", models.TestId);
                Assert.Same(models, handler.Match("POST", "/v1/models", "{}"));
            }
        }

        [Fact]
        public void Scopes_nest_and_restore_the_test_before()
        {
            using (RecordingContext.BeginTest("outer"))
            {
                using (RecordingContext.BeginTest("inner"))
                {
                    Assert.Equal("inner", RecordingContext.TestId);
                }

                Assert.Equal("outer", RecordingContext.TestId);
            }

            Assert.Null(RecordingContext.TestId);
            Assert.Throws<ArgumentException>(() => RecordingContext.BeginTest(string.Empty));
        }

        private static Recording Chat(string? testId, string answer)
        {
            JsonObject recording = TestRecordings.Chat(content: answer);
            recording["test_id"] = testId;
            string name = testId is null ? "no_test" : new string(testId.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
            return Generated.FromJson(name, recording.ToJsonString())!;
        }

        private static string Body() => TestRecordings.Chat()["request"]!["body"]!.ToJsonString();

        private static async Task<string> Answer(HttpClient client)
        {
            using var content = new StringContent(Body(), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await client.PostAsync(Url, content);
            JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return (string)answer["choices"]![0]!["message"]!["content"]!;
        }
    }
}
