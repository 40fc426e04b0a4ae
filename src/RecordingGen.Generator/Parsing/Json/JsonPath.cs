using System.Collections.Generic;
using System.Linq;

namespace RecordingGen.Generator.Parsing.Json
{
    /// <summary>
    /// Where a value sits in a recording: property names and array indexes from the root. Every chunk and
    /// message gets one while parsing and almost none is ever read (only a diagnostic reads it), so a path is
    /// its parent and one segment, and the list of segments is built on demand.
    /// </summary>
    internal sealed class JsonPath
    {
        public static readonly JsonPath Root = new JsonPath(null, null);

        private readonly JsonPath? _parent;
        private readonly object? _segment;

        private JsonPath(JsonPath? parent, object? segment)
        {
            _parent = parent;
            _segment = segment;
        }

        public IReadOnlyList<object> Segments
        {
            get
            {
                var segments = new List<object>();
                for (JsonPath? path = this; path?._segment is { } segment; path = path._parent)
                {
                    segments.Add(segment);
                }

                segments.Reverse();
                return segments;
            }
        }

        public JsonPath this[string property] => new JsonPath(this, property);

        public JsonPath this[int index] => new JsonPath(this, index);

        public override string ToString()
            => string.Concat(Segments.Select(segment => segment is int index ? "[" + index + "]" : "." + segment)).TrimStart('.');
    }
}
