using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using RecordingGen.Generator;
using RecordingGen.Generator.Emit;
using RecordingGen.Generator.Model;
using RecordingGen.Generator.Naming;
using RecordingGen.Internal;

namespace RecordingGen.Build.Facade
{
    /// <summary>
    /// Writes the <c>Recordings</c> facade as an assembly of its own, with the data as its managed resource: the
    /// same classes, members and tools classes the generator's C# facade declares (see <c>FacadeEmitter</c> and
    /// <c>ToolsEmitter</c>), each member a few IL instructions. The project compiles against it as a reference,
    /// which costs the compiler a fraction of binding thousands of generated members from source on every build.
    /// Deterministic: the same recordings and library give the same bytes (the module id is a hash of them).
    /// </summary>
    internal sealed class FacadeAssemblyWriter
    {
        private const string AllProperty = "All";
        private const string AllField = "<All>k__BackingField";

        private readonly MetadataBuilder _metadata = new MetadataBuilder();
        private readonly BlobBuilder _il = new BlobBuilder();
        private readonly MethodBodyStreamEncoder _bodies;
        private readonly References _references;
        private readonly string _namespace;
        private readonly List<FacadeTree> _classes = new List<FacadeTree>();
        private readonly List<int> _enclosing = new List<int>();
        private readonly SortedDictionary<string, EquatableArray<string>> _tools;
        private readonly Dictionary<string, int> _indices = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _toolsRows = new Dictionary<string, int>(StringComparer.Ordinal);
        private FieldDefinitionHandle _resourceField;
        private MethodDefinitionHandle _getRecording;
        private MethodDefinitionHandle _rootAllGetter;

        private FacadeAssemblyWriter(string rootNamespace, EquatableArray<RecordingSummary> sortedSummaries, LibraryReference library, LibraryReference core)
        {
            _bodies = new MethodBodyStreamEncoder(_il);
            _namespace = rootNamespace;
            _references = new References(_metadata, library, core);
            for (int i = 0; i < sortedSummaries.Count; i++)
            {
                _indices[sortedSummaries[i].SourcePath] = i;
            }

            _tools = ToolsClassNames.Distinct(sortedSummaries);
        }

        /// <summary>Writes the assembly <paramref name="assemblyName"/> to <paramref name="output"/>.</summary>
        /// <param name="sortedSummaries">The recordings in the data's order (by source path, ordinal), as the manifest lists them.</param>
        /// <param name="data">The data resource (DataResourceFormat) whose fingerprint is <paramref name="fingerprint"/>.</param>
        public static void Write(Stream output, string assemblyName, string rootNamespace, EquatableArray<RecordingSummary> sortedSummaries, ulong fingerprint, byte[] data, LibraryReference library, LibraryReference core)
        {
            var writer = new FacadeAssemblyWriter(rootNamespace, sortedSummaries, library, core);
            writer.WriteTo(output, assemblyName, sortedSummaries, fingerprint, data);
        }

        private void WriteTo(Stream output, string assemblyName, EquatableArray<RecordingSummary> sortedSummaries, ulong fingerprint, byte[] data)
        {
            FacadeTree root = FacadeTree.Build(sortedSummaries);
            AddInPreorder(root, enclosing: -1);

            // The tools classes' rows follow every class of the tree, in the order of their names.
            foreach (string name in _tools.Keys)
            {
                _toolsRows[name] = 2 + _classes.Count + _toolsRows.Count;
            }

            ReservedBlob<GuidHandle> moduleId = _metadata.ReserveGuid();
            _metadata.AddModule(0, _metadata.GetOrAddString(assemblyName + ".dll"), moduleId.Handle, default, default);
            _metadata.AddAssembly(_metadata.GetOrAddString(assemblyName), new Version(1, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.Sha1);
            _metadata.AddTypeDefinition(default, default, _metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));

            WriteRoot(root, sortedSummaries, fingerprint);
            for (int i = 1; i < _classes.Count; i++)
            {
                WriteGroup(_classes[i], _enclosing[i]);
            }

            foreach (KeyValuePair<string, EquatableArray<string>> tools in _tools)
            {
                WriteTools(tools.Key, tools.Value);
            }

            var resources = new BlobBuilder();
            resources.WriteInt32(data.Length);
            resources.WriteBytes(data);
            _metadata.AddManifestResource(ManifestResourceAttributes.Public, _metadata.GetOrAddString(DataResourceFormat.ResourceName), default, 0);

            var pe = new ManagedPEBuilder(
                new PEHeaderBuilder(imageCharacteristics: Characteristics.ExecutableImage | Characteristics.Dll),
                new MetadataRootBuilder(_metadata),
                _il,
                managedResources: resources,
                flags: CorFlags.ILOnly,
                deterministicIdProvider: ContentId);
            var image = new BlobBuilder();
            BlobContentId id = pe.Serialize(image);
            new BlobWriter(moduleId.Content).WriteGuid(id.Guid);
            image.WriteContentTo(output);
        }

        private static BlobContentId ContentId(IEnumerable<Blob> content)
        {
            using var sha = SHA256.Create();
            foreach (Blob blob in content)
            {
                ArraySegment<byte> bytes = blob.GetBytes();
                sha.TransformBlock(bytes.Array!, bytes.Offset, bytes.Count, null, 0);
            }

            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return BlobContentId.FromHash(sha.Hash!);
        }

        /// <summary>
        /// Every class's row number is fixed before any is written: a nested class's row follows its enclosing one's
        /// (the order the runtime requires), and members refer to classes written after them (the tools classes).
        /// </summary>
        private void AddInPreorder(FacadeTree node, int enclosing)
        {
            int index = _classes.Count;
            _classes.Add(node);
            _enclosing.Add(enclosing);
            foreach (FacadeTree group in node.Groups.Values)
            {
                AddInPreorder(group, index);
            }
        }

        private TypeDefinitionHandle ClassHandle(int index) => MetadataTokens.TypeDefinitionHandle(2 + index);

        private TypeDefinitionHandle ToolsHandle(string className) => MetadataTokens.TypeDefinitionHandle(_toolsRows[className]);

        private int NextField => _metadata.GetRowCount(TableIndex.Field) + 1;

        private int NextMethod => _metadata.GetRowCount(TableIndex.MethodDef) + 1;

        private void WriteRoot(FacadeTree root, EquatableArray<RecordingSummary> sortedSummaries, ulong fingerprint)
        {
            TypeDefinitionHandle type = _metadata.AddTypeDefinition(
                TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit,
                _metadata.GetOrAddString(_namespace),
                _metadata.GetOrAddString(FacadeTree.RootClassName),
                _references.Object,
                MetadataTokens.FieldDefinitionHandle(NextField),
                MetadataTokens.MethodDefinitionHandle(NextMethod));
            _metadata.AddCustomAttribute(type, _references.GeneratedCodeConstructor, _references.GeneratedCodeValue);

            _resourceField = _metadata.AddFieldDefinition(FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly, _metadata.GetOrAddString(FacadeEmitter.ResourceField), _references.ResourceFieldSignature);
            FieldDefinitionHandle all = _metadata.AddFieldDefinition(FieldAttributes.Private | FieldAttributes.Static | FieldAttributes.InitOnly, _metadata.GetOrAddString(AllField), _references.ListFieldSignature);

            _getRecording = AddMethod(MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig, "GetRecording", _references.GetRecordingSignature, GetRecordingBody(sortedSummaries));
            _rootAllGetter = AddMethod(Getter, "get_" + AllProperty, _references.ListGetterSignature, LoadField(all));

            var init = new InstructionEncoder(new BlobBuilder());
            init.OpCode(ILOpCode.Ldtoken);
            init.Token(type);
            init.Call(_references.GetTypeFromHandle);
            init.OpCode(ILOpCode.Callvirt);
            init.Token(_references.TypeAssembly);
            init.LoadConstantI4(sortedSummaries.Count);
            init.LoadConstantI8(unchecked((long)fingerprint));
            init.OpCode(ILOpCode.Newobj);
            init.Token(_references.ResourceConstructor);
            init.OpCode(ILOpCode.Stsfld);
            init.Token(_resourceField);
            init.OpCode(ILOpCode.Ldsfld);
            init.Token(_resourceField);
            LoadGetRecording(init);
            WriteAllAndMembers(type, root, init, _references.ListOfResource, all, _rootAllGetter);
        }

        private void WriteGroup(FacadeTree group, int enclosing)
        {
            TypeDefinitionHandle type = _metadata.AddTypeDefinition(
                TypeAttributes.NestedPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit,
                default,
                _metadata.GetOrAddString(group.ClassName),
                _references.Object,
                MetadataTokens.FieldDefinitionHandle(NextField),
                MetadataTokens.MethodDefinitionHandle(NextMethod));
            _metadata.AddNestedType(type, ClassHandle(enclosing));

            FieldDefinitionHandle all = _metadata.AddFieldDefinition(FieldAttributes.Private | FieldAttributes.Static | FieldAttributes.InitOnly, _metadata.GetOrAddString(AllField), _references.ListFieldSignature);
            MethodDefinitionHandle allGetter = AddMethod(Getter, "get_" + AllProperty, _references.ListGetterSignature, LoadField(all));

            // All = new RecordingList(new[] { indices }, GetRecording, (RecordingList)Recordings.All)
            var init = new InstructionEncoder(new BlobBuilder());
            var indices = new List<int>();
            foreach (RecordingSummary summary in group.AllRecordings())
            {
                indices.Add(_indices[summary.SourcePath]);
            }

            init.LoadConstantI4(indices.Count);
            init.OpCode(ILOpCode.Newarr);
            init.Token(_references.Int32);
            for (int i = 0; i < indices.Count; i++)
            {
                init.OpCode(ILOpCode.Dup);
                init.LoadConstantI4(i);
                init.LoadConstantI4(indices[i]);
                init.OpCode(ILOpCode.Stelem_i4);
            }

            LoadGetRecording(init);
            init.Call(_rootAllGetter);
            init.OpCode(ILOpCode.Castclass);
            init.Token(_references.RecordingList);
            WriteAllAndMembers(type, group, init, _references.ListOfIndices, all, allGetter);
        }

        /// <summary>
        /// The end of a class: its initializer, which <paramref name="init"/> has brought to the arguments of the
        /// <c>RecordingList</c> constructor <paramref name="list"/>, storing the list in <c>All</c>'s field; then a
        /// getter per recording and the properties.
        /// </summary>
        private void WriteAllAndMembers(TypeDefinitionHandle type, FacadeTree node, InstructionEncoder init, MemberReferenceHandle list, FieldDefinitionHandle all, MethodDefinitionHandle allGetter)
        {
            init.OpCode(ILOpCode.Newobj);
            init.Token(list);
            init.OpCode(ILOpCode.Stsfld);
            init.Token(all);
            init.OpCode(ILOpCode.Ret);
            AddMethod(Initializer, ".cctor", _references.InitializerSignature, init);

            List<(string Name, MethodDefinitionHandle Getter, BlobHandle Property)> getters = WriteRecordingGetters(node);
            _metadata.AddPropertyMap(type, MetadataTokens.PropertyDefinitionHandle(_metadata.GetRowCount(TableIndex.Property) + 1));
            AddProperty(AllProperty, _references.ListPropertySignature, allGetter);
            foreach ((string name, MethodDefinitionHandle getter, BlobHandle property) in getters)
            {
                AddProperty(name, property, getter);
            }
        }

        /// <summary>One static getter per recording: the resource's recording at its index, typed by its tools class when it has one.</summary>
        private List<(string Name, MethodDefinitionHandle Getter, BlobHandle Property)> WriteRecordingGetters(FacadeTree node)
        {
            var getters = new List<(string Name, MethodDefinitionHandle Getter, BlobHandle Property)>();
            foreach ((string name, RecordingSummary summary) in node.Recordings)
            {
                var il = new InstructionEncoder(new BlobBuilder());
                il.OpCode(ILOpCode.Ldsfld);
                il.Token(_resourceField);
                il.LoadConstantI4(_indices[summary.SourcePath]);
                il.OpCode(ILOpCode.Callvirt);
                BlobHandle signature, property;
                if (summary.ToolNames.Count == 0)
                {
                    il.Token(_references.Get);
                    signature = _references.RecordingGetterSignature;
                    property = _references.RecordingPropertySignature;
                }
                else
                {
                    TypeDefinitionHandle tools = ToolsHandle(ToolsClassNames.Of(summary.ToolNames));
                    il.Token(_references.GetWithTools(tools));
                    signature = _references.RecordingWithToolsGetterSignature(tools);
                    property = _references.RecordingWithToolsPropertySignature(tools);
                }

                il.OpCode(ILOpCode.Ret);
                getters.Add((name, AddMethod(Getter, "get_" + name, signature, il), property));
            }

            return getters;
        }

        private void AddProperty(string name, BlobHandle signature, MethodDefinitionHandle getter)
        {
            PropertyDefinitionHandle property = _metadata.AddProperty(PropertyAttributes.None, _metadata.GetOrAddString(name), signature);
            _metadata.AddMethodSemantics(property, MethodSemanticsAttributes.Getter, getter);
        }

        /// <summary>
        /// The recording at an index of <c>All</c>: one IL <c>switch</c> over the indices, whose cases for recordings
        /// with tools go to one block per tools class (the recording's type is its tools class); every other index
        /// falls through to the resource's untyped reader.
        /// </summary>
        private InstructionEncoder GetRecordingBody(EquatableArray<RecordingSummary> sortedSummaries)
        {
            var il = new InstructionEncoder(new BlobBuilder());
            var blocks = new List<string>(_tools.Keys);
            const int BlockLength = 12; // ldsfld (5), ldarg.0 (1), callvirt (5), ret (1)
            if (blocks.Count > 0)
            {
                il.LoadArgument(0);
                il.OpCode(ILOpCode.Switch);
                il.CodeBuilder.WriteInt32(sortedSummaries.Count);
                for (int i = 0; i < sortedSummaries.Count; i++)
                {
                    // Relative to the end of the table, where the untyped block starts.
                    int block = sortedSummaries[i].ToolNames.Count == 0 ? -1 : blocks.IndexOf(ToolsClassNames.Of(sortedSummaries[i].ToolNames));
                    il.CodeBuilder.WriteInt32((block + 1) * BlockLength);
                }
            }

            int start = il.Offset;
            WriteReadBlock(il, _references.Get);
            foreach (string tools in blocks)
            {
                WriteReadBlock(il, _references.GetWithTools(ToolsHandle(tools)));
            }

            if (il.Offset - start != (blocks.Count + 1) * BlockLength)
            {
                throw new InvalidOperationException("The switch's blocks are not " + BlockLength + " bytes long.");
            }

            return il;
        }

        private void WriteReadBlock(InstructionEncoder il, EntityHandle read)
        {
            il.OpCode(ILOpCode.Ldsfld);
            il.Token(_resourceField);
            il.LoadArgument(0);
            il.OpCode(ILOpCode.Callvirt);
            il.Token(read);
            il.OpCode(ILOpCode.Ret);
        }

        /// <summary>A tools class: a public constructor (the readers' <c>new()</c>) and a member per tool, reading the tool at its position.</summary>
        private void WriteTools(string className, EquatableArray<string> toolNames)
        {
            TypeDefinitionHandle type = _metadata.AddTypeDefinition(
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit,
                _metadata.GetOrAddString(_namespace + "." + DataEmitter.DataNamespaceSuffix),
                _metadata.GetOrAddString(className),
                _references.RecordingTools,
                MetadataTokens.FieldDefinitionHandle(NextField),
                MetadataTokens.MethodDefinitionHandle(NextMethod));
            _metadata.AddCustomAttribute(type, _references.GeneratedCodeConstructor, _references.GeneratedCodeValue);
            _metadata.AddCustomAttribute(type, _references.EditorBrowsableConstructor, _references.NeverBrowsableValue);

            var constructor = new InstructionEncoder(new BlobBuilder());
            constructor.LoadArgument(0);
            constructor.Call(_references.ToolsConstructor);
            constructor.OpCode(ILOpCode.Ret);
            AddMethod(MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName, ".ctor", _references.ConstructorSignature, constructor);

            List<string> members = ToolMemberNames.Of(toolNames);
            var getters = new List<MethodDefinitionHandle>();
            for (int i = 0; i < members.Count; i++)
            {
                var il = new InstructionEncoder(new BlobBuilder());
                il.LoadArgument(0);
                il.LoadConstantI4(i);
                il.Call(_references.Tool);
                il.OpCode(ILOpCode.Ret);
                getters.Add(AddMethod(MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName, "get_" + members[i], _references.ToolGetterSignature, il));
            }

            _metadata.AddPropertyMap(type, MetadataTokens.PropertyDefinitionHandle(_metadata.GetRowCount(TableIndex.Property) + 1));
            for (int i = 0; i < members.Count; i++)
            {
                AddProperty(members[i], _references.ToolPropertySignature, getters[i]);
            }
        }

        private const MethodAttributes Getter = MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName;

        private const MethodAttributes Initializer = MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName;

        private MethodDefinitionHandle AddMethod(MethodAttributes attributes, string name, BlobHandle signature, InstructionEncoder body)
        {
            int offset = _bodies.AddMethodBody(body, maxStack: 8, localVariablesSignature: default, attributes: MethodBodyAttributes.None);
            return _metadata.AddMethodDefinition(attributes, MethodImplAttributes.IL, _metadata.GetOrAddString(name), signature, offset, MetadataTokens.ParameterHandle(_metadata.GetRowCount(TableIndex.Param) + 1));
        }

        private static InstructionEncoder LoadField(FieldDefinitionHandle field)
        {
            var il = new InstructionEncoder(new BlobBuilder());
            il.OpCode(ILOpCode.Ldsfld);
            il.Token(field);
            il.OpCode(ILOpCode.Ret);
            return il;
        }

        private void LoadGetRecording(InstructionEncoder il)
        {
            il.OpCode(ILOpCode.Ldnull);
            il.OpCode(ILOpCode.Ldftn);
            il.Token(_getRecording);
            il.OpCode(ILOpCode.Newobj);
            il.Token(_references.ReaderConstructor);
        }
    }
}
