using System;
using System.Threading;

namespace RecordingGen
{
    /// <summary>
    /// The test that is running, as an ambient value: set it at the start of a test, and replay serves that
    /// test's recordings (recordings carry the <c>test_id</c> of the test that made them, as ogx writes it).
    /// The value flows into every async call the test makes and is separate for tests running in parallel.
    /// </summary>
    /// <example>
    /// <code>
    /// using (RecordingContext.BeginTest("tests/integration/test_chat.py::test_weather[gpt-4o]"))
    /// {
    ///     await client.CompleteChatAsync(messages);   // answered by that test's recording
    /// }
    /// </code>
    /// </example>
    public static class RecordingContext
    {
        private static readonly AsyncLocal<string?> Current = new AsyncLocal<string?>();

        /// <summary>The test id set by the innermost <see cref="BeginTest"/> still open here, or null.</summary>
        public static string? TestId => Current.Value;

        /// <summary>
        /// Sets the test id until the returned scope is disposed, which restores the one before. Call it from the
        /// test itself (not from inside an async helper that returns before the test's calls, whose change of
        /// the value would not reach its caller).
        /// </summary>
        public static IDisposable BeginTest(string testId)
        {
            if (string.IsNullOrEmpty(testId))
            {
                throw new ArgumentException("A test id is required.", nameof(testId));
            }

            var scope = new Scope(Current.Value);
            Current.Value = testId;
            return scope;
        }

        private sealed class Scope : IDisposable
        {
            private readonly string? _previous;
            private bool _disposed;

            public Scope(string? previous)
            {
                _previous = previous;
            }

            public void Dispose()
            {
                if (!_disposed)
                {
                    _disposed = true;
                    Current.Value = _previous;
                }
            }
        }
    }
}
