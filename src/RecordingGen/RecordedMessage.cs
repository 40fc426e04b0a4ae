using System.Collections.Generic;

namespace RecordingGen
{
    /// <summary>One message of a recorded chat request.</summary>
    public sealed class RecordedMessage
    {
        /// <summary>Creates a message. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedMessage(string role, string? text, string? toolCallId, IReadOnlyList<ToolCall> toolCalls)
        {
            Role = role;
            Text = text;
            ToolCallId = toolCallId;
            ToolCalls = toolCalls;
        }

        /// <summary>The role: system, user, assistant, tool...</summary>
        public string Role { get; }

        /// <summary>The plain content, or its text parts joined with a newline; null when the message has no text.</summary>
        public string? Text { get; }

        /// <summary>For a tool message, the id of the tool call it answers.</summary>
        public string? ToolCallId { get; }

        /// <summary>For an assistant message, the tool calls it made.</summary>
        public IReadOnlyList<ToolCall> ToolCalls { get; }

        /// <inheritdoc />
        public override string ToString() => Role + ": " + (Text ?? string.Empty);
    }
}
