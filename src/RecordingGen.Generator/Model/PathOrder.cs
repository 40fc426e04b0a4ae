using System;
using System.Collections.Generic;
using System.Linq;

namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// The order every list of recordings follows (the facade's <c>All</c>, the data batches, the data resource and its
    /// fingerprint): by SourcePath, ordinal, each path once. A file included under two spellings of its path parses
    /// twice to equal results and is one recording.
    /// </summary>
    internal static class PathOrder
    {
        public static List<T> SortedDistinct<T>(IEnumerable<T> items, Func<T, string> sourcePath)
        {
            var result = new List<T>();
            string? previous = null;
            foreach (T item in items.OrderBy(sourcePath, StringComparer.Ordinal))
            {
                string path = sourcePath(item);
                if (path != previous)
                {
                    result.Add(item);
                }

                previous = path;
            }

            return result;
        }
    }
}
