namespace RecordingGen
{
    /// <summary>What a <see cref="Record.RecordingHandler"/> does with a request (the environment variable <c>RECORDINGGEN_MODE</c> names it).</summary>
    public enum RecordingMode
    {
        /// <summary>Answer from the recordings; never touch the network. A miss throws <see cref="Replay.RecordingMismatchException"/>. (<c>replay</c>, the default.)</summary>
        Replay = 0,

        /// <summary>Call the real API for every request and write (overwrite) its recording. (<c>record</c>)</summary>
        Record = 1,

        /// <summary>Answer what the recordings have; call the real API for the rest and record it. (<c>record-if-missing</c>)</summary>
        RecordIfMissing = 2,

        /// <summary>Call the real API and write nothing. (<c>live</c>)</summary>
        Live = 3,
    }
}
