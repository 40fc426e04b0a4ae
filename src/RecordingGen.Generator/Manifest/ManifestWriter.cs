using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Manifest
{
    /// <summary>
    /// Writes a <see cref="RecordingManifest"/> as text, one line per record and a tab between fields: <c>F</c> the
    /// fingerprint, <c>R</c> a recording's summary, <c>D</c> a diagnostic. A field escapes backslash, tab and line
    /// breaks; a lone <c>\0</c> is null. The reader is <see cref="ManifestReader"/>.
    /// </summary>
    internal static class ManifestWriter
    {
        public static string Write(RecordingManifest manifest)
        {
            var text = new StringBuilder(256 + (manifest.Summaries.Count * 320));
            text.Append(RecordingManifest.Header).Append('\n');
            text.Append('F').Append('\t').Append(manifest.Fingerprint.ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
            foreach (RecordingSummary summary in manifest.Summaries)
            {
                text.Append('R');
                Field(text, summary.SourcePath);
                Field(text, summary.PreferredName);
                Field(text, summary.DataClassName);
                Field(text, summary.TestId);
                Field(text, summary.Endpoint);
                Fields(text, summary.Group);
                Fields(text, summary.ToolNames);
                text.Append('\n');
            }

            foreach (DiagnosticInfo diagnostic in manifest.Diagnostics)
            {
                text.Append('D');
                Field(text, diagnostic.Descriptor.Id);
                LocationInfo? location = diagnostic.Location;
                Field(text, location?.FilePath);
                Number(text, location?.Span.Start ?? 0);
                Number(text, location?.Span.Length ?? 0);
                Number(text, location?.LineSpan.Start.Line ?? 0);
                Number(text, location?.LineSpan.Start.Character ?? 0);
                Number(text, location?.LineSpan.End.Line ?? 0);
                Number(text, location?.LineSpan.End.Character ?? 0);
                Fields(text, diagnostic.MessageArgs);
                text.Append('\n');
            }

            return text.ToString();
        }

        private static void Fields(StringBuilder text, EquatableArray<string> values)
        {
            Number(text, values.Count);
            foreach (string value in values)
            {
                Field(text, value);
            }
        }

        private static void Number(StringBuilder text, int value) => text.Append('\t').Append(value.ToString(CultureInfo.InvariantCulture));

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static void Field(StringBuilder text, string? value)
        {
            text.Append('\t');
            if (value is null)
            {
                text.Append("\\0");
                return;
            }

            foreach (char c in value)
            {
                switch (c)
                {
                    case '\\': text.Append("\\\\"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    default: text.Append(c); break;
                }
            }
        }
    }
}
