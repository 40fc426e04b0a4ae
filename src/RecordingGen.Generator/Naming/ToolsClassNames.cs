using System.Collections.Generic;
using System.Globalization;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Validation;

namespace RecordingGen.Generator.Naming
{
    /// <summary>
    /// The name of the tools class of a list of tool names, with the data in the build's resource: recordings that
    /// offered the same tools in the same order share one class, named by a hash of the list, so a suite of a
    /// thousand tool-calling recordings compiles a few dozen classes rather than a thousand. Two different lists
    /// sharing a 64-bit hash would need billions of distinct lists.
    /// </summary>
    internal static class ToolsClassNames
    {
        public static string Of(EquatableArray<string> toolNames)
        {
            var hash = new StableHash().Add(toolNames.Count);
            foreach (string name in toolNames)
            {
                hash.Add(name);
            }

            return "Tools_" + hash.ToUInt64().ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>Every distinct list of tools the recordings offered, by its class name (ordinal order).</summary>
        public static SortedDictionary<string, EquatableArray<string>> Distinct(IEnumerable<RecordingSummary> summaries)
        {
            var lists = new SortedDictionary<string, EquatableArray<string>>(System.StringComparer.Ordinal);
            foreach (RecordingSummary summary in summaries)
            {
                if (summary.ToolNames.Count > 0)
                {
                    lists[Of(summary.ToolNames)] = summary.ToolNames;
                }
            }

            return lists;
        }
    }
}
