using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Build
{
    /// <summary>
    /// A recording file as the compiler hands it to the generator: its text decoded as the compiler decodes
    /// AdditionalFiles (a byte order mark decides; otherwise UTF-8, invalid bytes replaced),
    /// so the task encodes the very text the generator sees.
    /// </summary>
    internal sealed class RecordingSource : AdditionalText
    {
        public RecordingSource(string path)
        {
            Path = path;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // As the compiler does for a file it cannot open: no text (the generator reports RG0011).
                return null;
            }

            // A byte order mark decides; otherwise UTF-8, with U+FFFD for what is not (the generator then reports RG0012).
            return SourceText.From(bytes, bytes.Length, encoding: null, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: false, canBeEmbedded: false);
        }
    }
}
