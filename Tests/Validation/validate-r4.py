#!/usr/bin/env python3
"""Validate FHIR R4 NDJSON with fhir.resources, an independent validator; print paths, not values.

Usage:
    validate-r4.py [--json] [--top N] [--lines] [FILE ...]   (no FILE, or `-`: standard input)

Each non-blank line is parsed as JSON and validated as the R4 (4.0.1) model class its
`resourceType` names, with fhir.resources 6.4.0 (pydantic 1). Files may be gzipped: a file whose
first two bytes are gzip's magic number is decompressed, whatever its name.

The summary counts lines checked, lines invalid and, for each (resource type, element path, kind
of problem), how many problems and how many lines. It never prints a value from the data: the
element path is pydantic's location with list indices dropped (`Claim.insurance.coverage`; a
nested resource shows its type, `ExplanationOfBenefit.contained[Coverage].payor`), and the kind is
pydantic's error type (`value_error.missing`), never its message, which may quote the input.
Member names that do not look like FHIR element names, and resource types that fhir.resources
does not know, are printed as `<key>` and `<unknown>`. `--lines` also prints, before the
summary, one JSON object per checked line: `{"line": N, "valid": true|false, "problems": [[path,
kind], ...]}` (N counts checked lines from 1; blank lines are skipped and not counted).

Exit status: 0 when every line is valid, 1 when some line is invalid, 2 on a usage error (bad
option, unreadable file, fhir.resources missing or of another version).

Install (the system's pydantic 2 cannot run fhir.resources 6.4.0, so use a virtualenv):
    python3 -m venv /tmp/validity-venv
    /tmp/validity-venv/bin/pip install "fhir.resources==6.4.0" "pydantic[email]==1.10.27"
    /tmp/validity-venv/bin/python Tests/Validation/validate-r4.py out.ndjson
"""

import argparse
import collections
import gzip
import io
import json
import re
import sys

EXPECTED_VERSION = "6.4.0"
GZIP_MAGIC = b"\x1f\x8b"
ELEMENT_NAME = re.compile(r"_?[A-Za-z][A-Za-z0-9_]{0,63}\Z")

# A short description for the kinds seen on fhir-deid output; other kinds print without one.
KIND_TEXT = {
    "value_error.missing": "required element missing",
    "value_error.datetime": "not a valid dateTime/instant",
    "value_error.date": "not a valid date",
    "value_error.time": "not a valid time",
    "value_error.extra": "not an element of this type",
    "value_error.str.regex": "does not match the type's pattern",
    "value_error.any_str.max_length": "too long",
    "value_error.any_str.min_length": "too short",
    "value_error.const": "fixed value differs",
    "value_error.number.not_gt": "number too small",
    "value_error.number.not_ge": "number too small",
    "value_error.decimal.not_finite": "not a finite decimal",
    "value_error.decimal": "not a valid decimal",
    "type_error.none.not_allowed": "null where a value is required",
    "type_error.integer": "not an integer",
    "type_error.bool": "not a boolean",
    "type_error.list": "not an array",
    "type_error.dict": "not an object",
    "type_error.str": "not a string",
    "json": "line is not JSON",
    "not_an_object": "line is not a JSON object",
    "no_resource_type": "no resourceType",
    "unknown_resource_type": "resourceType names no R4 resource",
}


class UsageError(Exception):
  """A problem with the command line or the environment: exit status 2."""


def load_fhir_resources():
  """Imports fhir.resources and returns (get_fhir_model_class, ValidationError)."""
  try:
    import fhir.resources as fr  # noqa: PLC0415
    from fhir.resources import get_fhir_model_class  # noqa: PLC0415
    from pydantic import ValidationError  # noqa: PLC0415
  except ImportError as error:
    raise UsageError(
        "fhir.resources is not importable (%s); install it with "
        "pip install \"fhir.resources==6.4.0\" \"pydantic[email]==1.10.27\"" %
        type(error).__name__) from None
  if getattr(fr, "__version__", None) != EXPECTED_VERSION:
    raise UsageError("fhir.resources %s found, %s expected" % (
        getattr(fr, "__version__", "?"), EXPECTED_VERSION))
  if getattr(fr, "__fhir_version__", None) != "4.0.1":
    raise UsageError("fhir.resources does not model FHIR 4.0.1")
  return get_fhir_model_class, ValidationError


def open_input(name):
  """A binary stream of the file's lines, decompressed when it starts with gzip's magic."""
  if name == "-":
    raw = sys.stdin.buffer
  else:
    try:
      raw = open(name, "rb")  # noqa: SIM115
    except OSError as error:
      raise UsageError("cannot open %s: %s" % (name, error.strerror)) from None
  buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
  if buffered.peek(2)[:2] == GZIP_MAGIC:
    return gzip.GzipFile(fileobj=buffered)
  return buffered


class Validator:
  """Validates lines and keeps the counts; holds no value from the data."""

  def __init__(self, model_class, validation_error):
    self.model_class = model_class
    self.validation_error = validation_error
    self.known = {}
    self.lines = 0
    self.invalid = 0
    self.problems = collections.Counter()  # (type, path, kind) -> problems
    self.lines_with = collections.Counter()  # (type, path, kind) -> lines
    self.invalid_by_type = collections.Counter()
    self.lines_by_type = collections.Counter()

  def resource_class(self, name):
    """The model class for a resource type name, or None when it names no R4 resource."""
    if not isinstance(name, str):
      return None
    if name not in self.known:
      try:
        cls = self.model_class(name)
        ok = getattr(cls, "get_resource_type", None) and cls.get_resource_type() == name
        # Data types (`HumanName`) are model classes too; only resources have `id` of type id
        # and a resource_type field. DomainResource and Resource are abstract.
        ok = ok and name not in ("Resource", "DomainResource") and "meta" in cls.__fields__
        self.known[name] = cls if ok else None
      except (KeyError, LookupError, ValueError):
        self.known[name] = None
    return self.known[name]

  def type_label(self, name):
    return name if self.resource_class(name) is not None else "<unknown>"

  def check(self, line):
    """Validates one line (bytes), records its problems and returns them as (path, kind)."""
    self.lines += 1
    found = []
    rtype = "<none>"
    try:
      data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
      data = None
      found.append(("(line)", "json"))
    if data is not None and not isinstance(data, dict):
      found.append(("(line)", "not_an_object"))
    elif isinstance(data, dict):
      name = data.get("resourceType")
      cls = self.resource_class(name)
      if name is None:
        found.append(("(resourceType)", "no_resource_type"))
      elif cls is None:
        rtype = "<unknown>"
        found.append(("(resourceType)", "unknown_resource_type"))
      else:
        rtype = name
        try:
          cls.parse_obj(data)
        except self.validation_error as error:
          for e in error.errors():
            found.append((self.path(name, data, e.get("loc", ())), str(e.get("type", "?"))))
    self.lines_by_type[rtype] += 1
    if not found:
      return found
    self.invalid += 1
    self.invalid_by_type[rtype] += 1
    for path, kind in found:
      self.problems[(rtype, path, kind)] += 1
    for path, kind in set(found):
      self.lines_with[(rtype, path, kind)] += 1
    return found

  def path(self, rtype, data, loc):
    """pydantic's location as an element path: indices dropped, nested resources typed."""
    parts = [rtype]
    node = data
    for step in loc:
      if isinstance(step, int):
        node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
        if isinstance(node, dict) and "resourceType" in node:
          parts[-1] += "[%s]" % self.type_label(node.get("resourceType"))
        continue
      if step == "__root__":
        continue
      key = str(step)
      parts.append(key if ELEMENT_NAME.match(key) else "<key>")
      node = node.get(key) if isinstance(node, dict) else None
      if isinstance(node, dict) and "resourceType" in node:
        parts[-1] += "[%s]" % self.type_label(node.get("resourceType"))
    return ".".join(parts)

  def summary(self):
    rows = []
    for key, count in self.problems.items():
      rtype, path, kind = key
      rows.append({"resourceType": rtype, "path": path, "kind": kind, "problems": count,
                   "lines": self.lines_with[key]})
    rows.sort(key=lambda r: (-r["lines"], -r["problems"], r["resourceType"], r["path"], r["kind"]))
    by_type = [{"resourceType": t, "lines": n, "invalid": self.invalid_by_type[t]}
               for t, n in sorted(self.lines_by_type.items())]
    return {"validator": "fhir.resources " + EXPECTED_VERSION, "fhirVersion": "4.0.1",
            "lines": self.lines, "invalid": self.invalid, "valid": self.lines - self.invalid,
            "problems": sum(self.problems.values()), "types": by_type, "paths": rows}


def print_text(summary, top, out):
  w = out.write
  w("lines checked: %d\n" % summary["lines"])
  w("lines invalid: %d\n" % summary["invalid"])
  if summary["lines"]:
    w("problems: %d\n" % summary["problems"])
  invalid_types = [t for t in summary["types"] if t["invalid"]]
  if invalid_types:
    w("\ninvalid lines by resource type:\n")
    for t in sorted(invalid_types, key=lambda t: (-t["invalid"], t["resourceType"])):
      w("  %-32s %6d of %6d\n" % (t["resourceType"], t["invalid"], t["lines"]))
  rows = summary["paths"]
  if rows:
    shown = rows if top is None else rows[:top]
    w("\nproblems by element path (lines, problems, path, kind):\n")
    for r in shown:
      text = KIND_TEXT.get(r["kind"])
      w("  %6d %6d  %s  %s%s\n" % (r["lines"], r["problems"], r["path"], r["kind"],
                                  " (%s)" % text if text else ""))
    if len(shown) < len(rows):
      w("  ... %d more (--top 0 shows all)\n" % (len(rows) - len(shown)))


def main(argv):
  parser = argparse.ArgumentParser(
      prog="validate-r4.py",
      description="Validate FHIR R4 NDJSON (plain or gzip) with fhir.resources 6.4.0 and print "
      "how many lines are invalid and which element paths fail, never a value.",
      epilog="Exit status: 0 all lines valid, 1 some line invalid, 2 usage error. Needs "
      "fhir.resources 6.4.0 on pydantic 1: pip install \"fhir.resources==6.4.0\" "
      "\"pydantic[email]==1.10.27\" (in a virtualenv where pydantic 2 is installed).")
  parser.add_argument("files", nargs="*", metavar="FILE",
                      help="NDJSON files, gzipped or not; none or '-' reads standard input")
  parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
  parser.add_argument("--top", type=int, default=25, metavar="N",
                      help="element paths to list in the text summary (default 25, 0 = all)")
  parser.add_argument("--lines", action="store_true",
                      help="first print one JSON verdict per line (number, valid, paths, kinds)")
  args = parser.parse_args(argv)
  if args.top < 0:
    parser.error("--top must be at least 0")
  try:
    model_class, validation_error = load_fhir_resources()
    validator = Validator(model_class, validation_error)
    for name in args.files or ["-"]:
      stream = open_input(name)
      try:
        for line in stream:
          if line.strip():
            found = validator.check(line)
            if args.lines:
              verdict = {"line": validator.lines, "valid": not found,
                         "problems": [list(p) for p in found]}
              sys.stdout.write(json.dumps(verdict) + "\n")
      except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise UsageError("cannot read %s: %s" % (name, type(error).__name__)) from None
  except UsageError as error:
    sys.stderr.write("validate-r4: %s\n" % error)
    return 2
  summary = validator.summary()
  try:
    if args.json:
      # After --lines the summary is one more line, so the output stays JSON lines.
      json.dump(summary, sys.stdout, indent=None if args.lines else 1)
      sys.stdout.write("\n")
    else:
      print_text(summary, args.top or None, sys.stdout)
    sys.stdout.flush()
  except BrokenPipeError:
    # A reader that stopped early (`| head`) is not an error of the data; keep the status.
    sys.stdout = None
  return 0 if summary["invalid"] == 0 else 1


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
