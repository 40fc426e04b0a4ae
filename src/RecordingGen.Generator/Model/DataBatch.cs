using System.Collections.Generic;
using System.Collections.Immutable;

namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// The recordings whose data lands in one generated file. Roslyn re-adds every generated source of a
    /// generator on every run and checks each new hint name against all earlier ones (ordinal, ignoring
    /// case): a file per recording made that 2,746 x 2,746 name comparisons, 28 ms per run with nothing
    /// changed. A fixed number of batches keeps that cost flat, and an edit re-emits one small batch.
    /// </summary>
    internal sealed record DataBatch(int Number, EquatableArray<RecordingData> Recordings)
    {
        /// <summary>Fixed, so adding a recording never moves another one to a different file.</summary>
        public const int Count = 256;

        /// <summary>
        /// The batch of a recording: the first byte of its data class name's path hash, so the assignment
        /// depends on nothing but the recording's own path.
        /// </summary>
        public static int Of(RecordingData data)
        {
            string name = data.DataClassName;
            return ((HexDigit(name[name.Length - 16]) << 4) | HexDigit(name[name.Length - 15])) % Count;
        }

        private static int HexDigit(char c) => c <= '9' ? c - '0' : c - 'a' + 10;

        /// <summary>All <see cref="Count"/> batches in number order, empty ones included, so each keeps its position between runs.</summary>
        public static ImmutableArray<DataBatch> Split(ImmutableArray<RecordingData> all)
        {
            var members = new List<RecordingData>[Count];
            foreach (RecordingData data in all)
            {
                int number = Of(data);
                (members[number] ??= new List<RecordingData>()).Add(data);
            }

            var batches = ImmutableArray.CreateBuilder<DataBatch>(Count);
            for (int number = 0; number < Count; number++)
            {
                // A file included under two spellings of its path parses twice to equal data: one class is emitted.
                List<RecordingData>? list = members[number] is { } member ? PathOrder.SortedDistinct(member, data => data.SourcePath) : null;
                batches.Add(new DataBatch(number, list is null ? EquatableArray<RecordingData>.Empty : new EquatableArray<RecordingData>(list)));
            }

            return batches.MoveToImmutable();
        }
    }
}
