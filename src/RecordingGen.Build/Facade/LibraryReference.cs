using System;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace RecordingGen.Build.Facade
{
    /// <summary>
    /// An assembly the facade assembly refers to, as the compiler will match it: the RecordingGen library the project
    /// compiles against, and the core library that library itself refers to (<c>System.Runtime</c> for its .NET build,
    /// <c>netstandard</c> for the other), so the facade resolves wherever the library does.
    /// </summary>
    internal sealed class LibraryReference
    {
        private static readonly string[] CoreLibraries = { "System.Runtime", "netstandard", "mscorlib" };

        private LibraryReference(string name, Version version, string culture, ImmutableArray<byte> publicKeyToken)
        {
            Name = name;
            Version = version;
            Culture = culture;
            PublicKeyToken = publicKeyToken;
        }

        public string Name { get; }

        public Version Version { get; }

        public string Culture { get; }

        public ImmutableArray<byte> PublicKeyToken { get; }

        /// <summary>The library at <paramref name="path"/>, and the core library it refers to.</summary>
        public static (LibraryReference Library, LibraryReference Core) Read(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var pe = new PEReader(stream);
            MetadataReader reader = pe.GetMetadataReader();
            AssemblyDefinition definition = reader.GetAssemblyDefinition();
            var library = new LibraryReference(reader.GetString(definition.Name), definition.Version, reader.GetString(definition.Culture), TokenOf(reader.GetBlobBytes(definition.PublicKey)));
            foreach (AssemblyReferenceHandle handle in reader.AssemblyReferences)
            {
                AssemblyReference reference = reader.GetAssemblyReference(handle);
                string name = reader.GetString(reference.Name);
                if (Array.IndexOf(CoreLibraries, name) >= 0)
                {
                    ImmutableArray<byte> key = reader.GetBlobContent(reference.PublicKeyOrToken);
                    bool fullKey = (reference.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0;
                    return (library, new LibraryReference(name, reference.Version, reader.GetString(reference.Culture), fullKey ? TokenOf(key.ToBuilder().ToArray()) : key));
                }
            }

            throw new BadImageFormatException(path + " refers to none of " + string.Join(", ", CoreLibraries) + ".");
        }

        /// <summary>A public key's token: the last eight bytes of its SHA-1, reversed (ECMA-335 II.6.3).</summary>
        private static ImmutableArray<byte> TokenOf(byte[] publicKey)
        {
            if (publicKey.Length == 0)
            {
                return ImmutableArray<byte>.Empty;
            }

            using var sha1 = SHA1.Create();
            byte[] hash = sha1.ComputeHash(publicKey);
            byte[] token = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                token[i] = hash[hash.Length - 1 - i];
            }

            return ImmutableArray.Create(token);
        }
    }
}
