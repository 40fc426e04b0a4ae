using System;
using System.Collections.Generic;

namespace RecordingGen.Replay
{
    /// <summary>No recording matches a request: names the closest recording and how the two requests differ.</summary>
    public sealed class RecordingMismatchException : InvalidOperationException
    {
        internal RecordingMismatchException(string message, Recording? closest, IReadOnlyList<RequestDifference> differences)
            : base(message)
        {
            Closest = closest;
            Differences = differences;
        }

        /// <summary>The recording that came closest (same endpoint first, then fewest differences), or null when there was none to compare.</summary>
        public Recording? Closest { get; }

        /// <summary>How the request differs from <see cref="Closest"/>.</summary>
        public IReadOnlyList<RequestDifference> Differences { get; }
    }
}
