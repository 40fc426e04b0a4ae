using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Xml.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// The typed facade written by the build task as an assembly of its own, holding the data (issue #15: the compiler
    /// no longer binds thousands of generated members on every build), in real builds: referenced by the compile,
    /// copied to the output and listed in the deps.json, written only when a recording changes, the same bytes for
    /// the same recordings, and every member reading its own recording.
    /// </summary>
    public sealed class FacadeAssemblyBuildTests
    {
        [Fact]
        public void The_facade_is_a_referenced_assembly_written_only_when_recordings_change()
        {
            string work = Consumer(out string program, out string answer);
            try
            {
                string facade = Path.Combine(work, "obj", "Debug", "net10.0", "Consumer.Recordings.dll");
                string output = Path.Combine(work, "bin", "Debug", "net10.0");

                DotnetCli.Run(work, "build");
                Assert.Equal(new[] { "Cold.|Sunny.", "get_weather", "True", "Consumer.Recordings" }, DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build")));

                // The data is the facade's resource, copied beside the program and listed where the runtime looks.
                Assert.Contains("RecordingGen.Recordings.data", AssemblyResources.Names(Path.Combine(output, "Consumer.Recordings.dll")));
                Assert.DoesNotContain("RecordingGen.Recordings.data", AssemblyResources.Names(Path.Combine(output, "Consumer.dll")));
                Assert.Contains("\"Consumer.Recordings.dll\"", File.ReadAllText(Path.Combine(output, "Consumer.deps.json")));

                // Published, it goes along and runs there (the program ignores the arguments DotnetCli adds).
                string published = Path.Combine(work, "published");
                DotnetCli.Run(work, "publish", "-c", "Debug", "--no-build", "-o", published);
                Assert.Equal("Cold.|Sunny.", DataResourceBuildTests.Lines(DotnetCli.Run(work, Path.Combine(published, "Consumer.dll")))[0]);

                // The generator emits no facade of its own (it would clash with the reference).
                Assert.DoesNotContain(
                    Directory.GetFiles(Path.Combine(work, "obj"), "*.g.cs", SearchOption.AllDirectories),
                    file => File.ReadAllText(file).Contains("class Recordings", StringComparison.Ordinal));

                // Its documentation lies beside it, where the compiler and IDEs read a reference's doc comments.
                XDocument docs = XDocument.Load(Path.ChangeExtension(facade, ".xml"));
                Assert.Equal(
                    "The recording recordings/weather.json (/v1/chat/completions). Test: tests/t.py::test_weather.",
                    Summary(docs, "P:Consumer.Recordings.Weather"));
                Assert.Equal("The tool get_weather.", Summary(docs, "P:Consumer.RecordingGenData." + ToolsClassOf(docs) + ".GetWeather"));

                // Editing code: the facade is not written again.
                DateTime written = File.GetLastWriteTimeUtc(facade);
                File.AppendAllText(program, "// an edit\n");
                Assert.Contains("Skipping target \"RecordingGenWriteData\"", DotnetCli.Run(work, "build", "-v:n"));
                Assert.Equal(written, File.GetLastWriteTimeUtc(facade));
                Assert.Equal("Cold.|Sunny.", DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);

                // Editing a recording: it is, and the program reads the new answer.
                File.WriteAllText(answer, DataResourceBuildTests.Chat("Warm.", tools: false));
                DotnetCli.Run(work, "build");
                Assert.True(File.GetLastWriteTimeUtc(facade) > written);
                Assert.Equal("Warm.|Sunny.", DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);

                // Another namespace, no recording touched: the facade is written again in it.
                string project = Path.Combine(work, "Consumer.csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace("<RootNamespace>Consumer</RootNamespace>", "<RootNamespace>Renamed</RootNamespace>"));
                string code = File.ReadAllText(program);
                File.WriteAllText(program, "System.Console.WriteLine(Renamed.Recordings.Weather.Tools.GetWeather.Name);\n");
                DotnetCli.Run(work, "build");
                Assert.Equal("get_weather", DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);
                File.WriteAllText(project, File.ReadAllText(project).Replace("<RootNamespace>Renamed</RootNamespace>", "<RootNamespace>Consumer</RootNamespace>"));
                File.WriteAllText(program, code);

                // A recording or a tool that does not exist is a compile error, as with the facade in C#.
                File.WriteAllText(program, "System.Console.WriteLine(Consumer.Recordings.Missing);\nSystem.Console.WriteLine(Consumer.Recordings.Weather.Tools.GetTime);\n");
                (int exitCode, string failed) = DotnetCli.Try(work, "build");
                Assert.NotEqual(0, exitCode);
                Assert.Contains("error CS0117: 'Recordings' does not contain a definition for 'Missing'", failed);
                Assert.Contains("does not contain a definition for 'GetTime'", failed);

                // Removing a recording, which no file time shows: the list of inputs does.
                File.Delete(answer);
                File.WriteAllText(program, "System.Console.WriteLine(Consumer.Recordings.All.Count + \" \" + Consumer.Recordings.All[0].Response.Text);\n");
                DotnetCli.Run(work, "build");
                Assert.Equal("1 Sunny.", DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void The_same_recordings_give_the_same_facade_whatever_the_order_of_the_files()
        {
            string work = Consumer(out _, out _, files: "<AdditionalFiles Include=\"recordings/answer.json;recordings/weather.json\" />");
            try
            {
                string obj = Path.Combine(work, "obj", "Debug", "net10.0");
                DotnetCli.Run(work, "build");
                byte[] assembly = File.ReadAllBytes(Path.Combine(obj, "Consumer.Recordings.dll"));
                byte[] docs = File.ReadAllBytes(Path.Combine(obj, "Consumer.Recordings.xml"));

                string project = Path.Combine(work, "Consumer.csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace("recordings/answer.json;recordings/weather.json", "recordings/weather.json;recordings/answer.json"));
                Directory.Delete(Path.Combine(work, "obj"), recursive: true);
                Directory.Delete(Path.Combine(work, "bin"), recursive: true);
                DotnetCli.Run(work, "build");

                Assert.Equal(assembly, File.ReadAllBytes(Path.Combine(obj, "Consumer.Recordings.dll")));
                Assert.Equal(docs, File.ReadAllBytes(Path.Combine(obj, "Consumer.Recordings.xml")));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void The_facade_is_among_the_references_once_they_are_resolved_as_a_design_time_build_asks()
        {
            string work = Consumer(out _, out _);
            try
            {
                DotnetCli.Run(work, "restore");
                string references = DotnetCli.Run(work, "msbuild", "-t:ResolveAssemblyReferences", "-getItem:ReferencePath");
                Assert.Contains(Path.Combine("obj", "Debug", "net10.0", "Consumer.Recordings.dll"), references);
                Assert.True(File.Exists(Path.Combine(work, "obj", "Debug", "net10.0", "Consumer.Recordings.dll")));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void A_strong_named_project_keeps_the_facade_in_its_own_assembly()
        {
            // A reference without a strong name is a warning for a strong-named assembly (CS8002), an error here.
            string work = Consumer(out _, out _, properties: "<SignAssembly>true</SignAssembly><AssemblyOriginatorKeyFile>key.snk</AssemblyOriginatorKeyFile>");
            try
            {
                using (var rsa = new RSACryptoServiceProvider(1024))
                {
                    File.WriteAllBytes(Path.Combine(work, "key.snk"), rsa.ExportCspBlob(includePrivateParameters: true));
                }

                DotnetCli.Run(work, "build");
                Assert.Equal(new[] { "Cold.|Sunny.", "get_weather", "True", "Consumer" }, DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build")));
                Assert.False(File.Exists(Path.Combine(work, "bin", "Debug", "net10.0", "Consumer.Recordings.dll")));
                Assert.Contains("RecordingGen.Recordings.data", AssemblyResources.Names(Path.Combine(work, "bin", "Debug", "net10.0", "Consumer.dll")));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        /// <summary>
        /// The facade refers to the core library the RecordingGen library the project compiles against refers to: the
        /// .NET build's <c>System.Runtime</c> (the other tests), or here the netstandard2.0 build's <c>netstandard</c>, as
        /// a .NET Framework or netstandard project gets it.
        /// </summary>
        [Fact]
        public void Against_the_netstandard_library_the_facade_refers_to_netstandard_and_runs()
        {
            string work = Consumer(out _, out _);
            try
            {
                string project = Path.Combine(work, "Consumer.csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace(typeof(Recording).Assembly.Location, TestPaths.NetStandardLibrary));
                DotnetCli.Run(work, "build");
                Assert.Equal(new[] { "Cold.|Sunny.", "get_weather", "True", "Consumer.Recordings" }, DataResourceBuildTests.Lines(DotnetCli.Run(work, "run", "--no-build")));

                using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(work, "bin", "Debug", "net10.0", "Consumer.Recordings.dll")));
                System.Reflection.Metadata.MetadataReader metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
                Assert.Equal(
                    new[] { "RecordingGen", "netstandard" },
                    metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).OrderBy(name => name, StringComparer.Ordinal));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void A_facade_assembly_that_cannot_be_written_fails_the_build_with_RG0017()
        {
            string work = Consumer(out _, out string answer);
            try
            {
                DotnetCli.Run(work, "build");

                // Where the task writes the assembly before moving it into place, a folder: the write fails.
                Directory.CreateDirectory(Path.Combine(work, "obj", "Debug", "net10.0", "Consumer.Recordings.dll.tmp"));
                File.WriteAllText(answer, DataResourceBuildTests.Chat("Warm.", tools: false));
                (int exitCode, string output) = DotnetCli.Try(work, "build");
                Assert.NotEqual(0, exitCode);
                Assert.Contains("error RG0017: RecordingGen could not write the recordings' facade assembly", output);

                // Without RecordingGen's library among the references there is nothing for the facade to refer to.
                Directory.Delete(Path.Combine(work, "obj", "Debug", "net10.0", "Consumer.Recordings.dll.tmp"));
                string project = Path.Combine(work, "Consumer.csproj");
                File.WriteAllText(project, File.ReadAllText(project).Replace("<Reference Include=\"" + typeof(Recording).Assembly.Location + "\" />", string.Empty));
                File.WriteAllText(Path.Combine(work, "Program.cs"), "System.Console.WriteLine();\n");
                (exitCode, output) = DotnetCli.Try(work, "build");
                Assert.NotEqual(0, exitCode);
                Assert.Contains("error RG0017", output);
                Assert.Contains("was not found among the project's references", output);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        /// <summary>
        /// This test assembly's own recordings come through the same targets: every member of every class of the
        /// facade, and every tool of every tools class, is called, and answers its own recording.
        /// </summary>
        [Fact]
        public void Every_member_of_the_facade_assembly_answers_its_own_recording()
        {
            Type root = typeof(Recordings);
            Assert.NotEqual(typeof(FacadeAssemblyBuildTests).Assembly, root.Assembly);
            Assert.Equal(typeof(FacadeAssemblyBuildTests).Assembly.GetName().Name + ".Recordings", root.Assembly.GetName().Name);

            Assert.Equal("RecordingGen", root.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>()!.Tool);
            var bySource = Recordings.All.ToDictionary(recording => recording.SourcePath, StringComparer.Ordinal);
            int members = 0, tools = 0, groups = 0;
            void Check(Type type, string? folder)
            {
                var own = new List<string>();
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(property => property.Name != "All"))
                {
                    var recording = (Recording)property.GetValue(null)!;
                    Assert.Same(bySource[recording.SourcePath], recording);
                    own.Add(recording.SourcePath);
                    members++;
                    if (recording.Request.Tools.Count > 0)
                    {
                        Assert.Equal(typeof(Recording<>), property.PropertyType.GetGenericTypeDefinition());
                        object toolsClass = property.PropertyType.GetProperty("Tools")!.GetValue(recording)!;
                        Assert.Equal(System.ComponentModel.EditorBrowsableState.Never, toolsClass.GetType().GetCustomAttribute<System.ComponentModel.EditorBrowsableAttribute>()!.State);
                        PropertyInfo[] toolMembers = toolsClass.GetType().GetProperties();
                        Assert.Equal(recording.Request.Tools.Count, toolMembers.Length);
                        for (int i = 0; i < toolMembers.Length; i++)
                        {
                            Assert.Same(recording.Request.Tools[i], toolMembers[i].GetValue(toolsClass));
                            tools++;
                        }
                    }
                    else
                    {
                        Assert.Equal(typeof(Recording), property.PropertyType);
                    }
                }

                var all = (IReadOnlyList<Recording>)type.GetProperty("All")!.GetValue(null)!;
                Assert.Equal(all.Select(recording => recording.SourcePath).OrderBy(path => path, StringComparer.Ordinal), all.Select(recording => recording.SourcePath));
                Assert.All(own, path => Assert.Contains(all, recording => recording.SourcePath == path));
                if (folder is not null)
                {
                    Assert.All(all, recording => Assert.Contains("/" + folder + "/", "/" + recording.SourcePath, StringComparison.OrdinalIgnoreCase));
                    groups++;
                }

                foreach (Type nested in type.GetNestedTypes(BindingFlags.Public))
                {
                    Check(nested, Folder(all, nested.Name));
                }
            }

            Check(root, null);
            Assert.Equal(Recordings.All.Count, members);
            Assert.True(groups > 0 && tools > 0, groups + " groups, " + tools + " tools");
        }

        /// <summary>The folder a group class stands for: the one every recording of the group's list shares, spelled as its class is.</summary>
        private static string? Folder(IReadOnlyList<Recording> parent, string className)
            => parent.SelectMany(recording => recording.SourcePath.Split('/').SkipLast(1))
                .FirstOrDefault(folder => string.Equals(folder.Replace("_", string.Empty).Replace("-", string.Empty), className, StringComparison.OrdinalIgnoreCase));

        private static string Summary(XDocument docs, string id)
            => string.Concat(docs.Descendants("member").Single(member => (string?)member.Attribute("name") == id).Element("summary")!.Nodes()
                .Select(node => node is XElement element ? element.Value : node.ToString()));

        private static string ToolsClassOf(XDocument docs)
            => docs.Descendants("member").Select(member => (string)member.Attribute("name")!).Single(id => id.StartsWith("T:Consumer.RecordingGenData.", StringComparison.Ordinal))
                .Substring("T:Consumer.RecordingGenData.".Length);

        /// <summary>A console project with two recordings (one offering a tool) and RecordingGen's targets, as a user has it.</summary>
        internal static string Consumer(out string program, out string answer, string properties = "", string files = "<AdditionalFiles Include=\"recordings/**/*.json\" />")
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-facade-").FullName;
            Directory.CreateDirectory(Path.Combine(work, "recordings"));
            answer = Path.Combine(work, "recordings", "answer.json");
            File.WriteAllText(answer, DataResourceBuildTests.Chat("Cold.", tools: false));
            File.WriteAllText(Path.Combine(work, "recordings", "weather.json"), DataResourceBuildTests.Chat("Sunny.", tools: true));
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Consumer</RootNamespace>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                    {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                    <Reference Include="{typeof(Recording).Assembly.Location}" />
                    {files}
                  </ItemGroup>
                  {TestPaths.DataResourceTargets}
                </Project>
                """);
            program = Path.Combine(work, "Program.cs");
            File.WriteAllText(program, """
                using System.Linq;
                System.Console.WriteLine(string.Join("|", Consumer.Recordings.All.Select(recording => recording.Response.Text)));
                System.Console.WriteLine(Consumer.Recordings.Weather.Tools.GetWeather.Name);
                System.Console.WriteLine(object.ReferenceEquals(Consumer.Recordings.Weather, Consumer.Recordings.All[1]));
                System.Console.WriteLine(typeof(Consumer.Recordings).Assembly.GetName().Name);
                """);
            return work;
        }
    }
}
