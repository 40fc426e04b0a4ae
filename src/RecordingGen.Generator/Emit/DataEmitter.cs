using System.Text;
using RecordingGen.Generator.Model;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// Emits one class per recording holding its compact literals. The class initializes only when a test
    /// first touches the recording, and then the library decodes it; there are no large initializers to JIT.
    /// </summary>
    internal static class DataEmitter
    {
        public const string DataNamespaceSuffix = "RecordingGenData";

        public static string HintName(RecordingData data) => DataNamespaceSuffix + "/" + data.DataClassName + ".g.cs";

        public static string Emit(RecordingData data, EmitOptions options)
        {
            var writer = new SourceWriter(data.Request.Program.Length + data.Response.Program.Length + ((data.Request.PackedStrings.Length + data.Response.PackedStrings.Length) * 2) + 1024);
            writer.FileHeader(options.NullableDirective);
            string rootNamespace = options.Namespace;
            writer.Open("namespace " + rootNamespace + "." + DataNamespaceSuffix);
            writer.Line("/// <summary>The data of <c>" + CSharpText.Comment(data.SourcePath) + "</c>.</summary>");
            writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"RecordingGen\", \"" + ThisAssembly.Version + "\")]");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("internal static class " + data.DataClassName);
            writer.Line("internal static readonly global::RecordingGen.Recording Value = global::RecordingGen.Internal.RecordingDataReader.Read(");
            writer.Line("    " + CSharpText.Literal(data.SourcePath) + ",");
            WritePart(writer, data.Request, ",");
            WritePart(writer, data.Response, ");");
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        private static void WritePart(SourceWriter writer, RecordingPart part, string end)
        {
            writer.Line("    " + CSharpText.Literal(part.Program) + ",");
            writer.Line("    " + CSharpText.Literal(part.PackedStrings) + ",");
            if (part.LongStrings.Count == 0)
            {
                writer.Line("    null" + end);
                return;
            }

            var longStrings = new StringBuilder("    new string[] { ");
            for (int i = 0; i < part.LongStrings.Count; i++)
            {
                if (i > 0)
                {
                    longStrings.Append(", ");
                }

                CSharpText.AppendLiteral(longStrings, part.LongStrings[i]);
            }

            writer.Line(longStrings.Append(" }").Append(end).ToString());
        }
    }
}
