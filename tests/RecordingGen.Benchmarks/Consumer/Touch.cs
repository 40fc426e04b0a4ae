namespace RecordingGen.Benchmarks.Consumer
{
    /// <summary>Keeps the project a library with one type of its own, like a small test project.</summary>
    public static class Touch
    {
        public static int Count => Recordings.All.Count;
    }
}
