using System;
using System.Collections.Generic;

namespace RecordingGen.Generator.Naming
{
    /// <summary>Path arithmetic on strings (the generator may not touch the file system).</summary>
    internal static class PathNames
    {
        public const string RecordingsFolder = "recordings";

        public static bool HasRecordingsFolder(string path)
        {
            string[] segments = Split(path);
            for (int i = 0; i < segments.Length - 1; i++)
            {
                if (IsRecordingsFolder(segments[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The path relative to <paramref name="directory"/>, with '/' separators; the full path normalized when it is on another drive.</summary>
        public static string Relative(string path, string? directory)
        {
            string[] target = Normalize(Split(path));
            if (directory is null)
            {
                return string.Join("/", target);
            }

            string[] root = Normalize(Split(directory));
            int common = 0;
            while (common < root.Length && common < target.Length - 1 && SegmentEquals(root[common], target[common]))
            {
                common++;
            }

            // Paths on different Windows drives have no relative form; Unix paths always share the root.
            if (common == 0 && root.Length > 0 && (IsDrive(root[0]) || IsDrive(target[0])))
            {
                return string.Join("/", target);
            }

            var parts = new List<string>();
            for (int i = common; i < root.Length; i++)
            {
                parts.Add("..");
            }

            for (int i = common; i < target.Length; i++)
            {
                parts.Add(target[i]);
            }

            return string.Join("/", parts);
        }

        /// <summary>
        /// The folders that name a recording's group: those below the nearest folder named <c>recordings</c>.
        /// A file directly inside a <c>recordings</c> folder that has a parent of its own is grouped by that
        /// parent: the ogx layout <c>tests/integration/&lt;suite&gt;/recordings/&lt;hash&gt;.json</c> gives
        /// <c>&lt;suite&gt;</c>, while a project's own top-level <c>recordings/</c> folder is the root group.
        /// Outside any <c>recordings</c> folder, the folders of the relative path (parent references left out).
        /// </summary>
        public static string[] GroupFolders(string relativePath)
        {
            string[] segments = Split(relativePath);
            int recordings = -1;
            for (int i = segments.Length - 2; i >= 0; i--)
            {
                if (IsRecordingsFolder(segments[i]))
                {
                    recordings = i;
                    break;
                }
            }

            if (recordings == segments.Length - 2)
            {
                return recordings > 0 && segments[recordings - 1] != ".." ? new[] { segments[recordings - 1] } : new string[0];
            }

            var folders = new List<string>();
            for (int i = recordings + 1; i < segments.Length - 1; i++)
            {
                if (segments[i] != "..")
                {
                    folders.Add(segments[i]);
                }
            }

            return folders.ToArray();
        }

        /// <summary>
        /// The path with empty, <c>.</c> and <c>..</c> segments resolved, so every spelling of one file gives one
        /// string. A path that has none of them is returned as it is (the compiler gives full paths already).
        /// </summary>
        public static string Canonical(string path)
        {
            if (!HasRedundantSegments(path))
            {
                return path;
            }

            char separator = path.IndexOf('/') < 0 ? '\\' : '/';
            string root = path.StartsWith("\\\\", StringComparison.Ordinal) ? "\\\\" : path.Length > 0 && (path[0] == '/' || path[0] == '\\') ? separator.ToString() : string.Empty;
            return root + string.Join(separator.ToString(), Normalize(Split(path)));
        }

        /// <summary>A <c>Link</c> path (relative to the project, as MSBuild has it) with '/' separators and its redundant segments resolved.</summary>
        public static string LinkPath(string link) => string.Join("/", Normalize(Split(link)));

        private static bool HasRedundantSegments(string path)
        {
            for (int i = 0; i < path.Length; i++)
            {
                if (!IsSeparator(path[i]))
                {
                    continue;
                }

                // A doubled separator (beyond a UNC path's leading pair), or a "." or ".." segment.
                int next = i + 1;
                if (next < path.Length && IsSeparator(path[next]) && i > 0)
                {
                    return true;
                }

                if (next < path.Length && path[next] == '.')
                {
                    int after = next + 1 < path.Length && path[next + 1] == '.' ? next + 2 : next + 1;
                    if (after == path.Length || IsSeparator(path[after]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsSeparator(char c) => c == '/' || c == '\\';

        /// <summary>A URL without its query or fragment: what a pass-through recording has instead of an endpoint.</summary>
        public static string UrlPath(string url)
        {
            int end = url.IndexOfAny(new[] { '?', '#' });
            return end < 0 ? url : url.Substring(0, end);
        }

        public static string FileStem(string path)
        {
            string[] segments = Split(path);
            string name = segments.Length == 0 ? string.Empty : segments[segments.Length - 1];
            int dot = name.LastIndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        private static bool IsDrive(string segment) => segment.Length == 2 && segment[1] == ':';

        private static bool IsRecordingsFolder(string segment) => string.Equals(segment, RecordingsFolder, StringComparison.OrdinalIgnoreCase);

        // Windows paths differ only in the drive letter's case; everything else is compared exactly.
        private static bool SegmentEquals(string a, string b)
            => a.Length == 2 && a[1] == ':' ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : string.Equals(a, b, StringComparison.Ordinal);

        private static string[] Split(string path) => path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);

        private static string[] Normalize(string[] segments)
        {
            var result = new List<string>();
            foreach (string segment in segments)
            {
                if (segment == ".")
                {
                    continue;
                }

                if (segment == ".." && result.Count > 0 && result[result.Count - 1] != "..")
                {
                    result.RemoveAt(result.Count - 1);
                    continue;
                }

                result.Add(segment);
            }

            return result.ToArray();
        }
    }
}
