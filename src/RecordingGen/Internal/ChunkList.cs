using System;
using System.Collections;
using System.Collections.Generic;

namespace RecordingGen.Internal
{
    /// <summary>
    /// A response's chunks, decoded from their section of the program the first time they are read: the
    /// aggregates (text, tool calls, finish reason, usage) are stored whole, so a test that reads only those
    /// never pays for the chunks.
    /// </summary>
    internal sealed class ChunkList : IReadOnlyList<RecordedChunk>
    {
        private readonly string _program;
        private readonly int _position;
        private readonly string[] _strings;
        private readonly TokenBuffer _tokens;
        private readonly object _gate = new object();
        private RecordedChunk[]? _chunks;

        public ChunkList(string program, int position, int count, string[] strings, TokenBuffer tokens)
        {
            _program = program;
            _position = position;
            Count = count;
            _strings = strings;
            _tokens = tokens;
        }

        public int Count { get; }

        public RecordedChunk this[int index] => Chunks[index];

        public IEnumerator<RecordedChunk> GetEnumerator() => ((IEnumerable<RecordedChunk>)Chunks).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private RecordedChunk[] Chunks
        {
            get
            {
                RecordedChunk[]? chunks = _chunks;
                if (chunks is not null)
                {
                    return chunks;
                }

                // The token buffer is shared with the recording's other JSON, so one thread decodes.
                lock (_gate)
                {
                    return _chunks ??= Count == 0 ? Array.Empty<RecordedChunk>() : RecordingDataReader.ReadChunks(_program, _position, Count, _strings, _tokens);
                }
            }
        }
    }
}
