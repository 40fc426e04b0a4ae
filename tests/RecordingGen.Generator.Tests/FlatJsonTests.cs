using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// FlatJson, the generator's reader, walked side by side with System.Text.Json's JsonDocument: every
    /// value's kind, string, raw text, numbers and members must agree, and bad input must fail the same way.
    /// </summary>
    public sealed class FlatJsonTests
    {
        public static IEnumerable<object[]> Texts()
        {
            yield return new object[] { "{\"a\": 1, \"b\": [true, false, null, -0, 0.5, 1e3, -12, 12345678901, 1.0000001e-7], \"c\": {}}" };
            yield return new object[] { "{\"esc\\u0041ped\": \"tab\\tquote\\\"slash\\/uni\\u00e9\\ud83d\\ude00\", \"plain\": \"é😀\"}" };
            yield return new object[] { "{\"dup\": 1, \"x\": [], \"dup\": 2}" };
            yield return new object[] { "[[[]], [{}], \"\", \"a\", \"a\", 0, 0.0, -1, 2147483648, -2147483648]" };
            yield return new object[] { "\"just a string\"" };
            yield return new object[] { " \r\n 42 \r\n" };

            // Far more tokens than the first arrays hold (one per eight bytes): they grow at container ends too.
            yield return new object[] { "[" + string.Join(",", Enumerable.Repeat("[]", 3000)) + "]" };
            yield return new object[] { "{" + string.Join(",", Enumerable.Range(0, 2000).Select(i => "\"" + (i % 7) + "\":{}")) + "}" };
        }

        [Theory]
        [MemberData(nameof(Texts))]
        public void Agrees_with_JsonDocument(string json)
        {
            AssertSame(json);
        }

        [Fact]
        public void Agrees_with_JsonDocument_on_every_own_recording()
        {
            string[] files = Directory.GetFiles(TestPaths.OwnRecordings, "*.json", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            foreach (string file in files)
            {
                AssertSame(File.ReadAllText(file));
            }
        }

        [SharedRecordingsFact]
        public void Agrees_with_JsonDocument_on_every_shared_recording()
        {
            string[] files = Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            foreach (string file in files)
            {
                AssertSame(File.ReadAllText(file));
            }
        }

        [Fact]
        public void A_lone_surrogate_escape_decodes_to_that_character()
        {
            using FlatJson document = FlatJson.Parse("{\"cut\": \"a\\ud83d\"}", 64);

            Assert.Equal("a\ud83d", document.Root.GetProperty("cut").GetString());
            Assert.Throws<InvalidOperationException>(() => JsonDocument.Parse("{\"cut\": \"a\\ud83d\"}").RootElement.GetProperty("cut").GetString());
        }

        [Fact]
        public void The_last_of_duplicate_names_wins_as_in_JsonDocument()
        {
            using FlatJson document = FlatJson.Parse("{\"dup\": 1, \"dup\": 2}", 64);

            Assert.True(document.Root.GetProperty("dup").TryGetInt32(out int value));
            Assert.Equal(2, value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("{\"a\": 1,}")]
        [InlineData("{} {}")]
        [InlineData("[1 2]")]
        [InlineData("{\"a\": tru}")]
        [InlineData("[[[[[[[[[[1]]]]]]]]]]")]
        public void Bad_json_fails_where_and_as_JsonDocument_fails(string json)
        {
            JsonException expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 }).Dispose());
            JsonException actual = Assert.ThrowsAny<JsonException>(() => FlatJson.Parse(json, 8).Dispose());

            Assert.Equal(expected.Message, actual.Message);
            Assert.Equal(expected.LineNumber, actual.LineNumber);
            Assert.Equal(expected.BytePositionInLine, actual.BytePositionInLine);
        }

        [Fact]
        public void A_lone_surrogate_in_the_text_itself_is_an_argument_exception_as_in_JsonDocument()
        {
            string json = "{\"a\": \"\ud800\"}";

            Assert.ThrowsAny<ArgumentException>(() => JsonDocument.Parse(json).Dispose());
            Assert.ThrowsAny<ArgumentException>(() => FlatJson.Parse(json, 64).Dispose());
        }

        private static void AssertSame(string json)
        {
            using JsonDocument expected = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = RecordingParser.MaxDepth });
            using FlatJson actual = FlatJson.Parse(Encoding.UTF8.GetBytes(json), RecordingParser.MaxDepth);
            int values = Compare(expected.RootElement, actual.Root, "$");
            Assert.True(values > 0);
        }

        private static string? TryGetString(JsonElement element)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private static int Compare(JsonElement expected, JsonValue actual, string path)
        {
            Assert.True(expected.ValueKind == actual.ValueKind, path + ": " + expected.ValueKind + " vs " + actual.ValueKind);
            Assert.True(expected.GetRawText() == actual.GetRawText(), path + ": raw text differs");
            int values = 1;
            switch (expected.ValueKind)
            {
                case JsonValueKind.Object:
                    List<JsonProperty> members = expected.EnumerateObject().ToList();
                    List<JsonMember> actualMembers = actual.EnumerateObject().ToList();
                    Assert.Equal(members.Select(member => member.Name), actualMembers.Select(member => member.Name));
                    for (int i = 0; i < members.Count; i++)
                    {
                        values += Compare(members[i].Value, actualMembers[i].Value, path + "." + members[i].Name);
                        Assert.True(actual.TryGetProperty(members[i].Name, out JsonValue byName), path + ": no " + members[i].Name);
                        Assert.Equal(expected.GetProperty(members[i].Name).GetRawText(), byName.GetRawText());
                    }

                    Assert.False(actual.TryGetProperty("\u0001absent", out _));
                    break;
                case JsonValueKind.Array:
                    List<JsonElement> items = expected.EnumerateArray().ToList();
                    Assert.Equal(items.Count, actual.GetArrayLength());
                    int index = 0;
                    foreach (JsonValue item in actual.EnumerateArray())
                    {
                        values += Compare(items[index], item, path + "[" + index + "]");
                        index++;
                    }

                    break;
                case JsonValueKind.String:
                    if (TryGetString(expected) is { } text)
                    {
                        Assert.Equal(text, actual.GetString());
                    }
                    else
                    {
                        // JsonDocument refuses a lone surrogate escape; FlatJson keeps the character.
                        Assert.Contains(actual.GetString()!, c => char.IsSurrogate(c));
                    }

                    break;
                case JsonValueKind.Number:
                    Assert.Equal(expected.TryGetInt32(out int expectedInt), actual.TryGetInt32(out int actualInt));
                    Assert.Equal(expectedInt, actualInt);
                    Assert.Equal(expected.TryGetInt64(out long expectedLong), actual.TryGetInt64(out long actualLong));
                    Assert.Equal(expectedLong, actualLong);
                    Assert.Equal(expected.TryGetDouble(out double expectedDouble), actual.TryGetDouble(out double actualDouble));
                    Assert.Equal(expectedDouble, actualDouble);
                    break;
            }

            return values;
        }
    }
}
