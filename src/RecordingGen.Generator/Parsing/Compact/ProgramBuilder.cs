using System.Text;
using RecordingGen.Internal;

namespace RecordingGen.Generator.Parsing.Compact
{
    /// <summary>Appends numbers to a compact program (see CompactFormat); 0 stands for null in the optional forms.</summary>
    internal sealed class ProgramBuilder
    {
        private readonly StringBuilder _builder = new StringBuilder();

        public void Add(int value) => CompactFormat.Append(_builder, value);

        public void Add(bool value) => Add(value ? 1 : 0);

        public void AddOptional(int? value) => Add(value is { } number && number >= 0 ? number + 1 : 0);

        public void AddString(StringTable table, string value) => Add(table.Add(value));

        public void AddOptionalString(StringTable table, string? value) => Add(value is null ? 0 : table.Add(value) + 1);

        public void Append(ProgramBuilder other) => _builder.Append(other._builder);

        /// <summary>The program's length in characters.</summary>
        public int Length => _builder.Length;

        public override string ToString() => _builder.ToString();
    }
}
