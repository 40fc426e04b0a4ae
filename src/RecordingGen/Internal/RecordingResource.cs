using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Threading;

namespace RecordingGen.Internal
{
    /// <summary>
    /// The recordings of an assembly whose data the build embedded as a resource (see DataResourceFormat) rather
    /// than as C# literals. A recording is read from the resource and decoded on first access, once; the resource
    /// is checked against the generated code, so a stale or missing one fails with what to do instead of answering
    /// with another recording's data. Created by generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RecordingResource
    {
        private readonly Assembly _assembly;
        private readonly ulong _fingerprint;
        private readonly Recording?[] _recordings;
        private Tables? _tables;
        private string[]? _paths;

        /// <summary>
        /// Creates the reader of <paramref name="assembly"/>'s <paramref name="count"/> recordings (sorted by source path,
        /// ordinally), whose paths and data the generator fingerprinted as <paramref name="fingerprint"/>. The paths are
        /// the resource's: the fingerprint covers them, so the generated code need not list them again.
        /// </summary>
        public RecordingResource(Assembly assembly, int count, ulong fingerprint)
        {
            _assembly = assembly ?? throw new ArgumentNullException(nameof(assembly));
            _fingerprint = fingerprint;
            _recordings = new Recording?[count];
        }

        /// <summary>The number of recordings the generated code lists.</summary>
        public int Count => _recordings.Length;

        /// <summary>Every recording's source path, in order, read from the resource (without decoding a recording) once.</summary>
        public string[] Paths
        {
            get
            {
                if (Volatile.Read(ref _paths) is { } paths)
                {
                    return paths;
                }

                using Stream stream = Open();
                Tables tables = Volatile.Read(ref _tables) ?? Publish(ReadTables(stream));
                var read = new string[_recordings.Length];
                byte[] number = new byte[4];
                for (int i = 0; i < read.Length; i++)
                {
                    stream.Position = tables.Records[i];
                    Fill(stream, number, 0, 4);
                    int position = 0;
                    read[i] = ReadString(stream, tables, number, ref position);
                }

                return Interlocked.CompareExchange(ref _paths, read, null) ?? read;
            }
        }

        /// <summary>The recording at <paramref name="index"/> of the sorted paths.</summary>
        public Recording Get(int index)
        {
            if (Volatile.Read(ref _recordings[index]) is { } cached)
            {
                return cached;
            }

            var record = ReadRecord(index);
            return Publish(index, RecordingDataReader.Read(record.Path, record.RequestProgram, record.RequestStrings, record.RequestLongStrings, record.ResponseProgram, record.ResponseStrings, record.ResponseLongStrings));
        }

        /// <summary>The recording at <paramref name="index"/>, whose request offered the tools <typeparamref name="TTools"/> names.</summary>
        public Recording<TTools> Get<TTools>(int index)
            where TTools : RecordingTools, new()
        {
            if (Volatile.Read(ref _recordings[index]) is { } cached)
            {
                return (Recording<TTools>)cached;
            }

            var record = ReadRecord(index);
            return (Recording<TTools>)Publish(index, RecordingDataReader.Read(record.Path, record.RequestProgram, record.RequestStrings, record.RequestLongStrings, record.ResponseProgram, record.ResponseStrings, record.ResponseLongStrings, Attach<TTools>));
        }

        private static TTools Attach<TTools>(Recording recording)
            where TTools : RecordingTools, new()
        {
            var tools = new TTools();
            tools.Attach(recording);
            return tools;
        }

        private Tables Publish(Tables tables) => Interlocked.CompareExchange(ref _tables, tables, null) ?? tables;

        /// <summary>One instance per recording, whichever thread decoded it first.</summary>
        private Recording Publish(int index, Recording recording)
            => Interlocked.CompareExchange(ref _recordings[index], recording, null) ?? recording;

        private (string Path, string RequestProgram, string RequestStrings, string[]? RequestLongStrings, string ResponseProgram, string ResponseStrings, string[]? ResponseLongStrings) ReadRecord(int index)
        {
            using Stream stream = Open();
            Tables tables = Volatile.Read(ref _tables) ?? Publish(ReadTables(stream));
            byte[] numbers = new byte[tables.Records[index + 1] - tables.Records[index]];
            stream.Position = tables.Records[index];
            Fill(stream, numbers, 0, numbers.Length);

            int position = 0;
            return (
                ReadString(stream, tables, numbers, ref position),
                ReadString(stream, tables, numbers, ref position),
                ReadString(stream, tables, numbers, ref position),
                ReadStrings(stream, tables, numbers, ref position),
                ReadString(stream, tables, numbers, ref position),
                ReadString(stream, tables, numbers, ref position),
                ReadStrings(stream, tables, numbers, ref position));
        }

        private Tables ReadTables(Stream stream)
        {
            byte[] header = new byte[DataResourceFormat.HeaderLength];
            Fill(stream, header, 0, header.Length);
            int magic = Int32(header, 0);
            int version = Int32(header, 4);
            ulong fingerprint = (uint)Int32(header, 8) | ((ulong)(uint)Int32(header, 12) << 32);
            int count = Int32(header, 16);
            int strings = Int32(header, 20);
            if (magic != DataResourceFormat.Magic)
            {
                throw Stale("it does not begin as RecordingGen's data does");
            }

            if (version != DataResourceFormat.Version)
            {
                throw new InvalidOperationException(
                    "The recordings' data in " + _assembly.GetName().Name + " was written in layout " + version + " but this RecordingGen library reads layout "
                    + DataResourceFormat.Version + ". Use the same version of the RecordingGen package for the build and the library.");
            }

            if (fingerprint != _fingerprint || count != _recordings.Length)
            {
                throw Stale("it holds " + count + " recordings with fingerprint " + fingerprint.ToString("x16", CultureInfo.InvariantCulture)
                    + " where the generated code lists " + _recordings.Length + " with fingerprint " + _fingerprint.ToString("x16", CultureInfo.InvariantCulture));
            }

            return new Tables(ReadInt32s(stream, count + 1), ReadInt32s(stream, strings + 1));
        }

        private static int[] ReadInt32s(Stream stream, int count)
        {
            byte[] bytes = new byte[count * 4];
            Fill(stream, bytes, 0, bytes.Length);
            int[] values = new int[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = Int32(bytes, i * 4);
            }

            return values;
        }

        private Stream Open()
        {
            return _assembly.GetManifestResourceStream(DataResourceFormat.ResourceName)
                ?? throw new InvalidOperationException(
                    "The recordings' data is not embedded in " + _assembly.GetName().Name + " (resource " + DataResourceFormat.ResourceName + "). "
                    + "RecordingGen's build targets embed it when the project builds with `dotnet build` or MSBuild; a build without them "
                    + "needs <RecordingGenDataResource>false</RecordingGenDataResource>, which keeps the data in the generated C#.");
        }

        private InvalidOperationException Stale(string what)
            => new InvalidOperationException(
                "The recordings' data embedded in " + _assembly.GetName().Name + " does not match its generated code: " + what
                + ". A recording changed between writing the data and compiling; rebuild the project.");

        private static void Fill(Stream stream, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int read = stream.Read(buffer, offset, count);
                if (read <= 0)
                {
                    throw new EndOfStreamException("The recordings' data resource ends early; rebuild the project.");
                }

                offset += read;
                count -= read;
            }
        }

        private static int Int32(byte[] bytes, int at)
            => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);

        /// <summary>The string whose number is next in <paramref name="numbers"/>, read from the resource's strings.</summary>
        private static string ReadString(Stream stream, Tables tables, byte[] numbers, ref int position)
        {
            int number = Int32(numbers, position);
            position += 4;
            int start = tables.Strings[number];
            int length = (tables.Strings[number + 1] - start) / 2;
            stream.Position = start;
            byte[] bytes = new byte[length * 2];
            Fill(stream, bytes, 0, bytes.Length);

            // Code units as they are (a decoder would replace a lone surrogate, which a JSON string may hold), copied
            // whole rather than character by character, which runs unoptimized on a first access.
            char[] chars = new char[length];
            Buffer.BlockCopy(bytes, 0, chars, 0, bytes.Length);
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
                }
            }

            return new string(chars);
        }

        private static string[]? ReadStrings(Stream stream, Tables tables, byte[] numbers, ref int position)
        {
            int count = Int32(numbers, position);
            position += 4;
            if (count == DataResourceFormat.NoLongStrings)
            {
                return null;
            }

            string[] values = new string[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = ReadString(stream, tables, numbers, ref position);
            }

            return values;
        }

        /// <summary>Where each recording's string numbers and each string begin, read once.</summary>
        private sealed class Tables
        {
            public Tables(int[] records, int[] strings)
            {
                Records = records;
                Strings = strings;
            }

            public int[] Records { get; }

            public int[] Strings { get; }
        }
    }
}
