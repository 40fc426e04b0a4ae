using System;
using System.Collections.Generic;
using System.Linq;
using RecordingGen.Internal;

namespace RecordingGen
{
    /// <summary>
    /// Recordings as test cases: their source paths are plain strings every test framework can serialize, so each
    /// recording is a test case of its own (listed, run and rerun alone) without a test-framework dependency here.
    /// </summary>
    /// <example>
    /// <code>
    /// // xunit
    /// public static TheoryData&lt;string&gt; Cases => new(Recordings.All.Paths());
    /// [Theory, MemberData(nameof(Cases))] public void Replays(string path) => Check(Recordings.All.Get(path));
    /// // NUnit:  [TestCaseSource(nameof(Cases))] with static IEnumerable&lt;string&gt; Cases => Recordings.All.Paths();
    /// // MSTest: [TestMethod, DynamicData(nameof(Cases))] with static IEnumerable&lt;object[]&gt; Cases => Recordings.All.Paths().Select(p => new object[] { p });
    /// </code>
    /// </example>
    public static class RecordingCases
    {
        /// <summary>The recordings' <see cref="Recording.SourcePath"/>s, in list order; for generated lists without decoding a recording.</summary>
        public static IReadOnlyList<string> Paths(this IReadOnlyList<Recording> recordings)
            => (recordings as RecordingList)?.Paths ?? recordings.Select(recording => recording.SourcePath).ToList();

        /// <summary>The recording of <paramref name="recordings"/> whose <see cref="Recording.SourcePath"/> is <paramref name="path"/>.</summary>
        /// <exception cref="KeyNotFoundException">No recording has that path (renamed or deleted since the test case was listed).</exception>
        public static Recording Get(this IReadOnlyList<Recording> recordings, string path)
        {
            if (recordings is RecordingList list && list.Paths is { } paths)
            {
                for (int i = 0; i < paths.Count; i++)
                {
                    if (string.Equals(paths[i], path, StringComparison.Ordinal))
                    {
                        return list[i];
                    }
                }
            }
            else if (recordings.FirstOrDefault(recording => string.Equals(recording.SourcePath, path, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            throw new KeyNotFoundException("No recording has the path '" + path + "'; it was renamed or removed since the test case was listed. Rebuild, and list the tests again.");
        }
    }
}
