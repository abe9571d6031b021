#!/usr/bin/env python3
"""Generate Sources/FHIRModel/R4Tables.generated.swift from fhirpathpy's FHIR R4 model files.

Usage (from the package root):
    python3 Sources/FHIRModel/Generator/generate-r4-model.py [--models DIR] [--out FILE]
        [--sample-out FILE]

--models defaults to the `models/r4` folder of the installed `fhirpathpy` package. The script uses
only the Python standard library. It writes the Swift tables (one compact text literal, decoded once
at run time by R4Tables.swift) and a sample of path2Type for the tests
(Tests/FHIRModelTests/R4PathSample.generated.swift).

Facts taken from the model files, and the few fixes applied to them:
- path2Type.json lists every element path with its type, choice elements expanded
  (`Observation.valueQuantity`), but not the choice base (`Observation.value`), not backbone
  elements (`Patient.contact`) and not paths defined elsewhere (`Questionnaire.item.item`).
- choiceTypePaths.json lists the choice bases with their types, capitalised (`DateTime`).
- pathsDefinedElsewhere.json maps a path to the backbone element whose structure it reuses.
- type2Parent.json gives the base of every type; `Element` and `Resource` are the roots.
- `System.String` is mapped: the `id` of a resource is `id`, every other `id` is `string`,
  `Extension.url` is `uri`. Any other `System.*` type stops the generator.
- `MetadataResource` (a logical model in R4, not a type) is left out, and so are the children
  listed under an element that has a complex type (`ElementDefinition.extension.url`): they are
  checked against that type's own structure, then dropped.
- Members inherited from Element, BackboneElement, Resource and DomainResource are added where a
  path is missing them (the R4 files list them all explicitly; the count is printed).
"""

import argparse
import json
import os
import sys

RESOURCE_ROOTS = {"Resource", "DomainResource"}
SKIPPED_ROOTS = {"MetadataResource"}


def fail(msg):
  sys.exit("generate-r4-model: " + msg)


def default_models_dir():
  try:
    import fhirpathpy  # noqa: PLC0415
  except ImportError:
    fail("fhirpathpy is not importable; pass --models DIR")
  return os.path.join(os.path.dirname(fhirpathpy.__file__), "models", "r4")


def fhirpathpy_version(models_dir):
  try:
    from importlib import metadata  # noqa: PLC0415
    return metadata.version("fhirpathpy")
  except Exception:  # noqa: BLE001
    return "unknown (models from %s)" % models_dir


def load(models_dir, name):
  with open(os.path.join(models_dir, name), encoding="utf-8") as f:
    return json.load(f)


class Model:
  def __init__(self, models_dir):
    self.path2type = load(models_dir, "path2Type.json")
    self.choices = load(models_dir, "choiceTypePaths.json")
    self.elsewhere = load(models_dir, "pathsDefinedElsewhere.json")
    self.type2parent = load(models_dir, "type2Parent.json")
    self.log = []
    self.build_types()
    self.build_elements()
    self.fill_inherited()
    self.build_structures()

  # Types ----------------------------------------------------------------------------------------

  def build_types(self):
    names = set(self.type2parent) | set(self.type2parent.values())
    for n in names:
      if n not in self.type2parent and n not in ("Element", "Resource"):
        fail("type %s has no base" % n)

    def chain(n):
      out = []
      while n is not None:
        out.append(n)
        n = self.type2parent.get(n)
      return out

    def kind(n):
      if n[0].islower():
        return "p"
      if n in RESOURCE_ROOTS:
        return "a"
      if "Resource" in chain(n):
        return "r"
      return "c"

    head = ["Element", "BackboneElement", "Resource", "DomainResource"]
    rest = sorted(names - set(head), key=lambda n: ({"p": 0, "c": 1, "r": 2}[kind(n)], n))
    self.types = head + rest
    self.type_index = {n: i for i, n in enumerate(self.types)}
    self.kind = {n: kind(n) for n in self.types}
    self.chain = {n: chain(n) for n in self.types}
    resources = [n for n in self.types if self.kind[n] == "r"]
    if len(resources) != 146:
      fail("expected 146 R4 resource types, found %d" % len(resources))
    if len(self.types) > 0xFFFE:
      fail("too many types")

  def choice_type(self, cap):
    """Maps a capitalised choice type (`DateTime`) to its FHIR type name (`dateTime`)."""
    low = cap[0].lower() + cap[1:]
    if low in self.type_index and self.kind[low] == "p":
      return low
    if cap in self.type_index:
      return cap
    fail("unknown choice type %s" % cap)

  def map_type(self, path, t):
    if t.startswith("System."):
      root, _, rest = path.partition(".")
      if t == "System.String" and path.endswith(".id"):
        if rest == "id" and (self.kind.get(root) in ("r", "a") or root in SKIPPED_ROOTS):
          return "id"
        return "string"
      if t == "System.String" and (path == "Extension.url" or path.endswith(".extension.url")):
        return "uri"
      fail("unmapped %s at %s" % (t, path))
    if t not in self.type_index:
      fail("unknown type %s at %s" % (t, path))
    return t

  # Elements -------------------------------------------------------------------------------------

  def build_elements(self):
    p, c, e = self.path2type, self.choices, self.elsewhere
    # Every expansion of a choice (`Observation.valueQuantity`) belongs to its base.
    expansion = {}
    for base, caps in c.items():
      for cap in caps:
        expansion[base + cap] = (base, self.choice_type(cap))
    # Element paths with a complex type whose children are listed anyway: not backbones.
    typed = {k for k, v in p.items() if v in self.type_index and self.kind[v] != "p"}

    def dropped(path):
      root = path.split(".")[0]
      if root in SKIPPED_ROOTS:
        return True
      parts = path.split(".")
      return any(".".join(parts[:i]) in typed for i in range(2, len(parts)))

    self.dropped = []
    # element path -> dict(name, parent, types, choice, elsewhere)
    self.elements = {}

    def add(path, **kw):
      if path in self.elements:
        fail("duplicate element %s" % path)
      parent, _, name = path.rpartition(".")
      el = dict(path=path, parent=parent, name=name, choice=False, elsewhere=None, backbone=False)
      el.update(kw)
      self.elements[path] = el

    for path, t in p.items():
      if "." not in path:
        fail("path without parent: %s" % path)
      if dropped(path):
        self.dropped.append((path, t))
        continue
      if path in expansion:
        base, want = expansion[path]
        got = self.map_type(path, t)
        if got != want:
          fail("choice expansion %s is %s, expected %s" % (path, got, want))
        continue
      add(path, types=[self.map_type(path, t)])
    for base, caps in c.items():
      if dropped(base):
        self.dropped.append((base, "choice"))
        continue
      for cap in caps:
        if base + cap not in p:
          self.log.append("choice %s%s is not in path2Type" % (base, cap))
      add(base, types=[self.choice_type(cap) for cap in caps], choice=True)
    for src, dst in e.items():
      add(src, types=None, elsewhere=dst)
    # Backbone elements: every parent path that is not a root and not itself listed.
    for path in list(self.elements):
      parts = path.split(".")
      for i in range(2, len(parts)):
        prefix = ".".join(parts[:i])
        if prefix in self.elements:
          if not self.elements[prefix]["backbone"]:
            fail("%s has children but is not a backbone element" % prefix)
          continue
        add(prefix, types=None, backbone=True)
    roots = {k.split(".")[0] for k in self.elements}
    for r in roots:
      if r not in self.type_index or self.kind[r] == "p":
        fail("root %s is not a complex type or resource" % r)
    for src, dst in e.items():
      if dst not in self.elements or not self.elements[dst]["backbone"]:
        fail("%s is defined at %s, which is not a backbone element" % (src, dst))
      if any(k.startswith(src + ".") for k in self.elements):
        fail("%s is defined elsewhere but has children" % src)
    # Backbone type: BackboneElement inside resources, Element inside datatypes.
    for el in self.elements.values():
      if el["backbone"]:
        root = el["path"].split(".")[0]
        el["types"] = ["BackboneElement" if self.kind[root] in ("r", "a") else "Element"]
    for el in self.elements.values():
      if el["elsewhere"]:
        el["types"] = list(self.elements[el["elsewhere"]]["types"])
    # A member's kids are checked against the type's structure once those exist (check_dropped).

  def members(self, struct_path):
    """The elements whose parent is `struct_path`, by name (indexed on first use)."""
    if getattr(self, "_kids_size", -1) != len(self.elements):
      self._kids = {}
      for el in self.elements.values():
        self._kids.setdefault(el["parent"], {})[el["name"]] = el
      self._kids_size = len(self.elements)
    return dict(self._kids.get(struct_path, {}))

  def fill_inherited(self):
    """Adds members that a structure inherits but path2Type does not list for it."""
    added = 0
    nodes = {k.split(".")[0] for k in self.elements}
    nodes |= {el["path"] for el in self.elements.values() if el["backbone"]}
    for node in sorted(nodes):
      if "." in node:
        ancestors = self.chain[self.elements[node]["types"][0]]
      else:
        ancestors = self.chain[node][1:]
      have = self.members(node)
      for anc in ancestors:
        for name, el in sorted(self.members(anc).items()):
          if name in have:
            if not el["choice"] and not have[name]["choice"] and name != "id":
              if have[name]["types"] != el["types"] and anc in (
                  "Element", "BackboneElement", "Resource", "DomainResource"):
                fail("%s.%s redefines the type of %s.%s" % (node, name, anc, name))
            continue
          path = node + "." + name
          types = list(el["types"])
          if name == "id":
            types = ["id" if "." not in node and self.kind[node] in ("r", "a") else "string"]
          self.elements[path] = dict(el, path=path, parent=node, types=types)
          have[name] = self.elements[path]
          added += 1
    self.log.append("inherited members added: %d" % added)

  # Structures -----------------------------------------------------------------------------------

  def build_structures(self):
    roots = sorted({k.split(".")[0] for k in self.elements}, key=lambda n: self.type_index[n])
    backbones = sorted(el["path"] for el in self.elements.values() if el["backbone"])
    self.structs = roots + backbones
    self.struct_index = {s: i for i, s in enumerate(self.structs)}
    if len(self.structs) > 0xFFFE:
      fail("too many structures")
    # A type's structure: its own, or (SimpleQuantity, MoneyQuantity) its nearest ancestor's.
    self.type_struct = {}
    for t in self.types:
      if self.kind[t] == "p":
        continue
      for anc in self.chain[t]:
        if anc in self.struct_index:
          self.type_struct[t] = self.struct_index[anc]
          break
    for t in self.types:
      if self.kind[t] != "p" and t not in self.type_struct:
        fail("type %s has no structure" % t)
    self.check_dropped()

  def check_dropped(self):
    """Checks that each dropped path still resolves through its complex-typed ancestor."""
    for path, t in self.dropped:
      root = path.split(".")[0]
      if root in SKIPPED_ROOTS:
        continue
      parts = path.split(".")
      for i in range(2, len(parts)):
        prefix = ".".join(parts[:i])
        if prefix in self.elements and not self.elements[prefix]["backbone"]:
          owner = self.elements[prefix]["types"][0]
          break
      else:
        fail("dropped %s has no typed ancestor" % path)
      rest = parts[i:]
      if len(rest) != 1:
        fail("dropped %s is nested too deep" % path)
      name = rest[0]
      members = self.members(owner)
      if t == "choice":
        continue  # checked through its expansions
      if name in members and not members[name]["choice"]:
        continue
      if any(m["choice"] and name.startswith(m["name"]) and
             name[len(m["name"]):] in [x[0].upper() + x[1:] for x in m["types"]]
             for m in members.values()):
        continue
      self.log.append("dropped %s (%s): not an element of %s" % (path, t, owner))

  def struct_of_element(self, el):
    if el["backbone"]:
      return self.struct_index[el["path"]]
    if el["elsewhere"]:
      return self.struct_index[el["elsewhere"]]
    if el["choice"]:
      return None
    t = el["types"][0]
    if self.kind[t] == "p" or t == "Resource":
      return None
    return self.type_struct[t]

  # Output ---------------------------------------------------------------------------------------

  def encode(self):
    """The compact table text decoded by R4Tables.swift (see the format there)."""
    lines = []
    for t in self.types:
      base = self.type2parent.get(t)
      lines.append("T%s %s %s" % (t, "-" if base is None else self.type_index[base], self.kind[t]))
    n_el = 0
    for s in self.structs:
      root = s.split(".")[0]
      if "." in s:
        st = self.type_index[self.elements[s]["types"][0]]
      else:
        st = self.type_index[root]
      lines.append("S%s %d" % (s, st))
      for name, el in sorted(self.members(s).items()):
        flags = ("c" if el["choice"] else "") + ("r" if el["types"] == ["Resource"] else "")
        if "%s.%s" % (s, name) in self.repeating:
          flags += "m"
          self.repeating_used.add("%s.%s" % (s, name))
        sub = self.struct_of_element(el)
        lines.append("%s %s %s %s" % (
            name, ",".join(str(self.type_index[t]) for t in el["types"]), flags or "-",
            "-" if sub is None else sub))
        n_el += 1
    self.element_count = n_el
    return "\n".join(lines) + "\n"


def load_repeating(path):
  """The element paths whose maximum cardinality is `*` (one per line)."""
  with open(path, encoding="utf-8") as f:
    return {line.strip() for line in f if line.strip()}


def swift_identifier(name):
  ident = name[0].lower() + name[1:]
  if ident in ("extension", "class", "func", "import", "init", "operator", "protocol", "struct",
               "enum", "let", "var", "default", "case", "self", "Type", "where", "in", "is", "as"):
    return "`%s`" % ident
  return ident


def swift_tables(model, version):
  text = model.encode()
  if '"""' in text or "\\" in text:
    fail("table text cannot be a raw string literal")
  out = []
  w = out.append
  w("// GENERATED FILE: do not edit. Regenerate from the package root with")
  w("//   python3 Sources/FHIRModel/Generator/generate-r4-model.py")
  w("// Source: fhirpathpy %s, models/r4 (path2Type, choiceTypePaths," % version)
  w("// pathsDefinedElsewhere, type2Parent). %d types, %d structures, %d elements." % (
      len(model.types), len(model.structs), model.element_count))
  w("// swift-format-ignore-file")
  w("")
  w("extension FHIRType {")
  reserved = {"named", "name", "raw", "base", "isPrimitive", "isResource", "isSubtype",
              "withNameBytes"}
  idents = set()
  for i, t in enumerate(model.types):
    ident = swift_identifier(t)
    if ident in reserved or ident in idents:
      fail("type %s clashes with a member name" % t)
    idents.add(ident)
    w("  /// The FHIR type `%s`." % t)
    w("  @inlinable package static var %s: FHIRType { FHIRType(raw: %d) }" % (ident, i))
  w("}")
  w("")
  w("extension R4Tables {")
  w("  /// The R4 model in the compact text format that `R4Tables.init(decoding:)` reads.")
  w("  static let source: StaticString = #\"\"\"")
  out.append(text.rstrip("\n"))
  w("\"\"\"#")
  w("}")
  return "\n".join(out) + "\n"


def swift_sample(model, version):
  p = model.path2type
  keys = list(p)
  must = [
      "Patient.id", "Patient.birthDate", "Patient.contact.name", "Patient.deceasedBoolean",
      "Observation.valueQuantity", "Observation.component.valueCodeableConcept",
      "Extension.url", "Extension.valueString", "Narrative.div", "HumanName.given", "Element.id",
      "Resource.id", "Bundle.entry.resource", "Bundle.entry.response.outcome",
      "Parameters.parameter.resource", "Questionnaire.item.linkId", "Timing.repeat.boundsDuration",
      "AllergyIntolerance.onsetAge", "Dosage.doseAndRate.doseQuantity", "Meta.lastUpdated",
      "ElementDefinition.extension.url", "DomainResource.contained", "Account.coverage.id",
  ]
  chosen = []
  for k in must + keys[:: max(1, len(keys) // 180)]:
    if k not in chosen and k.split(".")[0] not in SKIPPED_ROOTS:
      chosen.append(k)
  lines = []
  for k in chosen:
    lines.append("%s %s" % (k, model.map_type(k, p[k])))
  out = [
      "// GENERATED FILE: do not edit. Written by",
      "//   python3 Sources/FHIRModel/Generator/generate-r4-model.py",
      "// A sample of fhirpathpy %s path2Type.json (System.String mapped): \"path type\" lines." % (
          version),
      "// swift-format-ignore-file",
      "",
      "enum R4PathSample {",
      "  static let text = \"\"\"",
  ]
  out += ["    " + line for line in lines]
  out += ["    \"\"\"", "}", ""]
  return "\n".join(out)


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  package_root = os.path.normpath(os.path.join(here, "..", "..", ".."))
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--models", help="fhirpathpy models/r4 directory")
  ap.add_argument("--out", default=os.path.join(package_root, "Sources", "FHIRModel",
                                                 "R4Tables.generated.swift"))
  ap.add_argument("--sample-out", default=os.path.join(package_root, "Tests", "FHIRModelTests",
                                                        "R4PathSample.generated.swift"))
  ap.add_argument("--repeating", default=os.path.join(here, "r4-repeating.txt"),
                  help="element paths that repeat (written by extract-repeating.py)")
  args = ap.parse_args()
  models_dir = args.models or default_models_dir()
  version = fhirpathpy_version(models_dir)
  model = Model(models_dir)
  model.repeating = load_repeating(args.repeating)
  model.repeating_used = set()
  with open(args.out, "w", encoding="utf-8") as f:
    f.write(swift_tables(model, version))
  if args.sample_out:
    with open(args.sample_out, "w", encoding="utf-8") as f:
      f.write(swift_sample(model, version))
  for line in model.log:
    print("note: " + line, file=sys.stderr)
  unused = sorted(model.repeating - model.repeating_used)
  if unused:
    print("note: %d repeating paths name no element of the model, e.g. %s" % (
        len(unused), ", ".join(unused[:8])), file=sys.stderr)
  print("wrote %s (%d bytes): %d types, %d structures, %d elements" % (
      args.out, os.path.getsize(args.out), len(model.types), len(model.structs),
      model.element_count), file=sys.stderr)


if __name__ == "__main__":
  main()
