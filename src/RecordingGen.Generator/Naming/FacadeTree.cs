using System;
using System.Collections.Generic;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Naming
{
    /// <summary>
    /// The nested classes of <c>Recordings</c>: one per group folder, one per recording. Names come from each
    /// file alone; only when two members of one class would still clash (or a name is taken by the class
    /// itself) do the clashing recordings get a suffix from the hash of their own path, which no other
    /// file's arrival can change.
    /// </summary>
    internal sealed class FacadeTree
    {
        public const string RootClassName = "Recordings";

        private static readonly string[] RecordingMemberNames = { "Recording", "Request", "Response", "Tools" };

        // Members the classes declare themselves (every class has All; the root also has GetRecording), and those
        // every class inherits from object, which a member of the same name would hide (CS0108).
        private static readonly string[] GroupMemberNames = { "All", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };
        private static readonly string[] RootMemberNames = { "All", "GetRecording", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

        private FacadeTree(string className, bool isRoot)
        {
            ClassName = className;
            IsRoot = isRoot;
        }

        public string ClassName { get; }

        private bool IsRoot { get; }

        public SortedDictionary<string, FacadeTree> Groups { get; } = new SortedDictionary<string, FacadeTree>(StringComparer.Ordinal);

        public List<(string Name, RecordingSummary Summary)> Recordings { get; } = new List<(string, RecordingSummary)>();

        /// <summary>This class's recordings and those of its groups, in SourcePath order.</summary>
        public IEnumerable<RecordingSummary> AllRecordings()
        {
            var all = new List<RecordingSummary>();
            Gather(this, all);
            all.Sort((a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
            return all;
        }

        private static void Gather(FacadeTree node, List<RecordingSummary> all)
        {
            foreach ((string _, RecordingSummary summary) in node.Recordings)
            {
                all.Add(summary);
            }

            foreach (FacadeTree group in node.Groups.Values)
            {
                Gather(group, all);
            }
        }

        /// <summary>Builds the tree from summaries sorted by SourcePath, which fixes the order of members.</summary>
        public static FacadeTree Build(IEnumerable<RecordingSummary> sortedSummaries)
        {
            var root = new FacadeTree(RootClassName, isRoot: true);
            var pending = new Dictionary<FacadeTree, List<RecordingSummary>>();
            foreach (RecordingSummary summary in sortedSummaries)
            {
                FacadeTree node = root;
                foreach (string folder in summary.Group)
                {
                    node = node.Child(folder);
                }

                if (!pending.TryGetValue(node, out List<RecordingSummary>? list))
                {
                    list = new List<RecordingSummary>();
                    pending.Add(node, list);
                }

                list.Add(summary);
            }

            foreach (KeyValuePair<FacadeTree, List<RecordingSummary>> entry in pending)
            {
                entry.Key.NameRecordings(entry.Value);
            }

            return root;
        }

        private FacadeTree Child(string folder)
        {
            // Suffixed until it is neither this class's name nor a member it declares: a folder "All" inside a
            // folder "All" is AllGroup inside AllGroup, and must become AllGroupGroup.
            string name = Identifiers.ToPascalCase(folder) ?? "Group";
            while (name == ClassName || System.Array.IndexOf(IsRoot ? RootMemberNames : GroupMemberNames, name) >= 0)
            {
                name += "Group";
            }

            if (!Groups.TryGetValue(name, out FacadeTree? child))
            {
                child = new FacadeTree(name, isRoot: false);
                Groups.Add(name, child);
            }

            return child;
        }

        private void NameRecordings(List<RecordingSummary> summaries)
        {
            var reserved = new HashSet<string>(RecordingMemberNames, StringComparer.Ordinal) { ClassName };
            reserved.UnionWith(Groups.Keys);
            reserved.UnionWith(IsRoot ? RootMemberNames : GroupMemberNames);

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (RecordingSummary summary in summaries)
            {
                counts[summary.PreferredName] = counts.TryGetValue(summary.PreferredName, out int count) ? count + 1 : 1;
            }

            var used = new HashSet<string>(reserved, StringComparer.Ordinal);
            foreach (RecordingSummary summary in summaries)
            {
                string name = summary.PreferredName;
                if (counts[name] > 1 || reserved.Contains(name))
                {
                    // DataClassName is "Recording_" and 16 hex digits of the path's hash.
                    string hash = summary.DataClassName.Substring(summary.DataClassName.Length - 16);
                    name = summary.PreferredName + "_" + hash.Substring(0, 8);
                    if (!used.Add(name))
                    {
                        name = summary.PreferredName + "_" + hash;
                    }
                }

                used.Add(name);
                Recordings.Add((name, summary));
            }
        }
    }
}
