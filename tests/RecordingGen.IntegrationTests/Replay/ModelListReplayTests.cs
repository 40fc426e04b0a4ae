using System;
using System.ClientModel;
using System.Linq;
using System.Threading.Tasks;
using OpenAI.Models;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>Model lists through the OpenAI SDK's model client: a GET (recorded as a POST of {}), answered with every model the lists saw.</summary>
    public sealed class ModelListReplayTests
    {
        [Fact]
        public async Task The_model_client_gets_every_model_the_recorded_lists_saw()
        {
            var handler = new RecordingReplayHandler(Recordings.All);
            var client = new OpenAIModelClient(new ApiKeyCredential("recorded"), RecordingChatClient.CreateOpenAIOptions(handler));

            OpenAIModelCollection models = (await client.GetModelsAsync()).Value;

            string[] expected = Recordings.All
                .Where(recording => recording.Format == RecordingFormat.OpenAIModels && recording.Response.Error is null && (recording.Request.Endpoint ?? new Uri(recording.Request.Url!).AbsolutePath).EndsWith("/v1/models", StringComparison.Ordinal))
                .SelectMany(recording => recording.Response.Models)
                .Select(model => model.Id)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, models.Select(model => model.Id).OrderBy(id => id, StringComparer.Ordinal));
        }
    }
}
