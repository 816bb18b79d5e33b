#!/usr/bin/env python3
"""Injection and format-limit cases, run through the real binary.

Text taken from keys, values, file names and framework files must never reach a terminal
or a CI log as raw control characters or as a GitHub workflow command, and must never make
the workbook unreadable or put a formula in it. Inputs beyond the workbook's limits are cut
with a visible marker and a warning, never a library error or a damaged file.

    check_injection.py HIPLAN REPO_ROOT
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402

TIME_LIMIT = 300  # seconds per run (generous for sanitizer builds and a busy machine)

# Characters no human-facing output may hold raw: C0 controls (line feeds are the outputs'
# own line separators), DEL, C1 controls, bidirectional overrides and isolates, and the
# line and paragraph separators.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                       "\u200e\u200f\u061c\ufffe\uffff]")
HIPLAN_COLOURS = re.compile("\x1b\\[[0-9;]*m")
# The hostile text: a newline then a workflow command, CR, terminal escapes (clear screen,
# window title, an 8-bit CSI), a right-to-left override, DEL, and GitHub's legacy command form.
HOSTILE = ("a\n::error file=evil.yaml,line=1::injected\r::warning::cr \x1b[2J\x1b]0;title\x07"
           "\u009b31m \u202eevil\u2066 \x7f ##[error]legacy")


def run(hiplan, args, cwd):
    try:
        return subprocess.run([hiplan] + args, cwd=cwd, capture_output=True, timeout=TIME_LIMIT,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
    except subprocess.TimeoutExpired:
        check(False, "timed out after {} s: hiplan {}".format(TIME_LIMIT, " ".join(args)))
        return subprocess.CompletedProcess(args, -1, b"", b"")


def decode(data, what):
    """The output as text; fails the check when it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, "{}: not UTF-8: {}".format(what, e))
        return data.decode("utf-8", "replace")


def yaml_quote(text):
    """A YAML double-quoted scalar holding `text` (escapes for every non-printable)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f or ch in "\u202e\u2066\ufffe\uffff":
            out.append("\\u{:04x}".format(ord(ch)))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def check_human_output(text, what, colours=False):
    """No raw control character, no workflow command a runner would act on."""
    if colours:
        text = HIPLAN_COLOURS.sub("", text)
    bad = FORBIDDEN.search(text)
    check(bad is None, "{}: raw {!r} in the output".format(what, bad and bad.group()))
    for line in text.split("\n"):
        check(not line.lstrip().startswith("::"), "{}: a line reads as a command: {!r}".format(what, line))
    check("##[" not in text, "{}: '##[' (a legacy workflow command) in the output".format(what))


def unescape_github(s, prop):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")


def check_github(text, what):
    """Every line is one ::error/::warning/::notice command with escaped properties and data."""
    for line in text.split("\n")[:-1]:
        m = re.match(r"::(error|warning|notice) ([^:]*)::(.*)$", line)
        check(m is not None, "{}: not one workflow command: {!r}".format(what, line))
        if m is None:
            continue
        check(FORBIDDEN.search(line) is None, "{}: raw control character in {!r}".format(what, line))
        for prop in m.group(2).split(","):
            key, _, value = prop.partition("=")
            check(key in ("file", "line", "col", "endLine", "endColumn", "title"),
                  "{}: unexpected property {!r}".format(what, key))
            check(FORBIDDEN.search(unescape_github(value, True)) is None,
                  "{}: a property holds a control character".format(what))
        data = unescape_github(m.group(3), False)
        # The one line break is hiplan's own, between the message and the hint.
        check(data.count("\n") <= 1 and "\r" not in data, "{}: data breaks lines: {!r}".format(what, data))
        check(FORBIDDEN.search(data.replace("\n", " ")) is None,
              "{}: data holds a control character".format(what))


def check_caret(text, token, what):
    """The caret marks sit under the escaped token in the source excerpt."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        at = line.find(token)
        m = re.match(r"^ *\d+ \| ", line)
        if at < 0 or m is None:
            continue
        marks = lines[i + 1]
        start = marks.find("^")
        width = len(marks.rstrip()) - start
        check(start == at and width == len(token),
              "{}: caret at {} width {}, token at {} width {}".format(what, start, width, at, len(token)))
        return
    check(False, "{}: no excerpt shows {!r}".format(what, token))


def xlsx_parts_well_formed(path, what):
    """Every XML part of the workbook parses (Excel refuses a file whose XML does not)."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    check(False, "{}: {} is not well-formed XML: {}".format(what, name, e))


def xlsx_part(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def chart_parts(path):
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/charts/chart")]


def load_workbook(path, what):
    xlsx_parts_well_formed(path, what)
    try:
        return openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        check(False, "{}: openpyxl cannot read it: {}".format(what, e))
        return None


def framework_text(valid_framework, fid, themes=None, statuses=None, ratings=None, rules=None):
    """A framework file: the built-in one with its id and, optionally, lists replaced (or
    added: the built-in one has no rating scale)."""
    lines = valid_framework.replace("id: one-gloucestershire", "id: " + fid, 1).split("\n")
    out = []
    skip = False
    replaced = {"themes": themes, "statuses": statuses, "ratings": ratings, "rules": rules}
    for line in lines:
        key = line.split(":")[0]
        if key in replaced and not line.startswith(" "):
            items = replaced.pop(key)
            skip = items is not None
            if skip:
                out.append(key + ":")
                out.extend(items)
                continue
        elif line and not line.startswith(" ") and not line.startswith("#"):
            skip = False
        if not skip:
            out.append(line)
    for key, items in replaced.items():
        if items is not None:
            out.append(key + ":")
            out.extend(items)
    return "\n".join(out) + "\n"


def display_cases(hiplan, tmp, valid):
    """Item 8: text, github and JUnit show input text escaped, never raw."""
    d = os.path.join(tmp, "display")
    os.makedirs(d)
    # A key holding the hostile text (unknown-key quotes it) and raw control bytes in the
    # source line (excerpt and caret), in a file whose name holds an escape and starts with ::.
    body = valid.replace(b"kind: template\n", b"kind: template\n" + yaml_quote(HOSTILE).encode() + b": 1\n"
                         b"ti\x1btle\xc2\x9b\xe2\x80\xae: x\n")
    name = "::warning::\x1b[2Jx.yaml"
    with open(os.path.join(d, name), "wb") as f:
        f.write(body)
    with open(os.path.join(d, os.fsdecode(b"bad\xff.yaml")), "wb") as f:
        f.write(valid.replace(b"title: Fund", b"title: \xff Fund"))

    for color in ("never", "always"):
        proc = run(hiplan, ["lint", "--color", color, "."], d)
        check(proc.returncode == 1, "lint text exits 1, not {}".format(proc.returncode))
        out = decode(proc.stdout, "text --color " + color)
        check_human_output(out, "text --color " + color, colours=color == "always")
        if color == "always":
            check("\x1b[1;31m" in out, "hiplan's own colours still work")
        else:
            check("\\x1b[2J" in out and "\\u202e" in out and "\\n::error" in out,
                  "control characters are shown as escapes")
            check("./::warning::\\x1b[2Jx.yaml:" in out, "a file name is shown escaped, never at a line start")
            check_caret(out, "ti\\x1btle\\u009b\\u202e", "caret under an escaped key")
        check_human_output(decode(proc.stderr, "text stderr"), "text stderr")

    proc = run(hiplan, ["lint", "-f", "github", "."], d)
    out = decode(proc.stdout, "github")
    check_github(out, "github")
    check("%0A::error" not in out and "\\n::error" in out, "github: a newline in a key is shown as \\n")
    check("file=./%3A%3Awarning%3A%3A\\x1b[2Jx.yaml" in out or "file=%3A%3Awarning%3A%3A\\x1b[2Jx.yaml" in out,
          "github: the file property is escaped")

    proc = run(hiplan, ["lint", "-f", "junit", "."], d)
    out = decode(proc.stdout, "junit")
    check_human_output(out, "junit")
    try:
        ET.fromstring(proc.stdout)
    except ET.ParseError as e:
        check(False, "junit: not well-formed XML: {}".format(e))

    for fmt in ("json", "sarif"):
        proc = run(hiplan, ["lint", "-f", fmt, "."], d)
        out = decode(proc.stdout, fmt)
        check("##[" not in out, "{}: '##[' is written escaped in JSON".format(fmt))
        try:
            values = json.dumps(json.loads(out), ensure_ascii=False)
            check("##[error]legacy" in values, "{}: a reader gets the text unchanged".format(fmt))
        except ValueError as e:
            check(False, "{}: not JSON: {}".format(fmt, e))

    # A message quoting a path: an unreadable file with control characters in its name.
    proc = run(hiplan, ["lint", "no-such-\x1b]0;x\x07.yaml"], d)
    err = decode(proc.stderr, "stderr")
    check(proc.returncode == 2 and "\\x1b]0;x\\x07" in err, "an error message shows the path escaped")
    check_human_output(err, "stderr of an unreadable path")


def invalid_name_cases(hiplan, tmp, valid):
    """Item 9: a file name that is not UTF-8 leaves every output valid UTF-8 and the workbook valid."""
    d = os.path.join(tmp, "names")
    os.makedirs(os.path.join(d, "subs"))
    with open(os.path.join(d, "subs", os.fsdecode(b"t\xff\x01.yaml")), "wb") as f:
        f.write(valid)
    for fmt in ("text", "json", "sarif", "github", "junit"):
        proc = run(hiplan, ["lint", "-f", fmt, "--color", "never", "subs"], d)
        check(proc.returncode == 0, "{} with a non-UTF-8 name exits 0".format(fmt))
        out = decode(proc.stdout, fmt + " with a non-UTF-8 file name")
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "junit":
            try:
                ET.fromstring(proc.stdout)
            except ET.ParseError as e:
                check(False, "junit with a non-UTF-8 file name: {}".format(e))
    out = os.path.join(d, "board.xlsx")
    proc = run(hiplan, ["compile", "subs", "-o", out, "--round", "2026-spring", "--generated", "2026-11-20"], d)
    check(proc.returncode == 0, "compile with a non-UTF-8 file name exits 0")
    check_human_output(decode(proc.stdout, "compile stdout"), "compile stdout")
    wb = load_workbook(out, "non-UTF-8 file name")
    if wb is not None:
        ws = wb["Submissions"]
        files = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
        check(any(f and "t\ufffd\ufffd.yaml" in f for f in files),
              "the file name is shown with U+FFFD: {}".format(files))


def workbook_text_cases(hiplan, tmp, valid, framework):
    """Item 9: control characters in a framework's names, a status starting with '=', a
    literal _xHHHH_ and over-long chart labels."""
    d = os.path.join(tmp, "text")
    os.makedirs(os.path.join(d, "subs"))
    long_name = "L" * 300
    themes = ["  - {id: contributory, name: " + yaml_quote("Contrib\x01\x1b\ufffe") + "}",
              "  - {id: targeted, name: " + yaml_quote("=1+1") + "}",
              "  - {id: mainstream-equity, name: _x0041_ mainstream}"]
    statuses = ["  - {id: not-started, name: " + yaml_quote("Not\x0b started\x7f") + ", rag: grey, colour: \"#BFBFBF\"}",
                "  - {id: on-track, name: " + yaml_quote("=Summary!A1") + ", rag: green, colour: \"#00B050\"}",
                "  - {id: at-risk, name: " + long_name + ", rag: amber, colour: \"#FFC000\", escalate: true}",
                "  - {id: off-track, name: \"@SUM(1)\", rag: red, colour: \"#FF0000\", escalate: true}"]
    with open(os.path.join(d, "fw.yaml"), "w", encoding="utf-8") as f:
        f.write(framework_text(framework, "hostile", themes=themes, statuses=statuses))
    with open(os.path.join(d, "subs", "t.yaml"), "wb") as f:
        f.write(valid.replace(b"framework: one-gloucestershire", b"framework: hostile"))
    out = os.path.join(d, "board.xlsx")
    proc = run(hiplan, ["compile", "subs", "-o", out, "--framework", "fw.yaml", "--round", "2026-spring",
                        "--generated", "2026-11-20"], d)
    check(proc.returncode == 0,
          "compile with a hostile framework exits 0: {}".format(proc.stderr[-500:]))
    stdout = decode(proc.stdout, "compile stdout")
    check("1 chart title or series name was cut to 255 characters" in stdout,
          "the over-long series name is reported: {!r}".format(stdout[-400:]))
    wb = load_workbook(out, "hostile framework")
    if wb is None:
        return
    ws = wb["Dashboard"]
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check("Contrib\ufffd\ufffd\ufffd" in values, "control characters in a theme name became U+FFFD")
    check("_x0041_ mainstream" in values, "a literal _x0041_ reads back unchanged")
    check(all(c.data_type != "f" for row in ws.iter_rows() for c in row), "no formula cell in Dashboard")
    sst = xlsx_part(out, "xl/sharedStrings.xml")
    check("_x005F_x0041_ mainstream" in sst, "a literal _x0041_ is escaped for Excel")
    charts = chart_parts(out)
    check(len(charts) == 1, "one chart (the Dashboard's): {}".format(len(charts)))
    names = []
    for xml in charts:
        root = ET.fromstring(xml)
        ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
        for ser in root.iter("{%s}ser" % ns["c"]):
            tx = ser.find("c:tx", ns)
            check(tx is None or tx.find("c:strRef", ns) is None, "a series name is never a formula")
            if tx is not None and tx.find("c:v", ns) is not None:
                names.append(tx.find("c:v", ns).text)
    check("=Summary!A1" in names, "a status named '=Summary!A1' is a literal series name: {}".format(names))
    check("Not\ufffd started\x7f" in names, "control characters in a series name became U+FFFD")
    check(all(len(n) <= 255 for n in names), "series names are at most 255 characters")
    check(any(n.startswith("LLL") and n.endswith("[... truncated by hiplan]") for n in names),
          "an over-long series name ends with the marker")


def compile_with_framework(hiplan, d, fid, template, framework):
    os.makedirs(os.path.join(d, "subs"))
    with open(os.path.join(d, "subs", "t.yaml"), "wb") as f:
        f.write(template.replace(b"framework: one-gloucestershire", b"framework: " + fid.encode()))
    with open(os.path.join(d, "fw.yaml"), "w", encoding="utf-8") as f:
        f.write(framework)
    out = os.path.join(d, "board.xlsx")
    proc = run(hiplan, ["compile", "subs", "-o", out, "--framework", "fw.yaml", "--round", "2026-spring",
                        "--generated", "2026-11-20"], d)
    check(proc.returncode == 0,
          "{}: compile exits 0, not a write error: {}".format(fid, proc.stderr[-500:]))
    check(b"[WARNING]" not in proc.stderr and b"[ERROR]" not in proc.stderr,
          "{}: no libxlsxwriter messages".format(fid))
    return decode(proc.stdout, fid + " stdout"), out


def columns_case(hiplan, tmp, valid, framework):
    """Item 16: more themes than a sheet has columns (the coverage matrix, the ratings)."""
    extra = 16400
    # Every theme rated: unrated themes would be more findings than a file may have.
    rated = b"".join(b"    - {theme: t%d, rating: developing, evidence: e}\n" % i for i in range(extra))
    template = valid.replace(b"  objectives:\n", b"  ratings:\n" + rated + b"  objectives:\n", 1)
    themes = ["  - {id: contributory, name: C}", "  - {id: targeted, name: T}",
              "  - {id: mainstream-equity, name: M}"]
    themes += ["  - {id: t%d, name: Theme %d}" % (i, i) for i in range(extra)]
    stdout, out = compile_with_framework(
        hiplan, os.path.join(tmp, "columns"), "wide", template,
        framework_text(framework, "wide", themes=themes, ratings=["  - {id: developing, name: D, score: 1}"],
                       rules=["  min_objectives_per_theme: 0"]))
    check("warning: sheet 'Coverage': 23 columns beyond Excel's limit of 16,384 columns left out" in stdout,
          "the columns left out are reported: {!r}".format(stdout[-600:]))
    check("warning: sheet 'Ratings': 22 columns" in stdout, "the Ratings sheet's are reported too")
    if not os.path.exists(out):
        return
    xlsx_parts_well_formed(out, "columns")
    ws = openpyxl.load_workbook(out, read_only=True)["Coverage"]
    rows = list(ws.iter_rows(min_row=1, max_row=2, values_only=True))
    check(len(rows[0]) <= 16384, "Coverage has at most 16,384 columns")
    marker = rows[0][16383] or ""
    check(marker == "[... 23 more columns not shown: Excel's limit is 16,384 columns]",
          "the last column says what was left out: {!r}".format(marker))
    check(rows[1][16382] == "Theme 16377", "the columns before the marker are in order: {!r}".format(rows[1][16382]))


def chart_and_format_case(hiplan, tmp, valid, framework):
    """Item 16: more statuses than a chart takes series, more colours than Excel has formats."""
    statuses = ["  - {id: not-started, name: N, rag: grey, colour: \"#BFBFBF\"}",
                "  - {id: on-track, name: O, rag: green, colour: \"#00B050\"}",
                "  - {id: at-risk, name: A, rag: amber, colour: \"#FFC000\", escalate: true}"]
    statuses += ["  - {id: s%d, name: S%d, rag: green, colour: \"#%06X\"}" % (i, i, i) for i in range(300)]
    ratings = ["  - {id: developing, name: D, score: 1}", "  - {id: achieving, name: A, score: 2}"]
    ratings += ["  - {id: r%d, name: R%d, score: 3, colour: \"#%06X\"}" % (i, i, 0x100000 + i)
                for i in range(65000)]
    stdout, out = compile_with_framework(
        hiplan, os.path.join(tmp, "charts"), "many", valid,
        framework_text(framework, "many", statuses=statuses, ratings=ratings))
    check("warning: 48 chart series beyond Excel's limit of 255 per chart left out" in stdout,
          "the series left out are reported: {!r}".format(stdout[-600:]))
    check("shown without their colour: Excel allows at most 64,000 cell formats" in stdout,
          "the formats left out are reported")
    if not os.path.exists(out):
        return
    xlsx_parts_well_formed(out, "charts and formats")
    for xml in chart_parts(out):
        check(xml.count("<c:ser>") <= 255, "a chart has at most 255 series")
    styles = xlsx_part(out, "xl/styles.xml")
    m = re.search(r'<cellXfs count="(\d+)"', styles)
    check(m is not None and int(m.group(1)) <= 64000, "at most 64,000 cell formats: {}".format(m and m.group(1)))


def main():
    hiplan, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(os.path.join(root, "tests", "cli", "lint", "valid-template.yaml"), "rb") as f:
        valid = f.read()
    with open(os.path.join(root, "schemas", "frameworks", "one-gloucestershire.yaml"), encoding="utf-8") as f:
        framework = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        display_cases(hiplan, tmp, valid)
        invalid_name_cases(hiplan, tmp, valid)
        workbook_text_cases(hiplan, tmp, valid, framework)
        columns_case(hiplan, tmp, valid, framework)
        chart_and_format_case(hiplan, tmp, valid, framework)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
