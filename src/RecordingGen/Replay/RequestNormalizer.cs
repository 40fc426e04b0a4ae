using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>
    /// Rewrites a request body so that what the real clients change about a request, and nothing else,
    /// disappears before recorded and incoming requests are compared (both sides go through this):
    /// <list type="bullet">
    /// <item><c>stream_options</c>, <c>stream: false</c>, <c>tool_choice: "auto"</c> and <c>encoding_format</c> are dropped
    /// (replay answers embeddings in the encoding the request asks for);</item>
    /// <item><c>max_completion_tokens</c> is <c>max_tokens</c>;</item>
    /// <item>content that is a single text part is that text; an assistant message's empty <c>content</c> is dropped
    /// when it carries tool calls, and so is each tool call's <c>index</c>;</item>
    /// <item>tool-call arguments compare as JSON (key order and whitespace, e.g. indented re-serialization, do not matter);</item>
    /// <item>tools compare as a set, and <c>additionalProperties: false</c> in their schemas is dropped;</item>
    /// <item>a property whose value is <c>null</c> or an empty object is the same as an absent one (SDKs omit nulls that
    /// recorders keep; OllamaSharp sends an empty <c>CustomHeaders</c>).</item>
    /// </list>
    /// </summary>
    internal static class RequestNormalizer
    {
        public static JsonTree Normalize(JsonTree body)
        {
            if (body.Kind != JsonValueKind.Object)
            {
                return body;
            }

            DropNulls(body);
            body.Remove("stream_options");
            body.Remove("encoding_format");
            if (body.Get("stream") is { Kind: JsonValueKind.False })
            {
                body.Remove("stream");
            }

            if (body.Get("tool_choice") is { } choice && choice.IsString("auto"))
            {
                body.Remove("tool_choice");
            }

            if (body.Get("max_completion_tokens") is { } maxTokens && body.Get("max_tokens") is null)
            {
                body.Remove("max_completion_tokens");
                body.Set("max_tokens", maxTokens);
            }

            if (body.Get("messages") is { Kind: JsonValueKind.Array } messages)
            {
                foreach (JsonTree message in messages.Items)
                {
                    NormalizeMessage(message);
                }
            }

            if (body.Get("tools") is { Kind: JsonValueKind.Array } tools)
            {
                foreach (JsonTree tool in tools.Items)
                {
                    DropClosedObjects(tool);
                }

                tools.Items.Sort((a, b) => string.CompareOrdinal(ToolName(a), ToolName(b)));
            }

            return body;
        }

        private static void NormalizeMessage(JsonTree message)
        {
            if (message.Kind != JsonValueKind.Object)
            {
                return;
            }

            if (message.Get("content") is { Kind: JsonValueKind.Array } parts && parts.Items.Count == 1
                && parts.Items[0].Get("type") is { } type && type.IsString("text") && parts.Items[0].Get("text") is { Kind: JsonValueKind.String } text)
            {
                message.Set("content", text);
            }

            if (message.Get("tool_calls") is { Kind: JsonValueKind.Array } calls)
            {
                if (calls.Items.Count == 0)
                {
                    message.Remove("tool_calls");
                }
                else if (message.Get("content") is { } content && (content.Kind == JsonValueKind.Null || content.IsString(string.Empty)))
                {
                    message.Remove("content");
                }

                foreach (JsonTree call in calls.Items)
                {
                    call.Remove("index");
                    call.Get("function")?.Get("arguments")?.ParseStringAsJson();
                }
            }
        }

        private static void DropNulls(JsonTree node)
        {
            foreach (KeyValuePair<string, JsonTree> property in node.Properties)
            {
                DropNulls(property.Value);
            }

            foreach (JsonTree item in node.Items)
            {
                DropNulls(item);
            }

            node.Properties.RemoveAll(property => property.Value.Kind == JsonValueKind.Null || (property.Value.Kind == JsonValueKind.Object && property.Value.Properties.Count == 0));
        }

        private static void DropClosedObjects(JsonTree node)
        {
            if (node.Kind == JsonValueKind.Object)
            {
                if (node.Get("additionalProperties") is { Kind: JsonValueKind.False })
                {
                    node.Remove("additionalProperties");
                }

                foreach (KeyValuePair<string, JsonTree> property in node.Properties)
                {
                    DropClosedObjects(property.Value);
                }
            }
            else if (node.Kind == JsonValueKind.Array)
            {
                foreach (JsonTree item in node.Items)
                {
                    DropClosedObjects(item);
                }
            }
        }

        private static string ToolName(JsonTree tool)
            => (tool.Get("function") ?? tool).Get("name")?.Text ?? string.Empty;
    }
}
