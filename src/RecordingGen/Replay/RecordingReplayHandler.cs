using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RecordingGen.Replay
{
    /// <summary>
    /// Answers HTTP requests from recordings, so an SDK client (OpenAI, Microsoft.Extensions.AI, Anthropic,
    /// OllamaSharp...) runs against them unchanged. For each request it picks the recording whose request
    /// matches and answers in that provider's wire format from the precomputed data.
    /// </summary>
    /// <remarks>
    /// Matching rules, in order:
    /// <list type="number">
    /// <item>The HTTP method (a model list, which the recorder stores as a POST of <c>{}</c>, also answers a GET), and the endpoint path: the recording's <c>endpoint</c> (else its URL's path, with a doubled
    /// <c>/v1/v1/</c> collapsed) and the request's path must end the same way, segment by segment, so a client's own base path in
    /// front does not matter.</item>
    /// <item>The bodies, compared as JSON after the normalization <c>RequestNormalizer</c> documents (what the real clients
    /// change on their own). A difference anywhere rules the recording out, except in the tolerated top-level options
    /// (<c>parallel_tool_calls</c>, <c>service_tier</c>, <c>user</c>, <c>metadata</c>, <c>store</c>).</item>
    /// <item>Numbers compare by their exact decimal value, never through <c>double</c>. A recording whose body cannot be read
    /// (the build warned about it) never matches; that rules out only itself.</item>
    /// <item>With a test id set (<see cref="RecordingContext.BeginTest"/>), the current test's recordings come first, then
    /// recordings without a test id and model lists (which every test shares, as in ogx); another test's recording never
    /// answers, even for an identical request, and the mismatch message names it. Without a test id, every recording takes
    /// part, those recorded without a test id first (as ogx keys them).</item>
    /// <item>Among the recordings left: an exact match first, then the fewest tolerated differences, then the recording's
    /// <c>SourcePath</c> in ordinal order. The choice is deterministic.</item>
    /// </list>
    /// Streaming is decided by the recording (and the request's <c>stream</c> flag it matched), never by the
    /// <c>Accept</c> header. An OpenAI model list answers with every model the handler's model lists of that endpoint
    /// recorded, as ogx does. A one-input Ollama <c>/api/embed</c> request that nothing matches is answered from a recording
    /// of the same prompt at the older <c>/api/embeddings</c>, in the newer shape. A request that matches nothing throws <see cref="RecordingMismatchException"/>.
    /// </remarks>
    public sealed class RecordingReplayHandler : HttpMessageHandler
    {
        /// <summary>The end of every mismatch message.</summary>
        internal const string HowToRecord = "To record it, run this test once against the real API through a RecordingGen.Record.RecordingHandler with "
            + "RECORDINGGEN_MODE=record-if-missing (only missing requests reach the API; see the README's Recording section); the next build turns the new file into a fixture.";

        private readonly List<Candidate> _candidates;
        private readonly Lazy<Dictionary<(string Method, string Segment, long Fingerprint), List<Candidate>>> _index;
        private readonly ConcurrentDictionary<(Recording, bool), ReplayResponse> _responses = new ConcurrentDictionary<(Recording, bool), ReplayResponse>();
        private readonly List<Recording> _replayed = new List<Recording>();
        private readonly ConcurrentDictionary<string, ReplayResponse> _modelLists = new ConcurrentDictionary<string, ReplayResponse>(StringComparer.Ordinal);

        /// <summary>Creates a handler over <paramref name="recordings"/>, for example <c>Recordings.All</c> or one group's <c>All</c>.</summary>
        public RecordingReplayHandler(IEnumerable<Recording> recordings)
        {
            if (recordings is null)
            {
                throw new ArgumentNullException(nameof(recordings));
            }

            _candidates = recordings
                .Where(recording => recording.Request.Method is not null && EndpointPath(recording.Request) is not null)
                .Select(recording => new Candidate(recording))
                .ToList();
            _index = new Lazy<Dictionary<(string, string, long), List<Candidate>>>(BuildIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The recordings replayed so far, in the order requests arrived.</summary>
        public IReadOnlyList<Recording> Replayed
        {
            get
            {
                lock (_replayed)
                {
                    return _replayed.ToArray();
                }
            }
        }

        /// <summary>Picks the recording that answers a request, by the rules above; throws <see cref="RecordingMismatchException"/> when none does.</summary>
        public Recording Match(string method, string path, string? body) => Match(method, path, ParseBody(body, out _));

        private Recording Match(string method, string path, JsonTree? incoming)
        {
            string? testId = RecordingContext.TestId;
            Recording? best = null;
            Candidate? ofAnotherTest = null;
            int bestScore = int.MaxValue;
            if (!_index.Value.TryGetValue(KeyOf(method, path, incoming), out List<Candidate>? bucket))
            {
                bucket = new List<Candidate>();
            }

            // Only the recordings whose body has the request's fingerprint can match it: a lookup, however many
            // recordings the handler holds. The comparison below still decides, and the scan over all of them is
            // left to the mismatch message.
            foreach (Candidate candidate in bucket)
            {
                if (!candidate.Serves(method, path))
                {
                    continue;
                }

                List<RequestDifference> differences = RequestDifference.Between(candidate.Body, incoming, untilDecisive: true);
                if (differences.Any(difference => difference.IsDecisive))
                {
                    continue;
                }

                int affinity = Affinity(candidate.Recording, testId);
                if (affinity < 0)
                {
                    ofAnotherTest ??= candidate;
                    continue;
                }

                int score = (affinity * 1_000_000) + differences.Count;
                if (score < bestScore || (score == bestScore && string.CompareOrdinal(candidate.Recording.SourcePath, best!.SourcePath) < 0))
                {
                    best = candidate.Recording;
                    bestScore = score;
                }
            }

            return best ?? throw Mismatch(method, path, incoming, testId, ofAnotherTest);
        }

        private Dictionary<(string, string, long), List<Candidate>> BuildIndex()
        {
            var index = new Dictionary<(string, string, long), List<Candidate>>();
            foreach (Candidate candidate in _candidates)
            {
                if (candidate.Problem is not null)
                {
                    continue;
                }

                Add(index, KeyOf(candidate.Recording.Request.Method!, candidate.Path, candidate.Body), candidate);
                if (candidate.IsModelList && !string.Equals(candidate.Recording.Request.Method, "GET", StringComparison.OrdinalIgnoreCase))
                {
                    Add(index, KeyOf("GET", candidate.Path, candidate.Body), candidate);
                }
            }

            return index;
        }

        private static void Add(Dictionary<(string, string, long), List<Candidate>> index, (string, string, long) key, Candidate candidate)
        {
            if (!index.TryGetValue(key, out List<Candidate>? list))
            {
                list = new List<Candidate>();
                index.Add(key, list);
            }

            list.Add(candidate);
        }

        // The method, the path's last segment (paths match from their end) and the body's fingerprint.
        private static (string, string, long) KeyOf(string method, string path, JsonTree? body)
        {
            string[] segments = Segments(path);
            return (method.ToUpperInvariant(), segments.Length == 0 ? string.Empty : segments[segments.Length - 1], RequestFingerprint.Of(body));
        }

        /// <summary>
        /// How a recording stands to the current test: 0 when it is the test's own (with no test set: when it belongs to no
        /// test either, as ogx keys it), 1 when it belongs to no test or is a model list (shared by every test, as in ogx),
        /// or when no test is set; -1 when another test made it.
        /// </summary>
        private static int Affinity(Recording recording, string? testId)
        {
            if (string.Equals(recording.TestId, testId, StringComparison.Ordinal))
            {
                return 0;
            }

            return testId is null || recording.TestId is null || recording.Format is RecordingFormat.OpenAIModels or RecordingFormat.OllamaModels ? 1 : -1;
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return Answer(request, body);
        }

#if NET5_0_OR_GREATER
        /// <inheritdoc />
        /// <remarks>The SDKs' synchronous methods (the OpenAI SDK's <c>CompleteChat</c>, <c>CompleteChatStreaming</c>) come here.</remarks>
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = null;
            if (request.Content is not null)
            {
                using var reader = new System.IO.StreamReader(request.Content.ReadAsStream(cancellationToken));
                body = reader.ReadToEnd();
            }

            return Answer(request, body);
        }
#endif

        private HttpResponseMessage Answer(HttpRequestMessage request, string? body)
        {
            string path = request.RequestUri is { } uri ? (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]) : "/";
            JsonTree? incoming = ParseBody(body, out bool base64);
            Recording recording;
            ReplayResponse? olderShape = null;
            try
            {
                recording = Match(request.Method.Method, path, incoming);
            }
            catch (RecordingMismatchException) when (OllamaEmbedFallback.AsOlderRequest(path, incoming) is { } older && TryMatch(request.Method.Method, older.Path, older.Body) is { } found)
            {
                recording = found;
                olderShape = ReplayResponse.OllamaEmbedFromOlder(found);
            }

            lock (_replayed)
            {
                _replayed.Add(recording);
            }

            ReplayResponse response = olderShape
                ?? (recording.Format == RecordingFormat.OpenAIModels && recording.Response.Error is null
                    ? _modelLists.GetOrAdd(EndpointPath(recording.Request)!, endpoint => ReplayResponse.ModelUnion(ModelListsFor(endpoint)))
                    : _responses.GetOrAdd((recording, base64), key => ReplayResponse.For(key.Item1, key.Item2)));
            return response.ToMessage(request);
        }

        private Recording? TryMatch(string method, string path, JsonTree body)
        {
            try
            {
                return Match(method, path, body);
            }
            catch (RecordingMismatchException)
            {
                return null; // the miss of the request as it was sent is the one to report
            }
        }

        // Every OpenAI model list of this endpoint that answered normally, in SourcePath order (which one's entry of a model wins).
        private IEnumerable<Recording> ModelListsFor(string endpoint)
            => _candidates
                .Where(candidate => candidate.Recording.Format == RecordingFormat.OpenAIModels && candidate.Recording.Response.Error is null && PathsMatch(candidate.Path, endpoint))
                .Select(candidate => candidate.Recording)
                .OrderBy(recording => recording.SourcePath, StringComparer.Ordinal);

        // base64Embeddings: whether the request asks for embeddings as base64, which normalization then drops.
        private static JsonTree? ParseBody(string? body, out bool base64Embeddings)
        {
            base64Embeddings = false;
            if (string.IsNullOrWhiteSpace(body))
            {
                // No body is an empty one: the recorder stores {} for requests that had none.
                return JsonTree.EmptyObject();
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(body!);
                JsonTree tree = JsonTree.FromElement(document.RootElement);
                base64Embeddings = tree.Kind == JsonValueKind.Object && tree.Get("encoding_format") is { } format && format.IsString("base64");
                return RequestNormalizer.Normalize(tree);
            }
            catch (JsonException)
            {
                return JsonTree.String(body!);
            }
        }

        private RecordingMismatchException Mismatch(string method, string path, JsonTree? incoming, string? testId, Candidate? ofAnotherTest)
        {
            // The closest recording, for the message: one of the same method and endpoint when there is one, ranked by
            // how much differs (a missing tools array weighs all its tools), then by the tolerated differences.
            Candidate? closest = null;
            List<RequestDifference>? differences = null;
            long closestScore = long.MaxValue;
            bool anyServes = _candidates.Any(candidate => candidate.Serves(method, path));
            foreach (Candidate candidate in _candidates)
            {
                if (anyServes && !candidate.Serves(method, path))
                {
                    continue;
                }

                List<RequestDifference> found = RequestDifference.Between(candidate.Body, incoming);
                long score = (found.Where(difference => difference.IsDecisive).Sum(difference => (long)difference.Weight) * 1000) + found.Count;
                if (score < closestScore || (score == closestScore && string.CompareOrdinal(candidate.Recording.SourcePath, closest!.Recording.SourcePath) < 0))
                {
                    closest = candidate;
                    differences = found;
                    closestScore = score;
                }
            }

            var message = new StringBuilder("No recording matches ").Append(MessageText.Bounded(method, 40)).Append(' ').Append(MessageText.Bounded(path, 300)).Append('.');
            if (ofAnotherTest is not null)
            {
                // Replay never answers one test with another's recording: identical requests of two tests may
                // have different answers (other text, other tool call ids).
                message.Append(" Another test recorded this request: ").Append(MessageText.Bounded(ofAnotherTest.Recording.SourcePath, 300))
                    .Append(" (test '").Append(MessageText.Bounded(ofAnotherTest.Recording.TestId!, 300)).Append("'), but the current test is '")
                    .Append(MessageText.Bounded(testId!, 300)).Append("'. Replay serves the current test's recordings, recordings without a test id, and model lists.");
                return Miss(message, ofAnotherTest.Recording, Array.Empty<RequestDifference>());
            }

            if (closest is null)
            {
                return Miss(message.Append(" The handler has no recordings of HTTP requests."), null, Array.Empty<RequestDifference>());
            }

            message.Append(" Closest: ").Append(MessageText.Bounded(closest.Recording.SourcePath, 300)).Append(" (").Append(closest.Recording.Request.Method).Append(' ').Append(MessageText.Bounded(closest.Path, 300)).Append(')');
            if (!closest.Serves(method, path))
            {
                message.Append(", another endpoint");
            }

            if (closest.Problem is { } problem)
            {
                return Miss(message.Append(", which can never match: ").Append(problem), closest.Recording, differences ?? new List<RequestDifference>());
            }

            message.Append(", which differs in:");
            const int Shown = 12;
            differences ??= new List<RequestDifference>();
            foreach (RequestDifference difference in differences.Take(Shown))
            {
                message.Append("\n  ").Append(difference.IsDecisive ? "- " : "~ ").Append(difference);
            }

            if (differences.Count > Shown)
            {
                message.Append("\n  ... and ").Append(differences.Count - Shown).Append(" more");
            }

            return Miss(message, closest.Recording, differences);
        }

        /// <summary>Every miss ends by saying how to get the missing recording.</summary>
        private static RecordingMismatchException Miss(StringBuilder message, Recording? closest, IReadOnlyList<RequestDifference> differences)
            => new RecordingMismatchException(message.Append('\n').Append(HowToRecord).ToString(), closest, differences);

        /// <summary>True when one path ends with the other, segment by segment (a client's base path may stand in front).</summary>
        internal static bool PathsMatch(string recorded, string incoming)
        {
            string[] a = Segments(recorded);
            string[] b = Segments(incoming);
            int common = Math.Min(a.Length, b.Length);
            if (common == 0)
            {
                return a.Length == b.Length;
            }

            for (int i = 1; i <= common; i++)
            {
                if (!string.Equals(a[a.Length - i], b[b.Length - i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static string[] Segments(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        private static string? EndpointPath(RecordedRequest request)
        {
            string? path = request.Endpoint;
            if (path is null && request.Url is { } url)
            {
                path = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri!.AbsolutePath : url.Split('?')[0];
            }

            return path?.Replace("/v1/v1/", "/v1/");
        }

        private sealed class Candidate
        {
            private readonly object _gate = new object();
            private JsonTree? _body;
            private string? _problem;
            private bool _read;

            public Candidate(Recording recording)
            {
                Recording = recording;
                Path = EndpointPath(recording.Request)!;
            }

            public Recording Recording { get; }

            public string Path { get; }

            /// <summary>The normalized recorded body; null when the recording has none, or when it cannot be read (see <see cref="Problem"/>).</summary>
            public JsonTree? Body
            {
                get
                {
                    Read();
                    return _body;
                }
            }

            /// <summary>
            /// Why this recording can never match, or null. A recording whose body cannot be read (for example
            /// tool-call arguments with a lone surrogate, which the build warns about) rules only itself out:
            /// the failure is kept as its reason instead of being thrown at every request.
            /// </summary>
            public string? Problem
            {
                get
                {
                    Read();
                    return _problem;
                }
            }

            /// <summary>Whether the recording is a model list, which the recorder stores as a POST of <c>{}</c> and clients send as a GET.</summary>
            public bool IsModelList => Recording.Format is RecordingFormat.OpenAIModels or RecordingFormat.OllamaModels;

            public bool Serves(string method, string path)
                => (string.Equals(Recording.Request.Method, method, StringComparison.OrdinalIgnoreCase) || (IsModelList && string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)))
                   && PathsMatch(Path, path);

            private void Read()
            {
                if (Volatile.Read(ref _read))
                {
                    return;
                }

                lock (_gate)
                {
                    if (_read)
                    {
                        return;
                    }

                    try
                    {
                        _body = RequestNormalizer.Normalize(JsonTree.FromRecorded(Recording.Request.Body) ?? JsonTree.EmptyObject());
                    }
                    catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException)
                    {
                        _problem = "its recorded request body cannot be read (" + exception.GetType().Name + ": " + MessageText.Bounded(exception.Message, 200) + ")";
                    }

                    Volatile.Write(ref _read, true);
                }
            }
        }
    }
}
