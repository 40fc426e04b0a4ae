using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RecordingGen.Generator.Diagnostics;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Manifest
{
    /// <summary>
    /// Reads what <see cref="ManifestWriter"/> wrote. Anything else (another layout, a cut or edited file) reads as
    /// null, and the generator then reads the recordings themselves: slower, never wrong.
    /// </summary>
    internal static class ManifestReader
    {
        public static RecordingManifest? Read(SourceText? text, CancellationToken cancellationToken)
        {
            if (text is null)
            {
                return null;
            }

            string all = text.ToString();
            string[] lines = all.Split('\n');
            if (lines.Length < 2 || lines[0].TrimEnd('\r') != RecordingManifest.Header)
            {
                return null;
            }

            ulong? fingerprint = null;
            var summaries = new List<RecordingSummary>();
            var diagnostics = new List<DiagnosticInfo>();
            for (int i = 1; i < lines.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string line = lines[i].TrimEnd('\r');
                if (line.Length == 0)
                {
                    continue;
                }

                string?[] fields = Split(line);
                var cursor = new Cursor(fields);
                bool read = fields[0] switch
                {
                    "F" => ReadFingerprint(ref cursor, out fingerprint),
                    "R" => ReadSummary(ref cursor, summaries),
                    "D" => ReadDiagnostic(ref cursor, diagnostics),
                    _ => false,
                };
                if (!read || !cursor.AtEnd)
                {
                    return null;
                }
            }

            return fingerprint is { } value
                ? new RecordingManifest(value, new EquatableArray<RecordingSummary>(summaries), new EquatableArray<DiagnosticInfo>(diagnostics))
                : null;
        }

        private static bool ReadFingerprint(ref Cursor cursor, out ulong? fingerprint)
        {
            fingerprint = ulong.TryParse(cursor.Next(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value) ? value : null;
            return fingerprint is not null;
        }

        private static bool ReadSummary(ref Cursor cursor, List<RecordingSummary> summaries)
        {
            string? path = cursor.Next();
            string? preferredName = cursor.Next();
            string? dataClassName = cursor.Next();
            string? testId = cursor.Next();
            string? endpoint = cursor.Next();
            if (path is null || preferredName is null || dataClassName is null || !cursor.List(out EquatableArray<string> group) || !cursor.List(out EquatableArray<string> tools))
            {
                return false;
            }

            // The name becomes C# as it is, and the class name's hash is cut from it: a manifest edited by hand (it sits
            // in obj/) must neither write code nor throw. Folder names are made identifiers where they are used.
            if (!SyntaxFacts.IsValidIdentifier(preferredName) || !IsDataClassName(dataClassName))
            {
                return false;
            }

            summaries.Add(new RecordingSummary(path, group, preferredName, dataClassName, testId, endpoint, tools));
            return true;
        }

        /// <summary>"Recording_" and 16 lowercase hex digits, as <see cref="Parsing.RecordingParser.DataClassName"/> makes it.</summary>
        private static bool IsDataClassName(string name)
            => name.Length == 26 && name.StartsWith("Recording_", System.StringComparison.Ordinal)
               && name.Skip(10).All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

        private static bool ReadDiagnostic(ref Cursor cursor, List<DiagnosticInfo> diagnostics)
        {
            Microsoft.CodeAnalysis.DiagnosticDescriptor? descriptor = cursor.Next() is { } id ? DiagnosticDescriptors.ById(id) : null;
            string? file = cursor.Next();
            if (descriptor is null
                || !cursor.Number(out int start) || !cursor.Number(out int length)
                || !cursor.Number(out int startLine) || !cursor.Number(out int startCharacter)
                || !cursor.Number(out int endLine) || !cursor.Number(out int endCharacter)
                || !cursor.List(out EquatableArray<string> arguments))
            {
                return false;
            }

            LocationInfo? location = file is null
                ? null
                : new LocationInfo(file, new TextSpan(start, length), new LinePositionSpan(new LinePosition(startLine, startCharacter), new LinePosition(endLine, endCharacter)));
            diagnostics.Add(DiagnosticInfo.Restore(descriptor, location, arguments));
            return true;
        }

        /// <summary>The line's fields, unescaped; null for <c>\0</c>.</summary>
        private static string?[] Split(string line)
        {
            string[] raw = line.Split('\t');
            var fields = new string?[raw.Length];
            for (int i = 0; i < raw.Length; i++)
            {
                fields[i] = Unescape(raw[i]);
            }

            return fields;
        }

        private static string? Unescape(string field)
        {
            if (field.IndexOf('\\') < 0)
            {
                return field;
            }

            if (field == "\\0")
            {
                return null;
            }

            var text = new StringBuilder(field.Length);
            for (int i = 0; i < field.Length; i++)
            {
                char c = field[i];
                if (c != '\\' || i + 1 == field.Length)
                {
                    text.Append(c);
                    continue;
                }

                char escaped = field[++i];
                text.Append(escaped switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => escaped });
            }

            return text.ToString();
        }

        /// <summary>The fields after a line's kind, taken in order; reading past the end gives null and marks the line bad.</summary>
        private struct Cursor
        {
            private readonly string?[] _fields;
            private int _next;
            private bool _overrun;

            public Cursor(string?[] fields)
            {
                _fields = fields;
                _next = 1;
                _overrun = false;
            }

            public bool AtEnd => !_overrun && _next == _fields.Length;

            public string? Next()
            {
                if (_next >= _fields.Length)
                {
                    _overrun = true;
                    return null;
                }

                return _fields[_next++];
            }

            public bool Number(out int value)
            {
                value = 0;
                return Next() is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            }

            public bool List(out EquatableArray<string> values)
            {
                values = EquatableArray<string>.Empty;
                if (!Number(out int count) || count > _fields.Length - _next)
                {
                    return false;
                }

                var items = new string[count];
                for (int i = 0; i < count; i++)
                {
                    if (Next() is not { } item)
                    {
                        return false;
                    }

                    items[i] = item;
                }

                values = new EquatableArray<string>(items);
                return true;
            }
        }
    }
}
