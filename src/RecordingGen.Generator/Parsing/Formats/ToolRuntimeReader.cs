using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// Tool-runtime recordings (a tool invoked by the server, no HTTP endpoint): the request names the tool and
    /// its <c>kwargs</c>; the <c>ToolInvocationResult</c> carries the content, or an error message.
    /// </summary>
    internal static class ToolRuntimeReader
    {
        public static bool IsToolRuntime(JsonValue request, string? responseType)
            => (request.Member("tool_name").String() is not null && request.Member("endpoint") is null)
               || (responseType is not null && responseType.EndsWith(".ToolInvocationResult", System.StringComparison.Ordinal));

        public static void ReadRequest(JsonValue element, RequestShape request)
        {
            if (element.Member("tool_name").String() is { } name)
            {
                request.ToolInvocation = new ToolCallShape
                {
                    Path = JsonPath.Root["request"],
                    Name = name,
                    Arguments = element.Member("kwargs") is { } kwargs ? kwargs.CompactText() : "{}",
                };
            }
        }

        public static void ReadResponse(JsonValue request, ResponseShape response)
        {
            JsonValue? result = response.Body;
            JsonValue? content = result.Member("content");
            if (content.String() is { } text)
            {
                response.Text = text;
            }
            else if (content.Array() is { } items)
            {
                response.Text = JsonRead.JoinLines(items, item => ((JsonValue?)item).Member("text").String()) ?? string.Empty;
            }

            if (result.Member("error_message").String() is { } message)
            {
                response.Error = new ErrorShape
                {
                    Category = "tool_runtime",
                    Provider = request.Member("provider").String(),
                    Message = message,
                    StatusCode = result.Member("error_code").Int(),
                };
            }
        }
    }
}
