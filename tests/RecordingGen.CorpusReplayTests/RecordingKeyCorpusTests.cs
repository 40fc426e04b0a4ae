using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RecordingGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.CorpusReplayTests
{
    /// <summary>ogx names a recording by the hash of its request: RecordingKey must give that name for every file ogx's current recorder wrote.</summary>
    public sealed class RecordingKeyCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public RecordingKeyCorpusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [CorpusFact]
        public void RecordingKey_reproduces_the_name_of_every_file_whose_name_is_the_hash_of_its_content()
        {
            int reproduced = 0, modelLists = 0;
            var others = new List<string>();
            foreach (string path in Corpus.Files(Corpus.Unpack()))
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
                JsonElement root = document.RootElement;
                JsonElement request = root.GetProperty("request");
                string? testId = root.TryGetProperty("test_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (!request.TryGetProperty("method", out JsonElement verb) || !request.TryGetProperty("url", out JsonElement address))
                {
                    others.Add(Path.GetFileName(path)); // a tool-runtime recording: ogx keys those by tool name and arguments
                    continue;
                }

                string method = verb.GetString()!;
                string url = address.GetString()!;
                string hash = request.TryGetProperty("payload", out JsonElement payload)
                    ? RecordingKey.Http(method, url, payload.GetRawText(), testId)
                    : RecordingKey.Inference(method, url, request.TryGetProperty("body", out JsonElement body) ? body.GetRawText() : "{}", testId);

                string name = Path.GetFileName(path);
                // The hash takes the URL's path; the file name's model-list rule takes the recorded endpoint (ogx's
                // OpenAI URLs say /v1/v1/models where the endpoint says /v1/models).
                string endpoint = request.TryGetProperty("endpoint", out JsonElement recorded) && recorded.ValueKind == JsonValueKind.String ? recorded.GetString()! : RecordingKey.SplitPath(url);
                string expected = RecordingKey.FileName(hash, endpoint, RecordingKey.IsModelList(endpoint) ? ModelIds(root) : null);
                if (name == expected)
                {
                    reproduced++;
                    modelLists += name.StartsWith("models-", StringComparison.Ordinal) ? 1 : 0;
                }
                else
                {
                    others.Add(name);
                }
            }

            _output.WriteLine(reproduced + " file names reproduced (" + modelLists + " model lists with their digest); " + others.Count + " others (renamed by older recorder versions)");
            Assert.Equal(2337, reproduced);
            Assert.True(modelLists > 0);
        }

        private static IEnumerable<string>? ModelIds(JsonElement root)
        {
            JsonElement body = root.GetProperty("response").TryGetProperty("body", out JsonElement found) ? found : default;
            if (body.ValueKind == JsonValueKind.Array)
            {
                return body.EnumerateArray().Select(model => model.TryGetProperty("__data__", out JsonElement data) && data.TryGetProperty("id", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty).ToList();
            }

            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("__data__", out JsonElement data) && data.TryGetProperty("models", out JsonElement models)
                ? models.EnumerateArray().Select(model => model.TryGetProperty("model", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty).ToList()
                : null;
        }
    }
}
