using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RecordingGen.Generator.Tests.Infrastructure
{
    /// <summary>MSBuild properties and per-file metadata as the compiler would hand them to the generator.</summary>
    internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> _fileOptions;

        public TestOptionsProvider(ImmutableDictionary<string, string> global, ImmutableDictionary<string, ImmutableDictionary<string, string>> fileOptions)
        {
            GlobalOptions = new Options(global);
            _fileOptions = fileOptions;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Options(_fileOptions.TryGetValue(textFile.Path, out ImmutableDictionary<string, string>? values) ? values : ImmutableDictionary<string, string>.Empty);

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
