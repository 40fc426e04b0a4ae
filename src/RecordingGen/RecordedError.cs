using RecordingGen.Internal;

namespace RecordingGen
{
    /// <summary>An error the recorder captured instead of a response (<c>is_exception</c>).</summary>
    public sealed class RecordedError
    {
        private readonly JsonText _body;

        /// <summary>Creates an error. Generated fixtures create these; tests rarely need to.</summary>
        public RecordedError(string? category, string? provider, string? type, string? message, int? statusCode, string? bodyJson)
            : this(category, provider, type, message, statusCode, JsonText.FromString(bodyJson))
        {
        }

        internal RecordedError(string? category, string? provider, string? type, string? message, int? statusCode, JsonText body)
        {
            Category = category;
            Provider = provider;
            Type = type;
            Message = message;
            StatusCode = statusCode;
            _body = body;
        }

        /// <summary>Where the error came from, such as <c>provider_sdk</c>; null in recordings that predate it.</summary>
        public string? Category { get; }

        /// <summary>The provider whose SDK raised it, such as <c>openai</c>.</summary>
        public string? Provider { get; }

        /// <summary>The exception type, such as <c>BadRequestError</c>.</summary>
        public string? Type { get; }

        /// <summary>The error message (the recorded <c>exception_data.message</c>, else <c>exception_message</c>).</summary>
        public string? Message { get; }

        /// <summary>The HTTP status code the provider answered with.</summary>
        public int? StatusCode { get; }

        /// <summary>The provider's error body as JSON text, or null.</summary>
        public string? BodyJson => _body.Value;

        /// <inheritdoc />
        public override string ToString() => Type + ": " + Message;
    }
}
