using System;

namespace RecordingGen.Internal
{
    /// <summary>
    /// The decoded JSON tokens of one recording in a single growable array; every body and chunk of the
    /// recording refers to a range of it, so decoding allocates one array rather than one per chunk.
    /// </summary>
    internal sealed class TokenBuffer
    {
        public int[] Items { get; private set; } = new int[256];

        public int Count { get; private set; }

        public void Add(int token)
        {
            if (Count == Items.Length)
            {
                Grow(Count + 1);
            }

            Items[Count++] = token;
        }

        /// <summary>Appends a copy of an earlier range, which a chunk stored as changes to an earlier chunk starts from.</summary>
        public void AddCopy(int start, int count)
        {
            if (Count + count > Items.Length)
            {
                Grow(Count + count);
            }

            Array.Copy(Items, start, Items, Count, count);
            Count += count;
        }

        public void Set(int index, int token) => Items[index] = token;

        private void Grow(int needed)
        {
            var bigger = new int[Math.Max(needed, Items.Length * 2)];
            Array.Copy(Items, bigger, Count);
            Items = bigger;
        }
    }
}
