using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RecordingGen.Replay;

namespace RecordingGen.IntegrationTests.Record
{
    /// <summary>
    /// A real HTTP server on a loopback port standing in for OpenAI, Anthropic and Ollama: it answers each request from
    /// recordings (in the provider's wire format, streams written chunk by chunk) and counts what reaches it. The test id
    /// comes in a header, as ogx's server reads it from the client, so the server answers with that test's recording.
    /// </summary>
    internal sealed class RecordedApiServer : IAsyncDisposable
    {
        public const string TestIdHeader = "X-RecordingGen-Test";

        private readonly WebApplication _app;
        private readonly RecordingReplayHandler _recordings;
        private int _hits;

        private RecordedApiServer(WebApplication app, RecordingReplayHandler recordings)
        {
            _app = app;
            _recordings = recordings;
        }

        /// <summary>The recordings the server answered from, in order.</summary>
        public IReadOnlyList<Recording> Replayed => _recordings.Replayed;

        public Uri Address { get; private set; } = null!;

        /// <summary>How many requests reached the server.</summary>
        public int Hits => Volatile.Read(ref _hits);

        /// <summary>The last request's Authorization header, as the server received it.</summary>
        public string? LastAuthorization { get; private set; }

        public static async Task<RecordedApiServer> Start(IEnumerable<Recording> recordings)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            WebApplication app = builder.Build();
            var handler = new RecordingReplayHandler(recordings);
            var server = new RecordedApiServer(app, handler);
            var replay = new HttpMessageInvoker(handler);
            app.Run(context => server.Answer(context, replay));
            await app.StartAsync();
            server.Address = new Uri(app.Urls.First() + "/");
            return server;
        }

        public Task Stop() => _app.StopAsync();

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private async Task Answer(HttpContext context, HttpMessageInvoker replay)
        {
            Interlocked.Increment(ref _hits);
            LastAuthorization = context.Request.Headers.Authorization.ToString();
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), "http://recorded" + context.Request.Path + context.Request.QueryString);
            using (var body = new MemoryStream())
            {
                await context.Request.Body.CopyToAsync(body);
                if (body.Length > 0)
                {
                    request.Content = new ByteArrayContent(body.ToArray());
                }
            }

            string? testId = context.Request.Headers[TestIdHeader];
            using IDisposable? test = string.IsNullOrEmpty(testId) ? null : RecordingContext.BeginTest(testId!);
            HttpResponseMessage response;
            try
            {
                response = await replay.SendAsync(request, context.RequestAborted);
            }
            catch (RecordingMismatchException miss)
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("{\"error\":{\"message\":\"no recording for this request\",\"detail\":" + System.Text.Json.JsonSerializer.Serialize(miss.Message) + "}}");
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            Stream content = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[256];
            int read;
            while ((read = await content.ReadAsync(buffer)) > 0)
            {
                // Small writes, each flushed: the client receives a stream as it goes, as from a real API.
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read));
                await context.Response.Body.FlushAsync();
            }
        }
    }

    /// <summary>Sends the running test's id to the server, as ogx's client does, so the server picks that test's recording.</summary>
    internal sealed class TestIdHeaderHandler : DelegatingHandler
    {
        public TestIdHeaderHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (RecordingContext.TestId is { } testId)
            {
                request.Headers.TryAddWithoutValidation(RecordedApiServer.TestIdHeader, testId);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
