using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RecordingGen.Generator.Naming
{
    /// <summary>Turns arbitrary text (file names, test ids, tool names) into valid C# identifiers.</summary>
    internal static class Identifiers
    {
        public const int MaxLength = 120;

        /// <summary>
        /// PascalCase of the letters and digits of <paramref name="text"/>: every other character separates
        /// words, each word starts upper case, the rest keeps its case; digits split by a separator keep an
        /// underscore between them. At most <see cref="MaxLength"/> characters, cut where a word ends (a single
        /// word longer than that is cut inside). Null when nothing usable remains.
        /// </summary>
        public static string? ToPascalCase(string text)
        {
            var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
            bool startOfWord = true;
            int lastWordStart = 0;
            foreach (char c in text)
            {
                if (!IsIdentifierChar(c))
                {
                    startOfWord = true;
                    continue;
                }

                if (builder.Length == MaxLength)
                {
                    // Full: keep the words that fit whole, unless the first word is itself too long.
                    if (!startOfWord && lastWordStart > 0)
                    {
                        builder.Length = lastWordStart;
                    }

                    break;
                }

                // "3.2" must not read as "32": digits on both sides of a separator keep an underscore.
                if (startOfWord && builder.Length > 0 && char.IsDigit(c) && char.IsDigit(builder[builder.Length - 1]))
                {
                    builder.Append('_');
                }

                if (startOfWord)
                {
                    lastWordStart = builder.Length;
                }

                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }

            if (builder.Length > 0 && builder[builder.Length - 1] == '_')
            {
                builder.Length--;
            }

            if (builder.Length == 0)
            {
                return null;
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>A dotted namespace with each part made a valid identifier, or null when none is left.</summary>
        public static string? ToNamespace(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var parts = new StringBuilder();
            foreach (string part in text.Split('.'))
            {
                string? identifier = Sanitize(part);
                if (identifier is null)
                {
                    continue;
                }

                if (parts.Length > 0)
                {
                    parts.Append('.');
                }

                parts.Append(identifier);
            }

            return parts.Length == 0 ? null : parts.ToString();
        }

        /// <summary>Keeps the letters, digits and underscores of <paramref name="text"/>; escapes keywords with '@'.</summary>
        public static string? Sanitize(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (IsIdentifierChar(c) || c == '_')
                {
                    builder.Append(c);
                }
            }

            if (builder.Length == 0)
            {
                return null;
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string identifier = builder.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        // Letters and decimal digits of the Basic Multilingual Plane only: every one of them is valid in a C#
        // identifier, and none is a formatting or direction character that could disguise the source.
        private static bool IsIdentifierChar(char c)
        {
            if (c < 128)
            {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.OtherLetter:
                    return true;
                default:
                    return false;
            }
        }
    }
}
