using System;
using System.ClientModel;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using OpenAI.Chat;
using RecordingGen;
using RecordingGen.Replay;
using RecordingGen.Sample;

// The seed recording: the last turn of a three-turn tool conversation with gpt-4o, streamed.
var seed = Recordings.ExperimentAnalysisStreaming;
Console.WriteLine("Recording " + seed.SourcePath);
Console.WriteLine("  test:  " + seed.TestId);
Console.WriteLine("  model: " + seed.Request.Model + " (" + seed.Request.Method + " " + seed.Request.Endpoint + ", stream: " + seed.Request.Stream + ")");
Console.WriteLine();
Console.WriteLine("Messages:");
foreach (RecordedMessage message in seed.Request.Messages)
{
    string content = message.Text ?? string.Empty;
    foreach (ToolCall call in message.ToolCalls)
    {
        content += "[calls " + call.Name + call.ArgumentsJson + " as " + call.Id + "]";
    }

    if (message.ToolCallId is not null)
    {
        content = "[answers " + message.ToolCallId + "] " + content;
    }

    Console.WriteLine("  " + message.Role.PadRight(9) + " " + content);
}

Console.WriteLine();
Console.WriteLine("Tools:");
foreach (ToolDefinition tool in seed.Request.Tools)
{
    Console.WriteLine("  " + tool.Name.PadRight(22) + " " + OneLine(tool.Description));
}

// Tools are generated members too: a test that names a tool the recording lost fails to compile.
Console.WriteLine("  (by name: " + Recordings.ExperimentAnalysisStreaming.Tools.GetExperimentResults.Name + ")");
Console.WriteLine();

Console.WriteLine("Streaming " + seed.Response.Chunks.Count + " precomputed chunks:");
Console.Write("  ");
foreach (RecordedChunk chunk in seed.Response.Chunks)
{
    Console.Write(chunk.TextDelta);
    Thread.Sleep(15); // Paced like the model's stream; the data is all in memory already.
}

Console.WriteLine();
Console.WriteLine("  finish reason: " + seed.Response.FinishReason);
Console.WriteLine();

// The same recording answering the official OpenAI SDK: code under test runs unchanged against it.
var handler = new RecordingReplayHandler(new[] { seed });
var client = new ChatClient("gpt-4o", new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));
List<ChatMessage> messages = seed.Request.Messages.Select(ToSdkMessage).ToList();
var options = new ChatCompletionOptions();
foreach (ToolDefinition tool in seed.Request.Tools)
{
    options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersJson)));
}

Console.WriteLine("Replayed through the OpenAI SDK (" + handler.GetType().Name + "):");
Console.Write("  ");
int updates = 0;
foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreaming(messages, options))
{
    updates++;
    foreach (ChatMessageContentPart part in update.ContentUpdate)
    {
        Console.Write(part.Text);
    }
}

Console.WriteLine();
Console.WriteLine("  " + updates + " SDK updates from " + Path.GetFileName(handler.Replayed.Single().SourcePath));
Console.WriteLine();

Console.WriteLine("All recordings:");
Console.WriteLine("  " + "Recording".PadRight(44) + " " + "Format".PadRight(22) + " Streaming  Chunks  Tools");
foreach (Recording recording in Recordings.All)
{
    Console.WriteLine(
        "  " + Shorten(Path.GetFileName(recording.SourcePath), 44).PadRight(44)
        + " " + recording.Format.ToString().PadRight(22)
        + " " + (recording.Response.IsStreaming ? "yes" : "no").PadRight(10)
        + " " + recording.Response.Chunks.Count.ToString().PadLeft(6)
        + " " + recording.Request.Tools.Count.ToString().PadLeft(6));
}

static ChatMessage ToSdkMessage(RecordedMessage message) => message.Role switch
{
    "system" => new SystemChatMessage(message.Text),
    "assistant" when message.ToolCalls.Count > 0 => new AssistantChatMessage(message.ToolCalls
        .Select(call => ChatToolCall.CreateFunctionToolCall(call.Id, call.Name, BinaryData.FromString(call.ArgumentsJson)))
        .ToList()),
    "assistant" => new AssistantChatMessage(message.Text),
    "tool" => new ToolChatMessage(message.ToolCallId, message.Text),
    _ => new UserChatMessage(message.Text),
};

static string OneLine(string? text)
    => string.Join(" ", (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

static string Shorten(string text, int width)
    => text.Length <= width ? text : "..." + text.Substring(text.Length - width + 3);
