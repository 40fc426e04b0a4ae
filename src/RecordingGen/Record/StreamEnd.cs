using System;
using System.Text;

namespace RecordingGen.Record
{
    /// <summary>
    /// Whether a stream the caller stopped reading had already ended: SDKs stop at the format's last event (OpenAI's and
    /// Gemini's <c>data: [DONE]</c>, Anthropic's <c>message_stop</c>, Ollama's <c>"done": true</c>) and close the
    /// connection without reading further. A stream stopped before that is incomplete and is not recorded.
    /// </summary>
    internal static class StreamEnd
    {
        public static bool IsComplete(byte[] received)
        {
            string text = Encoding.UTF8.GetString(received).TrimEnd();
            int lastLineStart = text.LastIndexOfAny(new[] { '\n', '\r' }) + 1;
            string last = text.Substring(lastLineStart).Trim();
            return last == "data: [DONE]" || last == "data:[DONE]"
                || (last.StartsWith("data:", StringComparison.Ordinal) && last.Contains("\"message_stop\""))
                || (last.StartsWith("{", StringComparison.Ordinal) && (last.Contains("\"done\":true") || last.Contains("\"done\": true")));
        }
    }
}
