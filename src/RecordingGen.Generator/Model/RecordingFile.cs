using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Naming;

namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// An AdditionalFile chosen as a recording: compared by reference to the text, which Roslyn keeps while the
    /// file is unchanged. <paramref name="Path"/> is the file's path with its spelling made canonical (one file
    /// included as <c>recordings//x.json</c> and <c>recordings/x.json</c> parses to equal results, of which the
    /// steps that collect recordings keep one); <paramref name="Link"/>
    /// is the project-relative path MSBuild's <c>Link</c> metadata gives a file from outside the project, which
    /// then stands for the file's place in the project.
    /// </summary>
    internal sealed record RecordingFile(AdditionalText Text, string Path, string? Link)
    {
        public static RecordingFile Of(AdditionalText text, string? link = null)
        {
            string path = PathNames.Canonical(text.Path);
            return new RecordingFile(text, path, link is null ? null : PlacingLink(path, PathNames.LinkPath(link)));
        }

        /// <summary>
        /// The link, when it places the file somewhere its path does not. The .NET SDK gives every AdditionalFile
        /// from outside the project a Link of its own, the part of the path below the include's wildcard
        /// (<c>%(RecursiveDir)%(Filename)</c>): always the tail of the real path, which already says all of it.
        /// The compiler passes metadata through an .editorconfig, which cuts a value at '#' or ';': a link that
        /// no longer ends in .json was cut and says nothing reliable.
        /// </summary>
        private static string? PlacingLink(string path, string link)
        {
            string physical = path.Replace('\\', '/');
            bool whole = link.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
            bool tail = physical.EndsWith("/" + link, System.StringComparison.Ordinal) || physical == link;
            return whole && !tail ? link : null;
        }
    }
}
