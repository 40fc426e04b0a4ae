using System.Linq;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Diagnostics;

namespace RecordingGen.Generator.Model
{
    /// <summary>
    /// A diagnostic as values: the descriptor, the location and the message arguments. Every argument passes
    /// through <see cref="MessageText.Argument"/> here, so no recording content reaches a message unescaped or
    /// unbounded, whichever check reports it.
    /// </summary>
    internal sealed record DiagnosticInfo
    {
        public DiagnosticInfo(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        {
            Descriptor = descriptor;
            Location = location;
            MessageArgs = new EquatableArray<string>(messageArgs.Select(MessageText.Argument));
        }

        private DiagnosticInfo(DiagnosticDescriptor descriptor, LocationInfo? location, EquatableArray<string> escapedArgs)
        {
            Descriptor = descriptor;
            Location = location;
            MessageArgs = escapedArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public LocationInfo? Location { get; }

        public EquatableArray<string> MessageArgs { get; }

        /// <summary>The diagnostics of every file, each once (a file included under two spellings reports once), in order.</summary>
        public static EquatableArray<DiagnosticInfo> Distinct(System.Collections.Immutable.ImmutableArray<EquatableArray<DiagnosticInfo>> lists)
        {
            var seen = new System.Collections.Generic.HashSet<DiagnosticInfo>();
            var distinct = new System.Collections.Generic.List<DiagnosticInfo>();
            foreach (EquatableArray<DiagnosticInfo> list in lists)
            {
                foreach (DiagnosticInfo info in list)
                {
                    if (seen.Add(info))
                    {
                        distinct.Add(info);
                    }
                }
            }

            return new EquatableArray<DiagnosticInfo>(distinct);
        }

        /// <summary>A diagnostic read back from the build task's manifest, whose arguments were escaped when it was first made.</summary>
        public static DiagnosticInfo Restore(DiagnosticDescriptor descriptor, LocationInfo? location, EquatableArray<string> escapedArgs)
            => new DiagnosticInfo(descriptor, location, escapedArgs);

        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Descriptor, Location?.ToLocation(), messageArgs: MessageArgs.Items.ToArray());
    }
}
