using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>The typed layer of OpenAI text completions (<c>/v1/completions</c>): the prompt, and the text of the first choice.</summary>
    internal static class OpenAICompletionsReader
    {
        public const string CompletionType = "openai.types.completion.Completion";

        public static void ReadRequest(JsonValue body, RequestShape request)
        {
            JsonValue? prompt = body.Member("prompt");
            if (prompt.String() is { } text)
            {
                request.Prompt = text;
            }
            else if (prompt.Array() is { } prompts)
            {
                request.Prompt = JsonRead.JoinLines(prompts, item => ((JsonValue?)item).String()) ?? string.Empty;
            }
        }

        /// <summary>Streamed: each chunk's <c>choices[0].text</c> is its delta; the last finish reason and usage win.</summary>
        public static void ReadStream(ResponseShape response)
        {
            foreach (ChunkShape chunk in response.Chunks)
            {
                JsonValue? choice = ((JsonValue?)chunk.Data).Member("choices").FirstItem();
                chunk.TextDelta = choice.Member("text").String();
                chunk.FinishReason = choice.Member("finish_reason").String();
                response.FinishReason = chunk.FinishReason ?? response.FinishReason;
                if (OpenAIChatReader.ReadUsage(((JsonValue?)chunk.Data).Member("usage")) is { } usage)
                {
                    response.Usage = usage;
                }
            }

            response.TextFromChunks = true;
        }

        public static void ReadCompletion(JsonValue body, ResponseShape response)
        {
            JsonValue? choice = body.Member("choices").FirstItem();
            response.Text = choice.Member("text").String();
            response.FinishReason = choice.Member("finish_reason").String();
            response.Usage = OpenAIChatReader.ReadUsage(body.Member("usage"));
        }
    }
}
