using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RecordingGen.Record
{
    /// <summary>
    /// A response stream that hands the caller each chunk as it arrives and keeps a copy. The copy is complete when the
    /// caller reads to the end, or closes the stream after its format's last event (<see cref="StreamEnd"/>); a stream
    /// closed before that (a cancelled test) or one that fails never completes.
    /// </summary>
    internal sealed class CapturingStream : Stream
    {
        private readonly Stream _inner;
        private readonly MemoryStream _copy = new MemoryStream();
        private readonly Action<byte[]> _completed;
        private int _done;

        public CapturingStream(Stream inner, Action<byte[]> completed)
        {
            _inner = inner;
            _completed = completed;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Captured(buffer, offset, count, _inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Captured(buffer, offset, count, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

#if NET5_0_OR_GREATER
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _copy.Write(buffer.Span.Slice(0, read));
            Finish(buffer.Length, read);
            return read;
        }
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                if (Interlocked.Exchange(ref _done, 1) == 0 && StreamEnd.IsComplete(_copy.ToArray()))
                {
                    _completed(_copy.ToArray());
                }

                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Captured(byte[] buffer, int offset, int asked, int read)
        {
            _copy.Write(buffer, offset, read);
            Finish(asked, read);
            return read;
        }

        // Nothing read for a non-empty buffer is the end of the stream.
        private void Finish(int asked, int read)
        {
            if (read == 0 && asked > 0 && Interlocked.Exchange(ref _done, 1) == 0)
            {
                _completed(_copy.ToArray());
            }
        }
    }
}
