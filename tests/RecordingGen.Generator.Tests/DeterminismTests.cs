using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using RecordingGen.Generator.Tests.Infrastructure;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>The same recordings give the same bytes whatever the file order, line endings or culture.</summary>
    public sealed class DeterminismTests
    {
        [Fact]
        public void Output_does_not_depend_on_file_order_line_endings_or_culture()
        {
            List<AdditionalText> files = GeneratorHarness.OwnRecordings();
            Dictionary<string, string> baseline = Generate(files);

            var reversed = Enumerable.Reverse(files).ToList();
            var crlf = files.Select(file => GeneratorHarness.File(file.Path.Substring(GeneratorHarness.ProjectDirectory.Length + 1), file.GetText()!.ToString().Replace("\n", "\r\n"))).ToList();
            Assert.Contains("\r\n", crlf[0].GetText()!.ToString());

            Assert.Equal(baseline, Generate(reversed));
            Assert.Equal(baseline, Generate(crlf));
            foreach (string culture in new[] { "tr-TR", "de-DE", "ar-SA" })
            {
                CultureInfo previous = CultureInfo.CurrentCulture;
                try
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                    Assert.Equal(baseline, Generate(files));
                }
                finally
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
                }
            }
        }

        private static Dictionary<string, string> Generate(IEnumerable<AdditionalText> files)
            => GeneratorHarness.CreateDriver(files)
                .RunGenerators(GeneratorHarness.CreateCompilation())
                .GetRunResult().Results.Single().GeneratedSources
                .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
    }
}
