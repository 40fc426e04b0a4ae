using System;
using System.Collections.Generic;

namespace RecordingGen.Generator.Validation
{
    /// <summary>
    /// Finds strings shaped like credentials in a recording's text, so a key that leaked into a recording fails review
    /// before it is committed: OpenAI and Anthropic keys (<c>sk-...</c>), Google API keys (<c>AIza...</c>), AWS access key
    /// ids (<c>AKIA</c>/<c>ASIA</c> + 16), GitHub tokens (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>,
    /// <c>github_pat_</c>) and bearer tokens. Each shape starts with a fixed marker, found with the runtime's vectorized
    /// search; only then are the characters after it checked, so a file without markers costs six searches.
    /// </summary>
    internal static class SecretCheck
    {
        private const int MaxReported = 5;

        private static readonly Shape OpenAI = new Shape("sk-", "an OpenAI or Anthropic API key", minimum: 20, TokenChar);
        private static readonly Shape Google = new Shape("AIza", "a Google API key", minimum: 35, TokenChar);
        private static readonly Shape[] Aws = { new Shape("AKIA", "an AWS access key id", minimum: 16, UpperOrDigit, exact: true), new Shape("ASIA", "an AWS access key id", minimum: 16, UpperOrDigit, exact: true) };
        private static readonly Shape[] GitHub =
        {
            new Shape("ghp_", "a GitHub token", minimum: 36, LetterOrDigit),
            new Shape("gho_", "a GitHub token", minimum: 36, LetterOrDigit),
            new Shape("ghu_", "a GitHub token", minimum: 36, LetterOrDigit),
            new Shape("ghs_", "a GitHub token", minimum: 36, LetterOrDigit),
            new Shape("ghr_", "a GitHub token", minimum: 36, LetterOrDigit),
        };

        private static readonly Shape GitHubPat = new Shape("github_pat_", "a GitHub token", minimum: 22, TokenChar);

        private static readonly Shape Bearer = new Shape("Bearer ", "a bearer token", minimum: 20, BearerChar);

        // Six searches cover the eleven shapes: the two AWS prefixes share "IA" two characters in, the GitHub tokens "gh".
        private static readonly (string Needle, int Back, Shape[] Shapes)[] Searches =
        {
            ("sk-", 0, new[] { OpenAI }),
            ("AIza", 0, new[] { Google }),
            ("IA", 2, Aws),
            ("gh", 0, GitHub),
            ("github_pat_", 0, new[] { GitHubPat }),
            ("Bearer ", 0, new[] { Bearer }),
        };

        /// <summary>Where secrets start in <paramref name="text"/> (char offsets, their length, what they look like), in text order, at most five.</summary>
        public static List<(int Offset, int Length, string Kind, string Masked)> Find(ReadOnlySpan<char> text)
        {
            // The first five of each search hold the first five of all of them: a file with many keys of one shape
            // still reports the other shapes that come before them.
            var found = new List<(int Offset, int Length, string Kind, string Masked)>();
            foreach ((string needle, int back, Shape[] shapes) in Searches)
            {
                int from = 0;
                int ofThisSearch = 0;
                while (ofThisSearch < MaxReported && from < text.Length)
                {
                    int hit = text.Slice(from).IndexOf(needle.AsSpan(), StringComparison.Ordinal);
                    if (hit < 0)
                    {
                        break;
                    }

                    int at = from + hit - back;
                    from += hit + needle.Length;
                    if (at < 0)
                    {
                        continue;
                    }

                    foreach (Shape shape in shapes)
                    {
                        if (text.Slice(at).StartsWith(shape.Marker.AsSpan(), StringComparison.Ordinal) && Match(text, at, shape) is { } end)
                        {
                            found.Add((at, end - at, shape.Kind, Mask(text.Slice(at, end - at))));
                            ofThisSearch++;
                            from = Math.Max(from, end);
                            break;
                        }
                    }
                }
            }

            found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            return found.Count > MaxReported ? found.GetRange(0, MaxReported) : found;
        }

        /// <summary>Where the secret that starts with the shape's marker at <paramref name="at"/> ends, or null when what follows does not fit.</summary>
        private static int? Match(ReadOnlySpan<char> text, int at, Shape shape)
        {
            int end = at + shape.Marker.Length;
            while (end < text.Length && shape.Allowed(text[end]))
            {
                end++;
            }

            int body = end - at - shape.Marker.Length;
            bool startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            return startsWord && (shape.Exact ? body == shape.Minimum : body >= shape.Minimum) ? end : null;
        }

        // The message shows the shape, never the secret: a build log is not a safer place for it.
        private static string Mask(ReadOnlySpan<char> secret)
            => secret.Slice(0, Math.Min(secret.Length, secret.StartsWith("Bearer ".AsSpan(), StringComparison.Ordinal) ? 9 : 5)).ToString() + "... " + secret.Length + " characters";

        private static bool TokenChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';

        private static bool UpperOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

        private static bool LetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

        private static bool BearerChar(char c) => TokenChar(c) || c is '.' or '~' or '+' or '/' or '=';

        private sealed class Shape
        {
            public Shape(string marker, string kind, int minimum, Func<char, bool> allowed, bool exact = false)
            {
                Marker = marker;
                Kind = kind;
                Minimum = minimum;
                Allowed = allowed;
                Exact = exact;
            }

            public string Marker { get; }

            public string Kind { get; }

            public int Minimum { get; }

            public Func<char, bool> Allowed { get; }

            public bool Exact { get; }
        }
    }
}
