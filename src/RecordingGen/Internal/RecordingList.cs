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
        private readonly string[]? _paths;
        private readonly RecordingResource? _resource;
        private readonly RecordingList? _root;

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

        /// <summary>Creates the list of every recording, whose source paths (sorted ordinally) are <paramref name="paths"/>.</summary>
        public RecordingList(string[] paths, Func<int, Recording> get)
        {
            Count = paths.Length;
            _paths = paths;
            _get = get;
        }

        /// <summary>Creates the list of every recording of <paramref name="resource"/>, whose paths it reads from the resource when asked.</summary>
        public RecordingList(RecordingResource resource, Func<int, Recording> get)
        {
            _resource = resource ?? throw new ArgumentNullException(nameof(resource));
            Count = resource.Count;
            _get = get;
        }

        /// <summary>Creates a group's list: the recordings at <paramref name="indices"/> of <paramref name="root"/>.</summary>
        public RecordingList(int[] indices, Func<int, Recording> get, RecordingList root)
            : this(indices, get)
        {
            _root = root;
        }

        /// <summary>The recordings' source paths in list order, without decoding any recording; null when the generated code predates them.</summary>
        internal IReadOnlyList<string>? Paths
        {
            get
            {
                if (AllPaths is { } own)
                {
                    return own;
                }

                if (_root?.AllPaths is not { } all || _indices is null)
                {
                    return null;
                }

                var paths = new string[_indices.Length];
                for (int i = 0; i < paths.Length; i++)
                {
                    paths[i] = all[_indices[i]];
                }

                return paths;
            }
        }

        private string[]? AllPaths => _paths ?? _resource?.Paths;

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
