namespace RecordingGen
{
    /// <summary>Token counts a response reported.</summary>
    public sealed class TokenUsage
    {
        /// <summary>Creates a usage record. Generated fixtures create these; tests rarely need to.</summary>
        public TokenUsage(int? inputTokens, int? outputTokens, int? totalTokens)
        {
            InputTokens = inputTokens;
            OutputTokens = outputTokens;
            TotalTokens = totalTokens;
        }

        /// <summary>Tokens of the prompt (OpenAI <c>prompt_tokens</c>).</summary>
        public int? InputTokens { get; }

        /// <summary>Tokens of the answer (OpenAI <c>completion_tokens</c>).</summary>
        public int? OutputTokens { get; }

        /// <summary>Both together (OpenAI <c>total_tokens</c>).</summary>
        public int? TotalTokens { get; }
    }
}
