using System.Collections.Generic;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Validation;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// What ties the generated facade to the data resource the build task wrote: a hash of every recording's path and
    /// data, in resource order. Both sides compute it with this code; the library compares them on first access, so
    /// data written from other recordings than the generator saw fails with "rebuild" instead of answering wrongly.
    /// </summary>
    internal static class DataFingerprint
    {
        /// <summary>One recording's part of the fingerprint, computed once per recording (and cached with it).</summary>
        public static RecordingHash Of(RecordingData data)
        {
            var hash = new StableHash().Add(data.SourcePath);
            Add(hash, data.Request);
            Add(hash, data.Response);
            return new RecordingHash(data.SourcePath, hash.ToUInt64());
        }

        /// <summary>The fingerprint of recordings sorted by path (ordinal), each path once.</summary>
        public static ulong Combine(IEnumerable<RecordingHash> sortedDistinct)
        {
            var hash = new StableHash();
            foreach (RecordingHash recording in sortedDistinct)
            {
                hash.Add(recording.SourcePath).AddWord(recording.Hash);
            }

            return hash.ToUInt64();
        }

        private static void Add(StableHash hash, RecordingPart part)
        {
            hash.Add(part.Program).Add(part.PackedStrings).Add(part.LongStrings.Count);
            foreach (string value in part.LongStrings)
            {
                hash.Add(value);
            }
        }
    }

}
