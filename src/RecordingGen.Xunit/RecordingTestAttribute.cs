using System;
using System.Reflection;
using System.Threading;
using Xunit.Sdk;

namespace RecordingGen.Xunit
{
    /// <summary>
    /// Runs the test with <see cref="RecordingContext.TestId"/> set, so a replay handler answers it from its own
    /// recordings: <c>[Fact, RecordingTest("tests/integration/test_chat.py::test_weather[gpt-4o]")]</c> for a
    /// recording made by another suite (its <c>test_id</c>), or <c>[Fact, RecordingTest]</c> for the test's own
    /// name (<c>Namespace.Class.Method</c>). On a class, it applies to each of its tests.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
    public sealed class RecordingTestAttribute : BeforeAfterTestAttribute
    {
        // The scope opened for the running test. xunit calls Before, the test and After in one flow of the test,
        // so the value set here is the one After finds, whichever tests run in parallel.
        private static readonly AsyncLocal<IDisposable?> OpenScope = new AsyncLocal<IDisposable?>();

        /// <summary>Uses the test method's full name (<c>Namespace.Class.Method</c>) as the test id.</summary>
        public RecordingTestAttribute()
        {
        }

        /// <summary>Uses <paramref name="testId"/>, such as the <c>test_id</c> of recordings made by another suite.</summary>
        public RecordingTestAttribute(string testId)
        {
            TestId = testId;
        }

        /// <summary>The test id given, or null for the test method's full name.</summary>
        public string? TestId { get; }

        /// <inheritdoc />
        public override void Before(MethodInfo methodUnderTest)
        {
            string testId = TestId ?? (methodUnderTest.DeclaringType?.FullName is { } type ? type + "." + methodUnderTest.Name : methodUnderTest.Name);
            OpenScope.Value = RecordingContext.BeginTest(testId);
        }

        /// <inheritdoc />
        public override void After(MethodInfo methodUnderTest)
        {
            OpenScope.Value?.Dispose();
            OpenScope.Value = null;
        }
    }
}
