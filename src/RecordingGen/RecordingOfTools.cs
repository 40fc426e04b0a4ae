using System;

namespace RecordingGen
{
    /// <summary>
    /// A recording whose request offered tools, each a member of <see cref="Tools"/> (generated per recording):
    /// <c>Recordings.Agents.Weather.Tools.GetWeather</c> is a <see cref="ToolDefinition"/>, and a test that names
    /// a tool the recording no longer offers does not compile.
    /// </summary>
    /// <typeparam name="TTools">The generated class whose members are the tools.</typeparam>
    public sealed class Recording<TTools> : Recording
        where TTools : class
    {
        /// <summary>Creates a recording with tools. Generated fixtures create these.</summary>
        public Recording(string sourcePath, string? testId, RecordedRequest request, RecordedResponse response, RecordingFormat format, Func<Recording, TTools> tools)
            : base(sourcePath, testId, request, response, format)
        {
            if (tools is null)
            {
                throw new ArgumentNullException(nameof(tools));
            }

            Tools = tools(this);
        }

        /// <summary>The tools the request offered, by name.</summary>
        public TTools Tools { get; }
    }
}
