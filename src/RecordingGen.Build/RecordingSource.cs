using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RecordingGen.Build
{
    /// <summary>
    /// A recording file as the compiler hands it to the generator: its text decoded as the compiler decodes
    /// AdditionalFiles (UTF-8, with or without a byte order mark; a file that is not valid UTF-8 as code page 1252),
    /// so the task encodes the very text the generator sees.
    /// </summary>
    internal sealed class RecordingSource : AdditionalText
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

            try
            {
                return SourceText.From(bytes, bytes.Length, StrictUtf8, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: false, canBeEmbedded: false);
            }
            catch (DecoderFallbackException)
            {
                return SourceText.From(bytes, bytes.Length, Fallback(), SourceHashAlgorithm.Sha1, throwIfBinaryDetected: false, canBeEmbedded: false);
            }
        }

        private static Encoding Fallback()
        {
            try
            {
                return Encoding.GetEncoding(1252);
            }
            catch (NotSupportedException)
            {
                return Encoding.GetEncoding("ISO-8859-1");
            }
        }
    }
}
