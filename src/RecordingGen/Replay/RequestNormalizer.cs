using System;
using System.Collections.Generic;
using System.Linq;
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
    /// recorders keep; OllamaSharp sends an empty <c>CustomHeaders</c>), and no body is an empty one (the recorder stores
    /// <c>{}</c> for a GET);</item>
    /// <item><c>extra_body</c>, where the recorder keeps the Python call's keyword argument, is merged into the top level,
    /// as the Python SDK sends it (and a .NET client sends those keys);</item>
    /// <item>in tools, the <c>type</c> the Python side repeats inside <c>function</c>, an empty <c>description</c> and
    /// an empty <c>required</c> list (Microsoft.Extensions.AI sends both for tools that have neither) are dropped, and
    /// <c>parameters</c> that are an object schema with no properties are no parameters (Microsoft.Extensions.AI sends
    /// <c>{"type":"object"}</c> for a function declared without them);</item>
    /// <item>a tool message's content made of text parts is their text joined with line feeds, as
    /// <see cref="RecordedMessage.Text"/> reads it (Microsoft.Extensions.AI sends one string).</item>
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
            MergeExtraBody(body);
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
                for (int i = 0; i < tools.Items.Count; i++)
                {
                    DropClosedObjects(tools.Items[i]);
                    NormalizeTool(tools.Items[i]);
                    tools.Items[i].SetMember = (ToolName(tools.Items[i]), i);
                }

                // A stable sort: tools of one name keep their order.
                var sorted = tools.Items.OrderBy(tool => tool.SetMember!.Value.Key, StringComparer.Ordinal).ToList();
                tools.Items.Clear();
                tools.Items.AddRange(sorted);
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
            else if (message.Get("role") is { } role && role.IsString("tool") && message.Get("content") is { Kind: JsonValueKind.Array } toolParts
                     && toolParts.Items.Count > 1 && toolParts.Items.TrueForAll(IsTextPart))
            {
                message.Set("content", JsonTree.String(string.Join("\n", toolParts.Items.ConvertAll(part => part.Get("text")!.Text))));
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

        private static bool IsTextPart(JsonTree part)
            => part.Kind == JsonValueKind.Object && part.Properties.Count == 2 && part.Get("type") is { } type && type.IsString("text") && part.Get("text") is { Kind: JsonValueKind.String };

        private static void MergeExtraBody(JsonTree body)
        {
            if (body.Get("extra_body") is not { Kind: JsonValueKind.Object } extra)
            {
                return;
            }

            body.Remove("extra_body");
            foreach (KeyValuePair<string, JsonTree> property in extra.Properties)
            {
                body.Set(property.Key, property.Value);
            }
        }

        private static void NormalizeTool(JsonTree tool)
        {
            if (tool.Get("function") is not { Kind: JsonValueKind.Object } function)
            {
                return;
            }

            if (function.Get("type") is { } type && type.IsString("function"))
            {
                function.Remove("type");
            }

            if (function.Get("description") is { } description && description.IsString(string.Empty))
            {
                function.Remove("description");
            }

            if (function.Get("parameters") is { Kind: JsonValueKind.Object } parameters && parameters.Get("required") is { Kind: JsonValueKind.Array, Items.Count: 0 })
            {
                parameters.Remove("required");
            }

            // No parameters and an object schema with no properties both declare a function without arguments.
            if (function.Get("parameters") is { Kind: JsonValueKind.Object, Properties.Count: 1 } schema && schema.Get("type") is { } schemaType && schemaType.IsString("object"))
            {
                function.Remove("parameters");
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
