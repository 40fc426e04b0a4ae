using System;
using System.ComponentModel;

namespace RecordingGen.Internal
{
    /// <summary>
    /// The base of a tools class generated for recordings whose data the build embedded as a resource: one class per
    /// distinct list of tool names, shared by every recording that offered that list, each member a tool of the
    /// recording it is attached to. Created by <see cref="RecordingResource"/>, never by tests.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class RecordingTools
    {
        private Recording? _recording;

        internal void Attach(Recording recording) => _recording = recording;

        /// <summary>
        /// The tool at <paramref name="index"/> of the recording's request. The double underscore keeps the name out
        /// of reach of the generated members, which are made of tool names in PascalCase.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected ToolDefinition Tool__(int index)
            => (_recording ?? throw new InvalidOperationException("This tools class was created outside RecordingGen; take it from a recording's Tools.")).Request.Tools[index];
    }
}
