using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>One place where an incoming request differs from a recorded one, after normalization.</summary>
    public sealed class RequestDifference
    {
        internal RequestDifference(string path, string? recorded, string? incoming, bool decisive)
        {
            Path = path;
            Recorded = recorded;
            Incoming = incoming;
            IsDecisive = decisive;
        }

        /// <summary>Where, such as <c>messages[2].content</c>.</summary>
        public string Path { get; }

        /// <summary>The recorded value as short JSON, or null when the recording lacks it.</summary>
        public string? Recorded { get; }

        /// <summary>The incoming value as short JSON, or null when the request lacks it.</summary>
        public string? Incoming { get; }

        /// <summary>Whether this difference rules the recording out (anything but the tolerated top-level options).</summary>
        public bool IsDecisive { get; }

        /// <inheritdoc />
        public override string ToString() => Path + ": recorded " + (Recorded ?? "(absent)") + ", request " + (Incoming ?? "(absent)");

        /// <summary>
        /// Top-level options that re-recordings of one turn differ in and that do not change the answer's
        /// meaning: a recording that differs only in these still matches, ranked after exact matches.
        /// </summary>
        internal static readonly HashSet<string> TolerantKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "parallel_tool_calls", "service_tier", "user", "metadata", "store",
        };

        // untilDecisive stops at the first decisive difference: enough to rule a candidate out.
        internal static List<RequestDifference> Between(JsonTree? recorded, JsonTree? incoming, bool untilDecisive = false)
        {
            var differences = new List<RequestDifference>();
            Compare(recorded, incoming, string.Empty, differences, untilDecisive);
            return differences;
        }

        private static void Compare(JsonTree? recorded, JsonTree? incoming, string path, List<RequestDifference> differences, bool untilDecisive)
        {
            if (untilDecisive && differences.Count > 0 && differences[differences.Count - 1].IsDecisive)
            {
                return;
            }

            if (recorded is null || incoming is null || recorded.Kind != incoming.Kind)
            {
                if (recorded is not null || incoming is not null)
                {
                    Add(differences, path, recorded, incoming);
                }

                return;
            }

            switch (recorded.Kind)
            {
                case JsonValueKind.Object:
                    var names = new SortedSet<string>(StringComparer.Ordinal);
                    recorded.Properties.ForEach(property => names.Add(property.Key));
                    incoming.Properties.ForEach(property => names.Add(property.Key));
                    foreach (string name in names)
                    {
                        Compare(recorded.Get(name), incoming.Get(name), path.Length == 0 ? name : path + "." + name, differences, untilDecisive);
                    }

                    break;
                case JsonValueKind.Array:
                    for (int i = 0; i < Math.Max(recorded.Items.Count, incoming.Items.Count); i++)
                    {
                        Compare(i < recorded.Items.Count ? recorded.Items[i] : null, i < incoming.Items.Count ? incoming.Items[i] : null, path + "[" + i + "]", differences, untilDecisive);
                    }

                    break;
                case JsonValueKind.Number:
                    if (!JsonTree.NumbersEqual(recorded.Text!, incoming.Text!))
                    {
                        Add(differences, path, recorded, incoming);
                    }

                    break;
                case JsonValueKind.String:
                    if (!string.Equals(recorded.Text, incoming.Text, StringComparison.Ordinal))
                    {
                        Add(differences, path, recorded, incoming);
                    }

                    break;
            }
        }

        private static void Add(List<RequestDifference> differences, string path, JsonTree? recorded, JsonTree? incoming)
        {
            int end = path.IndexOfAny(new[] { '.', '[' });
            string topLevel = end < 0 ? path : path.Substring(0, end);
            differences.Add(new RequestDifference(path.Length == 0 ? "(body)" : MessageText.Bounded(path, 200), recorded?.Describe(), incoming?.Describe(), !TolerantKeys.Contains(topLevel)));
        }
    }
}
