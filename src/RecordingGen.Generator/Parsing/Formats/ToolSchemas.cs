using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>Tool definitions and calls as the non-OpenAI formats spell them, mapped onto the common shapes.</summary>
    internal static class ToolSchemas
    {
        /// <summary>
        /// Adds the tools of a <c>tools</c> array: OpenAI's <c>{type, function: {...}}</c>, flat
        /// <c>{name, description, parameters | input_schema | parameters_json_schema}</c> (Anthropic, Gemini
        /// interactions), and Gemini's <c>{function_declarations: [...]}</c> groups.
        /// </summary>
        public static void AddTools(JsonValue? tools, RequestShape request)
        {
            if (tools.Array() is not { } items)
            {
                return;
            }

            foreach (JsonValue item in items.EnumerateArray())
            {
                if (item.Member("function_declarations").Array() is { } declarations)
                {
                    foreach (JsonValue declaration in declarations.EnumerateArray())
                    {
                        AddTool(declaration, request);
                    }
                }
                else
                {
                    AddTool(item.Member("function").Object() ?? item, request);
                }
            }
        }

        /// <summary>A call whose arguments are a JSON value (kept as compact JSON) or already JSON text.</summary>
        public static ToolCallShape Call(JsonPath path, string? id, string? name, JsonValue? arguments) => new ToolCallShape
        {
            Path = path,
            Id = id,
            Name = name ?? string.Empty,
            Arguments = arguments.String() ?? (arguments is { ValueKind: not JsonValueKind.Null } json ? json.CompactText() : string.Empty),
        };

        private static void AddTool(JsonValue tool, RequestShape request)
        {
            if (tool.Member("name").String() is { } name)
            {
                request.Tools.Add(new ToolShape
                {
                    Name = name,
                    Description = tool.Member("description").String(),
                    Parameters = tool.Member("input_schema") ?? tool.Member("parameters") ?? tool.Member("parameters_json_schema"),
                });
            }
        }
    }
}
