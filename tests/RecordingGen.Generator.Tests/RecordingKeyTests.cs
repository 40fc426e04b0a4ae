using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// RecordingKey against hashes computed by ogx's own normalization code under Python 3 (the expected values below);
    /// the corpus test checks it on 2,337 real file names.
    /// </summary>
    public sealed class RecordingKeyTests
    {
        [Theory]
        // Floats rounded to 5 places and written as Python's repr (1e-05, 1e+16, 1000000000000000.0, -0.0), integers as written.
        [InlineData("POST", "http://localhost:11434/v1/chat/completions", "{\"model\":\"m\",\"temperature\":0.7,\"top_p\":1.0,\"x\":[1e-05,1e16,1e15,2.675e-3,0.1234565,-0.0,1.5e-7,123456789.123456789],\"n\":3}", "tests/a.py::test_x", "c49f4900fe3c6763018d5fa1cb12a1c5c0847a862bcc5e7e76d7b106ab04cf80")]
        // Non-ASCII escaped, decimals and file-search scores/attributes inside strings normalized, extra_body.project_id dropped, no test id, query ignored.
        [InlineData("post", "https://api.openai.com/v1/chat/completions?api-version=1", "{\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\u2028 pi is 3.14159265 and score: 0.93, attributes: {a: 1}\"}],\"extra_body\":{\"project_id\":\"p\",\"keep\":1}}", null, "9eedb55ed88b747f946c06653cce1a09342e55cb54c1a212f0e95b0f52d1edcd")]
        // A model list path leaves the test id out.
        [InlineData("GET", "http://localhost/v1/models", "{}", "tests/b.py::t", "fe6ec7355022a96382bc53857462b0dd784af5b4e7932d9e16bf4ab5514e8b35")]
        // Bedrock drops stream_options; big integers stay exact; keys sort by code point (U+FFFF before U+1F600).
        [InlineData("POST", "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions", "{\"model\":\"m\",\"stream_options\":{\"include_usage\":true},\"big\":123456789012345678901234567890,\"zk\":1,\"\\u00e9\":2,\"\\ud83d\\ude00\":3,\"\\uffff\":4}", "t", "f9cf96296ef13b157a1a709ed4c08435f66e43dd3f6944717350ff851d252cbf")]
        public void Inference_keys_are_ogx_hashes(string method, string url, string body, string? testId, string expected)
            => Assert.Equal(expected, RecordingKey.Inference(method, url, body, testId));

        [Fact]
        public void Http_keys_are_ogx_hashes()
            => Assert.Equal(
                "3d663e12b50daf7fcb3a3374d56c96a6ab0ec5f4a6dd32d9698f6afcd41eac4f",
                RecordingKey.Http("POST", "http://0.0.0.0:11434/v1/messages", "{\"model\":\"gpt-oss:20b\",\"messages\":[{\"role\":\"user\",\"content\":\"Count\"}],\"max_tokens\":64,\"stream\":true}", "tests/m.py::t[x]"));

        [Fact]
        public void Model_lists_are_named_by_their_hash_and_a_digest_of_their_ids()
        {
            Assert.Equal("abc.json", RecordingKey.FileName("abc", "/v1/chat/completions", new[] { "m" }));
            Assert.Equal("models-abc-0b98574d.json", RecordingKey.FileName("abc", "/v1/models", new[] { "gpt-oss:20b", "qwen3:8B", "qwen3:0.6B", "nomic-embed-text:latest", "all-minilm:l6-v2", "llama3.2:3b", "llama3.2:3b-instruct-fp16", "llama3.2:latest", "qwen3:8B" }));
        }
    }
}
