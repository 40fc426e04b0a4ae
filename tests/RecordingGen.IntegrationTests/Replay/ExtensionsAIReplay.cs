using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using RecordingGen.Replay;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Sends a recording's request again through Microsoft.Extensions.AI, and collects what the client yields.</summary>
    internal static class ExtensionsAIReplay
    {
        /// <summary>Text, function calls (described as <see cref="OpenAIReplay.Describe(IEnumerable{ToolCall})"/> does) and finish reason.</summary>
        public static async Task<(string Text, string ToolCalls, string? FinishReason)> Complete(IChatClient client, Recording recording)
        {
            ChatClientRequest request = recording.Request.ToChatClientRequest();
            if (!recording.Request.Stream)
            {
                ChatResponse response = await client.GetResponseAsync(request.Messages, request.Options);
                return (response.Text, Describe(response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>()), response.FinishReason?.Value);
            }

            var text = new StringBuilder();
            var calls = new List<FunctionCallContent>();
            ChatFinishReason? finish = null;
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(request.Messages, request.Options))
            {
                text.Append(update.Text);
                calls.AddRange(update.Contents.OfType<FunctionCallContent>());
                finish = update.FinishReason ?? finish;
            }

            return (text.ToString(), Describe(calls), finish?.Value);
        }

        private static string Describe(IEnumerable<FunctionCallContent> calls)
            => OpenAIReplay.Describe(calls.Select(call => ((string?)call.CallId, call.Name, JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions))));
    }
}
