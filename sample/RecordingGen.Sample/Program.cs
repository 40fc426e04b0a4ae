using System;
using System.ClientModel;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.ClientModel.Primitives;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using RecordingGen;
using RecordingGen.Record;
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

// The same recording answering the official OpenAI SDK: code under test runs unchanged against it. The recorded
// request, converted to the SDK's own types, is what the test sends.
var handler = new RecordingReplayHandler(new[] { seed });
var client = new ChatClient("gpt-4o", new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));
OpenAIChatRequest request = seed.Request.ToOpenAIChatRequest();
List<ChatMessage> messages = request.Messages;
ChatCompletionOptions options = request.Options;

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

// Recording: a local server stands in for the real API; the handler forwards to it and writes its answer as a
// recording file in ogx's format. Added to the project as AdditionalFiles, the next build makes it a fixture.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
await using WebApplication api = builder.Build();
api.Urls.Add("http://127.0.0.1:0");
api.MapPost("/v1/chat/completions", () => Results.Text("""{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"Recorded just now."},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":4,"total_tokens":9}}""", "application/json"));
await api.StartAsync();
var recorder = new RecordingHandler(Recordings.All, new RecordingOptions { Mode = RecordingMode.Record, Directory = Path.Combine(Path.GetTempPath(), "recordinggen-sample") });
using (RecordingContext.BeginTest("sample::record_once"))
{
    var live = new ChatClient("gpt-4o", new ApiKeyCredential("sk-your-real-key"), new OpenAIClientOptions { Endpoint = new Uri(api.Urls.First() + "/v1"), Transport = new HttpClientPipelineTransport(new HttpClient(recorder)) });
    Console.WriteLine("Recorded against " + api.Urls.First() + ": " + live.CompleteChat("Say something.").Value.Content[0].Text);
}

Console.WriteLine("  wrote " + recorder.Written.Single() + " (no headers, no key)");
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

static string OneLine(string? text)
    => string.Join(" ", (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

static string Shorten(string text, int width)
    => text.Length <= width ? text : "..." + text.Substring(text.Length - width + 3);
