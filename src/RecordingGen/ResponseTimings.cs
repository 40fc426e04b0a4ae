using System;

namespace RecordingGen
{
    /// <summary>The durations an Ollama native response reported (<c>total_duration</c>, <c>load_duration</c>...), in nanoseconds on the wire.</summary>
    public sealed class ResponseTimings
    {
        /// <summary>Creates timings from nanosecond counts. Generated fixtures create these; tests rarely need to.</summary>
        public ResponseTimings(long? totalNanoseconds, long? loadNanoseconds, long? promptEvaluationNanoseconds, long? evaluationNanoseconds)
        {
            TotalNanoseconds = totalNanoseconds;
            LoadNanoseconds = loadNanoseconds;
            PromptEvaluationNanoseconds = promptEvaluationNanoseconds;
            EvaluationNanoseconds = evaluationNanoseconds;
        }

        /// <summary><c>total_duration</c> in nanoseconds, or null.</summary>
        public long? TotalNanoseconds { get; }

        /// <summary><c>load_duration</c> in nanoseconds, or null.</summary>
        public long? LoadNanoseconds { get; }

        /// <summary><c>prompt_eval_duration</c> in nanoseconds, or null.</summary>
        public long? PromptEvaluationNanoseconds { get; }

        /// <summary><c>eval_duration</c> in nanoseconds, or null.</summary>
        public long? EvaluationNanoseconds { get; }

        /// <summary><see cref="TotalNanoseconds"/> as a TimeSpan (to 100 ns), or null.</summary>
        public TimeSpan? Total => ToTimeSpan(TotalNanoseconds);

        /// <summary><see cref="LoadNanoseconds"/> as a TimeSpan (to 100 ns), or null.</summary>
        public TimeSpan? Load => ToTimeSpan(LoadNanoseconds);

        /// <summary><see cref="PromptEvaluationNanoseconds"/> as a TimeSpan (to 100 ns), or null.</summary>
        public TimeSpan? PromptEvaluation => ToTimeSpan(PromptEvaluationNanoseconds);

        /// <summary><see cref="EvaluationNanoseconds"/> as a TimeSpan (to 100 ns), or null.</summary>
        public TimeSpan? Evaluation => ToTimeSpan(EvaluationNanoseconds);

        private static TimeSpan? ToTimeSpan(long? nanoseconds) => nanoseconds is { } value ? TimeSpan.FromTicks(value / 100) : null;
    }
}
