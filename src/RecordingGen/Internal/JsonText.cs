using System.Text;

namespace RecordingGen.Internal
{
    /// <summary>
    /// JSON text that is either given or rebuilt on first access from compact tokens, so a fixture pays
    /// for the JSON of a chunk or body only when a test reads it.
    /// </summary>
    internal sealed class JsonText
    {
        public static readonly JsonText None = new JsonText(null);

        private readonly string[]? _strings;
        private readonly TokenBuffer? _tokens;
        private readonly int _start;
        private readonly int _count;
        private string? _value;

        private JsonText(string? value)
        {
            _value = value;
        }

        private JsonText(string[] strings, TokenBuffer tokens, int start, int count)
        {
            _strings = strings;
            _tokens = tokens;
            _start = start;
            _count = count;
        }

        public static JsonText FromString(string? json) => json is null ? None : new JsonText(json);

        public static JsonText FromTokens(string[] strings, TokenBuffer tokens, int start, int count)
            => new JsonText(strings, tokens, start, count);

        /// <summary>The compact tokens behind this text, when it was generated rather than given as a string.</summary>
        public bool TryGetTokens(out string[] strings, out int[] tokens, out int start, out int count)
        {
            strings = _strings!;
            tokens = _tokens?.Items!;
            start = _start;
            count = _count;
            return _tokens is not null;
        }

        public string? Value
        {
            get
            {
                if (_value is null && _tokens is not null)
                {
                    // Benign race: two threads may build equal strings; either result is correct.
                    _value = JsonTokenWriter.Write(_strings!, _tokens.Items, _start, _count);
                }

                return _value;
            }
        }
    }
}
