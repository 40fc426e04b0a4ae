using System.Linq;
using Microsoft.CodeAnalysis;

namespace RecordingGen.Generator.Model
{
    /// <summary>A diagnostic as values: the descriptor's id, the location and the message arguments.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
    {
        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Descriptor, Location?.ToLocation(), messageArgs: MessageArgs.Items.ToArray());
    }
}
