using System.Globalization;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// Emits one class per recording holding its compact literals, a batch of them per file (see
    /// <see cref="DataBatch"/>). A class initializes only when a test first touches its recording, and then
    /// the library decodes it; there are no large initializers to JIT.
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
            writer.Line("/// <summary>The data of <c>" + CSharpText.Comment(data.SourcePath) + "</c>.</summary>");
            writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"RecordingGen\", \"" + ThisAssembly.Version + "\")]");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("internal static class " + data.DataClassName);
            writer.Line("internal static readonly global::RecordingGen.Recording Value = global::RecordingGen.Internal.RecordingDataReader.Read(");
            writer.StartLine().Append("    ").AppendLiteral(data.SourcePath).Append(",").EndLine();
            WritePart(writer, data.Request, ",");
            WritePart(writer, data.Response, ");");
            writer.Close();
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
