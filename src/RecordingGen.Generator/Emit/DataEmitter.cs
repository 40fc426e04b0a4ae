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
            var writer = new SourceWriter(data.Program.Length + (data.PackedStrings.Length * 2) + 1024);
            writer.FileHeader(options.NullableDirective);
            string rootNamespace = options.Namespace;
            writer.Open("namespace " + rootNamespace + "." + DataNamespaceSuffix);
            writer.Line("/// <summary>The data of <c>" + CSharpText.Comment(data.SourcePath) + "</c>.</summary>");
            writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"RecordingGen\", \"" + ThisAssembly.Version + "\")]");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open("internal static class " + data.DataClassName);
            writer.Line("internal static readonly global::RecordingGen.Recording Value = global::RecordingGen.Internal.RecordingDataReader.Read(");
            writer.Line("    " + CSharpText.Literal(data.SourcePath) + ",");
            writer.Line("    " + CSharpText.Literal(data.Program) + ",");
            writer.Line("    " + CSharpText.Literal(data.PackedStrings) + ",");
            if (data.LongStrings.Count == 0)
            {
                writer.Line("    null);");
            }
            else
            {
                var longStrings = new StringBuilder("    new string[] { ");
                for (int i = 0; i < data.LongStrings.Count; i++)
                {
                    if (i > 0)
                    {
                        longStrings.Append(", ");
                    }

                    CSharpText.AppendLiteral(longStrings, data.LongStrings[i]);
                }

                writer.Line(longStrings.Append(" });").ToString());
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }
    }
}
