#!/usr/bin/env python3
"""Checks the shipped JSON Schemas with an independent validator (python3-jsonschema), both
the strict variant and the editor one: every example validates against its framework's
schema, and every document in tests/schema/invalid is rejected by both the schema and
`hiplan lint`; status synonyms are accepted as hiplan accepts them. The strict variant uses
standard keywords only. YAML is read as hiplan and the editor read it (YAML 1.2: a date is
text); the strict variant also accepts dates read as date objects (PyYAML's safe_load).

    check_schemas.py HIPLAN REPO_ROOT
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader without its YAML 1.1 dates: 2026-10-13 stays text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

STANDARD = {
    "$schema", "$id", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "minItems", "enum", "const", "pattern", "minLength",
    "minimum", "maximum", "anyOf", "allOf", "not", "propertyNames", "minProperties", "contains",
    "minContains", "if", "then", "else", "exclusiveMinimum", "exclusiveMaximum"}


def keywords(schema, found):
    """Every keyword the schema uses (property names are not keywords)."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key == "properties":
                for sub in value.values():
                    keywords(sub, found)
            else:
                keywords(value, found)
    elif isinstance(schema, list):
        for item in schema:
            keywords(item, found)
    return found


def load_schema(root, name):
    with open(os.path.join(root, "schemas", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def main():
    hiplan, root = sys.argv[1], sys.argv[2]
    failures = 0
    for name in sorted(os.listdir(os.path.join(root, "schemas"))):
        if name.endswith(".schema.json") and not name.endswith(".editor.schema.json"):
            with open(os.path.join(root, "schemas", name), encoding="utf-8") as f:
                unknown = keywords(json.load(f), set()) - STANDARD
            if unknown:
                print("FAIL {}: keywords a strict validator refuses: {}".format(name, sorted(unknown)))
                failures += 1
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.yaml"))):
        for loader, variant in ((yaml.SafeLoader, ""), (Yaml12Loader, ""), (Yaml12Loader, ".editor")):
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=loader)
            validator = load_schema(root, "{}.{}{}.schema.json".format(doc["framework"], doc["kind"], variant))
            errors = list(validator.iter_errors(doc))
            for e in errors[:3]:
                print("FAIL {} ({}{}): {} at {}".format(path, loader.__name__, variant, e.message, list(e.path)))
            failures += bool(errors)
    validator = load_schema(root, "one-gloucestershire.template.schema.json")
    editor = load_schema(root, "one-gloucestershire.template.editor.schema.json")
    generic = load_schema(root, "template.schema.json")
    invalid = sorted(glob.glob(os.path.join(root, "tests", "schema", "invalid", "*.yaml")))
    for path in invalid:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Yaml12Loader)
        for name, schema in (("strict", validator), ("editor", editor)):
            if schema.is_valid(doc):
                print("FAIL {}: the {} schema accepts it".format(path, name))
                failures += 1
        lint = subprocess.run([hiplan, "lint", path], capture_output=True)
        if lint.returncode != 1:
            print("FAIL {}: hiplan lint exits {}, not 1".format(path, lint.returncode))
            failures += 1
    # The generic schema accepts a valid template whatever its framework's vocabulary.
    with open(os.path.join(root, "tests", "cli", "lint", "valid-template.yaml"), encoding="utf-8") as f:
        if not generic.is_valid(yaml.safe_load(f)):
            print("FAIL: the generic template schema rejects valid-template.yaml")
            failures += 1
    # A status may be written as a synonym, in any case, as hiplan accepts it.
    with open(os.path.join(root, "tests", "cli", "lint", "valid-template.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    entry = doc["reviews"][0]["objectives"][0]
    for word, valid in [("Amber", True), ("on track", True), ("OFF_TRACK", True), ("yellow", False)]:
        entry["status"] = word
        if validator.is_valid(doc) != valid:
            print("FAIL: the template schema {} status '{}'".format("rejects" if valid else "accepts", word))
            failures += 1
    print("{} invalid documents, {} failure(s)".format(len(invalid), failures))
    return 1 if failures or not invalid else 0


if __name__ == "__main__":
    sys.exit(main())
