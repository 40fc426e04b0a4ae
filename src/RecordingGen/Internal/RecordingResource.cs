using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace RecordingGen.Internal
{
    /// <summary>
    /// The recordings of an assembly whose data the build embedded as a resource (see DataResourceFormat) rather
    /// than as C# literals. A recording is read from the resource and decoded on first access, once; the resource
    /// is checked against the generated code, so a stale or missing one fails with what to do instead of answering
    /// with another recording's data. Created by generated code.
    /// </summary>
    /// <remarks>
    /// The resource is read where the runtime mapped it, through a pointer: no stream calls, tables or buffers, so
    /// a first access in a fresh process has little more to compile and copy than data compiled as literals has.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed unsafe class RecordingResource
    {
        private readonly Assembly _assembly;
        private readonly ulong _fingerprint;
        private readonly Recording?[] _recordings;
        private readonly object _gate = new object();
        private IntPtr _data;
        private int _length;
        private int _strings;
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

                byte* data = Data();
                var read = new string[_recordings.Length];
                for (int i = 0; i < read.Length; i++)
                {
                    read[i] = String(data, Int32(data, Int32(data, DataResourceFormat.HeaderLength + (4 * i))));
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

            ReadRecord(index, out string path, out string requestProgram, out string requestStrings, out string[]? requestLongStrings, out string responseProgram, out string responseStrings, out string[]? responseLongStrings);
            return Publish(index, RecordingDataReader.Read(path, requestProgram, requestStrings, requestLongStrings, responseProgram, responseStrings, responseLongStrings));
        }

        /// <summary>The recording at <paramref name="index"/>, whose request offered the tools <typeparamref name="TTools"/> names.</summary>
        public Recording<TTools> Get<TTools>(int index)
            where TTools : RecordingTools, new()
        {
            if (Volatile.Read(ref _recordings[index]) is { } cached)
            {
                return (Recording<TTools>)cached;
            }

            ReadRecord(index, out string path, out string requestProgram, out string requestStrings, out string[]? requestLongStrings, out string responseProgram, out string responseStrings, out string[]? responseLongStrings);
            return (Recording<TTools>)Publish(index, RecordingDataReader.Read(path, requestProgram, requestStrings, requestLongStrings, responseProgram, responseStrings, responseLongStrings, Attach<TTools>));
        }

        private static TTools Attach<TTools>(Recording recording)
            where TTools : RecordingTools, new()
        {
            var tools = new TTools();
            tools.Attach(recording);
            return tools;
        }

        /// <summary>One instance per recording, whichever thread decoded it first.</summary>
        private Recording Publish(int index, Recording recording)
            => Interlocked.CompareExchange(ref _recordings[index], recording, null) ?? recording;

        private void ReadRecord(
            int index,
            out string path,
            out string requestProgram,
            out string requestStrings,
            out string[]? requestLongStrings,
            out string responseProgram,
            out string responseStrings,
            out string[]? responseLongStrings)
        {
            byte* data = Data();
            int at = Int32(data, DataResourceFormat.HeaderLength + (4 * index));
            path = String(data, Int32(data, at));
            requestProgram = String(data, Int32(data, at + 4));
            requestStrings = String(data, Int32(data, at + 8));
            at += 12;
            requestLongStrings = Strings(data, ref at);
            responseProgram = String(data, Int32(data, at));
            responseStrings = String(data, Int32(data, at + 4));
            at += 8;
            responseLongStrings = Strings(data, ref at);
        }

        /// <summary>The resource's bytes, found and checked against the generated code on first use.</summary>
        private byte* Data()
        {
            IntPtr data = Volatile.Read(ref _data);
            if (data != IntPtr.Zero)
            {
                return (byte*)data;
            }

            lock (_gate)
            {
                if (_data == IntPtr.Zero)
                {
                    Volatile.Write(ref _data, Map());
                }

                return (byte*)_data;
            }
        }

        // The failures are built in methods of their own (here and below): a first access compiles the methods it
        // calls, and one that only names its messages' parts costs a fresh process less to compile.
        private IntPtr Map()
        {
            using Stream? stream = _assembly.GetManifestResourceStream(DataResourceFormat.ResourceName);
            if (stream is null)
            {
                throw NotEmbedded();
            }

            if (stream.Length < DataResourceFormat.HeaderLength || stream.Length > int.MaxValue)
            {
                throw WrongLength(stream.Length);
            }

            _length = (int)stream.Length;

            // The assembly's image, mapped for as long as the assembly (and so this generated reader) is loaded.
            byte* data = stream is UnmanagedMemoryStream mapped ? mapped.PositionPointer - mapped.Position : PinnedCopy(stream);
            int magic = Int32(data, 0);
            int version = Int32(data, 4);
            ulong fingerprint = (uint)Int32(data, 8) | ((ulong)(uint)Int32(data, 12) << 32);
            int count = Int32(data, 16);
            _strings = Int32(data, 20);
            if (magic != DataResourceFormat.Magic || version != DataResourceFormat.Version || fingerprint != _fingerprint || count != _recordings.Length
                || _strings < 0 || StringTable + (4L * (_strings + 1)) > _length)
            {
                throw Mismatch(magic, version, fingerprint, count);
            }

            return (IntPtr)data;
        }

        /// <summary>Another host's stream (or a test's): a copy, pinned for the life of this reader, which is a static.</summary>
        private byte* PinnedCopy(Stream stream)
        {
            byte[] copy = new byte[_length];
            for (int read = 0, n; read < copy.Length; read += n)
            {
                n = stream.Read(copy, read, copy.Length - read);
                if (n <= 0)
                {
                    throw Stale("it ends early");
                }
            }

            return (byte*)GCHandle.Alloc(copy, GCHandleType.Pinned).AddrOfPinnedObject();
        }

        private InvalidOperationException NotEmbedded()
            => new InvalidOperationException(
                "The recordings' data is not embedded in " + _assembly.GetName().Name + " (resource " + DataResourceFormat.ResourceName + "). "
                + "RecordingGen's build targets embed it when the project builds with `dotnet build` or MSBuild; a build without them "
                + "needs <RecordingGenDataResource>false</RecordingGenDataResource>, which keeps the data in the generated C#.");

        private InvalidOperationException WrongLength(long length) => Stale("it is " + length + " bytes long");

        private InvalidOperationException Mismatch(int magic, int version, ulong fingerprint, int count)
        {
            if (magic != DataResourceFormat.Magic)
            {
                return Stale("it does not begin as RecordingGen's data does");
            }

            if (version != DataResourceFormat.Version)
            {
                return new InvalidOperationException(
                    "The recordings' data in " + _assembly.GetName().Name + " was written in layout " + version + " but this RecordingGen library reads layout "
                    + DataResourceFormat.Version + ". Use the same version of the RecordingGen package for the build and the library.");
            }

            if (fingerprint != _fingerprint || count != _recordings.Length)
            {
                return Stale("it holds " + count + " recordings with fingerprint " + fingerprint.ToString("x16", CultureInfo.InvariantCulture)
                    + " where the generated code lists " + _recordings.Length + " with fingerprint " + _fingerprint.ToString("x16", CultureInfo.InvariantCulture));
            }

            return Stale("its tables do not fit in it");
        }

        private int StringTable => DataResourceFormat.HeaderLength + (4 * (_recordings.Length + 1));

        /// <summary>The little-endian int32 at <paramref name="at"/>, inside the resource or an exception.</summary>
        private int Int32(byte* data, int at)
        {
            if ((uint)at > (uint)(_length - 4))
            {
                throw EndsBefore(at);
            }

            byte* bytes = data + at;
            return bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
        }

        /// <summary>The string whose number is <paramref name="number"/>: its UTF-16 code units as they are (a decoder would replace a lone surrogate, which a JSON string may hold).</summary>
        private string String(byte* data, int number)
        {
            if ((uint)number >= (uint)_strings)
            {
                throw NoString(number);
            }

            int start = Int32(data, StringTable + (4 * number));
            int end = Int32(data, StringTable + (4 * number) + 4);
            if (start < 0 || end > _length || end < start)
            {
                throw StringOutside(number);
            }

            int length = (end - start) / 2;
            return BitConverter.IsLittleEndian ? new string((char*)(data + start), 0, length) : BigEndianString(data + start, length);
        }

        private static string BigEndianString(byte* bytes, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
            }

            return new string(chars);
        }

        private string[]? Strings(byte* data, ref int at)
        {
            int count = Int32(data, at);
            at += 4;
            if (count == DataResourceFormat.NoLongStrings)
            {
                return null;
            }

            string[] values = new string[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = String(data, Int32(data, at));
                at += 4;
            }

            return values;
        }

        private InvalidOperationException EndsBefore(int at) => Stale("it ends before " + at.ToString(CultureInfo.InvariantCulture));

        private InvalidOperationException NoString(int number) => Stale("it has no string " + number.ToString(CultureInfo.InvariantCulture));

        private InvalidOperationException StringOutside(int number) => Stale("its string " + number.ToString(CultureInfo.InvariantCulture) + " lies outside it");

        private InvalidOperationException Stale(string what)
            => new InvalidOperationException(
                "The recordings' data embedded in " + _assembly.GetName().Name + " does not match its generated code: " + what
                + ". A recording changed between writing the data and compiling; rebuild the project.");
    }
}
