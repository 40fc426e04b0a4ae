using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Parsing.Json;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// Inputs crafted to make the generator's work grow faster than the input (issue #11, points 8 to 10) cost
    /// about what a benign input of the same size costs. Each test times both in the same run (the best of three)
    /// and bounds their ratio, so the check does not depend on the machine's speed: before the fixes these
    /// ratios were in the hundreds or thousands, and the bound is a small multiple.
    /// </summary>
    public sealed class HardeningCostTests
    {
        private const double Bound = 6.0;

        private readonly ITestOutputHelper _output;

        public HardeningCostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Hundreds_of_findings_in_a_long_conversation_cost_about_one_pass()
        {
            // A tool schema gained a required parameter: every call of a long history is flagged (RG0007).
            string flagged = Conversation(turns: 600, arguments: "{\"city\":\"Oslo\"}");
            string clean = Conversation(turns: 600, arguments: "{\"city\":\"Oslo\",\"unit\":\"C\"}");

            Assert.Equal(600, Parse(flagged).Diagnostics.Count(diagnostic => diagnostic.Descriptor.Id == "RG0007"));
            Assert.Empty(Parse(clean).Diagnostics);
            AssertRatio("600 RG0007 in " + (flagged.Length / 1024) + " KB", () => Parse(flagged), () => Parse(clean));
        }

        [Fact]
        public void Strings_crafted_to_share_a_hash_cost_about_as_much_as_other_strings()
        {
            List<string> colliding = CollidingStrings(10_000);
            var random = new Random(7);
            List<string> ordinary = Enumerable.Range(0, colliding.Count).Select(_ => new string(Enumerable.Range(0, 16).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray())).ToList();
            Assert.Single(colliding.Select(text => TextHash.Of(Encoding.UTF8.GetBytes(text))).Distinct());

            byte[] crafted = Encoding.UTF8.GetBytes("[\"" + string.Join("\",\"", colliding) + "\"]");
            byte[] benign = Encoding.UTF8.GetBytes("[\"" + string.Join("\",\"", ordinary) + "\"]");
            using (FlatJson document = FlatJson.Parse(crafted, 64))
            {
                Assert.True(document.UsesKeyedHash);
                Assert.Equal(colliding.Count, document.StringCount);
            }

            using (FlatJson document = FlatJson.Parse(benign, 64))
            {
                Assert.False(document.UsesKeyedHash);
            }

            AssertRatio("10,000 colliding strings", () => FlatJson.Parse(crafted, 64).Dispose(), () => FlatJson.Parse(benign, 64).Dispose());
        }

        [Fact]
        public void Thousands_of_tools_of_one_name_and_undeclared_calls_cost_about_as_much_as_distinct_ones()
        {
            string sameName = ManyTools(30_000, index => "lookup", calls: 2_000, called: "missing_tool");
            string distinct = ManyTools(30_000, index => "lookup_" + index.ToString(CultureInfo.InvariantCulture), calls: 2_000, called: "lookup_1");

            GeneratorOutput output = GeneratorHarness.Run(new[] { GeneratorHarness.File("recordings/same.json", sameName) });
            Assert.Equal(2_000, output.GeneratorDiagnostics.Count(diagnostic => diagnostic.Id == "RG0006"));
            Assert.Contains("public global::RecordingGen.ToolDefinition Lookup30000 =>", string.Concat(output.Sources.Select(source => source.SourceText.ToString())));
            AssertRatio("30,000 tools of one name, 2,000 undeclared calls", () => Generate(sameName), () => Generate(distinct));
        }

        private void AssertRatio(string what, Action adversarial, Action benign)
        {
            double crafted = Best(adversarial);
            double ordinary = Best(benign);
            double ratio = crafted / ordinary;
            _output.WriteLine(what + ": " + crafted.ToString("0.0", CultureInfo.InvariantCulture) + " ms against " + ordinary.ToString("0.0", CultureInfo.InvariantCulture) + " ms, ratio " + ratio.ToString("0.00", CultureInfo.InvariantCulture));
            Assert.True(ratio < Bound, what + " took " + ratio.ToString("0.0", CultureInfo.InvariantCulture) + " times as long as the benign input of its size");
        }

        private static double Best(Action action)
        {
            action();
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        private static ParseResult Parse(string json)
            => RecordingParser.Parse(new InMemoryAdditionalText("/project/recordings/case.json", json), new GeneratorOptions("/project"), CancellationToken.None);

        private static void Generate(string json)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.File("recordings/case.json", json) });
            driver.RunGenerators(GeneratorHarness.CreateCompilation());
        }

        private static string Conversation(int turns, string arguments)
        {
            var messages = new JsonArray(TestRecordings.User("Plan my trip."));
            string filler = new string('x', 2_000);
            for (int i = 0; i < turns; i++)
            {
                string id = "call_" + i.ToString(CultureInfo.InvariantCulture);
                messages.Add(TestRecordings.AssistantCall(id, "get_weather", arguments));
                messages.Add(TestRecordings.ToolAnswer(id, filler));
            }

            var tools = new JsonArray(TestRecordings.Tool("get_weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\"}},\"required\":[\"city\",\"unit\"]}"));
            return TestRecordings.Chat(messages, tools).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        }

        private static string ManyTools(int count, Func<int, string> name, int calls, string called)
        {
            var tools = new JsonArray();
            for (int i = 0; i < count; i++)
            {
                tools.Add(TestRecordings.Tool(name(i), "{\"type\":\"object\"}"));
            }

            JsonObject recording = TestRecordings.Chat(tools: tools);
            var toolCalls = new JsonArray();
            for (int i = 0; i < calls; i++)
            {
                toolCalls.Add(new JsonObject { ["id"] = "call_" + i.ToString(CultureInfo.InvariantCulture), ["type"] = "function", ["function"] = new JsonObject { ["name"] = called, ["arguments"] = "{}" } });
            }

            var message = (JsonObject)recording["response"]!["body"]!["__data__"]!["choices"]![0]!["message"]!;
            message["content"] = null;
            message["tool_calls"] = toolCalls;
            return recording.ToJsonString();
        }

        /// <summary>
        /// Sixteen printable characters each, all with one <see cref="TextHash"/> value: the second eight-byte
        /// word is solved from the state after the first, keeping the solutions whose bytes are printable.
        /// </summary>
        private static List<string> CollidingStrings(int count)
        {
            const ulong Multiplier = 0xFF51AFD7ED558CCDUL;
            ulong inverse = Multiplier;
            for (int i = 0; i < 5; i++)
            {
                inverse *= 2 - (Multiplier * inverse);
            }

            static ulong Mix(ulong state, ulong word)
            {
                ulong hash = (state ^ word) * Multiplier;
                return hash ^ (hash >> 29);
            }

            // Any fixed state after the second word gives one final hash; this one is where "0123456789abcdef" ends.
            ulong start = 0x9E3779B97F4A7C15UL ^ 16UL;
            ulong target = Mix(Mix(start, Word("01234567")), Word("89abcdef"));
            ulong unmixed = target ^ (target >> 29) ^ (target >> 58);
            ulong before = unmixed * inverse;

            var found = new List<string>(count);
            var first = new byte[8];
            var second = new byte[8];
            for (long n = 0; found.Count < count; n++)
            {
                long rest = n;
                for (int i = 0; i < 8; i++)
                {
                    first[i] = (byte)('a' + (rest % 26));
                    rest /= 26;
                }

                ulong afterFirst = Mix(start, BitConverter.ToUInt64(first, 0));
                ulong needed = before ^ afterFirst;
                bool printable = true;
                for (int i = 0; i < 8 && printable; i++)
                {
                    byte b = (byte)(needed >> (8 * i));
                    printable = b >= 0x20 && b < 0x7F && b != (byte)'"' && b != (byte)'\\';
                    second[i] = b;
                }

                if (printable)
                {
                    found.Add(Encoding.ASCII.GetString(first) + Encoding.ASCII.GetString(second));
                }
            }

            return found;
        }

        private static ulong Word(string eight) => BitConverter.ToUInt64(Encoding.ASCII.GetBytes(eight), 0);
    }
}
