#!/usr/bin/env python3
"""Validate a JSON Lines event file against schemas/ with the Python `jsonschema` package.

    PYTHONPATH=bench/out/py bench/py-validate.py FILE [--registry schemas]

Baseline for bench/validate.sh. Every *.schema.json under the registry (all versions and _common)
is registered under its file:// URI (schemas carry no $id, so relative "$ref"s such as
"../_common/money.schema.json" resolve against the file's own location); one Draft7Validator is
built per subject version, once. For each line: json.loads, subject from `type` through
[routes.types] of registry.toml, version from `version` (fallback: the latest version), validate.
Events whose type has no route count as invalid (never pass silently).
Prints {"checked":N,"valid":V,"invalid":I}.
"""
import argparse
import json
import pathlib
import re
import sys

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7


def read_type_routes(toml_path):
    try:
        import tomllib  # Python >= 3.11
        with open(toml_path, "rb") as f:
            return dict(tomllib.load(f).get("routes", {}).get("types", {}))
    except ImportError:  # tiny fallback: key = "value" lines of [routes.types]
        routes, section = {}, None
        for line in open(toml_path, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line.startswith("["):
                section = line.strip("[] ")
            elif section == "routes.types" and "=" in line:
                k, v = (s.strip().strip('"') for s in line.split("=", 1))
                routes[k] = v
        return routes


def load(root):
    root = pathlib.Path(root).resolve()
    registry = Registry()
    files = sorted(root.rglob("*.schema.json"))
    for p in files:
        schema = json.loads(p.read_text(encoding="utf-8"))
        uri = schema.get("$id") or p.as_uri()
        registry = registry.with_resource(uri, Resource.from_contents(schema, default_specification=DRAFT7))
    registry = registry.crawl()
    subjects = {}  # subject -> {version: validator}
    for p in files:
        rel = p.relative_to(root)
        m = re.fullmatch(r"v([0-9]+)\.schema\.json", rel.name)
        if len(rel.parts) != 2 or rel.parts[0].startswith("_") or not m:
            continue
        schema = registry.contents(json.loads(p.read_text(encoding="utf-8")).get("$id") or p.as_uri())
        Draft7Validator.check_schema(schema)
        # Validate through a $ref to the file URI so that the base URI is the file's location.
        v = Draft7Validator({"$ref": schema.get("$id") or p.as_uri()}, registry=registry)
        subjects.setdefault(rel.parts[0], {})[int(m.group(1))] = v
    return subjects, read_type_routes(root / "registry.toml")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--registry", default=str(pathlib.Path(__file__).resolve().parent.parent / "schemas"))
    a = ap.parse_args()
    subjects, routes = load(a.registry)
    by_type = {}
    for etype, subject in routes.items():
        if subject in subjects:
            versions = subjects[subject]
            by_type[etype] = (versions, versions[max(versions)])
    checked = valid = 0
    loads = json.loads
    with open(a.file, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            checked += 1
            try:
                ev = loads(line)
            except ValueError:
                continue
            if not isinstance(ev, dict):
                continue
            target = by_type.get(ev.get("type")) if isinstance(ev.get("type"), str) else None
            if target is None:
                continue
            versions, latest = target
            ver = ev.get("version")
            v = versions.get(ver, latest) if type(ver) is int else latest
            if v.is_valid(ev):
                valid += 1
    print(json.dumps({"checked": checked, "valid": valid, "invalid": checked - valid}, separators=(",", ":")))


if __name__ == "__main__":
    main()
