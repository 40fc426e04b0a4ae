#!/usr/bin/env bash
# Opt-in scale check: the real ogx corpus (../shared/corpora/llama-stack-2026-05.tar.xz, 2,737 files) in one
# test assembly. Unpacks it into a temporary folder, measures a clean build without the build server
# (wall time and peak memory from /usr/bin/time -v), then runs the fidelity tests over every fixture.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
archive="${1:-$here/../../../shared/corpora/llama-stack-2026-05.tar.xz}"
[ -f "$archive" ] || { echo "corpus not found: $archive" >&2; exit 1; }

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
tar -xJf "$archive" -C "$corpus"
files=$(find "$corpus" -name '*.json' | wc -l)
json_bytes=$(find "$corpus" -name '*.json' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)

cd "$here"
dotnet restore -p:RecordingGenCorpus="$corpus" > /dev/null
dotnet build-server shutdown > /dev/null 2>&1 || true
rm -rf bin obj/Debug
/usr/bin/time -v -o "$corpus/time.txt" dotnet build --no-restore -nodeReuse:false --disable-build-servers -p:UseSharedCompilation=false -p:RecordingGenCorpus="$corpus" > "$corpus/build.txt" || { tail -n 30 "$corpus/build.txt"; exit 1; }
dll="bin/Debug/net10.0/RecordingGen.ScaleTests.dll"
# The facade assembly the build task writes holds the data; counted with the project's own.
facade="bin/Debug/net10.0/RecordingGen.ScaleTests.Recordings.dll"
size=$(( $(stat -c %s "$dll") + $( [ -f "$facade" ] && stat -c %s "$facade" || echo 0) ))

echo "corpus:        $files files, $((json_bytes / 1000000)) MB of JSON"
echo "build:         $(grep 'Elapsed (wall' "$corpus/time.txt" | awk '{print $NF}') wall, peak memory $(( $(grep 'Maximum resident' "$corpus/time.txt" | awk '{print $NF}') / 1024 )) MB (largest process)"
echo "assemblies:    $(( size / 1000000 )) MB ($(( size * 100 / json_bytes ))% of the JSON)"
echo "diagnostics:   $(grep -oE 'warning RG[0-9]+' "$corpus/build.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
dotnet test --no-build -p:RecordingGenCorpus="$corpus"
echo "files per format:"
sed 's/^/  /' "$corpus/formats.txt"
