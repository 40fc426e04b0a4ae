using System.Collections.Generic;
using System.IO;
using RecordingGen.Generator.Model;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// Writes the recordings' data resource (see DataResourceFormat) from the same <see cref="RecordingData"/> the
    /// generator would emit as literals. Run by the package's build task, never by the generator (which cannot
    /// write files); the bytes depend on nothing but the recordings, so the same recordings give the same resource.
    /// </summary>
    internal static class DataResourceWriter
    {
        /// <param name="sortedDistinct">The recordings sorted by SourcePath (ordinal), each path once, as the facade lists them.</param>
        /// <returns>The fingerprint written in the header (<see cref="DataFingerprint"/>), which the manifest carries to the facade.</returns>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static ulong Write(Stream output, IReadOnlyList<RecordingData> sortedDistinct)
        {
            var hashes = new List<RecordingHash>(sortedDistinct.Count);
            var pool = new StringPool();
            var records = new MemoryStream();
            var recordEnds = new int[sortedDistinct.Count];
            foreach (RecordingData data in sortedDistinct)
            {
                hashes.Add(DataFingerprint.Of(data));
                WriteInt32(records, pool.Number(data.SourcePath));
                WritePart(records, pool, data.Request);
                WritePart(records, pool, data.Response);
                recordEnds[hashes.Count - 1] = (int)records.Length;
            }

            int recordsStart = DataResourceFormat.HeaderLength + ((sortedDistinct.Count + 1) * 4) + ((pool.Strings.Count + 1) * 4);
            int stringsStart = checked(recordsStart + (int)records.Length);
            ulong fingerprint = DataFingerprint.Combine(hashes);
            WriteInt32(output, DataResourceFormat.Magic);
            WriteInt32(output, DataResourceFormat.Version);
            WriteInt32(output, unchecked((int)fingerprint));
            WriteInt32(output, unchecked((int)(fingerprint >> 32)));
            WriteInt32(output, sortedDistinct.Count);
            WriteInt32(output, pool.Strings.Count);
            WriteInt32(output, recordsStart);
            foreach (int end in recordEnds)
            {
                WriteInt32(output, recordsStart + end);
            }

            int offset = stringsStart;
            WriteInt32(output, offset);
            foreach (string value in pool.Strings)
            {
                offset = checked(offset + (value.Length * 2));
                WriteInt32(output, offset);
            }

            records.Position = 0;
            records.CopyTo(output);
            foreach (string value in pool.Strings)
            {
                WriteCodeUnits(output, value);
            }

            return fingerprint;
        }

        private static void WritePart(Stream output, StringPool pool, RecordingPart part)
        {
            WriteInt32(output, pool.Number(part.Program));
            WriteInt32(output, pool.Number(part.PackedStrings));
            if (part.LongStrings.Count == 0)
            {
                WriteInt32(output, DataResourceFormat.NoLongStrings);
                return;
            }

            WriteInt32(output, part.LongStrings.Count);
            foreach (string value in part.LongStrings)
            {
                WriteInt32(output, pool.Number(value));
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void WriteCodeUnits(Stream output, string value)
        {
            // Code units as they are: an encoder would replace a lone surrogate, which a JSON string may hold.
            byte[] bytes = new byte[value.Length * 2];
            for (int i = 0; i < value.Length; i++)
            {
                bytes[2 * i] = (byte)value[i];
                bytes[(2 * i) + 1] = (byte)(value[i] >> 8);
            }

            output.Write(bytes, 0, bytes.Length);
        }

        private static void WriteInt32(Stream output, int value)
        {
            output.WriteByte((byte)value);
            output.WriteByte((byte)(value >> 8));
            output.WriteByte((byte)(value >> 16));
            output.WriteByte((byte)(value >> 24));
        }

        /// <summary>Each distinct string once, numbered in the order first used (so the bytes follow the recordings' order).</summary>
        private sealed class StringPool
        {
            private readonly Dictionary<string, int> _numbers = new Dictionary<string, int>(System.StringComparer.Ordinal);

            public List<string> Strings { get; } = new List<string>();

            public int Number(string value)
            {
                if (!_numbers.TryGetValue(value, out int number))
                {
                    number = Strings.Count;
                    _numbers.Add(value, number);
                    Strings.Add(value);
                }

                return number;
            }
        }
    }
}
