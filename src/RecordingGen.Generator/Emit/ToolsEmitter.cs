using System.Collections.Generic;
using System.Globalization;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;

namespace RecordingGen.Generator.Emit
{
    /// <summary>
    /// With the data in the build's resource: one tools class per distinct list of tool names (see
    /// <see cref="ToolsClassNames"/>), a member per tool that reads it from the recording the class is attached to.
    /// Emitted from the summaries alone, so it changes only when a recording's tools do.
    /// </summary>
    internal static class ToolsEmitter
    {
        public const string HintName = DataEmitter.DataNamespaceSuffix + "/Tools.g.cs";

        /// <summary>The source, or null when no recording offered tools.</summary>
        public static string? Emit(EquatableArray<RecordingSummary> summaries, EmitOptions options)
        {
            SortedDictionary<string, EquatableArray<string>> lists = ToolsClassNames.Distinct(summaries);

            if (lists.Count == 0)
            {
                return null;
            }

            var writer = new SourceWriter(1024 + (lists.Count * 600));
            writer.FileHeader(options.NullableDirective);
            writer.Open("namespace " + options.Namespace + "." + DataEmitter.DataNamespaceSuffix);
            bool first = true;
            foreach (KeyValuePair<string, EquatableArray<string>> list in lists)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line("/// <summary>The tools of a recording whose request offered exactly these, in this order.</summary>");
                writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"RecordingGen\", \"" + ThisAssembly.Version + "\")]");
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                writer.Open("public sealed class " + list.Key + " : global::RecordingGen.Internal.RecordingTools");
                List<string> members = ToolMemberNames.Of(list.Value);
                for (int i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Line();
                    }

                    writer.StartLine().Append("/// <summary>The tool <c>").Append(CSharpText.Comment(list.Value[i])).Append("</c>.</summary>").EndLine();
                    writer.StartLine().Append("public global::RecordingGen.ToolDefinition ").Append(members[i]).Append(" => Tool__(")
                        .Append(i.ToString(CultureInfo.InvariantCulture)).Append(");").EndLine();
                }

                writer.Close();
            }

            writer.Close();
            return writer.ToString();
        }
    }
}
