#!/usr/bin/env bash
# Builds the ByteJSON libFuzzer target and runs it.
#
#   Tests/Fuzz/run-fuzz.sh [seconds] [extra libFuzzer flags...]
#
# seconds defaults to 60. The binary, corpus and crash artifacts go to Tests/Fuzz/fuzz-* (git
# ignored). This directory is not a SwiftPM target; `swift build` never compiles it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
if [ "$#" -gt 0 ]; then shift; fi

bin="$here/fuzz-bytejson"
corpus="$here/fuzz-corpus"
artifacts="$here/fuzz-artifacts"

# The linker's "Cannot export local symbol" warnings about ASan internals are noise: keep the
# build log aside and show it only on failure.
if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -package-name bytejson_fuzz \
  "$root"/Sources/ByteJSON/*.swift "$here/ByteJSONFuzz.swift" -o "$bin" \
  2> "$here/fuzz-build.log"; then
  cat "$here/fuzz-build.log" >&2
  exit 1
fi

mkdir -p "$corpus" "$artifacts"
if [ -z "$(ls -A "$corpus")" ]; then
  i=0
  for seed in '{}' '[]' '0' '"a"' '{"a":[1,-0.0,8E+1,true,false,null]}' \
    '{"s":"\u00e9\ud83d\ude00\n","t":"é😀"}' ' { "a" : [ 1 , 2 ] } ' \
    '{"resourceType":"Patient","id":"x","name":[{"family":"Doe","given":["J"]}]}' \
    '{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":0,"k":1,"l":2,"m":3,"n":4,"o":5,"p":6,"q":7,"r":8},"k":1,"l":2,"m":3,"n":4,"o":5,"p":6,"q":7,"\u0072":8,"s":9}' \
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{"a":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'; do
    printf '%s' "$seed" > "$corpus/seed-$i"
    i=$((i + 1))
  done
fi

exec "$bin" -max_total_time="$seconds" -max_len=4096 -dict="$here/json.dict" \
  -artifact_prefix="$artifacts/" "$@" "$corpus"
