using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>
    /// A recorded tool declaration and tool choice, read once for both SDK conversions, which only differ in the types
    /// they build from them: a tool's function (or the tool itself, in the flat shape), and <c>tool_choice</c> as
    /// <c>auto</c>/<c>none</c>/<c>required</c> or one function by name.
    /// </summary>
    internal readonly struct RecordedTool
    {
        private RecordedTool(string name, string? description, JsonElement? parameters, bool? strict)
        {
            Name = name;
            Description = description;
            Parameters = parameters;
            Strict = strict;
        }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>The parameters' JSON schema, when it is an object.</summary>
        public JsonElement? Parameters { get; }

        public bool? Strict { get; }

        public static RecordedTool Read(JsonElement tool)
        {
            JsonElement function = tool.TryGetProperty("function", out JsonElement found) ? found : tool;
            return new RecordedTool(
                function.GetProperty("name").GetString()!,
                function.TryGetProperty("description", out JsonElement text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
                function.TryGetProperty("parameters", out JsonElement schema) && schema.ValueKind == JsonValueKind.Object ? schema : null,
                function.TryGetProperty("strict", out JsonElement strict) && strict.ValueKind is JsonValueKind.True or JsonValueKind.False ? strict.GetBoolean() : null);
        }

        /// <summary>
        /// A <c>tool_choice</c>: <paramref name="mode"/> is <c>auto</c>, <c>none</c> or <c>required</c>, or
        /// <paramref name="function"/> names the one function to call; false for any other shape.
        /// </summary>
        public static bool ReadChoice(JsonElement value, out string? mode, out string? function)
        {
            mode = value.ValueKind == JsonValueKind.String && value.GetString() is "auto" or "none" or "required" ? value.GetString() : null;
            function = value.ValueKind == JsonValueKind.Object
                && value.TryGetProperty("function", out JsonElement named)
                && named.TryGetProperty("name", out JsonElement name)
                && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
            return mode is not null || function is not null;
        }
    }
}
