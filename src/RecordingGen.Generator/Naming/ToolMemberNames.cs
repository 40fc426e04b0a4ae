using System;
using System.Collections.Generic;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Naming
{
    /// <summary>
    /// The member names of a recording's tools class, from the tool names alone: PascalCase in declaration order,
    /// a repeated name with 2, 3... Names the class has already (its <c>Value</c>, what every object has) are taken.
    /// </summary>
    internal static class ToolMemberNames
    {
        private static readonly string[] Taken =
        {
            "Tools", "Value", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>Each name remembers the last number it gave, so thousands of tools of one name cost no more than distinct ones.</summary>
        public static List<string> Of(EquatableArray<string> toolNames)
        {
            var names = new List<string>(toolNames.Count);
            var taken = new HashSet<string>(Taken, StringComparer.Ordinal);
            var lastNumber = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string tool in toolNames)
            {
                string name = Identifiers.ToPascalCase(tool) ?? "Tool";
                string unique = name;
                if (!taken.Add(unique))
                {
                    int n = lastNumber.TryGetValue(name, out int last) ? last : 1;
                    do
                    {
                        unique = name + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    while (!taken.Add(unique));
                    lastNumber[name] = n;
                }

                names.Add(unique);
            }

            return names;
        }
    }
}
