#!/usr/bin/env python3
"""docs/report-data.md documents the report data as hiplan writes it, and every name a template
uses.

    check_data_doc.py HIPLAN SOURCE_DIR

The report data is written as JSON (`hiplan report ... -o x.json`) for the three document
kinds, from the shipped examples: the Board paper of three rounds, each group's summary of two
rounds, and the road-test report of the Leeds feedback; and from a round with a late
submission and one with errors (tests/workbook/round/late, tests/workbook/fixtures/broken.yaml). The document's field tables (a row per
field, its path first in backquotes: `parts[].missing_submitters[].name`) follow a marker
`<!-- fields: KIND ... -->` naming the kinds they are for. It fails when
  - a field the binary writes for a kind is not documented for that kind;
  - a field documented for a kind is written for none of the runs of that kind (stale);
  - a built-in template (src/hiplan/report/templates/*.mustache) or a ```mustache block of
    the document uses a name ({{name}}, {{#name}}, {{^name}}, dotted names, `has_x` and
    `x_plural` as the rule gives them) that is not in the report data, or not documented;
  - a template includes a partial ({{> name}}) that is not documented, or the partials the
    document lists (after `<!-- partials -->`) are not the built-in templates;
  - a built-in template writes a value unescaped ({{{name}}} or {{&name}});
  - a ```mustache block of the document is not a template hiplan accepts (`--template`).
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

KINDS = ("board-paper", "group-summary", "road-test")
# (kind, arguments after `report`, output name); paths are relative to SOURCE_DIR.
RUNS = [("board-paper", ["examples", "--round", "2025-autumn", "--generated", "2025-11-30"])]
RUNS += [("board-paper", ["examples", "--round", "2026-spring", "--generated", "2026-04-20"])]
RUNS += [("board-paper", ["examples", "--round", "2026-autumn", "--generated", "2026-11-30"])]
for _group in ("organisation", "ilp", "cpg"):
    for _round, _date in (("2026-spring", "2026-04-20"), ("2026-autumn", "2026-11-30")):
        RUNS.append(("group-summary",
                     ["examples", "--group", _group, "--round", _round, "--generated", _date]))
# A round with a late submission and one with errors (the examples have neither).
for _kind, _extra in (("board-paper", []), ("group-summary", ["--group", "organisation"])):
    RUNS.append((_kind, ["tests/workbook/round/late", "tests/workbook/fixtures/broken.yaml",
                         *_extra, "--round", "2026-spring", "--generated", "2026-05-20"]))
RUNS.append(("road-test", ["FEEDBACK", "--generated", "2026-03-12"]))

TAG = re.compile(r"\{\{(\{?)\s*([#^/>&!=]?)\s*(.*?)\s*\}?\}\}", re.DOTALL)
FIELDS_MARKER = re.compile(r"<!--\s*fields:\s*([a-z -]+?)\s*-->")
PARTIALS_MARKER = re.compile(r"<!--\s*partials\s*-->")
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def walk(value, path, shape):
    """Every field of `value` as a path ("parts[].name") and the JSON types seen there."""
    if isinstance(value, dict):
        for name, item in value.items():
            sub = name if not path else path + "." + name
            shape.setdefault(sub, set()).add(type_of(item))
            walk(item, sub, shape)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                walk(item, path + "[]", shape)


def type_of(value):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "null"


def read_doc(path):
    """The documented fields ({path: set of kinds}), the partials, the ```mustache blocks."""
    fields, partials, blocks = {}, set(), []
    mode, kinds = None, ()
    block = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if block is not None:
                if line.startswith("```"):
                    blocks.append("".join(block))
                    block = None
                else:
                    block.append(line)
                continue
            if line.startswith("```mustache"):
                block = []
                continue
            if line.startswith("#"):
                mode = None
            m = FIELDS_MARKER.search(line)
            if m:
                mode, kinds = "fields", tuple(m.group(1).split())
                unknown = [k for k in kinds if k not in KINDS]
                if unknown:
                    raise SystemExit("{}: unknown kind(s) in a marker: {}".format(path, unknown))
                continue
            if PARTIALS_MARKER.search(line):
                mode = "partials"
                continue
            m = ROW.match(line)
            if m and mode == "fields":
                fields.setdefault(m.group(1), set()).update(kinds)
            elif m and mode == "partials":
                partials.add(m.group(1))
    if block is not None:
        raise SystemExit("{}: a ```mustache block is not closed".format(path))
    return fields, partials, blocks


def field_of(path, shape):
    """The field a name stands for (`has_x`, `x_plural`: x), or None."""
    if path in shape:
        return path
    parent, _, last = path.rpartition(".")
    join = (lambda n: parent + "." + n) if parent else (lambda n: n)
    if last.startswith("has_") and join(last[4:]) in shape:
        return join(last[4:])
    if last.endswith("_plural") and "number" in shape.get(join(last[:-7]), ()):
        return join(last[:-7])
    return None


def resolve(name, stack, shape):
    """The field `name` stands for in the context `stack` (Mustache's look-up: the first part
    of a dotted name up the stack, the rest inside it), and the name's path; or None. For
    `has_x` and `x_plural` the field is x."""
    first, *rest = name.split(".")
    for context in reversed(stack):
        if context is None:
            continue
        path = context + "." + first if context else first
        field = field_of(path, shape)
        if field is None:
            continue
        for segment in rest:
            if field != path:
                return None  # has_x and x_plural have no fields
            path = path + "." + segment
            field = field_of(path, shape)
            if field is None:
                return None
        return field, path
    return None


def check_template(label, text, shape, fields, partials, failures):
    stack = [""]  # the contexts: "" is the data, "parts[]" an item of `parts`
    opened = []
    for m in TAG.finditer(text):
        triple, sigil, name = m.group(1), m.group(2), m.group(3)
        line = text.count("\n", 0, m.start()) + 1
        where = "{}:{}".format(label, line)
        if sigil == "!":
            continue
        if sigil == "=":
            failures.append("{}: changes the delimiters, which this check cannot follow".format(where))
            return
        if sigil == ">":
            if name not in partials:
                failures.append("{}: partial '{}' is not documented".format(where, name))
            continue
        if sigil == "/":
            if not opened or opened[-1] != name:
                failures.append("{}: {{{{/{}}}}} closes no open section".format(where, name))
                return
            opened.pop()
            stack.pop()
            continue
        if name == ".":
            continue
        found = resolve(name, stack, shape)
        if found is None:
            failures.append("{}: '{}' is not in the report data".format(where, name))
            field, path = None, None
        else:
            field, path = found
            if field not in fields:
                failures.append("{}: '{}' ({}) is not documented in docs/report-data.md".format(
                    where, name, field))
        if sigil in ("#", "^"):
            opened.append(name)
            types = shape.get(path, set()) if field == path else set()
            if sigil == "#" and "list" in types:
                stack.append(path + "[]")
            elif sigil == "#" and "object" in types:
                stack.append(path)
            else:
                stack.append(None)  # true, text, an empty list: names are looked up outside
    if opened:
        failures.append("{}: section(s) not closed: {}".format(label, ", ".join(opened)))


def partial_name(file_name):
    return re.sub(r"[-.]", "_", file_name[: -len(".mustache")])


def main():
    hiplan, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    doc = os.path.join(source, "docs", "report-data.md")
    template_dir = os.path.join(source, "src", "hiplan", "report", "templates")
    feedback = sorted(glob.glob(os.path.join(source, "examples", "feedback-*.yaml")))
    fields, partials, blocks = read_doc(doc)
    failures = []
    shapes = {kind: {} for kind in KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        for number, (kind, args) in enumerate(RUNS):
            out = os.path.join(tmp, "data-{}.json".format(number))
            args = [a for arg in args for a in (feedback if arg == "FEEDBACK" else [arg])]
            run = subprocess.run([hiplan, "report", *args, "-o", out], cwd=source,
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1) or not os.path.exists(out):
                failures.append("hiplan report {} failed ({}): {}".format(
                    " ".join(args), run.returncode, run.stderr.strip()))
                continue
            with open(out, encoding="utf-8") as f:
                data = json.load(f)
            if data.get("kind") != kind:
                failures.append("hiplan report {}: kind '{}', expected '{}'".format(
                    " ".join(args), data.get("kind"), kind))
            walk(data, "", shapes[kind])
        # Every field written is documented for its kind; every documented one is written.
        for kind in KINDS:
            for path in sorted(shapes[kind]):
                if kind not in fields.get(path, ()):
                    failures.append("{}: field '{}' ({}) is not documented for this kind".format(
                        kind, path, "/".join(sorted(shapes[kind][path]))))
        for path, kinds in sorted(fields.items()):
            for kind in sorted(kinds):
                if path not in shapes[kind]:
                    failures.append("{}: field '{}' is documented but not written".format(
                        kind, path))
        # The names templates use.
        shape = {}
        for kind in KINDS:
            for path, types in shapes[kind].items():
                shape.setdefault(path, set()).update(types)
        builtin = sorted(glob.glob(os.path.join(template_dir, "*.mustache")))
        names = {partial_name(os.path.basename(t)) for t in builtin}
        if names != partials:
            failures.append("partials documented {} but the built-in templates are {}".format(
                sorted(partials), sorted(names)))
        for path in builtin:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            label = os.path.relpath(path, source)
            check_template(label, text, shape, fields, partials, failures)
            for m in TAG.finditer(text):
                if m.group(1) or m.group(2) == "&":
                    failures.append("{}: '{}' writes a value unescaped".format(label, m.group(0)))
        if not blocks:
            failures.append("docs/report-data.md has no ```mustache example")
        for number, text in enumerate(blocks, 1):
            label = "docs/report-data.md, mustache block {}".format(number)
            check_template(label, text, shape, fields, partials, failures)
            template = os.path.join(tmp, "example-{}.mustache".format(number))
            with open(template, "w", encoding="utf-8") as f:
                f.write(text)
            out = os.path.join(tmp, "example-{}.md".format(number))
            run = subprocess.run([hiplan, "report", "examples", "--round", "2026-spring",
                                  "--generated", "2026-04-20", "--template", template, "-o", out],
                                 cwd=source, capture_output=True, text=True)
            if run.returncode not in (0, 1) or not os.path.getsize(out):
                failures.append("{}: hiplan report --template failed ({}): {}".format(
                    label, run.returncode, run.stderr.strip()))
    for f in failures:
        print("FAIL " + f)
    print("{} runs, {} fields documented, {} templates and {} examples checked: {} problem(s)".format(
        len(RUNS), len(fields), len(glob.glob(os.path.join(template_dir, "*.mustache"))),
        len(blocks), len(failures)))
    return 1 if failures or not fields else 0


if __name__ == "__main__":
    sys.exit(main())
