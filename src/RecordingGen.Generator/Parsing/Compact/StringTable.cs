using System.Collections.Generic;
using System.Linq;
using System.Text;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing.Compact
{
    /// <summary>
    /// The distinct strings of one recording. API vocabulary (property names, roles, finish reasons...) is
    /// named from <see cref="WellKnownStrings"/> rather than stored; other short strings are packed into one
    /// literal; long ones (system prompts, tool descriptions) become literals of their own, which the
    /// compiler stores once per assembly however many recordings repeat them.
    /// </summary>
    internal sealed class StringTable
    {
        public const int LongStringLength = 256;

        /// <summary>
        /// Request-side strings this long (test ids, URLs, prompts, conversation history, tool descriptions) get
        /// literals of their own too: other recordings of the suite repeat them (every turn resends the earlier
        /// ones), and the compiler stores each distinct literal once. Response strings rarely repeat.
        /// </summary>
        public const int SharedStringLength = 24;

        private readonly HashSet<int> _shared = new HashSet<int>();

        /// <summary>While true, strings added are request-side: see <see cref="SharedStringLength"/>.</summary>
        public bool AddingRequest { get; set; }

        private static readonly Dictionary<string, int> WellKnown = BuildWellKnown();

        // Longer strings are not looked up: hashing a prompt only to miss costs as much as storing it.
        private static readonly int WellKnownMaxLength = WellKnownStrings.Items.Max(item => item.Length);

        private readonly Dictionary<string, int> _indices;

        /// <param name="capacity">About how many distinct strings to expect, so the table is not grown string by string.</param>
        public StringTable(int capacity = 16)
        {
            _indices = new Dictionary<string, int>(capacity, System.StringComparer.Ordinal);
            Strings = new List<string>(capacity);
        }

        public List<string> Strings { get; }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public int Add(string value)
        {
            if (!_indices.TryGetValue(value, out int index))
            {
                index = Strings.Count;
                _indices.Add(value, index);
                Strings.Add(value);
            }

            if (AddingRequest && value.Length >= SharedStringLength)
            {
                _shared.Add(index);
            }

            return index;
        }

        /// <summary>Writes the table's layout into <paramref name="program"/> and returns the packed and long literals.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public (string Packed, List<string> Long) WriteLayout(ProgramBuilder program)
        {
            var packed = new StringBuilder();
            var longStrings = new List<string>();
            program.Add(Strings.Count);
            for (int index = 0; index < Strings.Count; index++)
            {
                string value = Strings[index];
                if (value.Length <= WellKnownMaxLength && WellKnown.TryGetValue(value, out int wellKnown))
                {
                    program.Add((wellKnown << 2) | CompactFormat.EntryWellKnown);
                }
                else if (value.Length >= LongStringLength || _shared.Contains(index))
                {
                    program.Add((longStrings.Count << 2) | CompactFormat.EntryLong);
                    longStrings.Add(value);
                }
                else
                {
                    program.Add((value.Length << 2) | CompactFormat.EntryPacked);
                    packed.Append(value);
                }
            }

            return (TextPacking.Pack(packed.ToString()), longStrings.ConvertAll(TextPacking.Pack));
        }

        private static Dictionary<string, int> BuildWellKnown()
        {
            var indices = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (int i = 0; i < WellKnownStrings.Items.Length; i++)
            {
                indices.Add(WellKnownStrings.Items[i], i);
            }

            return indices;
        }
    }
}
