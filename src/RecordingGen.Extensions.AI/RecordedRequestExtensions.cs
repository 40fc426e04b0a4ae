namespace RecordingGen.Replay
{
    /// <summary>Recorded requests converted to what the SDKs take, so a test can send a recorded request again as application code would.</summary>
    public static class RecordedRequestExtensions
    {
        /// <summary>The request as the OpenAI .NET SDK's messages and <see cref="OpenAI.Chat.ChatCompletionOptions"/>.</summary>
        public static OpenAIChatRequest ToOpenAIChatRequest(this RecordedRequest request) => OpenAIChatRequest.From(request);

        /// <summary>The request as Microsoft.Extensions.AI chat messages and <see cref="Microsoft.Extensions.AI.ChatOptions"/>.</summary>
        public static ChatClientRequest ToChatClientRequest(this RecordedRequest request) => ChatClientRequest.From(request);
    }
}
