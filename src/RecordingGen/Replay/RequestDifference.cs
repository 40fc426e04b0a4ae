using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>One place where an incoming request differs from a recorded one, after normalization.</summary>
    public sealed class RequestDifference
    {
        internal RequestDifference(string path, string? recorded, string? incoming, bool decisive, int weight = 1)
        {
            Path = path;
            Recorded = recorded;
            Incoming = incoming;
            IsDecisive = decisive;
            Weight = weight;
        }

        /// <summary>How much differs: the values in the larger side (a missing <c>tools</c> array weighs all its tools).</summary>
        internal int Weight { get; }

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
            Compare(recorded, incoming, new PathStack(), differences, untilDecisive);
            return differences;
        }

        // The path is a stack of segments made into text only for a difference: matching walks whole bodies, and
        // naming every property it passes cost more than comparing it.
        private static void Compare(JsonTree? recorded, JsonTree? incoming, PathStack path, List<RequestDifference> differences, bool untilDecisive)
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
                    if (untilDecisive && SameKeysInOrder(recorded, incoming))
                    {
                        // The usual case when matching: one client's body against its own recording. Which difference
                        // comes first does not matter here, so the names need no sorting.
                        for (int i = 0; i < recorded.Properties.Count; i++)
                        {
                            path.Push(recorded.Properties[i].Key);
                            Compare(recorded.Properties[i].Value, incoming.Properties[i].Value, path, differences, untilDecisive);
                            path.Pop();
                        }

                        break;
                    }

                    // In the order of the request, then what only the recording has, so a message reads like the request.
                    var names = new List<string>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    incoming.Properties.ForEach(property => { if (seen.Add(property.Key)) { names.Add(property.Key); } });
                    recorded.Properties.ForEach(property => { if (seen.Add(property.Key)) { names.Add(property.Key); } });
                    foreach (string name in names)
                    {
                        path.Push(name);
                        Compare(recorded.Get(name), incoming.Get(name), path, differences, untilDecisive);
                        path.Pop();
                    }

                    break;
                case JsonValueKind.Array when IsSet(recorded) && IsSet(incoming):
                    CompareSets(recorded, incoming, path, differences, untilDecisive);
                    break;
                case JsonValueKind.Array:
                    for (int i = 0; i < Math.Max(recorded.Items.Count, incoming.Items.Count); i++)
                    {
                        path.Push(i);
                        Compare(i < recorded.Items.Count ? recorded.Items[i] : null, i < incoming.Items.Count ? incoming.Items[i] : null, path, differences, untilDecisive);
                        path.Pop();
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

        private static bool IsSet(JsonTree array) => array.Items.Count > 0 && array.Items.TrueForAll(item => item.SetMember is not null);

        /// <summary>
        /// Arrays compared as sets (tools, sorted by name on both sides): members pair up by name, and each is named by
        /// its place in the request, or by its name when only the recording has it, so a message reads like the request.
        /// </summary>
        private static void CompareSets(JsonTree recorded, JsonTree incoming, PathStack path, List<RequestDifference> differences, bool untilDecisive)
        {
            var unmatched = new List<JsonTree>(recorded.Items);
            foreach (JsonTree member in incoming.Items.OrderBy(item => item.SetMember!.Value.Position))
            {
                int pair = unmatched.FindIndex(item => string.Equals(item.SetMember!.Value.Key, member.SetMember!.Value.Key, StringComparison.Ordinal));
                path.Push(member.SetMember!.Value.Position);
                Compare(pair < 0 ? null : unmatched[pair], member, path, differences, untilDecisive);
                path.Pop();
                if (pair >= 0)
                {
                    unmatched.RemoveAt(pair);
                }
            }

            foreach (JsonTree member in unmatched)
            {
                path.Push(new Verbatim("[recorded " + member.SetMember!.Value.Key + "]"));
                Compare(member, null, path, differences, untilDecisive);
                path.Pop();
            }
        }

        // Both objects name the same keys in the same order, each once (the sorted walk reads a repeated key's first value).
        private static bool SameKeysInOrder(JsonTree recorded, JsonTree incoming)
        {
            int count = recorded.Properties.Count;
            if (count != incoming.Properties.Count)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (!string.Equals(recorded.Properties[i].Key, incoming.Properties[i].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (count > 1)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, JsonTree> property in recorded.Properties)
                {
                    if (!seen.Add(property.Key))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static void Add(List<RequestDifference> differences, PathStack path, JsonTree? recorded, JsonTree? incoming)
        {
            string topLevel = path.TopLevel ?? string.Empty;
            string text = path.ToString();
            string? recordedText = recorded?.Describe();
            string? incomingText = incoming?.Describe();
            if (recorded is { Kind: JsonValueKind.String } a && incoming is { Kind: JsonValueKind.String } b)
            {
                // Both strings: the region around the first difference, quoted and escaped, so two values that differ
                // late, or only in white space, never look the same.
                (recordedText, incomingText) = JsonTree.AroundFirstDifference(a.Text!, b.Text!);
            }

            differences.Add(new RequestDifference(text.Length == 0 ? "(body)" : MessageText.Bounded(text, 200), recordedText, incomingText, !TolerantKeys.Contains(topLevel), Math.Max(Size(recorded), Size(incoming))));
        }

        private static int Size(JsonTree? value)
        {
            if (value is null)
            {
                return 0;
            }

            int size = 1;
            foreach (KeyValuePair<string, JsonTree> property in value.Properties)
            {
                size += Size(property.Value);
            }

            foreach (JsonTree item in value.Items)
            {
                size += Size(item);
            }

            return size;
        }

        /// <summary>Property names and array indexes from the root, written as <c>messages[2].content</c> when asked.</summary>
        /// <summary>A path segment written as it is.</summary>
        private sealed class Verbatim
        {
            public Verbatim(string text) => Text = text;

            public string Text { get; }
        }

        private sealed class PathStack
        {
            private readonly List<object> _segments = new List<object>();

            /// <summary>The top-level property the path starts with, or null at the root.</summary>
            public string? TopLevel => _segments.Count > 0 ? _segments[0] as string : null;

            public void Push(object segment) => _segments.Add(segment);

            public void Pop() => _segments.RemoveAt(_segments.Count - 1);

            public override string ToString()
            {
                var text = new System.Text.StringBuilder();
                foreach (object segment in _segments)
                {
                    if (segment is int index)
                    {
                        text.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                    }
                    else if (segment is Verbatim verbatim)
                    {
                        text.Append(verbatim.Text);
                    }
                    else
                    {
                        text.Append(text.Length == 0 ? string.Empty : ".").Append((string)segment);
                    }
                }

                return text.ToString();
            }
        }
    }
}
