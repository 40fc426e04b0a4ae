// The layout of the embedded resource that holds a project's recordings when the data is kept out of the C#
// (RecordingGenDataResource, the default with the package's build targets). The package's build task writes it
// (with the generator's own parser and encoder) and the fixture library reads it; the generator emits only the
// typed facade, which names each recording by its index in this resource.
//
// Little-endian throughout:
//   int32 Magic, int32 Version, uint64 fingerprint (of every recording's path and data, in order), int32 count of
//   recordings, int32 count of strings;
//   int32 record offsets[recordings + 1], int32 string offsets[strings + 1] (from the start of the resource; each
//   table's last entry is where its last item ends);
//   per recording, sorted by SourcePath (ordinal), int32 string numbers: its SourcePath, then its request and its
//   response part, each a program, its packed strings, and its long strings (a count, -1 for none, then each);
//   then the strings, each once however many recordings use it (as the compiler stores identical literals once): a
//   response recorded again, or a conversation history every turn resends, costs its bytes one time. A string is its
//   UTF-16 code units as they are: the compact format's programs are CJK digits, so UTF-16 is the smaller encoding.
namespace RecordingGen.Internal
{
    internal static class DataResourceFormat
    {
        /// <summary>The manifest resource name of the data in the test project's assembly.</summary>
        public const string ResourceName = "RecordingGen.Recordings.data";

        /// <summary>"RGD1".</summary>
        public const int Magic = 0x31444752;

        /// <summary>Bumped whenever this layout changes; the reader rejects other versions.</summary>
        public const int Version = 2;

        /// <summary>Magic, version, fingerprint and the two counts.</summary>
        public const int HeaderLength = 24;

        /// <summary>Marks a part without long strings.</summary>
        public const int NoLongStrings = -1;
    }
}
