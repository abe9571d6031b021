#!/usr/bin/env python3
"""Write Sources/FHIRModel/Generator/r4-repeating.txt: the R4 elements that repeat (max = "*").

fhirpathpy's model files (the generator's main source) carry no cardinality. This script reads it
from the SMART on FHIR Python client's generated R4 models (`pip install fhirclient==4.1.0`, FHIR
4.0.x), whose `elementProperties()` says for every element whether it is a list. Output: one
element path per line, in the generator's structure naming (`Patient.contact.telecom`,
`HumanName.given`; a choice element by its base name), sorted. Run it only to refresh the list;
the generator reads the committed text, so building never needs fhirclient.

Usage (from the package root):
    python3 Sources/FHIRModel/Generator/extract-repeating.py [--out FILE]
"""

import argparse
import importlib
import inspect
import os
import pkgutil
import sys


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "r4-repeating.txt"))
  args = parser.parse_args()
  try:
    import fhirclient.models as models  # noqa: PLC0415
  except ImportError:
    sys.exit("extract-repeating: pip install fhirclient==4.1.0 first")

  main_classes = {}
  for info in pkgutil.iter_modules(models.__path__):
    if info.name.endswith("_tests") or info.name.startswith("fhir"):
      continue
    module = importlib.import_module("fhirclient.models." + info.name)
    for _, cls in inspect.getmembers(module, inspect.isclass):
      if cls.__module__ != module.__name__ or not hasattr(cls, "elementProperties"):
        continue
      if getattr(cls, "resource_type", None) and cls.__name__ == cls.resource_type and \
          cls.__name__.lower() == info.name:
        main_classes[cls.__name__] = cls

  repeating = set()

  def walk(cls, path, stack=()):
    if cls in stack:
      return  # a backbone that nests itself (Questionnaire.item.item): listed at its first path
    stack = stack + (cls,)
    for _name, js_name, typ, is_list, of_many, _required in cls().elementProperties():
      element = of_many or js_name  # the JSON name: `class`, not the Python `class_fhir`
      if is_list:
        repeating.add(path + "." + element)
      if inspect.isclass(typ) and typ.__module__ == cls.__module__ and \
          typ.__name__ not in main_classes and hasattr(typ, "elementProperties") and of_many is None:
        walk(typ, path + "." + element, stack)

  for name, cls in sorted(main_classes.items()):
    walk(cls, name)
  with open(args.out, "w", encoding="utf-8") as f:
    f.write("".join(p + "\n" for p in sorted(repeating)))
  print("extract-repeating: %d repeating elements -> %s" % (len(repeating), args.out))


if __name__ == "__main__":
  main()
