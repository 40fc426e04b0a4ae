using System.Collections.Generic;
using System.Linq;

namespace RecordingGen.Generator.Parsing
{
    /// <summary>Where a value sits in a recording: property names and array indexes from the root.</summary>
    internal sealed class JsonPath
    {
        public static readonly JsonPath Root = new JsonPath(new object[0]);

        private JsonPath(object[] segments)
        {
            Segments = segments;
        }

        public IReadOnlyList<object> Segments { get; }

        public JsonPath this[string property] => new JsonPath(Segments.Append(property).ToArray());

        public JsonPath this[int index] => new JsonPath(Segments.Append(index).ToArray());

        public override string ToString()
            => string.Concat(Segments.Select(segment => segment is int index ? "[" + index + "]" : "." + segment)).TrimStart('.');
    }
}
