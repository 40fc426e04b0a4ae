using System.Globalization;

namespace RecordingGen.Replay
{
    /// <summary>Keeps request and recording content in exception messages short: a 10 MB property name must not make a 10 MB message.</summary>
    internal static class MessageText
    {
        /// <summary>The text, or its start and end around a count of what was left out.</summary>
        public static string Bounded(string text, int limit)
        {
            if (text.Length <= limit)
            {
                return text;
            }

            int head = (limit / 2) - 12;
            int tail = limit - head - 24;
            return text.Substring(0, head) + " [... " + (text.Length - head - tail).ToString(CultureInfo.InvariantCulture) + " chars ...] " + text.Substring(text.Length - tail);
        }
    }
}
