using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing.Json;

namespace RecordingGen.Generator.Parsing.Formats
{
    /// <summary>
    /// HTTP pass-through recordings of streams keep the raw server-sent-event lines (<c>event: ...</c>,
    /// <c>data: ...</c>, blank separators). This groups them into one chunk per event, with the event name
    /// and the data as JSON, or as text when it is not JSON (<c>[DONE]</c>).
    /// </summary>
    internal static class SseReader
    {
        /// <summary>Whether a streamed body is SSE lines rather than chunk objects.</summary>
        public static bool IsSseLines(JsonValue items)
        {
            foreach (JsonValue item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return false;
                }
            }

            return items.GetArrayLength() > 0;
        }

        public static void Read(JsonValue items, JsonPath itemsPath, ResponseShape response)
        {
            string? eventName = null;
            StringBuilder? data = null;
            int firstLine = -1;
            int index = 0;
            foreach (JsonValue item in items.EnumerateArray())
            {
                foreach (string line in item.GetString()!.Split('\n'))
                {
                    string field = line.TrimEnd('\r');
                    if (field.Length == 0)
                    {
                        Dispatch(response, ref eventName, ref data, itemsPath[firstLine < 0 ? index : firstLine]);
                        firstLine = -1;
                        continue;
                    }

                    if (field[0] == ':')
                    {
                        continue;
                    }

                    firstLine = firstLine < 0 ? index : firstLine;
                    int colon = field.IndexOf(':');
                    string name = colon < 0 ? field : field.Substring(0, colon);
                    string value = colon < 0 ? string.Empty : field.Substring(colon + 1);
                    value = value.StartsWith(" ", StringComparison.Ordinal) ? value.Substring(1) : value;
                    if (name == "event")
                    {
                        eventName = value;
                    }
                    else if (name == "data")
                    {
                        data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                    }
                }

                index++;
            }

            Dispatch(response, ref eventName, ref data, itemsPath[firstLine < 0 ? Math.Max(0, index - 1) : firstLine]);
        }

        private static void Dispatch(ResponseShape response, ref string? eventName, ref StringBuilder? data, JsonPath path)
        {
            if (eventName is null && data is null)
            {
                return;
            }

            string text = data?.ToString() ?? string.Empty;
            JsonValue? json = Parse(text, response.OwnedDocuments);
            response.Chunks.Add(new ChunkShape(json, path) { EventName = eventName, RawData = json is null ? text : null });
            eventName = null;
            data = null;
        }

        private static JsonValue? Parse(string text, List<FlatJson> owned)
        {
            if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
            {
                return null;
            }

            try
            {
                FlatJson document = FlatJson.Parse(text, RecordingParser.MaxDepth);
                owned.Add(document);
                return document.Root;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (ArgumentException)
            {
                // A lone surrogate cannot be transcoded for the reader; the event keeps its text.
                return null;
            }
        }
    }
}
