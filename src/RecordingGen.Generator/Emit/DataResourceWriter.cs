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
        public static void Write(Stream output, IReadOnlyList<RecordingData> sortedDistinct)
        {
            var hashes = new List<RecordingHash>(sortedDistinct.Count);
            var records = new MemoryStream();
            var offsets = new int[sortedDistinct.Count + 1];
            int tableEnd = DataResourceFormat.HeaderLength + (offsets.Length * 4);
            for (int i = 0; i < sortedDistinct.Count; i++)
            {
                RecordingData data = sortedDistinct[i];
                hashes.Add(DataFingerprint.Of(data));
                offsets[i] = checked(tableEnd + (int)records.Length);
                WriteString(records, data.SourcePath);
                WritePart(records, data.Request);
                WritePart(records, data.Response);
            }

            offsets[sortedDistinct.Count] = checked(tableEnd + (int)records.Length);
            ulong fingerprint = DataFingerprint.Combine(hashes);
            WriteInt32(output, DataResourceFormat.Magic);
            WriteInt32(output, DataResourceFormat.Version);
            WriteInt32(output, unchecked((int)fingerprint));
            WriteInt32(output, unchecked((int)(fingerprint >> 32)));
            WriteInt32(output, sortedDistinct.Count);
            foreach (int offset in offsets)
            {
                WriteInt32(output, offset);
            }

            records.Position = 0;
            records.CopyTo(output);
        }

        private static void WritePart(Stream output, RecordingPart part)
        {
            WriteString(output, part.Program);
            WriteString(output, part.PackedStrings);
            if (part.LongStrings.Count == 0)
            {
                WriteInt32(output, DataResourceFormat.NoLongStrings);
                return;
            }

            WriteInt32(output, part.LongStrings.Count);
            foreach (string value in part.LongStrings)
            {
                WriteString(output, value);
            }
        }

        private static void WriteString(Stream output, string value)
        {
            // Code units as they are: an encoder would replace a lone surrogate, which a JSON string may hold.
            WriteInt32(output, value.Length);
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
    }
}
