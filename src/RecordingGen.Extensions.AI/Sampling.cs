using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>
    /// The sampling options of a recorded chat completions body, read once for both SDK conversions (each has a member
    /// for every one of them): temperature, top_p, the penalties, max_tokens (or max_completion_tokens), seed,
    /// parallel_tool_calls and stop.
    /// </summary>
    internal sealed class Sampling
    {
        public float? Temperature { get; private set; }

        public float? TopP { get; private set; }

        public float? FrequencyPenalty { get; private set; }

        public float? PresencePenalty { get; private set; }

        public int? MaxOutputTokens { get; private set; }

        public long? Seed { get; private set; }

        public bool? ParallelToolCalls { get; private set; }

        public List<string>? Stop { get; private set; }

        /// <summary>Takes one top-level key; false for a key that is no sampling option, or a value of another shape.</summary>
        public bool TryRead(JsonProperty property)
        {
            JsonElement value = property.Value;
            switch (property.Name)
            {
                case "temperature" when value.ValueKind == JsonValueKind.Number:
                    Temperature = value.GetSingle();
                    return true;
                case "top_p" when value.ValueKind == JsonValueKind.Number:
                    TopP = value.GetSingle();
                    return true;
                case "frequency_penalty" when value.ValueKind == JsonValueKind.Number:
                    FrequencyPenalty = value.GetSingle();
                    return true;
                case "presence_penalty" when value.ValueKind == JsonValueKind.Number:
                    PresencePenalty = value.GetSingle();
                    return true;
                case "max_tokens" or "max_completion_tokens" when value.TryGetInt32(out int tokens):
                    MaxOutputTokens = tokens;
                    return true;
                case "seed" when value.TryGetInt64(out long seed):
                    Seed = seed;
                    return true;
                case "parallel_tool_calls" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    ParallelToolCalls = value.GetBoolean();
                    return true;
                case "stop" when value.ValueKind == JsonValueKind.String:
                    Stop = new List<string> { value.GetString()! };
                    return true;
                case "stop" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                    Stop = value.EnumerateArray().Select(item => item.GetString()!).ToList();
                    return true;
                default:
                    return false;
            }
        }
    }
}
