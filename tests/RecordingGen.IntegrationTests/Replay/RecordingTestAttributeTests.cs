using System.Threading.Tasks;
using RecordingGen.Replay;
using RecordingGen.Xunit;
using Xunit;

namespace RecordingGen.IntegrationTests.Replay
{
    /// <summary>The xunit adapter sets the current test id for the whole test, async continuations included, and replay follows it.</summary>
    public sealed class RecordingTestAttributeTests
    {
        private const string RecordedTestId = "tests/integration/inference/test_tools.py::test_tool_call_after_history[txt=openai/gpt-4o-mini]";

        [Fact]
        [RecordingTest(RecordedTestId)]
        public async Task The_given_test_id_holds_for_the_whole_test_and_replay_serves_its_recording()
        {
            Assert.Equal(RecordedTestId, RecordingContext.TestId);
            await Task.Yield();
            Assert.Equal(RecordedTestId, RecordingContext.TestId);

            Recording recording = Recordings.OpenaiChat.ToolCallAfterHistory;
            var handler = new RecordingReplayHandler(Recordings.All);
            Assert.Same(recording, handler.Match("POST", "/v1/chat/completions", recording.Request.BodyJson));
        }

        [Fact]
        [RecordingTest]
        public void Without_an_id_it_is_the_test_methods_full_name_and_other_tests_recordings_do_not_answer()
        {
            Assert.Equal(typeof(RecordingTestAttributeTests).FullName + "." + nameof(Without_an_id_it_is_the_test_methods_full_name_and_other_tests_recordings_do_not_answer), RecordingContext.TestId);

            Recording recording = Recordings.OpenaiChat.ToolCallAfterHistory;
            var handler = new RecordingReplayHandler(Recordings.All);
            RecordingMismatchException miss = Assert.Throws<RecordingMismatchException>(() => handler.Match("POST", "/v1/chat/completions", recording.Request.BodyJson));
            Assert.Contains("Another test recorded this request", miss.Message);
        }

        [Fact]
        public void A_test_without_the_attribute_has_no_test_id()
        {
            Assert.Null(RecordingContext.TestId);
        }
    }
}
