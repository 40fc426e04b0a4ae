using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RecordingGen.IntegrationTests
{
    /// <summary>What a built assembly embeds, read from its metadata without loading it.</summary>
    internal static class AssemblyResources
    {
        public static List<string> Names(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader metadata = pe.GetMetadataReader();
            var names = new List<string>();
            foreach (ManifestResourceHandle handle in metadata.ManifestResources)
            {
                names.Add(metadata.GetString(metadata.GetManifestResource(handle).Name));
            }

            return names;
        }
    }
}
