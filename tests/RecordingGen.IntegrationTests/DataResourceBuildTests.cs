using System;
using System.IO;
using System.Linq;
using RecordingGen.Internal;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// The recordings' data embedded by the build task instead of compiled as C# (issue #15), in real builds: the
    /// task writes the resource only when a recording or the set of them changed, the generated C# holds no data and
    /// comes from the task's manifest, and a resource that does not match the generated code fails with what to do.
    /// Here with the facade as C# (<c>RecordingGenFacadeAssembly</c> false, as for a strong-named project); the default,
    /// the facade as an assembly of its own, is <see cref="FacadeAssemblyBuildTests"/>'s.
    /// </summary>
    public sealed class DataResourceBuildTests
    {
        [Fact]
        public void With_the_facade_as_CSharp_the_data_is_written_when_recordings_change_and_only_then()
        {
            string work = FacadeAssemblyBuildTests.Consumer(out string program, out string answer, properties: "<RecordingGenFacadeAssembly>false</RecordingGenFacadeAssembly>");
            try
            {
                string data = Path.Combine(work, "obj", "Debug", "net10.0", "RecordingGen.Recordings.data");

                DotnetCli.Run(work, "build");
                Assert.Equal(new[] { "Cold.|Sunny.", "get_weather", "True", "Consumer" }, Lines(DotnetCli.Run(work, "run", "--no-build")));
                Assert.Contains("RecordingGen.Recordings.data", AssemblyResources.Names(Path.Combine(work, "bin", "Debug", "net10.0", "Consumer.dll")));

                // The generated C# reads the resource: no recording is decoded from literals.
                string[] generated = Directory.GetFiles(Path.Combine(work, "obj"), "*.g.cs", SearchOption.AllDirectories);
                Assert.NotEmpty(generated);
                Assert.DoesNotContain(generated, file => File.ReadAllText(file).Contains("RecordingDataReader.Read(", StringComparison.Ordinal));

                // Editing code: the data is not written again.
                DateTime written = File.GetLastWriteTimeUtc(data);
                File.AppendAllText(program, "// an edit\n");
                string rebuild = DotnetCli.Run(work, "build", "-v:n");
                Assert.Contains("Skipping target \"RecordingGenWriteData\"", rebuild);
                Assert.Equal(written, File.GetLastWriteTimeUtc(data));

                // The facade comes from the task's manifest, not from the recordings: a name changed there, and only
                // there, is the one the build compiles.
                string manifest = Path.Combine(work, "obj", "Debug", "net10.0", "RecordingGen.Recordings.manifest");
                string code = File.ReadAllText(program);
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\tWeather\t", "\tWeatherFromTheManifest\t"));
                File.WriteAllText(program, "System.Console.WriteLine(Consumer.Recordings.WeatherFromTheManifest.Tools.GetWeather.Name);\n");
                DotnetCli.Run(work, "build");
                Assert.Equal("get_weather", Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);
                File.WriteAllText(program, code);

                // Editing a recording: it is, and the fixture has the new answer.
                File.WriteAllText(answer, Chat("Warm.", tools: false));
                DotnetCli.Run(work, "build");
                Assert.True(File.GetLastWriteTimeUtc(data) > written);
                Assert.Equal("Warm.|Sunny.", Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);

                // Restoring an older copy of a recording keeps its older file time (an archive, `cp -p`, a backup do):
                // no newer input shows it, but the list of inputs carries every file's time, so it changes.
                File.WriteAllText(answer, Chat("Mild.", tools: false));
                File.SetLastWriteTimeUtc(answer, File.GetLastWriteTimeUtc(data).AddDays(-1));
                DotnetCli.Run(work, "build");
                Assert.Equal("Mild.|Sunny.", Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);

                // Removing one, which no file time shows: the list of inputs does.
                File.Delete(answer);
                File.WriteAllText(program, "System.Console.WriteLine(Consumer.Recordings.All.Count + \" \" + Consumer.Recordings.All[0].Response.Text);\n");
                DotnetCli.Run(work, "build");
                Assert.Equal("1 Sunny.", Lines(DotnetCli.Run(work, "run", "--no-build"))[0]);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        [Fact]
        public void A_resource_other_than_the_generated_code_expects_fails_with_what_to_do()
        {
            // This test assembly's own recordings are embedded by the same targets.
            int count = Recordings.All.Count;
            var stale = new RecordingResource(typeof(Recordings).Assembly, count, fingerprint: 12345);
            var exception = Assert.Throws<InvalidOperationException>(() => stale.Get(0));
            Assert.Contains("does not match its generated code", exception.Message);
            Assert.Contains("rebuild the project", exception.Message);

            var missing = new RecordingResource(typeof(object).Assembly, count, fingerprint: 12345);
            exception = Assert.Throws<InvalidOperationException>(() => missing.Get(0));
            Assert.Contains("RecordingGenDataResource", exception.Message);
        }

        internal static string[] Lines(string output) => output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();

        internal static string Chat(string answer, bool tools)
            => "{\"test_id\":\"tests/t.py::test_" + (tools ? "weather" : "answer") + "\",\"request\":{\"method\":\"POST\",\"url\":\"http://localhost/v1/chat/completions\",\"endpoint\":\"/v1/chat/completions\",\"model\":\"m\","
               + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + (tools ? "Weather?" : "Temperature?") + "\"}]"
               + (tools ? ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]" : string.Empty)
               + "}},\"response\":{\"body\":{\"__type__\":\"openai.types.chat.chat_completion.ChatCompletion\",\"__data__\":{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"}}]}},\"is_streaming\":false}}";
    }
}
