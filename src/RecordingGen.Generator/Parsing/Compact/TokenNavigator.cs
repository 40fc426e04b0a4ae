using System.Collections.Generic;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing.Compact
{
    /// <summary>Finds a value inside encoded JSON tokens by property names and array indices, so data can point into a body instead of repeating it.</summary>
    internal static class TokenNavigator
    {
        /// <summary>The offset of the value at <paramref name="path"/> (strings are property names, ints array indices), or null.</summary>
        public static int? Find(List<int> tokens, StringTable table, object[] path)
        {
            int position = 0;
            foreach (object segment in path)
            {
                if (position >= tokens.Count)
                {
                    return null;
                }

                int container = tokens[position];
                position++;
                int index = 0;
                while (true)
                {
                    if (position >= tokens.Count || tokens[position] == CompactFormat.EndObject || tokens[position] == CompactFormat.EndArray)
                    {
                        return null;
                    }

                    if (container == CompactFormat.StartObject)
                    {
                        int name = tokens[position++];
                        if (segment is string wanted && table.Strings[CompactFormat.ValueOf(name)] == wanted)
                        {
                            break;
                        }
                    }
                    else if (container == CompactFormat.StartArray)
                    {
                        if (segment is int wanted && wanted == index++)
                        {
                            break;
                        }
                    }
                    else
                    {
                        return null;
                    }

                    position = Skip(tokens, position);
                }
            }

            return position;
        }

        /// <summary>The position after the value starting at <paramref name="position"/>.</summary>
        private static int Skip(List<int> tokens, int position)
        {
            int depth = 0;
            do
            {
                int token = tokens[position++];
                if (token == CompactFormat.StartObject || token == CompactFormat.StartArray)
                {
                    depth++;
                }
                else if (token == CompactFormat.EndObject || token == CompactFormat.EndArray)
                {
                    depth--;
                }
                else if (CompactFormat.KindOf(token) == CompactFormat.KindNumber && CompactFormat.IsDecimal(token))
                {
                    position++;
                }
            }
            while (depth > 0);
            return position;
        }
    }
}
