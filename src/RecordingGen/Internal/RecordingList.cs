using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;

namespace RecordingGen.Internal
{
    /// <summary>
    /// A read-only list whose items are materialized on first access, so indexing one recording of
    /// <c>Recordings.All</c> does not decode all of them. Created by generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RecordingList : IReadOnlyList<Recording>
    {
        private readonly Func<int, Recording> _get;
        private readonly int[]? _indices;

        /// <summary>Creates a list of the recordings 0 to <paramref name="count"/> - 1 fetched by <paramref name="get"/>.</summary>
        public RecordingList(int count, Func<int, Recording> get)
        {
            Count = count;
            _get = get;
        }

        /// <summary>Creates a list of the recordings at <paramref name="indices"/> fetched by <paramref name="get"/>.</summary>
        public RecordingList(int[] indices, Func<int, Recording> get)
        {
            Count = indices.Length;
            _indices = indices;
            _get = get;
        }

        /// <inheritdoc />
        public int Count { get; }

        /// <inheritdoc />
        public Recording this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), index, "No recording has that index.");
                }

                return _get(_indices is null ? index : _indices[index]);
            }
        }

        /// <inheritdoc />
        public IEnumerator<Recording> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
