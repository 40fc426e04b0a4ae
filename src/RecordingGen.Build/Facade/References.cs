using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using RecordingGen.Generator;

namespace RecordingGen.Build.Facade
{
    /// <summary>
    /// The types and members of the core library and of RecordingGen's library that the facade assembly's IL names,
    /// and the signatures it declares, each added to the metadata once.
    /// </summary>
    internal sealed class References
    {
        private readonly MetadataBuilder _metadata;
        private readonly Dictionary<TypeDefinitionHandle, EntityHandle> _getWithTools = new Dictionary<TypeDefinitionHandle, EntityHandle>();
        private readonly EntityHandle _getGeneric;
        private readonly TypeReferenceHandle _recording;
        private readonly TypeReferenceHandle _recordingOfTools;
        private readonly TypeReferenceHandle _readOnlyList;
        private readonly TypeReferenceHandle _func;

        public References(MetadataBuilder metadata, LibraryReference library, LibraryReference core)
        {
            _metadata = metadata;
            AssemblyReferenceHandle coreAssembly = AddAssembly(core);
            AssemblyReferenceHandle libraryAssembly = AddAssembly(library);

            Object = Type(coreAssembly, "System", "Object");
            Int32 = Type(coreAssembly, "System", "Int32");
            TypeReferenceHandle type = Type(coreAssembly, "System", "Type");
            TypeReferenceHandle typeHandle = Type(coreAssembly, "System", "RuntimeTypeHandle");
            TypeReferenceHandle assembly = Type(coreAssembly, "System.Reflection", "Assembly");
            _func = Type(coreAssembly, "System", "Func`2");
            _readOnlyList = Type(coreAssembly, "System.Collections.Generic", "IReadOnlyList`1");

            _recording = Type(libraryAssembly, "RecordingGen", "Recording");
            _recordingOfTools = Type(libraryAssembly, "RecordingGen", "Recording`1");
            TypeReferenceHandle toolDefinition = Type(libraryAssembly, "RecordingGen", "ToolDefinition");
            TypeReferenceHandle resource = Type(libraryAssembly, "RecordingGen.Internal", "RecordingResource");
            RecordingList = Type(libraryAssembly, "RecordingGen.Internal", "RecordingList");
            RecordingTools = Type(libraryAssembly, "RecordingGen.Internal", "RecordingTools");

            GetTypeFromHandle = Member(type, "GetTypeFromHandle", Signature(e => e.MethodSignature().Parameters(1, r => r.Type().Type(type, false), p => p.AddParameter().Type().Type(typeHandle, true))));
            TypeAssembly = Member(type, "get_Assembly", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(0, r => r.Type().Type(assembly, false), _ => { })));
            ResourceConstructor = Member(resource, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(3, r => r.Void(), p =>
            {
                p.AddParameter().Type().Type(assembly, false);
                p.AddParameter().Type().Int32();
                p.AddParameter().Type().UInt64();
            })));
            Get = Member(resource, "Get", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(1, r => r.Type().Type(_recording, false), p => p.AddParameter().Type().Int32())));
            _getGeneric = Member(resource, "Get", Signature(e => e.MethodSignature(genericParameterCount: 1, isInstanceMethod: true).Parameters(
                1,
                r => r.Type().GenericInstantiation(_recordingOfTools, 1, false).AddArgument().GenericMethodTypeParameter(0),
                p => p.AddParameter().Type().Int32())));

            TypeSpecificationHandle reader = _metadata.AddTypeSpecification(Signature(e => Reader(e.TypeSpecificationSignature())));
            ReaderConstructor = Member(reader, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(2, r => r.Void(), p =>
            {
                p.AddParameter().Type().Object();
                p.AddParameter().Type().IntPtr();
            })));
            ListOfResource = Member(RecordingList, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(2, r => r.Void(), p =>
            {
                p.AddParameter().Type().Type(resource, false);
                Reader(p.AddParameter().Type());
            })));
            ListOfIndices = Member(RecordingList, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(3, r => r.Void(), p =>
            {
                p.AddParameter().Type().SZArray().Int32();
                Reader(p.AddParameter().Type());
                p.AddParameter().Type().Type(RecordingList, false);
            })));
            ToolsConstructor = Member(RecordingTools, ".ctor", ConstructorSignature = Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(0, r => r.Void(), _ => { })));
            TypeReferenceHandle generatedCode = Type(coreAssembly, "System.CodeDom.Compiler", "GeneratedCodeAttribute");
            TypeReferenceHandle editorBrowsable = Type(coreAssembly, "System.ComponentModel", "EditorBrowsableAttribute");
            TypeReferenceHandle editorBrowsableState = Type(coreAssembly, "System.ComponentModel", "EditorBrowsableState");
            GeneratedCodeConstructor = Member(generatedCode, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(2, r => r.Void(), p =>
            {
                p.AddParameter().Type().String();
                p.AddParameter().Type().String();
            })));
            EditorBrowsableConstructor = Member(editorBrowsable, ".ctor", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(1, r => r.Void(), p => p.AddParameter().Type().Type(editorBrowsableState, true))));
            GeneratedCodeValue = Signature(e => e.CustomAttributeSignature(
                arguments =>
                {
                    arguments.AddArgument().Scalar().Constant("RecordingGen");
                    arguments.AddArgument().Scalar().Constant(ThisAssembly.Version);
                },
                named => named.Count(0)));

            // EditorBrowsableState.Never, an enum argument stored as its int32 value.
            NeverBrowsableValue = Signature(e => e.CustomAttributeSignature(arguments => arguments.AddArgument().Scalar().Constant(1), named => named.Count(0)));
            Tool = Member(RecordingTools, "Tool__", Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(1, r => r.Type().Type(toolDefinition, false), p => p.AddParameter().Type().Int32())));

            ResourceFieldSignature = Signature(e => e.FieldSignature().Type(resource, false));
            ListFieldSignature = Signature(e => List(e.FieldSignature()));
            ListGetterSignature = Signature(e => e.MethodSignature().Parameters(0, r => List(r.Type()), _ => { }));
            ListPropertySignature = Signature(e => e.PropertySignature().Parameters(0, r => List(r.Type()), _ => { }));
            GetRecordingSignature = Signature(e => e.MethodSignature().Parameters(1, r => r.Type().Type(_recording, false), p => p.AddParameter().Type().Int32()));
            RecordingGetterSignature = Signature(e => e.MethodSignature().Parameters(0, r => r.Type().Type(_recording, false), _ => { }));
            RecordingPropertySignature = Signature(e => e.PropertySignature().Parameters(0, r => r.Type().Type(_recording, false), _ => { }));
            InitializerSignature = Signature(e => e.MethodSignature().Parameters(0, r => r.Void(), _ => { }));
            ToolGetterSignature = Signature(e => e.MethodSignature(isInstanceMethod: true).Parameters(0, r => r.Type().Type(toolDefinition, false), _ => { }));
            ToolPropertySignature = Signature(e => e.PropertySignature(isInstanceProperty: true).Parameters(0, r => r.Type().Type(toolDefinition, false), _ => { }));
        }

        public TypeReferenceHandle Object { get; }

        public TypeReferenceHandle Int32 { get; }

        public TypeReferenceHandle RecordingList { get; }

        public TypeReferenceHandle RecordingTools { get; }

        public MemberReferenceHandle GetTypeFromHandle { get; }

        public MemberReferenceHandle TypeAssembly { get; }

        public MemberReferenceHandle ResourceConstructor { get; }

        /// <summary><c>RecordingResource.Get(int)</c>.</summary>
        public MemberReferenceHandle Get { get; }

        /// <summary><c>Func&lt;int, Recording&gt;</c>'s constructor.</summary>
        public MemberReferenceHandle ReaderConstructor { get; }

        /// <summary><c>new RecordingList(RecordingResource, Func&lt;int, Recording&gt;)</c>.</summary>
        public MemberReferenceHandle ListOfResource { get; }

        /// <summary><c>new RecordingList(int[], Func&lt;int, Recording&gt;, RecordingList)</c>.</summary>
        public MemberReferenceHandle ListOfIndices { get; }

        public MemberReferenceHandle ToolsConstructor { get; }

        /// <summary><c>RecordingTools.Tool__(int)</c>.</summary>
        public MemberReferenceHandle Tool { get; }

        public BlobHandle ConstructorSignature { get; }

        /// <summary><c>[GeneratedCode("RecordingGen", version)]</c>, as the C# facade carries it.</summary>
        public MemberReferenceHandle GeneratedCodeConstructor { get; }

        public BlobHandle GeneratedCodeValue { get; }

        /// <summary><c>[EditorBrowsable(EditorBrowsableState.Never)]</c>: IDEs hide the tools classes, which tests reach through a recording's <c>Tools</c>.</summary>
        public MemberReferenceHandle EditorBrowsableConstructor { get; }

        public BlobHandle NeverBrowsableValue { get; }

        public BlobHandle ResourceFieldSignature { get; }

        public BlobHandle ListFieldSignature { get; }

        public BlobHandle ListGetterSignature { get; }

        public BlobHandle ListPropertySignature { get; }

        public BlobHandle GetRecordingSignature { get; }

        public BlobHandle RecordingGetterSignature { get; }

        public BlobHandle InitializerSignature { get; }

        public BlobHandle ToolGetterSignature { get; }

        public BlobHandle ToolPropertySignature { get; }

        /// <summary><c>RecordingResource.Get&lt;TTools&gt;(int)</c> for one tools class.</summary>
        public EntityHandle GetWithTools(TypeDefinitionHandle tools)
        {
            if (!_getWithTools.TryGetValue(tools, out EntityHandle handle))
            {
                handle = _metadata.AddMethodSpecification(_getGeneric, Signature(e => e.MethodSpecificationSignature(1).AddArgument().Type(tools, false)));
                _getWithTools[tools] = handle;
            }

            return handle;
        }

        /// <summary>A static getter returning <c>Recording&lt;TTools&gt;</c>.</summary>
        public BlobHandle RecordingWithToolsGetterSignature(TypeDefinitionHandle tools)
            => Signature(e => e.MethodSignature().Parameters(0, r => RecordingOf(r.Type(), tools), _ => { }));

        /// <summary>A static property of type <c>Recording&lt;TTools&gt;</c>.</summary>
        public BlobHandle RecordingWithToolsPropertySignature(TypeDefinitionHandle tools)
            => Signature(e => e.PropertySignature().Parameters(0, r => RecordingOf(r.Type(), tools), _ => { }));

        public BlobHandle RecordingPropertySignature { get; }

        private void RecordingOf(SignatureTypeEncoder type, TypeDefinitionHandle tools)
            => type.GenericInstantiation(_recordingOfTools, 1, false).AddArgument().Type(tools, false);

        /// <summary><c>Func&lt;int, Recording&gt;</c>.</summary>
        private void Reader(SignatureTypeEncoder type)
        {
            GenericTypeArgumentsEncoder arguments = type.GenericInstantiation(_func, 2, false);
            arguments.AddArgument().Int32();
            arguments.AddArgument().Type(_recording, false);
        }

        private void List(SignatureTypeEncoder type) => type.GenericInstantiation(_readOnlyList, 1, false).AddArgument().Type(_recording, false);

        private AssemblyReferenceHandle AddAssembly(LibraryReference reference)
            => _metadata.AddAssemblyReference(
                _metadata.GetOrAddString(reference.Name),
                reference.Version,
                string.IsNullOrEmpty(reference.Culture) ? default : _metadata.GetOrAddString(reference.Culture),
                reference.PublicKeyToken.IsEmpty ? default : _metadata.GetOrAddBlob(reference.PublicKeyToken),
                default,
                default);

        private TypeReferenceHandle Type(AssemblyReferenceHandle assembly, string ns, string name)
            => _metadata.AddTypeReference(assembly, _metadata.GetOrAddString(ns), _metadata.GetOrAddString(name));

        private MemberReferenceHandle Member(EntityHandle parent, string name, BlobHandle signature)
            => _metadata.AddMemberReference(parent, _metadata.GetOrAddString(name), signature);

        private BlobHandle Signature(Action<BlobEncoder> write)
        {
            var builder = new BlobBuilder();
            write(new BlobEncoder(builder));
            return _metadata.GetOrAddBlob(builder);
        }
    }
}
