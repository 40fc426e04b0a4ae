using System.Collections.Generic;
using System.Globalization;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// Emits one class per recording holding its compact literals, a batch of them per file (see
    /// <see cref="DataBatch"/>). A class initializes only when a test first touches its recording, and then
    /// the library decodes it; there are no large initializers to JIT. For a recording whose request offered
    /// tools the class is also its tools class (<c>Recording&lt;TTools&gt;.Tools</c>), one member per tool: its
    /// names come from the tool names alone, so the batch still depends on nothing but its recordings. With the
    /// data in the build's resource (<see cref="EmitOptions.DataInResource"/>) there is nothing to emit here: the
    /// facade reads the resource, and <see cref="ToolsEmitter"/> writes the tools classes.
    /// </summary>
    internal static class DataEmitter
    {
        public const string DataNamespaceSuffix = "RecordingGenData";

        public static string HintName(DataBatch batch) => DataNamespaceSuffix + "/Recordings_" + batch.Number.ToString("x2", CultureInfo.InvariantCulture) + ".g.cs";

        public static string Emit(DataBatch batch, EmitOptions options)
        {
            int capacity = 1024;
            foreach (RecordingData data in batch.Recordings)
            {
                // The literals, which escape few characters, and the class around them.
                capacity += data.Request.Program.Length + data.Response.Program.Length + data.Request.PackedStrings.Length + data.Response.PackedStrings.Length + 640;
                foreach (string value in data.Request.LongStrings)
                {
                    capacity += value.Length + 4;
                }

                foreach (string value in data.Response.LongStrings)
                {
                    capacity += value.Length + 4;
                }
            }

            var writer = new SourceWriter(capacity);
            writer.FileHeader(options.NullableDirective);
            writer.Open("namespace " + options.Namespace + "." + DataNamespaceSuffix);
            for (int i = 0; i < batch.Recordings.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                WriteRecording(writer, batch.Recordings[i]);
            }

            writer.Close();
            return writer.ToString();
        }

        private static void WriteRecording(SourceWriter writer, RecordingData data)
        {
            bool tools = data.ToolNames.Count > 0;
            writer.Line("/// <summary>The data of <c>" + CSharpText.Comment(data.SourcePath) + "</c>" + (tools ? ", and the tools its request offered" : string.Empty) + ".</summary>");
            writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"RecordingGen\", \"" + ThisAssembly.Version + "\")]");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            if (!tools)
            {
                writer.Open("internal static class " + data.DataClassName);
                writer.Line("internal static readonly global::RecordingGen.Recording Value = global::RecordingGen.Internal.RecordingDataReader.Read(");
                WriteArguments(writer, data, ");");
                writer.Close();
                return;
            }

            // Public: the facade's public members have this type.
            writer.Open("public sealed class " + data.DataClassName);
            writer.Line("internal static readonly global::RecordingGen.Recording<" + data.DataClassName + "> Value = global::RecordingGen.Internal.RecordingDataReader.Read(");
            WriteArguments(writer, data, ",");
            writer.Line("    recording => new " + data.DataClassName + "(recording));");
            writer.Line();
            writer.Line("private readonly global::RecordingGen.Recording _recording;");
            writer.Line();
            writer.Open("private " + data.DataClassName + "(global::RecordingGen.Recording recording)");
            writer.Line("_recording = recording;");
            writer.Close();
            List<string> members = ToolMemberNames.Of(data.ToolNames);
            for (int i = 0; i < members.Count; i++)
            {
                writer.Line();
                writer.StartLine().Append("/// <summary>The tool <c>").Append(CSharpText.Comment(data.ToolNames[i])).Append("</c>.</summary>").EndLine();
                writer.StartLine().Append("public global::RecordingGen.ToolDefinition ").Append(members[i]).Append(" => _recording.Request.Tools[")
                    .Append(i.ToString(CultureInfo.InvariantCulture)).Append("];").EndLine();
            }

            writer.Close();
        }

        private static void WriteArguments(SourceWriter writer, RecordingData data, string end)
        {
            writer.StartLine().Append("    ").AppendLiteral(data.SourcePath).Append(",").EndLine();
            WritePart(writer, data.Request, ",");
            WritePart(writer, data.Response, end);
        }

        private static void WritePart(SourceWriter writer, RecordingPart part, string end)
        {
            writer.StartLine().Append("    ").AppendLiteral(part.Program).Append(",").EndLine();
            writer.StartLine().Append("    ").AppendLiteral(part.PackedStrings).Append(",").EndLine();
            if (part.LongStrings.Count == 0)
            {
                writer.Line("    null" + end);
                return;
            }

            writer.StartLine().Append("    new string[] { ");
            for (int i = 0; i < part.LongStrings.Count; i++)
            {
                if (i > 0)
                {
                    writer.Append(", ");
                }

                writer.AppendLiteral(part.LongStrings[i]);
            }

            writer.Append(" }").Append(end).EndLine();
        }
    }
}
