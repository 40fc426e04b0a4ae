using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RecordingGen.Replay;

namespace RecordingGen.Record
{
    /// <summary>
    /// Records or replays, by <see cref="RecordingOptions.Mode"/>: the client under test keeps its real endpoint, and this
    /// handler either answers from the recordings (<see cref="RecordingMode.Replay"/>, never touching the network),
    /// forwards to the real API through <see cref="DelegatingHandler.InnerHandler"/> and writes the exchange as a recording
    /// file in ogx's format (<see cref="RecordingMode.Record"/>), does the first where it can and the second where it
    /// must (<see cref="RecordingMode.RecordIfMissing"/>), or only forwards (<see cref="RecordingMode.Live"/>). The next
    /// build turns the written files into fixtures.
    /// </summary>
    /// <remarks>
    /// A file is named by ogx's key for the request (<see cref="RecordingKey"/>), with the running test's id
    /// (<see cref="RecordingContext"/>). Request headers are never written, API keys in the URL's query are removed, and
    /// <see cref="RecordingOptions.Scrub"/> can rewrite any other string. A stream reaches the caller chunk by chunk as it
    /// arrives and is written when the caller has read it to its end; a stream cancelled or failed halfway writes nothing.
    /// Files are written to a temporary name and renamed, so tests recording in parallel into one folder never see half a
    /// file. Within one handler's life a request recorded once is answered from memory the second time, as replay will.
    /// </remarks>
    public sealed class RecordingHandler : DelegatingHandler
    {
        private readonly RecordingOptions _options;
        private readonly IReadOnlyList<Recording> _recordings;
        private readonly RecordingReplayHandler _replay;
        private readonly HttpMessageInvoker _replayInvoker;
        private readonly ConcurrentDictionary<string, CapturedResponse> _recorded = new ConcurrentDictionary<string, CapturedResponse>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _written = new ConcurrentQueue<string>();

        /// <summary>Creates a handler over <paramref name="recordings"/> (usually <c>Recordings.All</c>) that reaches the real API through a new <see cref="HttpClientHandler"/>.</summary>
        public RecordingHandler(IEnumerable<Recording> recordings, RecordingOptions options)
            : this(recordings, options, new HttpClientHandler())
        {
        }

        /// <summary>Creates a handler that reaches the real API through <paramref name="innerHandler"/>.</summary>
        /// <exception cref="ArgumentException">The mode records and <see cref="RecordingOptions.Directory"/> is not set.</exception>
        public RecordingHandler(IEnumerable<Recording> recordings, RecordingOptions options, HttpMessageHandler innerHandler)
            : base(innerHandler)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Mode is RecordingMode.Record or RecordingMode.RecordIfMissing && string.IsNullOrEmpty(options.Directory))
            {
                throw new ArgumentException("Recording needs RecordingOptions.Directory: the folder the recordings are written to.", nameof(options));
            }

            _recordings = (recordings ?? throw new ArgumentNullException(nameof(recordings))).ToList();
            _replay = new RecordingReplayHandler(_recordings);
            _replayInvoker = new HttpMessageInvoker(_replay, disposeHandler: false);
        }

        /// <summary>The mode this handler runs in.</summary>
        public RecordingMode Mode => _options.Mode;

        /// <summary>The recordings answered from the compiled fixtures, in order.</summary>
        public IReadOnlyList<Recording> Replayed => _replay.Replayed;

        /// <summary>The recordings this handler was given and never served: stale ones, to report or prune once a run is complete.</summary>
        public IReadOnlyList<Recording> Unused
        {
            get
            {
                var served = new HashSet<Recording>(_replay.Replayed);
                return _recordings.Where(recording => !served.Contains(recording)).ToList();
            }
        }

        /// <summary>The paths of the files written so far, in the order they were completed.</summary>
        public IReadOnlyList<string> Written => _written.ToList();

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (_options.Mode)
            {
                case RecordingMode.Live:
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                case RecordingMode.Replay:
                    return await _replayInvoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            var exchange = new Exchange(RecordingContext.TestId, request.Method.Method, request.RequestUri!, body);
            if (_recorded.TryGetValue(exchange.Key, out CapturedResponse? again))
            {
                return Answer(again, request);
            }

            if (_options.Mode == RecordingMode.RecordIfMissing)
            {
                try
                {
                    return await _replayInvoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (RecordingMismatchException)
                {
                    // Not recorded yet: the real API answers it, and it is recorded below.
                }
            }

            return await Record(exchange, request, cancellationToken).ConfigureAwait(false);
        }

#if NET5_0_OR_GREATER
        /// <inheritdoc />
        /// <remarks>
        /// The SDKs' synchronous methods (the OpenAI SDK's <c>CompleteChat</c>) come here; without this override they
        /// would go straight to the inner handler, unrecorded.
        /// </remarks>
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
            => SendAsync(request, cancellationToken).GetAwaiter().GetResult();
#endif

        private async Task<HttpResponseMessage> Record(Exchange exchange, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            string? contentType = response.Content.Headers.ContentType?.MediaType;
            bool streamed = status < 400 && contentType is not null
                && (contentType.IndexOf("event-stream", StringComparison.OrdinalIgnoreCase) >= 0 || contentType.IndexOf("ndjson", StringComparison.OrdinalIgnoreCase) >= 0);
            if (!streamed)
            {
                byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                Store(exchange, new CapturedResponse(status, contentType, bytes, streamed: false));
                response.Content = Copy(response.Content, new ByteArrayContent(bytes));
                return response;
            }

            Stream live = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var capturing = new CapturingStream(live, bytes => Store(exchange, new CapturedResponse(status, contentType, bytes, streamed: true)));
            response.Content = Copy(response.Content, new StreamContent(capturing));
            return response;
        }

        private void Store(Exchange exchange, CapturedResponse response)
        {
            (string name, string text) = RecordingFile.Build(exchange, response, _options.Scrub);
            string directory = _options.Directory!;
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, name);

            // A temporary name in the same folder, then a rename: a reader never sees half a file, and of two tests
            // writing the same name the last complete file wins.
            string temporary = Path.Combine(directory, "." + name + "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
#if NET5_0_OR_GREATER
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
#endif
            _recorded[exchange.Key] = response;
            _written.Enqueue(path);
        }

        private static HttpResponseMessage Answer(CapturedResponse captured, HttpRequestMessage request)
        {
            var content = new ByteArrayContent(captured.Body);
            if (captured.ContentType is { } type)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(type);
            }

            return new HttpResponseMessage((HttpStatusCode)captured.Status) { Content = content, RequestMessage = request };
        }

        private static HttpContent Copy(HttpContent from, HttpContent to)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in from.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    to.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return to;
        }
    }
}
