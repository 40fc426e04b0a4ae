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
    }
}
