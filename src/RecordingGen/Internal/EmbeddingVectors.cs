using System;
using System.Collections.Generic;
using System.Globalization;

namespace RecordingGen.Internal
{
    /// <summary>
    /// Turns the embedding vectors of a response body into floats straight from its compact tokens: an
    /// array of numbers (decimal tokens need no text at all) or a base64 string of little-endian floats.
    /// </summary>
    internal static class EmbeddingVectors
    {
        public static IReadOnlyList<ReadOnlyMemory<float>> Read(string[] strings, int[] tokens, int[] starts)
        {
            var vectors = new ReadOnlyMemory<float>[starts.Length];
            for (int i = 0; i < starts.Length; i++)
            {
                int token = tokens[starts[i]];
                vectors[i] = CompactFormat.KindOf(token) == CompactFormat.KindString
                    ? FromBase64(strings[CompactFormat.ValueOf(token)])
                    : FromNumbers(strings, tokens, starts[i]);
            }

            return vectors;
        }

        private static float[] FromNumbers(string[] strings, int[] tokens, int start)
        {
            var values = new List<float>();
            for (int i = start + 1; tokens[i] != CompactFormat.EndArray; i++)
            {
                int token = tokens[i];
                if (CompactFormat.IsDecimal(token))
                {
                    CompactFormat.DecodeDecimal(token, out bool negative, out int scale);
                    values.Add((float)CompactFormat.DecimalValue(negative, scale, tokens[++i]));
                }
                else
                {
                    values.Add((float)double.Parse(strings[CompactFormat.TextIndexOf(token)], NumberStyles.Float, CultureInfo.InvariantCulture));
                }
            }

            return values.ToArray();
        }

        private static float[] FromBase64(string text)
        {
            byte[] bytes = Convert.FromBase64String(text);
            var values = new float[bytes.Length / sizeof(float)];
            for (int i = 0; i < values.Length; i++)
            {
                if (!BitConverter.IsLittleEndian)
                {
                    Array.Reverse(bytes, i * sizeof(float), sizeof(float));
                }

                values[i] = BitConverter.ToSingle(bytes, i * sizeof(float));
            }

            return values;
        }
    }
}
