using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace RecordingGen.Replay
{
    /// <summary>
    /// Microsoft.Extensions.AI over recordings: an <see cref="IChatClient"/> that is the OpenAI SDK's own client
    /// (<c>AsIChatClient()</c>) talking to a <see cref="RecordingReplayHandler"/>, so function calls, usage and finish
    /// reasons come out exactly as the real client produces them.
    /// </summary>
    public static class RecordingChatClient
    {
        /// <summary>The base address replayed clients are given; any address works, the handler answers every request.</summary>
        public static readonly Uri Endpoint = new Uri("http://recordings.replay/v1/");

        /// <summary>
        /// Creates a chat client over <paramref name="recordings"/>. <paramref name="model"/> defaults to the model of the
        /// first chat recording; requests for another model match no recording.
        /// </summary>
        public static IChatClient Create(IEnumerable<Recording> recordings, string? model = null)
            => Create(new RecordingReplayHandler(recordings), model ?? DefaultModel(recordings));

        /// <summary>Creates a chat client over a handler the caller keeps, for example to inspect <see cref="RecordingReplayHandler.Replayed"/>.</summary>
        public static IChatClient Create(RecordingReplayHandler handler, string model)
            => new ChatClient(model, new ApiKeyCredential("recorded"), CreateOpenAIOptions(handler)).AsIChatClient();

        /// <summary>Options that route an OpenAI SDK client (chat, embeddings, models...) through <paramref name="handler"/>, usually a <see cref="RecordingReplayHandler"/>.</summary>
        public static OpenAIClientOptions CreateOpenAIOptions(HttpMessageHandler handler)
            => new OpenAIClientOptions
            {
                Endpoint = Endpoint,
                Transport = new HttpClientPipelineTransport(new HttpClient(handler, disposeHandler: false)),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            };

        private static string DefaultModel(IEnumerable<Recording> recordings)
            => recordings.FirstOrDefault(recording => recording.Format == RecordingFormat.OpenAIChat && recording.Request.Model is not null)?.Request.Model
               ?? throw new ArgumentException("None of the recordings is an OpenAI chat completion with a model; pass the model.", nameof(recordings));
    }
}
