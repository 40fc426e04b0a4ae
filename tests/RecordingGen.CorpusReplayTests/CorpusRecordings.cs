extern alias generator;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using generator::RecordingGen.Generator.Model;
using generator::RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Internal;
using RecordingGen.Tests.Shared;
using Xunit;

namespace RecordingGen.CorpusReplayTests
{
    /// <summary>
    /// Every corpus file read into the fixture a build would give (the generator's parser and the library's reader,
    /// the same calls the generated class makes), once for all tests of the collection.
    /// </summary>
    public sealed class CorpusRecordings
    {
        private readonly Lazy<IReadOnlyList<Recording>> _all = new Lazy<IReadOnlyList<Recording>>(Load);

        public IReadOnlyList<Recording> All => _all.Value;

        private static IReadOnlyList<Recording> Load()
        {
            string root = Corpus.Unpack();
            var options = new GeneratorOptions(root);
            var recordings = new List<Recording>();
            foreach (string path in Corpus.Files(root))
            {
                ParseResult result = RecordingParser.Parse(new InMemoryAdditionalText(path, File.ReadAllText(path)), options, CancellationToken.None);
                if (result.Data is { } data)
                {
                    recordings.Add(RecordingDataReader.Read(
                        data.SourcePath,
                        data.Request.Program,
                        data.Request.PackedStrings,
                        data.Request.LongStrings.Count == 0 ? null : data.Request.LongStrings.Items.ToArray(),
                        data.Response.Program,
                        data.Response.PackedStrings,
                        data.Response.LongStrings.Count == 0 ? null : data.Response.LongStrings.Items.ToArray()));
                }
            }

            return recordings;
        }
    }

    [CollectionDefinition(Name)]
    public sealed class CorpusCollection : ICollectionFixture<CorpusRecordings>
    {
        public const string Name = "corpus";
    }
}
