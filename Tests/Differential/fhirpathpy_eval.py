#!/usr/bin/env python3
"""Evaluates FHIRPath expressions with fhirpathpy, the oracle of fhir-deid's differential test.

Usage: fhirpathpy_eval.py REQUEST.json > RESULTS.ndjson

REQUEST is a JSON object:
  {"resources": "PATH.ndjson",                       one FHIR resource per line
   "cases": [{"expression": "...",                   FHIRPath, as fhir-deid evaluates it
              "resourceType": "Patient" | null}]}    evaluate only on resources of this type

The output has one JSON line per case, in order:
  {"results": {"LINE": [ITEM, ...] | {"error": "ExceptionClass"}, ...}}
where LINE is the 0-based line index in the resources file; lines whose result is empty are left
out. Items are JSON: complex nodes as their JSON object, primitives as their JSON scalar, System
values as JSON booleans and numbers, strings, dates, times and quantities as JSON strings of their
text. Numbers keep their decimal digits (the input is read with Decimal). Errors carry only the
exception class (fhirpathpy's messages may quote values).

fhirpathpy follows fhirpath.js; fhir-deid follows Firely 5 as pinned by the anonymizer spec (§7).
Where the spec says Firely differs, this script adjusts fhirpathpy, and the Swift test
(Tests/FHIRPathTests/DifferentialTests.swift) lists each adjustment:

  A1. nodesByType(T) / nodesByName(N) are registered as functions (spec §7.1): the input node and
      its descendants, pre-order, whose FHIR type (or element base name) is T (N); nested
      resources are neither returned nor entered. Types come from fhirpathpy's own R4 model.
  A2. `is`, `as` and `ofType` match the exact type name: no inheritance (`Age` is not a
      `Quantity`) (spec §7.3).
  A3. `as` filters a whole collection instead of requiring a single item (spec §7.3).
  A4. `resourceType` is not a child: children() and descendants() leave it out (Firely's
      element model has no such element).
  A5. An error item (`{"$status": "error"}`, as single() returns) is an evaluation error.

The adjustments patch fhirpathpy internals (the invocation registry, TypeInfo, the children
reducer); they were written against fhirpathpy 2.2.4. If those internals move, the script stops
with exit status 3 and says so on stderr.
"""

import json
import sys
from collections import abc
from decimal import Decimal

try:
    import fhirpathpy
    from fhirpathpy.engine import nodes
    from fhirpathpy.engine.invocations import invocation_registry, navigation
    from fhirpathpy.engine.invocations import types as fp_types
    from fhirpathpy.models import models

    assert "asOp" in invocation_registry and hasattr(navigation, "create_reduce_children")
    assert hasattr(nodes.TypeInfo, "is_type")
except (ImportError, AssertionError) as error:
    sys.stderr.write(f"fhirpathpy_eval: unsupported fhirpathpy (tested with 2.2.4): {error!r}\n")
    sys.exit(3)

R4 = models["r4"]
PATH2TYPE = R4["path2Type"]
CHOICES = R4["choiceTypePaths"]
ELSEWHERE = R4["pathsDefinedElsewhere"]
PARENT = R4["type2Parent"]


def is_resource_type(name):
    """Whether a FHIR type name is a resource type (its parents reach Resource)."""
    while name:
        if name == "Resource":
            return True
        name = PARENT.get(name)
    return False


def child_path(parent_path, prop):
    """The model path of member `prop` of a node whose fhirpathpy path is `parent_path`."""
    if prop == "extension":
        return "Extension"
    path = parent_path + "." + prop
    path = ELSEWHERE.get(path, path)
    return PATH2TYPE.get(path, path)


def type_name(path, prop, parent_path):
    """The FHIR type name Firely gives a node whose fhirpathpy path is `path`.

    fhirpathpy types `id` and `url` elements as System.String; R4 says Resource.id is `id`,
    Element.id `string` and Extension.url `uri`. Backbone elements have a model path
    (`Patient.contact`): `BackboneElement` in resources, `Element` in data types.
    """
    if path.startswith("System."):
        if prop == "url":
            return "uri"
        if prop == "id" and "." not in parent_path and is_resource_type(parent_path):
            return "id"
        return "string"
    if "." in path:
        return "BackboneElement" if is_resource_type(path.split(".")[0]) else "Element"
    return path


def base_name(parent_path, prop):
    """The element name of member `prop`: a choice element's name without its type suffix."""
    for i in range(1, len(prop)):
        if prop[i].isupper():
            key = parent_path + "." + prop[:i]
            types = CHOICES.get(ELSEWHERE.get(key, key))
            if types and any(t[:1].upper() + t[1:] == prop[i:] for t in types):
                return prop[:i]
    return prop


def walk(path, data, want, by_type, out):
    """Appends the descendants of a node (fhirpathpy path `path`, JSON `data`) that match."""
    if not isinstance(data, abc.Mapping):
        return
    for prop, value in data.items():
        if prop in ("resourceType", "fhir_comments"):
            continue
        if prop.startswith("_"):
            # A primitive's id/extension: children of the primitive node, which is not repeated.
            items = value if isinstance(value, list) else [value]
            for item in items:
                walk("Element", item, want, by_type, out)
            continue
        cpath = child_path(path, prop)
        items = value if isinstance(value, list) else [value]
        name = base_name(path, prop) if not by_type else None
        for index, item in enumerate(items):
            if item is None:
                continue
            if isinstance(item, abc.Mapping) and "resourceType" in item:
                continue  # nested resources: not returned, not entered
            key = type_name(cpath, prop, path) if by_type else name
            if key == want:
                out.append(nodes.ResourceNode.create_node(
                    item, cpath, propName=prop,
                    index=index if isinstance(value, list) else None))
            walk(cpath, item, want, by_type, out)


def nodes_by(ctx, coll, want, by_type):
    out = []
    for node in coll:
        if isinstance(node, abc.Mapping) and "resourceType" in node:
            node = nodes.ResourceNode.create_node(node)  # the root, as fhirpathpy passes it
        if not isinstance(node, nodes.ResourceNode) or node.path is None:
            continue
        if by_type:
            own = type_name(node.path, "", "")
        else:
            own = (node.propName or node.path).split(".")[-1].split("[")[0]
        if own == want:
            out.append(node)
        walk(node.path, node.data, want, by_type, out)
    return out


def nodes_by_type(ctx, coll, want):
    return nodes_by(ctx, coll, want, True)


def nodes_by_name(ctx, coll, want):
    return nodes_by(ctx, coll, want, False)


# A1: the anonymizer's functions, with typed nodes (the userInvocationTable option hands plain
# JSON to user functions, which loses the node types that further navigation needs).
invocation_registry["nodesByType"] = {"fn": nodes_by_type, "arity": {1: ["String"]}}
invocation_registry["nodesByName"] = {"fn": nodes_by_name, "arity": {1: ["String"]}}

# A2: exact type names, no inheritance.
nodes.TypeInfo.is_type = staticmethod(lambda name, other: name == other)


# A3: `as` filters the collection.
def as_filter(ctx, coll, type_info):
    nodes.TypeInfo.model = ctx.get("model")
    return [x for x in coll if nodes.TypeInfo.from_value(x).is_(type_info)]


fp_types.as_fn = as_filter
invocation_registry["as"]["fn"] = as_filter
invocation_registry["asOp"]["fn"] = as_filter


# A4: `resourceType` is not an element (Firely never shows it as a child); fhirpathpy's
# children() and descendants() list it.
_children = navigation.create_reduce_children


def children_without_resource_type(ctx, exclude_primitive_extensions):
    reduce_children = _children(ctx, exclude_primitive_extensions)

    def func(acc, res):
        count = len(acc)
        acc = reduce_children(acc, res)
        added = [x for x in acc[count:] if not (x.propName or "").endswith(".resourceType")]
        return acc[:count] + added

    return func


navigation.create_reduce_children = children_without_resource_type


def is_error(items):
    """fhirpathpy reports some errors (single() on several items) as a result item."""
    return any(isinstance(x, abc.Mapping) and x.get("$status") == "error" for x in items)


def to_json(value, out):
    """Appends `value` (a fhirpathpy result item) as JSON text."""
    if isinstance(value, nodes.ResourceNode):
        value = value.data
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (int, Decimal)):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, abc.Mapping):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            if i:
                out.append(",")
            out.append(json.dumps(k, ensure_ascii=False))
            out.append(":")
            to_json(v, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(",")
            to_json(v, out)
        out.append("]")
    else:  # FP_DateTime, FP_Time, FP_Quantity: their text
        out.append(json.dumps(str(value), ensure_ascii=False))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    with open(request["resources"], encoding="utf-8") as f:
        resources = [json.loads(line, parse_float=Decimal) for line in f if line.strip()]
    out = sys.stdout
    sys.stdout = sys.stderr  # trace() prints; keep stdout for the results
    for case in request["cases"]:
        wanted = case.get("resourceType")
        results = {}
        try:
            compiled = fhirpathpy.compile(case["expression"], model=R4)
        except Exception as error:  # noqa: BLE001 - reported per case
            out.write(json.dumps({"compileError": type(error).__name__}) + "\n")
            continue
        for index, resource in enumerate(resources):
            if wanted and resource.get("resourceType") != wanted:
                continue
            try:
                items = compiled(resource)
            except Exception as error:  # noqa: BLE001 - compared as "both fail"
                results[str(index)] = {"error": type(error).__name__}
                continue
            if is_error(items):
                results[str(index)] = {"error": "ResultError"}
            elif items:
                text = []
                to_json(items, text)
                results[str(index)] = "".join(text)
        # Items were serialised by hand (Decimal digits); splice them in as raw JSON.
        parts = []
        for key, value in results.items():
            raw = value if isinstance(value, str) else json.dumps(value)
            parts.append(json.dumps(key) + ":" + raw)
        out.write('{"results":{' + ",".join(parts) + "}}\n")


if __name__ == "__main__":
    main()
