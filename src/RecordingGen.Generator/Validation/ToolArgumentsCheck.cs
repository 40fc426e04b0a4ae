using System.Collections.Generic;
using System.Text.Json;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// Checks a call's arguments against its tool's JSON schema as far as a test author needs: valid JSON,
    /// required parameters present, and each parameter of the JSON type its schema names (null standing for
    /// an optional parameter left out).
    /// </summary>
    internal static class ToolArgumentsCheck
    {
        /// <summary>What is wrong, as the end of a sentence, or null when nothing is.</summary>
        public static string? Problem(string arguments, JsonValue? schema)
        {
            FlatJson document;
            try
            {
                document = FlatJson.Parse(arguments.Length == 0 ? "{}" : arguments, MaxDepth);
            }
            catch (System.ArgumentException)
            {
                return "are not valid JSON (they contain a lone surrogate)";
            }
            catch (JsonException exception) when (exception.Message.IndexOf("depth", System.StringComparison.Ordinal) >= 0 && IsWellFormed(arguments))
            {
                // Valid JSON nested deeper than this check reads: nothing it could say about them is known.
                return null;
            }
            catch (JsonException exception)
            {
                return "are not valid JSON (" + RecordingParser.ReaderMessage(exception) + ")";
            }

            using (document)
            {
                if (schema is not { ValueKind: JsonValueKind.Object } parameters)
                {
                    return null;
                }

                JsonValue root = document.Root;
                if (!TypeAllows(parameters, root))
                {
                    return "are " + Describe(root.ValueKind) + " but the schema wants " + TypeNames(parameters);
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var missing = new List<string>();
                var requiredNames = new HashSet<string>(System.StringComparer.Ordinal);
                if (parameters.Member("required").Array() is { } required)
                {
                    foreach (JsonValue name in required.EnumerateArray())
                    {
                        if (name.ValueKind == JsonValueKind.String)
                        {
                            requiredNames.Add(name.GetString()!);
                            if (root.Member(name.GetString()!) is null)
                            {
                                missing.Add(name.GetString()!);
                            }
                        }
                    }
                }

                if (missing.Count > 0)
                {
                    return "miss the required parameter" + (missing.Count > 1 ? "s '" : " '") + string.Join("', '", missing) + "'";
                }

                if (parameters.Member("properties").Object() is { } properties)
                {
                    foreach (JsonMember argument in root.EnumerateObject())
                    {
                        // Models send null for an optional parameter they leave out; that is not a wrong type.
                        string name = argument.Name;
                        if (argument.Value.ValueKind == JsonValueKind.Null && !requiredNames.Contains(name))
                        {
                            continue;
                        }

                        if (properties.Member(name).Object() is { } property && !TypeAllows(property, argument.Value))
                        {
                            return "give '" + name + "' as " + Describe(argument.Value.ValueKind) + " but the schema wants " + TypeNames(property);
                        }
                    }
                }

                return null;
            }
        }

        /// <summary>As deep as the recording itself may nest.</summary>
        public const int MaxDepth = RecordingParser.MaxDepth;

        // Whether the text is valid JSON at any depth: a reader pass that keeps nothing, so it costs no stack.
        private static bool IsWellFormed(string json)
        {
            try
            {
                var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
                while (reader.Read())
                {
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static bool TypeAllows(JsonValue schema, JsonValue value)
        {
            JsonValue? type = schema.Member("type");
            if (type is { ValueKind: JsonValueKind.String } single)
            {
                return Allows(single.GetString()!, value);
            }

            if (type is { ValueKind: JsonValueKind.Array } several)
            {
                foreach (JsonValue name in several.EnumerateArray())
                {
                    if (name.ValueKind == JsonValueKind.String && Allows(name.GetString()!, value))
                    {
                        return true;
                    }
                }

                return false;
            }

            // No type (or anyOf, $ref...): nothing this check can hold against the value.
            return true;
        }

        private static bool Allows(string type, JsonValue value) => type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => true,
        };

        private static bool IsInteger(JsonValue value)
            => value.TryGetInt64(out _) || (value.TryGetDouble(out double number) && number == System.Math.Floor(number) && !double.IsInfinity(number));

        private static string TypeNames(JsonValue schema)
        {
            JsonValue? type = schema.Member("type");
            return type is { } value ? value.GetRawText() : "another type";
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
