using RecordingGen.Internal;
using System.Collections.Generic;

namespace RecordingGen
{
    /// <summary>The request side of a recording.</summary>
    public sealed class RecordedRequest
    {
        private readonly JsonText _body;

        /// <summary>Creates a request. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedRequest(
            string? method,
            string? url,
            string? endpoint,
            string? model,
            bool stream,
            IReadOnlyList<RecordedMessage> messages,
            IReadOnlyList<ToolDefinition> tools,
            string? bodyJson,
            string? prompt = null,
            ToolCall? toolInvocation = null,
            IReadOnlyList<string>? inputs = null)
            : this(method, url, endpoint, model, stream, messages, tools, JsonText.FromString(bodyJson), prompt, toolInvocation, inputs ?? new string[0])
        {
        }

        internal RecordedRequest(
            string? method,
            string? url,
            string? endpoint,
            string? model,
            bool stream,
            IReadOnlyList<RecordedMessage> messages,
            IReadOnlyList<ToolDefinition> tools,
            JsonText body,
            string? prompt,
            ToolCall? toolInvocation,
            IReadOnlyList<string> inputs)
        {
            Inputs = inputs;
            Prompt = prompt;
            ToolInvocation = toolInvocation;
            Method = method;
            Url = url;
            Endpoint = endpoint;
            Model = model;
            Stream = stream;
            Messages = messages;
            Tools = tools;
            _body = body;
        }

        /// <summary>The HTTP method, or null where the recording has none (tool-runtime recordings).</summary>
        public string? Method { get; }

        /// <summary>The URL the recorder saw, verbatim (recorded URLs may carry doubled prefixes such as /v1/v1/).</summary>
        public string? Url { get; }

        /// <summary>The API endpoint, such as /v1/chat/completions, or null where the recording has none.</summary>
        public string? Endpoint { get; }

        /// <summary>The requested model: the recording's own <c>model</c>, else the body's or payload's.</summary>
        public string? Model { get; }

        /// <summary>Whether the request asked for a streamed response.</summary>
        public bool Stream { get; }

        /// <summary>The chat messages sent, in order; empty where the endpoint has none.</summary>
        public IReadOnlyList<RecordedMessage> Messages { get; }

        /// <summary>The tools offered to the model, in order.</summary>
        public IReadOnlyList<ToolDefinition> Tools { get; }

        /// <summary>For text completions (<c>/v1/completions</c>), the prompt; several prompts joined with newlines.</summary>
        public string? Prompt { get; }

        /// <summary>For embeddings (<c>/v1/embeddings</c>, Ollama <c>/api/embed</c> and <c>/api/embeddings</c>), the texts embedded, in order; empty otherwise.</summary>
        public IReadOnlyList<string> Inputs { get; }

        /// <summary>For a tool-runtime recording, the tool invoked (<c>tool_name</c>) and its arguments (<c>kwargs</c>).</summary>
        public ToolCall? ToolInvocation { get; }

        /// <summary>The request <c>body</c> or <c>payload</c> as JSON text, or null when the recording has neither.</summary>
        public string? BodyJson => _body.Value;

        /// <summary>The body as generated tokens or text, for replay matching without parsing JSON text.</summary>
        internal JsonText Body => _body;
    }
}
