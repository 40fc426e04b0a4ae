using System;
using System.IO;
using System.Linq;
using Xunit;

namespace RecordingGen.IntegrationTests
{
    /// <summary>
    /// Each recording its own test case (issue #14.5): a new test project per framework, the recordings given to a
    /// parameterized test by path (RecordingCases), listed and run by the real <c>dotnet test</c>.
    /// </summary>
    public sealed class TestCaseBuildTests
    {
        private static readonly string[] Paths = { "recordings/a.json", "recordings/b.json", "recordings/sub/c.json" };

        [Theory]
        [InlineData("xunit")]
        [InlineData("nunit")]
        [InlineData("mstest")]
        public void Every_recording_is_a_test_case_of_its_own(string framework)
        {
            string work = Directory.CreateTempSubdirectory("recordinggen-cases-").FullName;
            try
            {
                foreach (string path in Paths)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, path))!);
                    File.WriteAllText(Path.Combine(work, path), Recording(Path.GetFileNameWithoutExtension(path)));
                }

                (string packages, string test) = framework switch
                {
                    "xunit" => ("""
                        <PackageReference Include="xunit" Version="2.9.3" />
                        <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                        """, """
                        public class ReplayTests
                        {
                            public static Xunit.TheoryData<string> Cases => new(Consumer.Recordings.All.Paths());

                            [Xunit.Theory, Xunit.MemberData(nameof(Cases))]
                            public void Replays(string path) => Xunit.Assert.Equal(path, Consumer.Recordings.All.Get(path).SourcePath);
                        }
                        """),
                    "nunit" => ("""
                        <PackageReference Include="NUnit" Version="4.4.0" />
                        <PackageReference Include="NUnit3TestAdapter" Version="5.2.0" />
                        """, """
                        public class ReplayTests
                        {
                            public static System.Collections.Generic.IEnumerable<string> Cases => Consumer.Recordings.All.Paths();

                            [NUnit.Framework.TestCaseSource(nameof(Cases))]
                            public void Replays(string path) => NUnit.Framework.Assert.That(Consumer.Recordings.All.Get(path).SourcePath, NUnit.Framework.Is.EqualTo(path));
                        }
                        """),
                    _ => ("""
                        <PackageReference Include="MSTest.TestFramework" Version="3.11.1" />
                        <PackageReference Include="MSTest.TestAdapter" Version="3.11.1" />
                        """, """
                        [Microsoft.VisualStudio.TestTools.UnitTesting.TestClass]
                        public class ReplayTests
                        {
                            public static System.Collections.Generic.IEnumerable<object[]> Cases => System.Linq.Enumerable.Select(Consumer.Recordings.All.Paths(), path => new object[] { path });

                            [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod, Microsoft.VisualStudio.TestTools.UnitTesting.DynamicData(nameof(Cases))]
                            public void Replays(string path) => Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(path, Consumer.Recordings.All.Get(path).SourcePath);
                        }
                        """),
                };
                File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{Path.Combine(TestPaths.RepoRoot, "src", "RecordingGen", "build", "RecordingGen.props")}" />
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <RootNamespace>Consumer</RootNamespace>
                        <IsTestProject>true</IsTestProject>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                        {packages}
                        <Analyzer Include="{TestPaths.GeneratorAssembly}" />
                        <Reference Include="{typeof(Recording).Assembly.Location}" />
                        <AdditionalFiles Include="recordings/**/*.json" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(work, "ReplayTests.cs"), "using RecordingGen;\n\n" + test);

                string listed = DotnetCli.Run(work, "test", "--list-tests");
                string run = DotnetCli.Run(work, "test", "--no-build");

                // Listed one by one, by path, and run one by one.
                foreach (string path in Paths)
                {
                    Assert.Single(listed.Split('\n'), line => line.Contains(path, StringComparison.Ordinal));
                }

                Assert.Matches(@"Passed:\s+3", run);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static string Recording(string name)
            => "{\"test_id\":\"tests/t.py::" + name + "\",\"request\":{\"method\":\"POST\",\"url\":\"http://localhost/v1/chat/completions\",\"endpoint\":\"/v1/chat/completions\",\"model\":\"m\","
               + "\"body\":{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + name + "\"}]}},"
               + "\"response\":{\"body\":{\"__type__\":\"openai.types.chat.chat_completion.ChatCompletion\",\"__data__\":{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}]}},\"is_streaming\":false}}";
    }
}
