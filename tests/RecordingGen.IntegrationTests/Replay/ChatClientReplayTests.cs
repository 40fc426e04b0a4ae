#if HAS_SHARED_RECORDINGS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>
    /// The seed's three-turn tool conversation driven through Microsoft.Extensions.AI's IChatClient (the OpenAI
    /// SDK's own AsIChatClient over the replay handler), streaming, by a loop that answers the tools with canned results.
    /// The loop sends what the recorded first turn sent: the copy in seed/ has its runs of spaces collapsed, so
    /// its own request text matches none of the recorded turns, while its response is the recorded final turn's.
    /// </summary>
    public class ChatClientReplayTests
    {
        private static Recording Seed => Recordings.All.Single(recording => recording.SourcePath.EndsWith("seed/experiment_analysis_streaming.json", StringComparison.Ordinal));

        private static List<Recording> SameTestId => Recordings.All.Where(recording => recording.TestId == Seed.TestId).ToList();

        [Fact]
        public async Task Over_the_seeds_own_chain_the_conversation_ends_with_the_seeds_final_text()
        {
            List<Recording> chain = SeedChain();
            Assert.Equal(3, chain.Count);
            var handler = new RecordingReplayHandler(chain);

            string final = await Converse(RecordingChatClient.Create(handler, "gpt-4o"), chain[0]);

            Assert.Equal(Seed.Response.Text, final);
            Assert.Equal(chain, handler.Replayed);
        }

        [Fact]
        public async Task Over_all_twelve_recordings_of_the_test_id_every_turn_resolves_deterministically()
        {
            List<Recording> all = SameTestId;
            Assert.Equal(12, all.Count);
            var first = new RecordingReplayHandler(all);
            var second = new RecordingReplayHandler(all.AsEnumerable().Reverse());

            string final = await Converse(RecordingChatClient.Create(first, "gpt-4o"), SeedChain()[0]);
            string again = await Converse(RecordingChatClient.Create(second, "gpt-4o"), SeedChain()[0]);

            Assert.Contains(final, all.Where(recording => recording.Response.ToolCalls.Count == 0).Select(recording => recording.Response.Text));
            Assert.Equal(final, again);
            Assert.Equal(first.Replayed.Select(recording => recording.SourcePath), second.Replayed.Select(recording => recording.SourcePath));
            Assert.Equal(3, first.Replayed.Count);
        }

        /// <summary>The recordings whose tool call ids lead to the seed: each turn's calls are answered in the next turn's request.</summary>
        private static List<Recording> SeedChain()
        {
            List<string> seedIds = Seed.Request.Messages.SelectMany(message => message.ToolCalls).Select(call => call.Id!).ToList();
            return SameTestId
                .Where(recording => recording != Seed)
                .Where(recording =>
                {
                    List<string> sent = recording.Request.Messages.SelectMany(message => message.ToolCalls).Select(call => call.Id!).ToList();
                    return sent.SequenceEqual(seedIds.Take(sent.Count)) && recording.Response.ToolCalls.All(call => seedIds.Contains(call.Id!));
                })
                .OrderBy(recording => recording.Request.Messages.Count)
                .ToList();
        }

        private static async Task<string> Converse(IChatClient client, Recording firstTurn)
        {
            var tools = firstTurn.Request.Tools
                .Select(tool => (AITool)AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description, JsonDocument.Parse(tool.ParametersJson).RootElement))
                .ToList();
            var options = new ChatOptions { Tools = tools };
            var messages = new List<ChatMessage> { new ChatMessage(ChatRole.User, firstTurn.Request.Messages[0].Text) };
            for (int turn = 0; turn < 6; turn++)
            {
                var updates = new List<ChatResponseUpdate>();
                await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages, options))
                {
                    updates.Add(update);
                }

                ChatResponse response = updates.ToChatResponse();
                messages.AddMessages(response);
                List<FunctionCallContent> calls = response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().ToList();
                if (calls.Count == 0)
                {
                    return response.Text;
                }

                foreach (FunctionCallContent call in calls)
                {
                    string result = call.Name == "get_experiment_id" ? "exp_003" : "Yield: 85%, Status: Complete";
                    messages.Add(new ChatMessage(ChatRole.Tool, new List<AIContent> { new FunctionResultContent(call.CallId, result) }));
                }
            }

            throw new InvalidOperationException("The conversation did not end within six turns.");
        }
    }
}
#endif
