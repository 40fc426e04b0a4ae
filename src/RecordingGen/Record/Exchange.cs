using System;
using System.Linq;

namespace RecordingGen.Record
{
    /// <summary>One request as it will be written and keyed: the test it belongs to, the method, the URL without secrets, the JSON body.</summary>
    internal sealed class Exchange
    {
        // Query parameters that carry credentials (Azure's api-key, Google's key, SAS signatures, OAuth tokens).
        private static readonly string[] SecretQueryNames =
        {
            "key", "api-key", "api_key", "apikey", "x-api-key", "x-goog-api-key", "access_token", "token", "sig", "signature", "client_secret", "secret", "password",
        };

        public Exchange(string? testId, string method, Uri url, string? bodyJson)
        {
            TestId = testId;
            Method = method.ToUpperInvariant();
            Url = WithoutSecrets(url);
            BodyJson = string.IsNullOrWhiteSpace(bodyJson) ? null : bodyJson;
            Path = RecordingKey.SplitPath(Url);

            // ogx records its pass-through providers (Anthropic messages, Gemini interactions) as raw HTTP.
            IsPassThrough = Url.Contains("/v1/messages") || Url.Contains("/interactions");
            try
            {
                Key = IsPassThrough
                    ? RecordingKey.Http(Method, Url, BodyJson ?? "{}", TestId)
                    : RecordingKey.Inference(Method, Url, BodyJson ?? "{}", TestId);
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw new NotSupportedException("RecordingHandler records requests with a JSON body (ogx's format holds JSON); " + Method + " " + Url + " sent something else.", exception);
            }
        }

        public string? TestId { get; }

        public string Method { get; }

        public string Url { get; }

        public string Path { get; }

        public string? BodyJson { get; }

        public bool IsPassThrough { get; }

        /// <summary>ogx's key for the request: the file's name, and what a second identical request in this run is answered by.</summary>
        public string Key { get; }

        private static string WithoutSecrets(Uri url)
        {
            string text = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            string query = url.Query.TrimStart('?');
            if (query.Length == 0)
            {
                return text;
            }

            string[] kept = query.Split('&')
                .Where(pair => !SecretQueryNames.Contains(Uri.UnescapeDataString(pair.Split('=')[0]), StringComparer.OrdinalIgnoreCase))
                .ToArray();
            return kept.Length == 0 ? text : text + "?" + string.Join("&", kept);
        }
    }
}
