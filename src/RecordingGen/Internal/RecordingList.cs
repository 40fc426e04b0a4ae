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

        /// <summary>Creates a list of <paramref name="count"/> recordings fetched by <paramref name="get"/>.</summary>
        public RecordingList(int count, Func<int, Recording> get)
        {
            Count = count;
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

                return _get(index);
            }
        }

        /// <inheritdoc />
        public IEnumerator<Recording> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return _get(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
