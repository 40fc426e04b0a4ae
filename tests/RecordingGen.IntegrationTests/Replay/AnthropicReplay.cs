using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Sends a recording's request again through the Anthropic SDK.</summary>
    internal static class AnthropicReplay
    {
        public static AnthropicClient Client(HttpMessageHandler handler)
            => new AnthropicClient(new ClientOptions { ApiKey = "recorded", BaseUrl = "http://0.0.0.0:11434", HttpClient = new HttpClient(handler), MaxRetries = 0 });

        /// <summary>The recorded payload as the SDK's parameters (the SDK adds <c>stream</c> itself).</summary>
        public static MessageCreateParams Parameters(Recording recording)
        {
            var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(recording.Request.BodyJson!)!;
            body.Remove("stream");
            return MessageCreateParams.FromRawUnchecked(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>(), body);
        }
    }
}
