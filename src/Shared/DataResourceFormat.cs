// The layout of the embedded resource that holds a project's recordings when the data is kept out of the C#
// (RecordingGenDataResource, the default with the package's build targets). The package's build task writes it
// (with the generator's own parser and encoder) and the fixture library reads it; the generator emits only the
// typed facade, which names each recording by its index in this resource.
//
// Little-endian throughout:
//   int32 Magic, int32 Version, uint64 fingerprint (of every recording's path and data, in order), int32 count,
//   int32 offsets[count + 1] (from the start of the resource; the last is the end of the last record),
//   then per recording, sorted by SourcePath (ordinal): its SourcePath, then its request and its response part,
//   each a program, its packed strings, and its long strings (int32 count, -1 for none, then the strings).
//   A string is int32 UTF-16 length and its UTF-16 code units: the strings of the compact format (CompactFormat),
//   whose programs are CJK digits, so UTF-16 is also the smaller encoding.
namespace RecordingGen.Internal
{
    internal static class DataResourceFormat
    {
        /// <summary>The manifest resource name of the data in the test project's assembly.</summary>
        public const string ResourceName = "RecordingGen.Recordings.data";

        /// <summary>"RGD1".</summary>
        public const int Magic = 0x31444752;

        /// <summary>Bumped whenever this layout changes; the reader rejects other versions.</summary>
        public const int Version = 1;

        /// <summary>Magic, version, fingerprint and count.</summary>
        public const int HeaderLength = 20;

        /// <summary>Marks a part without long strings.</summary>
        public const int NoLongStrings = -1;
    }
}
