#!/usr/bin/env bash
# De-identify one NDJSON file on every core: GNU parallel cuts it into blocks of whole lines,
# runs one fhir-deid per block and writes the outputs in input order (README.md beside this file).
#
#   deid-parallel.sh INPUT OUTPUT [FHIR-DEID OPTION ...]
#
# INPUT: an NDJSON file, plain or gzip, or - (plain NDJSON on standard input). OUTPUT: a file,
# written beside and renamed when complete (a name ending in .gz gets gzip), or - for stdout.
# Options after OUTPUT go to every fhir-deid run (-c FILE or --preset NAME; default: the
# safe-harbor preset); they must not name an input or an output. Keys: FHIR_DEID_CRYPTO_HASH_KEY,
# FHIR_DEID_DATE_SHIFT_KEY and FHIR_DEID_ENCRYPT_KEY in the environment, or --keys FILE; never
# on this command line.
# Environment: FHIR_DEID (the binary, default fhir-deid), BLOCK (block size, default 64M), JOBS
# (parallel's -j, default one job per core).
set -euo pipefail

me=deid-parallel.sh
if [ $# -lt 2 ]; then
  echo "usage: $me INPUT OUTPUT [FHIR-DEID OPTION ...]" >&2
  exit 64
fi
input=$1 output=$2
shift 2
fhir_deid=${FHIR_DEID:-fhir-deid}
command -v parallel >/dev/null || { echo "$me: GNU parallel is not installed" >&2; exit 69; }
command -v "$fhir_deid" >/dev/null || { echo "$me: $fhir_deid: not found" >&2; exit 69; }
if [ "$input" != - ] && [ ! -r "$input" ]; then
  echo "$me: $input: cannot be read" >&2
  exit 66
fi

# The same rules for every block (fhir-deid's default: the safe-harbor preset), with one day for
# the "age over 89" rules (fixed here, so a run that passes midnight does not change it) and one
# worker thread per run (parallel runs one per core). The options given after OUTPUT come last
# and win.
defaults=(-j 1 --today "$(date +%F)")
options=("$@")

tmp=$(mktemp -d)
part=
trap 'rm -rf "$tmp"; [ -z "$part" ] || rm -f -- "$part"' EXIT

# Check the rules and keys once, before any data is read, and learn the date-shift scope.
"$fhir_deid" "${defaults[@]}" "${options[@]}" -q --stats "$tmp/stats.json" </dev/null >/dev/null
if ! grep -q '"keys":{"random":\[\]' "$tmp/stats.json"; then
  echo "$me: --random-keys would give every block other keys; give the keys" >&2
  exit 78
fi
scope=$(grep -o '"dateShift":{[^}]*}' "$tmp/stats.json" | grep -o '"scope":"[a-z]*"' |
  cut -d'"' -f4)
# Blocks come on standard input, so scopes file and folder get the name that a run on INPUT
# itself would hash (a --date-shift-prefix among the options comes later and wins).
if [ "$input" != - ]; then
  case $scope in
    file) defaults+=(--date-shift-prefix "$(basename -- "$input")") ;;
    folder) defaults+=(--date-shift-prefix "$(basename -- "$(dirname -- "$input")")") ;;
  esac
fi
args=("${defaults[@]}" "${options[@]}" -q)
case $output in *.gz) args+=(-z) ;; esac # each block a gzip member: the whole is one gzip file

read_input() {
  if [ "$input" = - ]; then
    cat
  elif [ "$(head -c 2 -- "$input" | od -An -tx1 | tr -d ' \n')" = 1f8b ]; then
    gzip -dc -- "$input"
  else
    cat -- "$input"
  fi
}

# Each block's messages go to a file of their own (PARALLEL_SEQ: the block's number, from 1),
# shown after the run with the block's number, since their line numbers count from the block's
# start. (parallel would print them itself, but with -k and --halt now it drops the failing
# block's messages while an earlier block is still running.)
block='"${@:2}" 2>"$1/$PARALLEL_SEQ.err"'

messages() {
  local n=1
  while [ -e "$tmp/$n.err" ]; do
    sed "s/^/block $n: /" "$tmp/$n.err" >&2
    n=$((n + 1))
  done
}

run() {
  # -k: the outputs in input order; --halt now,fail=1: the first failing block stops the run
  # with its exit status (--halt soon waits forever with --pipe); -q: the command's words reach
  # bash as they are.
  local status=0
  read_input | parallel --pipe --block "${BLOCK:-64M}" -k --halt now,fail=1 -j "${JOBS:-100%}" \
    -q bash -c "$block" bash "$tmp" "$fhir_deid" "${args[@]}" || status=$?
  messages
  return "$status"
}

if [ "$output" = - ]; then
  run
else
  part=$(mktemp "$(dirname -- "$output")/.$(basename -- "$output").tmp-XXXXXX")
  run >"$part"
  mv -f -- "$part" "$output"
  part=
fi
