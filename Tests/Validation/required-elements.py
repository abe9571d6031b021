#!/usr/bin/env python3
"""Print which R4 elements fhir.resources 6.4.0 requires, for R4ValidityTests to compare.

Usage:
    required-elements.py PATHS_FILE

PATHS_FILE lists element paths, one per line, as `R4.path(of:)` writes them
(`Claim.insurance.coverage`, `Observation.value[x]`). For each path whose structure has a model
class in fhir.resources (`Claim.insurance` → `ClaimInsurance`), one line is printed:
`PATH 1` when fhir.resources requires the element (a required field, a primitive with
`element_required`, or a choice with `one_of_many_required`), `PATH 0` when it does not, and
`PATH ?` when the class has no such field. Needs fhir.resources 6.4.0 on pydantic 1 (see
validate-r4.py). Exit status 2 when it is missing.
"""

import importlib
import inspect
import pkgutil
import sys


def main(argv):
  if len(argv) != 1:
    sys.stderr.write("usage: required-elements.py PATHS_FILE\n")
    return 2
  try:
    import fhir.resources as fr  # noqa: PLC0415
    from fhir.resources.core.fhirabstractmodel import FHIRAbstractModel  # noqa: PLC0415
  except ImportError:
    sys.stderr.write("required-elements: fhir.resources is not importable\n")
    return 2
  if fr.__version__ != "6.4.0":
    sys.stderr.write("required-elements: fhir.resources %s, 6.4.0 expected\n" % fr.__version__)
    return 2
  classes = {}
  for info in pkgutil.iter_modules(fr.__path__):
    if info.ispkg or info.name.startswith("fhirtypes") or info.name == "fhirprimitiveextension":
      continue
    module = importlib.import_module("fhir.resources." + info.name)
    for name, cls in inspect.getmembers(module, inspect.isclass):
      if cls.__module__ == module.__name__ and issubclass(cls, FHIRAbstractModel):
        classes[name] = cls

  required = {}  # class name -> {element name (choice: `value[x]`): bool}
  def fields_of(class_name):
    if class_name not in required:
      flags = {}
      for field in classes[class_name].__fields__.values():
        if field.alias.startswith("_") or field.name in ("resource_type", "fhir_comments"):
          continue
        extra = field.field_info.extra
        choice = extra.get("one_of_many")
        if choice:
          key, need = choice + "[x]", bool(extra.get("one_of_many_required", False))
        else:
          key, need = field.alias, bool(field.required or extra.get("element_required", False))
        flags[key] = flags.get(key, False) or need
      required[class_name] = flags
    return required[class_name]

  with open(argv[0], encoding="utf-8") as f:
    paths = [line.strip() for line in f if line.strip()]
  out = []
  for path in paths:
    parent, _, name = path.rpartition(".")
    parts = parent.split(".")
    class_name = parts[0] + "".join(p[0].upper() + p[1:] for p in parts[1:])
    if class_name not in classes:
      continue
    flag = fields_of(class_name).get(name)
    out.append("%s %s" % (path, "?" if flag is None else int(flag)))
  sys.stdout.write("".join(line + "\n" for line in out))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
