using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RecordingGen.Build;
using RecordingGen.Build.Facade;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Input;
using RecordingGen.Generator.Manifest;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Parsing;
using RecordingGen.Generator.Tests.Infrastructure;
using RecordingGen.Tests.Shared;
using Xunit;

namespace RecordingGen.Generator.Tests
{
    /// <summary>
    /// The facade assembly the build task writes declares what the generator's C# facade declares for the same
    /// recordings: the same classes, nested the same way, the same members of the same types, the same tools classes
    /// with the same tools, as the compiler sees them (Roslyn symbols of the two, compared as text).
    /// </summary>
    public sealed class FacadeAssemblyTests
    {
        [Fact]
        public void The_assembly_declares_what_the_CSharp_facade_declares_for_the_own_recordings()
            => AssertSameSurface(GeneratorHarness.OwnRecordings());

        [SharedRecordingsFact]
        public void The_assembly_declares_what_the_CSharp_facade_declares_for_the_shared_recordings()
            => AssertSameSurface(Directory.GetFiles(TestPaths.SharedRecordings, "*.json", SearchOption.AllDirectories)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => GeneratorHarness.File("recordings/shared/" + Path.GetRelativePath(TestPaths.SharedRecordings, path).Replace('\\', '/'), File.ReadAllText(path)))
                .Concat(GeneratorHarness.OwnRecordings())
                .ToList());

        [CorpusFact]
        public void The_assembly_declares_what_the_CSharp_facade_declares_for_the_corpus()
        {
            string corpus = Corpus.Unpack();
            AssertSameSurface(Corpus.Files(corpus)
                .Select(path => GeneratorHarness.File("recordings/" + Path.GetRelativePath(corpus, path).Replace('\\', '/'), File.ReadAllText(path)))
                .ToList());
        }

        private static void AssertSameSurface(List<AdditionalText> files)
        {
            // What the task writes for these files, by its own code.
            EncodedRecordings encoded = EncodedRecordings.Of(
                files.Select(file => RecordingFile.Of(file)).ToList(), new GeneratorOptions(GeneratorHarness.ProjectDirectory), Array.Empty<DiagnosticInfo>());
            RecordingManifest manifest = encoded.Manifest;

            // The C# facade, as the generator emits it from the task's manifest.
            var manifestText = new InMemoryAdditionalText(GeneratorHarness.ProjectDirectory + "/obj/" + RecordingManifest.FileName, ManifestWriter.Write(manifest));
            GeneratorOutput generated = GeneratorHarness.Run(files.Append(manifestText), GeneratorHarness.Options(dataResource: true));
            Assert.Empty(generated.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

            // The assembly, as the task writes it, seen through a compilation that references it.
            (LibraryReference library, LibraryReference core) = LibraryReference.Read(typeof(Recording).Assembly.Location);
            using var image = new MemoryStream();
            FacadeAssemblyWriter.Write(image, "Consumer.Recordings", GeneratorHarness.Namespace, manifest.Summaries, encoded.Fingerprint, encoded.Data, library, core);
            CSharpCompilation referencing = GeneratorHarness.CreateCompilation(
                    "class Uses { object First => " + GeneratorHarness.Namespace + ".Recordings.All[0]; }")
                .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
            Assert.Empty(referencing.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

            string fromSource = Describe(generated.Compilation.GetTypeByMetadataName(GeneratorHarness.Namespace + ".Recordings")!);
            string fromAssembly = Describe(referencing.GetTypeByMetadataName(GeneratorHarness.Namespace + ".Recordings")!);
            Assert.Contains("Recording<", fromSource, StringComparison.Ordinal);
            Assert.Contains("  class ", fromSource, StringComparison.Ordinal);
            Assert.Equal(fromSource, fromAssembly);
        }

        /// <summary>A class's public surface, nested classes indented, and the tools classes its members' types name.</summary>
        private static string Describe(INamedTypeSymbol root)
        {
            var lines = new List<string>();
            var tools = new SortedDictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
            void Walk(INamedTypeSymbol type, string indent)
            {
                lines.Add(indent + "class " + type.Name + (type.IsStatic ? " static" : string.Empty) + " " + type.DeclaredAccessibility);
                foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>().Where(property => property.DeclaredAccessibility == Accessibility.Public).OrderBy(property => property.Name, StringComparer.Ordinal))
                {
                    lines.Add(indent + "  " + property.Type.ToDisplayString() + " " + property.Name + (property.IsStatic ? " static" : string.Empty));
                    if (property.Type is INamedTypeSymbol { IsGenericType: true } recording)
                    {
                        tools[recording.TypeArguments[0].ToDisplayString()] = (INamedTypeSymbol)recording.TypeArguments[0];
                    }
                }

                foreach (INamedTypeSymbol nested in type.GetTypeMembers().Where(nested => nested.DeclaredAccessibility == Accessibility.Public).OrderBy(nested => nested.Name, StringComparer.Ordinal))
                {
                    Walk(nested, indent + "  ");
                }
            }

            Walk(root, string.Empty);
            foreach (INamedTypeSymbol type in tools.Values)
            {
                lines.Add("tools " + type.ToDisplayString() + " : " + type.BaseType!.ToDisplayString() + (type.IsSealed ? " sealed" : string.Empty)
                    + " new()=" + type.InstanceConstructors.Any(constructor => constructor.Parameters.IsEmpty && constructor.DeclaredAccessibility == Accessibility.Public));
                lines.AddRange(type.GetMembers().OfType<IPropertySymbol>().Select(property => "  " + property.Type.ToDisplayString() + " " + property.Name));
            }

            return string.Join("\n", lines);
        }
    }
}
