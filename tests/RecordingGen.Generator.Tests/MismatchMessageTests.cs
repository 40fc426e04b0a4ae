using System.Linq;
using System.Text.Json.Nodes;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Replay;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>A miss says what differs (issue #12): the closest recording by how much differs, in the request's order, strings shown where they differ.</summary>
    public sealed class MismatchMessageTests
    {
        private const string Chat = "/v1/chat/completions";

        [Fact]
        public void A_missing_tools_array_weighs_its_tools_so_a_one_value_difference_is_closer()
        {
            var tools = new JsonArray(TestRecordings.Tool("get_weather"), TestRecordings.Tool("get_time"), TestRecordings.Tool("get_news"));
            JsonObject withTools = TestRecordings.Chat(tools: tools);
            JsonObject otherTemperature = TestRecordings.Chat();
            otherTemperature["request"]!["body"]!["temperature"] = 0.2;
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("a_with_tools", withTools.ToJsonString())!, Generated.FromJson("b_other_temperature", otherTemperature.ToJsonString())! });

            JsonObject sent = TestRecordings.Chat();
            sent["request"]!["body"]!["temperature"] = 0.7;
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", Chat, sent["request"]!["body"]!.ToJsonString()));

            Assert.Equal("recordings/b_other_temperature.json", miss.Closest!.SourcePath);
            Assert.Equal("temperature", Assert.Single(miss.Differences).Path);
        }

        [Fact]
        public void Differences_are_listed_in_the_order_of_the_request()
        {
            JsonObject recorded = TestRecordings.Chat();
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("chat", recorded.ToJsonString())! });

            string sent = "{\"top_p\":0.5,\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"}],\"max_tokens\":10}";
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", Chat, sent));

            Assert.Equal(new[] { "top_p", "max_tokens" }, miss.Differences.Select(difference => difference.Path));
        }

        [Fact]
        public void Tools_pair_up_by_name_and_are_numbered_as_the_request_sends_them()
        {
            JsonObject recorded = TestRecordings.Chat(tools: new JsonArray(TestRecordings.Tool("get_weather"), TestRecordings.Tool("get_time"), TestRecordings.Tool("get_stock")));
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("chat", recorded.ToJsonString())! });

            JsonObject sent = TestRecordings.Chat(tools: new JsonArray(
                TestRecordings.Tool("get_news"),
                TestRecordings.Tool("get_time", "{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}"),
                TestRecordings.Tool("get_weather")));
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", Chat, sent["request"]!["body"]!.ToJsonString()));

            // get_weather, third in the request and first in the recording, pairs with itself and differs in nothing.
            Assert.Equal(
                new[] { "tools[0]", "tools[1].function.parameters.properties.zone", "tools[1].function.parameters.properties.city", "tools[1].function.parameters.required", "tools[recorded get_stock]" },
                miss.Differences.Select(difference => difference.Path));
            Assert.Null(miss.Differences[0].Recorded);
            Assert.Contains("get_news", miss.Differences[0].Incoming, System.StringComparison.Ordinal);
            Assert.Null(miss.Differences[4].Incoming);
        }

        [Theory]
        [InlineData("hello", "hello ", "\"hello\"", "\"hello \"")]
        [InlineData("a\nb", "a\r\nb", "\"a\\nb\"", "\"a\\r\\nb\"")]
        public void Strings_that_differ_only_in_white_space_do_not_look_the_same(string recordedText, string sentText, string recordedShown, string sentShown)
        {
            RequestDifference difference = ContentDifference(recordedText, sentText);

            Assert.Equal(recordedShown, difference.Recorded);
            Assert.Equal(sentShown, difference.Incoming);
        }

        [Fact]
        public void A_long_string_shows_the_region_around_its_first_difference()
        {
            string common = string.Concat(Enumerable.Range(0, 60).Select(i => "word" + i + " "));
            RequestDifference difference = ContentDifference(common + "recorded ending", common + "different ending");

            int first = common.Length;
            Assert.StartsWith("\"...", difference.Recorded);
            Assert.Contains("recorded ending\" (from character " + (first - 30) + ")", difference.Recorded);
            Assert.Contains("different ending\" (from character " + (first - 30) + ")", difference.Incoming);
            Assert.True(difference.Recorded!.Length < 140);
        }

        private static RequestDifference ContentDifference(string recordedText, string sentText)
        {
            JsonObject recorded = TestRecordings.Chat(new JsonArray(TestRecordings.User(recordedText)));
            var handler = new RecordingReplayHandler(new[] { Generated.FromJson("chat", recorded.ToJsonString())! });
            JsonObject sent = TestRecordings.Chat(new JsonArray(TestRecordings.User(sentText)));

            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", Chat, sent["request"]!["body"]!.ToJsonString()));
            RequestDifference difference = Assert.Single(miss.Differences);
            Assert.Equal("messages[0].content", difference.Path);
            return difference;
        }
    }
}
