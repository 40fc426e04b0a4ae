using System.Collections.Generic;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>The models of a model list: OpenAI's list of <c>Model</c> objects, or Ollama's <c>{"models": [...]}</c>.</summary>
    internal static class ModelListReader
    {
        public const string OpenAIModelType = "openai.types.model.Model";

        private static readonly HashSet<string> OllamaListTypes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "ollama._types.ListResponse",
            "ollama._types.ProcessResponse",
        };

        public static bool IsModelList(string? endpoint, string? type)
            => type == OpenAIModelType || (type is not null && OllamaListTypes.Contains(type))
               || (endpoint is not null && (endpoint.EndsWith("/models", System.StringComparison.Ordinal) || endpoint == "/api/tags" || endpoint == "/api/ps"));

        public static void Read(ResponseShape response)
        {
            if (response.BodyItems is { } items)
            {
                foreach (JsonValue item in items)
                {
                    Add(response, item, idMember: "id");
                }
            }
            else if (response.Body.Member("models").Array() is { } models)
            {
                foreach (JsonValue item in models.EnumerateArray())
                {
                    Add(response, item, idMember: "model");
                }
            }
        }

        private static void Add(ResponseShape response, JsonValue item, string idMember)
        {
            string? id = item.Member(idMember).String() ?? item.Member("name").String();
            if (id is null)
            {
                return;
            }

            JsonValue? created = item.Member("created");
            response.Models.Add(new ModelShape
            {
                Id = id,
                OwnedBy = item.Member("owned_by").String(),
                Created = created is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out long seconds)
                    ? seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : null,
            });
        }
    }
}
