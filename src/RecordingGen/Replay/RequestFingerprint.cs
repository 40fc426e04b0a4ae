using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RecordingGen.Replay
{
    /// <summary>
    /// A 64-bit hash of a normalized request body that ignores exactly what matching ignores: the order of keys,
    /// the spelling of numbers, and the tolerated top-level options. Two bodies without a decisive difference
    /// therefore have one fingerprint, and the handler finds the recordings that can answer a request by it,
    /// whatever their number; the comparison itself still decides.
    /// </summary>
    internal static class RequestFingerprint
    {
        private const ulong Prime = 0x100000001B3UL;

        public static long Of(JsonTree? body)
        {
            ulong hash = 0xCBF29CE484222325UL;
            Add(ref hash, body, topLevel: true);
            return (long)hash;
        }

        private static void Add(ref ulong hash, JsonTree? value, bool topLevel)
        {
            if (value is null)
            {
                Mix(ref hash, 'x');
                return;
            }

            switch (value.Kind)
            {
                case JsonValueKind.Object:
                    Mix(ref hash, '{');

                    // As the comparison reads them: each name once (its first value), in ordinal order.
                    var names = new SortedSet<string>(StringComparer.Ordinal);
                    foreach (KeyValuePair<string, JsonTree> property in value.Properties)
                    {
                        if (!(topLevel && RequestDifference.TolerantKeys.Contains(property.Key)))
                        {
                            names.Add(property.Key);
                        }
                    }

                    foreach (string name in names)
                    {
                        Mix(ref hash, name);
                        Add(ref hash, value.Get(name), topLevel: false);
                    }

                    Mix(ref hash, '}');
                    break;
                case JsonValueKind.Array:
                    Mix(ref hash, '[');
                    foreach (JsonTree item in value.Items)
                    {
                        Add(ref hash, item, topLevel: false);
                    }

                    Mix(ref hash, ']');
                    break;
                case JsonValueKind.String:
                    Mix(ref hash, '"');
                    Mix(ref hash, value.Text!);
                    break;
                case JsonValueKind.Number:
                    Mix(ref hash, '#');
                    Mix(ref hash, JsonNumber.Canonical(value.Text!));
                    break;
                default:
                    Mix(ref hash, (char)('0' + (int)value.Kind));
                    break;
            }
        }

        private static void Mix(ref ulong hash, string text)
        {
            foreach (char c in text)
            {
                Mix(ref hash, c);
            }

            // The length ends the string, so ["ab"] and ["a", "b"] differ.
            Mix(ref hash, (char)(text.Length & 0xFFFF));
        }

        private static void Mix(ref ulong hash, char c) => hash = (hash ^ c) * Prime;
    }
}
