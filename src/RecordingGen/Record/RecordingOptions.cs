using System;

namespace RecordingGen.Record
{
    /// <summary>How a <see cref="RecordingHandler"/> records: the mode, where files go, and what is rewritten before writing.</summary>
    public sealed class RecordingOptions
    {
        /// <summary>The environment variable that chooses the mode: <c>replay</c> (default), <c>record</c>, <c>record-if-missing</c>, <c>live</c>.</summary>
        public const string ModeVariable = "RECORDINGGEN_MODE";

        /// <summary>The mode; by default the one <see cref="ModeVariable"/> names.</summary>
        public RecordingMode Mode { get; set; } = ModeFromEnvironment();

        /// <summary>
        /// The folder recordings are written to (created when missing), for example the test project's <c>recordings</c>
        /// folder, which the project gives the generator as additional files. Required to record.
        /// </summary>
        public string? Directory { get; set; }

        /// <summary>
        /// Rewrites any string before it is written: called with the value's place in the file (for example
        /// <c>request.body.messages[0].content</c>, <c>response.body[3]</c>, <c>request.url</c>) and the value; returns the value to write.
        /// Headers are never written and API keys in the URL's query are removed whatever this does.
        /// </summary>
        public Func<string, string, string>? Scrub { get; set; }

        /// <summary>The mode <see cref="ModeVariable"/> names, <see cref="RecordingMode.Replay"/> when it is unset.</summary>
        /// <exception cref="ArgumentException">The variable holds something else than the four mode names.</exception>
        public static RecordingMode ModeFromEnvironment() => ParseMode(Environment.GetEnvironmentVariable(ModeVariable));

        /// <summary>Reads a mode name as the environment variable spells it (case does not matter; <c>null</c> or empty is replay).</summary>
        public static RecordingMode ParseMode(string? text)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case null:
                case "":
                case "replay":
                    return RecordingMode.Replay;
                case "record":
                    return RecordingMode.Record;
                case "record-if-missing":
                    return RecordingMode.RecordIfMissing;
                case "live":
                    return RecordingMode.Live;
                default:
                    throw new ArgumentException(ModeVariable + " is '" + text + "'; it takes replay, record, record-if-missing or live.", nameof(text));
            }
        }
    }
}
