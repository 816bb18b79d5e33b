#!/usr/bin/env python3
"""Drives the YAML language server (yaml-language-server, the engine of VS Code's YAML
extension and others) over its protocol with hiplan's editor schemas, as a submitter's
editor would, and checks what the submitter sees:

- every golden input of tests/cli/lint (and every example): each problem the editor shows
  is on a line where `hiplan lint` reports one (no false alarm; none at all on a file hiplan
  passes), and every error hiplan reports under a rule that a schema can express (EXPRESSED
  below) is shown by the editor on hiplan's line;
- the editor's messages are plain words: no parser or validator terms, no regular expression;
- completing a theme, a status, a shared outcome or a feedback answer's question offers every
  allowed value with its human name; hovering over a question shows the question.

    check_editor.py HIPLAN REPO_ROOT [--verbose]

Skipped (exit 77) where yaml-language-server is not installed, unless HIPLAN_REQUIRE_CLIENTS
is set (CI sets it after .ci/clients installs the server from the npm registry).
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_plain_words import problems_in  # noqa: E402
from clients import missing  # noqa: E402
from lsp_client import Client  # noqa: E402

import yaml  # noqa: E402

# The rules whose faults a JSON Schema can express, so the editor must show them on hiplan's
# line. Left out, with the reason: what YAML alone decides and the language server checks
# for itself in its own words (HP103-HP114); HP205 (ids differ within a list: a schema can
# only ask whole items to differ); HP209 (the generic schema accepts any framework, since
# frameworks are files); HP302 and every rule of the framework, logic-model, measures (but
# HP501, HP502), reviews and quality categories that compare values with each other or with
# dates, or read the meaning of text.
EXPRESSED = {
    "HP201",  # unknown-key: the fields of each block are listed
    "HP202",  # missing-field
    "HP203",  # wrong-type
    "HP204",  # unknown-value: themes, statuses, ratings, focus, outcomes, ...
    "HP206",  # invalid-date: a real calendar date, leap years included
    "HP208",  # unknown-kind
    "HP210",  # invalid-id
    "HP211",  # invalid-cycle: two consecutive years
    "HP212",  # empty-list
    "HP213",  # invalid-format
    "HP301",  # unknown-submitter: the framework's registry
    "HP303",  # theme-not-covered: `contains` with the framework's minimum
    "HP306",  # no-rating-scale: a framework without a scale has no `ratings`
    "HP501",  # no-measure
    "HP502",  # measure-incomplete
    "HP801",  # question-unanswered
    "HP803",  # no-participants
}



def messages_of(schema_file):
    """Every errorMessage the schema gives: the words the editor may show."""
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("errorMessage"), str):
                found.add(value["errorMessage"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(schema)
    return found


def schema_for(text, schemas):
    """The schema an editor would use for the text: its framework's schema of its kind."""
    kind = re.search(r"^kind: *(template|feedback|framework) *$", text, re.M)
    kind = kind.group(1) if kind else "template"
    if kind == "framework":
        return os.path.join(schemas, "framework.editor.schema.json")
    framework = re.search(r"^framework: *([a-z0-9-]+) *$", text, re.M)
    if framework:
        specific = os.path.join(schemas, "{}.{}.editor.schema.json".format(framework.group(1), kind))
        if os.path.exists(specific):
            return specific
    return os.path.join(schemas, "{}.editor.schema.json".format(kind))


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def pointers(text):
    """Each block and value of the YAML text as (start, end, JSON pointer), positions as
    (line, column) from 1; a field's name counts as part of its value. None when PyYAML
    cannot read the text."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    spans = []

    def walk(node, pointer, key=None):
        start = key.start_mark if key is not None else node.start_mark
        spans.append(((start.line + 1, start.column + 1),
                      (node.end_mark.line + 1, node.end_mark.column + 1), pointer))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                name = str(k.value).replace("~", "~0").replace("/", "~1")
                walk(v, pointer + "/" + name, k)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, "{}/{}".format(pointer, i))

    try:
        if root is not None:
            walk(root, "")
    except RecursionError:
        return None  # nested deeper than hiplan reads
    return spans


def pointer_at(spans, line, column):
    """The JSON pointers of the value at (line, column): the innermost one, and every block
    that starts there (the language server marks a block's missing field at its start)."""
    inner, inner_size, starting = "", None, []
    for start, end, pointer in spans or []:
        if start == (line, column):
            starting.append(pointer)
        if start <= (line, column) < end or start == (line, column):
            size = (end[0] - start[0], end[1] - start[1])
            if inner_size is None or size <= inner_size:
                inner, inner_size = pointer, size
    return [inner] + starting


def related(a, b):
    """Whether one pointer is the other or inside it."""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def hiplan_findings(hiplan, path):
    run = subprocess.run([hiplan, "lint", "--format", "json", os.path.basename(path)],
                         cwd=os.path.dirname(path), capture_output=True)
    return json.loads(run.stdout)["findings"]


def documented(item):
    """The text an editor shows beside a completion: its detail and documentation."""
    doc = item.get("documentation") or ""
    if isinstance(doc, dict):
        doc = doc.get("value", "")
    return "{} {}".format(item.get("detail") or "", doc)


def offers(client, uri, line, character):
    """The completions offered at (line, character), from 0, by label."""
    reply = client.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
    items = reply["items"] if isinstance(reply, dict) else (reply or [])
    labels = [item["label"] for item in items]
    offered = {item["label"]: documented(item) for item in items}
    if len(offered) != len(labels):
        offered[None] = "offered twice: {}".format(sorted({l for l in labels if labels.count(l) > 1}))
    return offered


def check_names(client, root, schemas, failures):
    """Completing a theme, a status, a shared outcome or a question offers every allowed value
    with its human name; hovering over a question's key shows the question."""
    def framework(name):
        with open(os.path.join(root, "schemas", "frameworks", name + ".yaml"), encoding="utf-8") as f:
            return yaml.safe_load(f)

    glos, leeds = framework("one-gloucestershire"), framework("leeds-thig")
    with open(os.path.join(root, "tests", "cli", "lint", "valid-template.yaml"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    theme = next(i for i, l in enumerate(lines) if l.strip().startswith("theme:"))
    outcome = next(i for i, l in enumerate(lines) if "contributes_to: [" in l)
    status = next(i for i, l in enumerate(lines) if "status: " in l)
    lines[theme] = lines[theme][:lines[theme].index("theme:")] + "theme: "
    lines[outcome] = lines[outcome][:lines[outcome].index("[") + 1] + "]"
    lines[status] = lines[status].replace("status: on-track", "status: ")
    uri = "file:///hiplan-editor-check/template.yaml"
    feedback_uri = "file:///hiplan-editor-check/feedback.yaml"
    with open(os.path.join(root, "examples", "feedback-lch-cnt.yaml"), encoding="utf-8") as f:
        feedback = f.read().split("\n")
    answers = feedback.index("answers:")
    first_question = answers + 1
    unanswered_uri = "file:///hiplan-editor-check/unanswered.yaml"
    client.settings["yaml"]["schemas"] = {
        "file://" + os.path.join(schemas, "one-gloucestershire.template.editor.schema.json"): [uri],
        "file://" + os.path.join(schemas, "leeds-thig.feedback.editor.schema.json"):
            [feedback_uri, unanswered_uri]}
    client.configure()
    client.open(uri, "\n".join(lines), settle=0.3)
    client.open(feedback_uri, "\n".join(feedback), settle=0.3)
    client.open(unanswered_uri, "\n".join(feedback[:answers + 1] + ["  "]), settle=0.3)
    cases = [
        ("theme", offers(client, uri, theme, len(lines[theme])),
         [(t["id"], t["name"]) for t in glos["themes"]]),
        ("contributes_to", offers(client, uri, outcome, lines[outcome].index("[") + 1),
         [(o["id"], o["name"]) for o in glos["outcomes"]]),
        ("status", offers(client, uri, status, lines[status].index("status: ") + 8),
         [(t["id"], t["name"]) for t in glos["statuses"]]),
        ("answers", offers(client, unanswered_uri, first_question, 2),
         [(q["id"], q["text"]) for q in leeds["questions"]]),
    ]
    for field, offered, wanted in cases:
        if None in offered:
            failures.append("completing '{}': {}".format(field, offered[None]))
        for value, name in wanted:
            if value not in offered:
                failures.append("completing '{}' does not offer '{}'".format(field, value))
            elif name not in offered[value]:
                failures.append("completing '{}' offers '{}' without its name '{}': {}".format(
                    field, value, name, offered[value].strip()))
    hover = client.request("textDocument/hover", {
        "textDocument": {"uri": feedback_uri},
        "position": {"line": first_question, "character": 4}})
    question = next(q for q in leeds["questions"]
                    if feedback[first_question].strip().startswith(q["id"] + ":"))
    contents = json.dumps(hover)
    if question["text"] not in contents:
        failures.append("hovering over '{}' does not show the question '{}': {}".format(
            question["id"], question["text"], contents))
    return sum(len(wanted) for _, _, wanted in cases)


MODELINE = re.compile(r"^(# yaml-language-server: \$schema=)(\S+)", re.M)


def main():
    hiplan, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    verbose = "--verbose" in sys.argv
    server = shutil.which("yaml-language-server")
    if server is None:
        return missing("yaml-language-server")
    failures = []
    work = tempfile.mkdtemp(prefix="hiplan-editor-")
    try:
        schemas = os.path.join(work, "schemas")
        os.mkdir(schemas)
        subprocess.run([hiplan, "schema", "--write-all", schemas], check=True,
                       stderr=subprocess.DEVNULL)
        cases = sorted(glob.glob(os.path.join(root, "tests", "cli", "lint", "*.yaml")))
        cases = [c for c in cases if not os.path.exists(c[:-5] + ".args")]
        cases += sorted(glob.glob(os.path.join(root, "examples", "*.yaml")))
        settings = {"yaml": {"validate": True, "hover": True, "completion": True,
                             "schemaStore": {"enable": False}, "schemas": {}}}
        client = Client([server, "--stdio"], settings)
        client.start()
        counts = {"files": 0, "unread": 0, "shown": 0, "expressed": 0, "caught": 0}
        for path in cases:
            text = load(path)
            if text is None:
                continue  # not UTF-8: no editor opens it as YAML text
            counts["files"] += 1
            name = os.path.relpath(path, root)
            schema = schema_for(text, schemas)
            # A starter names its schema on its first line, and the editor reads that file
            # next to it: it must be one hiplan publishes (here, the one just written).
            modeline = MODELINE.search(text)
            if modeline:
                named = os.path.join(schemas, modeline.group(2))
                if not os.path.exists(named):
                    failures.append("{}: names the schema '{}', which hiplan does not publish"
                                    .format(name, modeline.group(2)))
                    continue
                text = MODELINE.sub(lambda m: m.group(1) + "file://" + named, text, count=1)
                schema = named
            uri = "file://" + os.path.abspath(path)
            plain = messages_of(schema)
            settings["yaml"]["schemas"] = {"file://" + schema: [os.path.abspath(path)]}
            client.configure()
            diagnostics = client.open(uri, text, settle=0.3)
            client.close(uri)
            findings = hiplan_findings(hiplan, path)
            spans = pointers(text)
            for d in diagnostics:
                counts["shown"] += 1
                d["line"] = d["range"]["start"]["line"] + 1
                d["last"] = d["range"]["end"]["line"] + 1
                d["pointer"] = pointer_at(spans, d["line"], d["range"]["start"]["character"] + 1)
                # What the schema finds is said in hiplan's words, from the schema; what YAML
                # itself decides, the language server says in its own.
                if d.get("source", "").startswith("yaml-schema") and \
                        (d["message"] not in plain or problems_in(d["message"])):
                    failures.append("{}:{}: not hiplan's words: {}".format(name, d["line"],
                                                                          d["message"]))
            if verbose:
                print("==", name)
                for d in diagnostics:
                    print("  editor {}-{} {}: {}".format(d["line"], d["last"], d["pointer"],
                                                          d["message"]))
                for f in findings:
                    print("  hiplan {} {}: {} {}".format(f["line"], f["pointer"], f["code"],
                                                         f["message"]))
            # A file with old Mac line ends (CR alone) is one line to the language server.
            old_mac = re.search(r"\r(?!\n)", text) is not None
            # Where hiplan stops at what the file's YAML is (syntax, anchors, tabs, several
            # documents), the two read different things: nothing to compare.
            if any(f["code"] < "HP200" and f["severity"] == "error" for f in findings) or \
                    spans is None or old_mac:
                counts["unread"] += 1
                continue

            def near(d, f):
                return d["line"] <= f["line"] <= d["last"] or \
                    any(related(p, f["pointer"]) for p in d["pointer"])

            for d in diagnostics:
                if not any(near(d, f) for f in findings):
                    failures.append("{}:{}: a false alarm: {}".format(name, d["line"], d["message"]))
            for f in findings:
                if f["severity"] != "error" or f["code"] not in EXPRESSED:
                    continue
                counts["expressed"] += 1
                if any(d["line"] <= f["line"] <= d["last"] or f["pointer"] in d["pointer"]
                       for d in diagnostics):
                    counts["caught"] += 1
                else:
                    failures.append("{}:{}: the editor misses {}/{}: {}".format(
                        name, f["line"], f["code"], f["slug"], f["message"]))
        named = check_names(client, root, schemas, failures)
        client.stop()
        print("completion offered {} allowed values; each must show its name".format(named))
        print("{files} files ({unread} with YAML hiplan refuses or CR line ends, not compared); the editor "
              "showed {shown} problems and caught {caught} of the {expressed} errors a schema "
              "can express".format(**counts))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
