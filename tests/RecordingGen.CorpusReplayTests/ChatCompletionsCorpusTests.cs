using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using RecordingGen.IntegrationTests.Replay;
using RecordingGen.Replay;
using RecordingGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.CorpusReplayTests
{
    /// <summary>
    /// Every OpenAI chat completions recording of the corpus, rebuilt with an SDK's types as application code writes it,
    /// sent through one handler over the whole corpus with the recording's test id set, as a test would run.
    /// </summary>
    [Collection(CorpusCollection.Name)]
    public sealed class ChatCompletionsCorpusTests
    {
        private readonly CorpusRecordings _corpus;
        private readonly ITestOutputHelper _output;

        public ChatCompletionsCorpusTests(CorpusRecordings corpus, ITestOutputHelper output)
        {
            _corpus = corpus;
            _output = output;
        }

        private List<Recording> ChatRecordings()
            => _corpus.All.Where(recording => recording.Format == RecordingFormat.OpenAIChat
                    && recording.Request.Method == "POST"
                    && (recording.Request.Endpoint ?? string.Empty).EndsWith("/chat/completions", StringComparison.Ordinal))
                .ToList();

        [CorpusFact]
        public async Task Every_chat_recording_replays_its_own_answer_through_the_OpenAI_SDK()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            Outcome outcome = await Replay(handler, recording =>
            {
                var client = new ChatClient(recording.Request.Model!, new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));
                return OpenAIReplay.Complete(client, recording);
            });

            _output.WriteLine("OpenAI SDK: " + outcome);
            Assert.True(outcome.Failures.Count == 0, outcome.ToString());
            Assert.True(outcome.Tried > 2000, "the corpus holds more than 2,000 chat recordings; tried " + outcome.Tried);
        }

        [CorpusFact]
        public async Task Every_chat_recording_replays_its_own_answer_through_Microsoft_Extensions_AI()
        {
            var handler = new RecordingReplayHandler(_corpus.All);
            Outcome outcome = await Replay(handler, recording =>
            {
                IChatClient client = RecordingChatClient.Create(handler, recording.Request.Model!);
                return ExtensionsAIReplay.Complete(client, recording);
            });

            _output.WriteLine("Microsoft.Extensions.AI: " + outcome);
            Assert.True(outcome.Failures.Count == 0, outcome.ToString());

            // What ChatOptions and AIContent cannot say, and so rides on the raw OpenAI representations (README lists it).
            List<ChatClientRequest> requests = ChatRecordings().Where(recording => recording.Response.Error is null).Select(recording => recording.Request.ToChatClientRequest()).ToList();
            Assert.All(requests, request => Assert.Empty(request.Lost));
            var raw = requests.SelectMany(request => request.RawKeys.Select(key => System.Text.RegularExpressions.Regex.Replace(key, @"\[\d+\]", "[]")).Distinct())
                .GroupBy(key => key).OrderByDescending(group => group.Count()).Select(group => group.Key + " " + group.Count());
            _output.WriteLine(requests.Count(request => request.RawKeys.Count > 0) + " of " + requests.Count + " requests need the raw OpenAI options for: " + string.Join(", ", raw));
            Assert.True(outcome.Tried > 2000, "the corpus holds more than 2,000 chat recordings; tried " + outcome.Tried);
        }

        private async Task<Outcome> Replay(RecordingReplayHandler handler, Func<Recording, Task<(string Text, string ToolCalls, string? FinishReason)>> send)
        {
            var outcome = new Outcome();
            foreach (Recording recording in ChatRecordings())
            {
                outcome.Tried++;
                int before = handler.Replayed.Count;
                using IDisposable? test = recording.TestId is { } testId ? RecordingContext.BeginTest(testId) : null;
                try
                {
                    (string text, string calls, string? finish) = await send(recording);
                    Recording replayed = handler.Replayed[before];
                    if (recording.Response.Error is not null)
                    {
                        outcome.Failures.Add(recording.SourcePath + ": a recorded error replayed as a success");
                        continue;
                    }

                    if (!string.Equals(replayed.TestId, recording.TestId, StringComparison.Ordinal))
                    {
                        outcome.Failures.Add(recording.SourcePath + ": answered by " + replayed.SourcePath + " of another test");
                        continue;
                    }

                    // Within one test a request recorded twice (RG0008) is answered by the first file: the same test's answer.
                    outcome.ByTwin += ReferenceEquals(replayed, recording) ? 0 : 1;
                    string expectedCalls = OpenAIReplay.Describe(replayed.Response.ToolCalls);
                    if (text != replayed.Response.Text || calls != expectedCalls || !string.Equals(finish, replayed.Response.FinishReason, StringComparison.Ordinal))
                    {
                        outcome.Failures.Add(recording.SourcePath + ": differs\n  text:  " + Cut(text) + "\n  want:  " + Cut(replayed.Response.Text)
                            + "\n  calls: " + Cut(calls) + "\n  want:  " + Cut(expectedCalls) + "\n  finish: " + finish + " want " + replayed.Response.FinishReason);
                        continue;
                    }

                    outcome.Replayed++;
                }
                catch (ClientResultException exception) when (recording.Response.Error is { } error)
                {
                    if (exception.Status == (error.StatusCode ?? recording.Response.StatusCode ?? 500))
                    {
                        outcome.Errors++;
                    }
                    else
                    {
                        outcome.Failures.Add(recording.SourcePath + ": status " + exception.Status + ", recorded " + error.StatusCode);
                    }
                }
                catch (Exception exception)
                {
                    outcome.Failures.Add(recording.SourcePath + ": " + exception.GetType().Name + ": " + Cut(exception.Message, 1500) + (exception is RecordingMismatchException ? string.Empty : "\n" + Cut(exception.StackTrace, 600)));
                }
            }

            return outcome;
        }

        private static string Cut(string? text, int length = 160) => text is null ? "(null)" : text.Length <= length ? text : text.Substring(0, length) + "...";

        private sealed class Outcome
        {
            public int Tried;
            public int Replayed;
            public int Errors;
            public int ByTwin;
            public List<string> Failures { get; } = new List<string>();

            public override string ToString()
                => Tried + " tried: " + Replayed + " replayed with their text, tool calls and finish reason (" + ByTwin + " by an equal request of the same test), "
                   + Errors + " recorded errors raised with their status, " + Failures.Count + " failed"
                   + (Failures.Count == 0 ? string.Empty : ":\n" + string.Join("\n", Failures.Take(40)));
        }
    }
}
