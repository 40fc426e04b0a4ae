using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using RecordingGen.Record;

namespace RecordingGen
{
    /// <summary>
    /// The keys ogx files recordings under, computed as its recorder computes them, so a recording written here is
    /// found by ogx and the other way round: the SHA-256 (hex) of the JSON text Python's <c>json.dumps(..., sort_keys=True)</c>
    /// writes for the method, the URL's path (or whole URL), the normalized body and the test id.
    /// </summary>
    public static class RecordingKey
    {
        private static readonly string[] ModelListPaths = { "/api/tags", "/v1/models", "/v1/openai/v1/models" };

        /// <summary>
        /// ogx's <c>normalize_inference_request</c>, for requests of the inference clients (OpenAI-compatible, Ollama):
        /// the method upper-cased, the URL's path, the body after ogx's hash normalization, and the test id (left out for
        /// the model-list paths <c>/api/tags</c>, <c>/v1/models</c>, <c>/v1/openai/v1/models</c>, which every test shares).
        /// </summary>
        public static string Inference(string method, string url, string bodyJson, string? testId)
        {
            (string host, string path) = SplitUrl(url);
            PythonValue normalized = PythonValue.Object();
            normalized.Set("method", PythonValue.String(method.ToUpperInvariant()));
            normalized.Set("endpoint", PythonValue.String(path));
            normalized.Set("body", HashNormalization.Normalize(PythonValue.Parse(bodyJson), dropStreamOptions: host.Contains("bedrock")));
            if (!IsModelList(path))
            {
                normalized.Set("test_id", testId is null ? PythonValue.Null() : PythonValue.String(testId));
            }

            return Sha256(normalized);
        }

        /// <summary>ogx's <c>normalize_http_request</c>, for the pass-through providers it records as raw HTTP (Anthropic messages, Gemini): the whole URL, the method upper-cased, the normalized payload and the test id.</summary>
        public static string Http(string method, string url, string payloadJson, string? testId)
        {
            PythonValue normalized = PythonValue.Object();
            normalized.Set("test_id", testId is null ? PythonValue.Null() : PythonValue.String(testId));
            normalized.Set("url", PythonValue.String(url));
            normalized.Set("method", PythonValue.String(method.ToUpperInvariant()));
            normalized.Set("payload", HashNormalization.Normalize(PythonValue.Parse(payloadJson)));
            return Sha256(normalized);
        }

        /// <summary>Whether ogx treats the URL path as a model list (shared by every test, file named <c>models-&lt;hash&gt;-&lt;digest&gt;.json</c>).</summary>
        public static bool IsModelList(string path) => ModelListPaths.Contains(path, StringComparer.Ordinal);

        /// <summary>
        /// The file name ogx gives a recording: <c>&lt;hash&gt;.json</c>, or for a model list
        /// <c>models-&lt;hash&gt;-&lt;first 8 hex of the SHA-256 of the sorted distinct model ids joined by '|'&gt;.json</c>.
        /// </summary>
        /// <param name="hash">The request's key.</param>
        /// <param name="endpoint">The recording's <c>endpoint</c> (ogx decides by it, not by the URL's path).</param>
        /// <param name="modelIds">A model list's ids (Ollama's <c>/api/tags</c>: each model's <c>model</c>).</param>
        public static string FileName(string hash, string endpoint, IEnumerable<string>? modelIds = null)
        {
            if (!IsModelList(endpoint) || modelIds is null)
            {
                return hash + ".json";
            }

            var ids = modelIds.Distinct(StringComparer.Ordinal).ToList();
            ids.Sort(StringComparer.Ordinal);
            return "models-" + hash + "-" + Hex(Encoding.UTF8.GetBytes(string.Join("|", ids))).Substring(0, 8) + ".json";
        }

        /// <summary>The URL's path as ogx's key takes it (Python's <c>urlparse(url).path</c>).</summary>
        public static string SplitPath(string url) => SplitUrl(url).Path;

        /// <summary>Python's <c>urlparse(url)</c>: the network location and the path (without query or fragment).</summary>
        internal static (string Host, string Path) SplitUrl(string url)
        {
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            int start = scheme < 0 ? 0 : scheme + 3;
            int end = url.IndexOfAny(new[] { '?', '#' }, start);
            string rest = end < 0 ? url.Substring(start) : url.Substring(start, end - start);
            if (scheme < 0)
            {
                return (string.Empty, rest);
            }

            int slash = rest.IndexOf('/');
            return slash < 0 ? (rest, string.Empty) : (rest.Substring(0, slash), rest.Substring(slash));
        }

        private static string Sha256(PythonValue value)
        {
            var text = new StringBuilder();
            PythonJson.Write(text, value);
            return Hex(Encoding.UTF8.GetBytes(text.ToString()));
        }

        private static string Hex(byte[] bytes)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(bytes);
            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
