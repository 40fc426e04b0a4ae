using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Sdk;

namespace RecordingGen.Tests.Shared
{
    /// <summary>Compares a fixture with the runtime parse of its file, member by member; JSON compares semantically.</summary>
    public static class FixtureAssert
    {
        public static void Matches(RecordingOracle expected, Recording actual)
        {
            string where = actual.SourcePath + ": ";
            Equal(where + "TestId", expected.TestId, actual.TestId);
            Equal(where + "Format", expected.Format, actual.Format.ToString());
            Equal(where + "Method", expected.Method, actual.Request.Method);
            Equal(where + "Url", expected.Url, actual.Request.Url);
            Equal(where + "Endpoint", expected.Endpoint, actual.Request.Endpoint);
            Equal(where + "Model", expected.Model, actual.Request.Model);
            Equal(where + "Stream", expected.Stream, actual.Request.Stream);
            Json(where + "Request.BodyJson", expected.RequestBody, actual.Request.BodyJson);
            Equal(where + "Prompt", expected.Prompt, actual.Request.Prompt);
            Equal(where + "tool invocation", expected.ToolInvocation?.Name, actual.Request.ToolInvocation?.Name);
            if (expected.ToolInvocation is { } invocation)
            {
                Json(where + "tool invocation arguments", invocation.Arguments, actual.Request.ToolInvocation?.ArgumentsJson);
            }

            Equal(where + "message count", expected.Messages.Count, actual.Request.Messages.Count);
            for (int i = 0; i < expected.Messages.Count; i++)
            {
                RecordedMessage message = actual.Request.Messages[i];
                Equal(where + "message " + i + " role", expected.Messages[i].Role, message.Role);
                Equal(where + "message " + i + " text", expected.Messages[i].Text, message.Text);
                Equal(where + "message " + i + " tool_call_id", expected.Messages[i].ToolCallId, message.ToolCallId);
                Equal(where + "message " + i + " tool calls", Describe(expected.Messages[i].ToolCalls), Describe(message.ToolCalls));
            }

            Equal(where + "tools", string.Join("|", expected.Tools.Select(tool => tool.Name + ":" + tool.Description)), string.Join("|", actual.Request.Tools.Select(tool => tool.Name + ":" + tool.Description)));
            for (int i = 0; i < expected.Tools.Count; i++)
            {
                Json(where + "tool " + i + " parameters", expected.Tools[i].Parameters ?? new JsonObject(), actual.Request.Tools[i].ParametersJson);
            }

            Equal(where + "IsStreaming", expected.IsStreaming, actual.Response.IsStreaming);
            Equal(where + "StatusCode", expected.StatusCode, actual.Response.StatusCode);
            Json(where + "Response.BodyJson", expected.ResponseBody, actual.Response.BodyJson);
            Equal(where + "chunk count", expected.Chunks.Count, actual.Response.Chunks.Count);
            for (int i = 0; i < expected.Chunks.Count; i++)
            {
                RecordedChunk chunk = actual.Response.Chunks[i];
                Json(where + "chunk " + i + " json", expected.Chunks[i].Json, chunk.Json);
                Equal(where + "chunk " + i + " text delta", expected.Chunks[i].TextDelta, chunk.TextDelta);
                Equal(where + "chunk " + i + " finish reason", expected.Chunks[i].FinishReason, chunk.FinishReason);
                Equal(where + "chunk " + i + " event", expected.Chunks[i].EventName, chunk.EventName);
                Equal(where + "chunk " + i + " thinking delta", expected.Chunks[i].ThinkingDelta, chunk.ThinkingDelta);
                if (expected.Chunks[i].RawData is { } raw)
                {
                    Equal(where + "chunk " + i + " data", raw, chunk.Data);
                }
            }

            Equal(where + "Text", expected.Text, actual.Response.Text);
            Equal(where + "Thinking", expected.Thinking, actual.Response.Thinking);
            Equal(where + "Inputs", string.Join("|", expected.Inputs ?? System.Array.Empty<string>()), string.Join("|", actual.Request.Inputs));
            Equal(where + "embedding count", expected.Embeddings?.Count ?? 0, actual.Response.Embeddings.Count);
            for (int i = 0; i < (expected.Embeddings?.Count ?? 0); i++)
            {
                float[] vector = actual.Response.Embeddings[i].ToArray();
                if (!expected.Embeddings![i].AsSpan().SequenceEqual(vector))
                {
                    throw new XunitException(where + "embedding " + i + " differs (" + expected.Embeddings[i].Length + " vs " + vector.Length + " values)");
                }
            }

            Equal(
                where + "Timings",
                expected.Timings?.ToString(),
                actual.Response.Timings is { } timings ? (timings.TotalNanoseconds, timings.LoadNanoseconds, timings.PromptEvaluationNanoseconds, timings.EvaluationNanoseconds).ToString() : null);
            Equal(where + "ToolCalls", Describe(expected.ToolCalls), Describe(actual.Response.ToolCalls));
            Equal(where + "FinishReason", expected.FinishReason, actual.Response.FinishReason);
            Equal(
                where + "Models",
                string.Join("|", (expected.Models ?? System.Array.Empty<(string, string?, long?)>()).Select(model => model.ToString())),
                string.Join("|", actual.Response.Models.Select(model => (model.Id, model.OwnedBy, model.Created).ToString())));
            Equal(where + "has Error", expected.Error is not null, actual.Response.Error is not null);
            if (expected.Error is { } error && actual.Response.Error is { } recorded)
            {
                Equal(where + "Error", (error.Category, error.Provider, error.Type, error.Message, error.StatusCode), (recorded.Category, recorded.Provider, recorded.Type, recorded.Message, recorded.StatusCode));
                Json(where + "Error.BodyJson", error.Body, recorded.BodyJson);
            }

            Equal(
                where + "Usage",
                expected.Usage?.ToString(),
                actual.Response.Usage is { } usage ? (usage.InputTokens, usage.OutputTokens, usage.TotalTokens).ToString() : null);
        }

        private static string Describe(System.Collections.Generic.IEnumerable<(string? Id, string Name, string Arguments)> calls)
            => string.Join("|", calls.Select(call => call.Id + ":" + call.Name + ":" + call.Arguments));

        private static string Describe(System.Collections.Generic.IEnumerable<ToolCall> calls)
            => string.Join("|", calls.Select(call => call.Id + ":" + call.Name + ":" + call.ArgumentsJson));

        private static void Json(string what, JsonNode? expected, string? actualJson)
        {
            JsonNode? actual = actualJson is null ? null : JsonNode.Parse(RecordingOracle.Protect(actualJson));
            bool actualIsNull = actualJson is null || actual is null;
            if ((expected is null) != actualIsNull || !JsonNode.DeepEquals(expected, actual))
            {
                throw new XunitException(what + " differs.\nExpected: " + expected?.ToJsonString() + "\nActual:   " + actualJson);
            }
        }

        private static void Equal<T>(string what, T expected, T actual)
        {
            if (!Equals(expected, actual))
            {
                throw new XunitException(what + " differs.\nExpected: " + expected + "\nActual:   " + actual);
            }
        }
    }
}
