#!/usr/bin/env python3
"""Resource bounds of the real binary on hostile inputs: the memory one finding may hold,
the number of findings kept per file, glob patterns that would backtrack, project files
far from the working folder, and passes that must stay linear (or n log n). Growth is
measured by running the same input shape at n and 10n in the same run: the CPU time may
grow by at most RATIO (linear is about 10). Every run has a time and a memory limit.

    check_resources.py HIPLAN REPO_ROOT [NAME ...]    (NAME: run only these checks)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402

TIME_LIMIT = 60        # seconds per run (generous for sanitizer builds)
MEMORY_LIMIT_MB = 1024
RATIO = 20             # CPU time at 10n / CPU time at n; quadratic passes give about 100


class Result:
    """One run of the binary: exit status, output, CPU seconds, peak RSS in MB (sampled
    every 10 ms; ru_maxrss would count the Python process it was forked from)."""

    def __init__(self):
        self.code = None
        self.out = ""
        self.err = ""
        self.cpu = 0.0
        self.peak_mb = 0.0
        self.killed = None  # "time" or "memory" when the watchdog stopped it


def run(hiplan, args, cwd, time_limit=TIME_LIMIT, memory_mb=MEMORY_LIMIT_MB):
    """Runs hiplan with a wall-clock limit and a resident-memory limit (polled, so that
    it also works under AddressSanitizer, whose address space is huge)."""
    r = Result()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([hiplan] + args, cwd=cwd, stdout=out, stderr=err,
                                env=dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1"))
        deadline = time.monotonic() + time_limit
        while True:
            done, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if done:
                break
            try:  # the high-water mark of the resident set since exec
                with open("/proc/{}/status".format(proc.pid)) as f:
                    hwm = [line for line in f if line.startswith("VmHWM:")]
                r.peak_mb = max(r.peak_mb, int(hwm[0].split()[1]) / 1024)
            except (OSError, IndexError, ValueError):
                pass
            if r.peak_mb > memory_mb or time.monotonic() > deadline:
                r.killed = "memory" if r.peak_mb > memory_mb else "time"
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = r.code = os.waitstatus_to_exitcode(status)
        r.cpu = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        r.out = out.read().decode("utf-8", "replace")
        r.err = err.read().decode("utf-8", "replace")
    return r


def completed(name, r, codes=(0, 1)):
    """Checks that a run ended by itself, with one of the expected exit statuses (and
    notes its peak memory)."""
    PEAKS.append("{:<34} peak {:4.0f} MB, {:5.2f} s CPU".format(name, r.peak_mb, r.cpu))
    check(r.killed is None, "{}: stopped for using too much {} (peak {:.0f} MB, {:.1f} s CPU)"
          .format(name, r.killed, r.peak_mb, r.cpu))
    check(r.killed is not None or r.code in codes,
          "{}: exit {} not in {}: {}".format(name, r.code, codes, r.err[-500:]))
    return r.killed is None


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


TIMINGS = []
PEAKS = []


def growth(hiplan, tmp, name, make, n):
    """Runs hiplan on make(n) and make(10n) (each returns the arguments) and bounds the
    ratio of their CPU times."""
    times = []
    for size in (n, 10 * n):
        args = make(os.path.join(tmp, "{}-{}".format(name.replace(" ", "-"), size)), size)
        r = run(hiplan, [args[0], "--color", "never"] + args[1:], tmp)
        if not completed("{} (n={})".format(name, size), r):
            return
        times.append(r.cpu)
    ratio = times[1] / max(times[0], 0.02)
    TIMINGS.append("{:<28} n={:<7} {:6.2f} s   10n={:<8} {:6.2f} s   ratio {:5.1f}".format(
        name, n, times[0], 10 * n, times[1], ratio))
    check(ratio <= RATIO, "{}: 10x the input took {:.1f}x the time ({:.2f} s -> {:.2f} s)"
          .format(name, ratio, times[0], times[1]))


# --- Input generators: each writes its input under `base` and returns the arguments --------

def ident(prefix, i):
    """A 50-character id: ids that share a long prefix make every comparison of a nested
    loop cost, so a quadratic pass shows at sizes a sanitizer build lints quickly."""
    return "{}-{}-{:06d}".format(prefix, "x" * 40, i)


def template(objectives, reviews="", framework="one-gloucestershire"):
    return ("kind: template\nframework: {}\ncycle: 2025-26\n"
            "submitter: {{id: GHC, name: Gloucestershire Health and Care, type: organisation}}\n"
            "contact: {{name: Lead}}\nself_assessment:\n  submitted: 2025-10-10\n"
            "  summary: Many objectives.\n  objectives:\n{}{}").format(framework, objectives,
                                                                     reviews)


def objective(i, theme="targeted", more=""):
    return ("    - {{id: {0}, title: Objective {1} {2}, theme: {3}, lead: Lead{4}}}\n"
            .format(ident("O", i), "y" * 150, i, theme, more))


def gen_objectives(base, n):
    """Objectives with distinct ids and titles, and a review that reviews none of them:
    the duplicate-id, duplicate-title, theme-coverage and not-reviewed passes."""
    body = "".join(objective(i) for i in range(n))
    reviews = "reviews:\n  - {period: spring, submitted: 2026-04-10, objectives: []}\n"
    return ["lint", write(base + ".yaml", template(body, reviews))]


def gen_reviews(base, n):
    """n/2 objectives and n/2 reviews that review none of them."""
    body = "".join(objective(i) for i in range(n // 2))
    reviews = "reviews:\n" + "".join(
        "  - {period: spring, submitted: 2026-04-10, objectives: []}\n" for _ in range(n // 2))
    return ["lint", write(base + ".yaml", template(body, reviews))]


def gen_review_refs(base, n):
    """A review of n objectives, each at risk with no mitigation, and n support asks and
    risks naming them: the reference and support-ask look-ups."""
    body = "".join(objective(i) for i in range(n))
    entries = "".join("      - {{ref: {}, status: at-risk, progress: Slow progress this spring}}\n"
                      .format(ident("O", i)) for i in range(n))
    asks = "".join("      - {{ask: Help, objectives: [{}]}}\n".format(ident("O", i))
                   for i in range(n))
    risks = "".join("      - {{description: Risk, objectives: [{}]}}\n".format(ident("O", i))
                    for i in range(n))
    reviews = ("reviews:\n  - period: spring\n    submitted: 2026-04-10\n    objectives:\n"
               + entries + "    support_needed:\n" + asks + "    risks:\n" + risks)
    return ["lint", write(base + ".yaml", template(body, reviews))]


def gen_measures(base, n):
    """One objective with n measures, and a review entry updating each (and n unknown ones)."""
    measures = "".join(
        "        - {{id: {}, indicator: I, tracks: P1, direction: increase, source: S,"
        " baseline: {{value: 1, as_of: 2025-03-31}}, target: {{value: 2, by: 2026-09-30}}}}\n"
        .format(ident("M", i)) for i in range(n))
    body = ("    - id: O1\n      title: One objective\n      theme: targeted\n      lead: Lead\n"
            "      measures:\n" + measures)
    updates = "".join("          - {{ref: {}, value: 1, as_of: 2026-03-31}}\n"
                      .format(ident(p, i)) for i in range(n) for p in ("M", "X"))
    reviews = ("reviews:\n  - period: spring\n    submitted: 2026-04-10\n    objectives:\n"
               "      - ref: O1\n        status: on-track\n        measures:\n" + updates)
    return ["lint", write(base + ".yaml", template(body, reviews))]


def gen_logic_model(base, n):
    """One logic model with n activities, outputs and outcomes, each output and outcome
    also naming an element that does not exist."""
    acts = "".join("          - {{id: {}, text: Act}}\n".format(ident("A", i)) for i in range(n))
    outs = "".join("          - {{id: {}, text: Out, from: [{}, {}]}}\n"
                   .format(ident("P", i), ident("A", i), ident("Z", i)) for i in range(n))
    comes = "".join("          - {{id: {}, text: Come, term: short, from: [{}, {}]}}\n"
                    .format(ident("C", i), ident("P", i), ident("Y", i)) for i in range(n))
    body = ("    - id: O1\n      title: One objective\n      theme: targeted\n      lead: Lead\n"
            "      logic_model:\n        inputs: [Staff]\n        activities:\n" + acts
            + "        outputs:\n" + outs + "        outcomes:\n" + comes)
    return ["lint", write(base + ".yaml", template(body))]


def framework(n, lists=("themes", "submitters"), questions=0):
    """A framework with n items in each of `lists` (one theme at least), and `questions`."""
    items = {"themes": "  - {{id: {0}, name: Theme}}\n",
             "submitters": "  - {{id: {0}, name: Submitter, type: organisation}}\n",
             "focus": "  - {{id: {0}, name: Focus}}\n",
             "outcomes": "  - {{id: {0}, name: Outcome}}\n"}
    parts = ['kind: framework\nid: big\nname: Big\nversion: "1"\n']
    for name in ("themes",) + tuple(x for x in lists if x != "themes"):
        parts.append(name + ":\n")
        parts += [items[name].format(ident(name, i)) for i in range(n if name in lists else 1)]
    if questions:
        parts.append("questions:\n")
        parts += ["  - {{id: {}, text: Question}}\n".format(ident("q", i))
                  for i in range(questions)]
    return "".join(parts)


def gen_framework(base, n):
    """A framework with n themes and n submitters (a national registry), loaded (and so
    checked) to lint a template against it."""
    fw = write(base + "-fw.yaml", framework(n))
    body = objective(1, ident("themes", 1))
    return ["lint", "--framework", fw, write(base + ".yaml", template(body, framework="big"))]


def gen_vocabulary(base, n):
    """A template with n/10 objectives whose theme, focus and outcome are mistyped, checked
    against a framework with n of each: look-ups and "did you mean" searches."""
    fw = write(base + "-fw.yaml", framework(n, ("themes", "focus", "outcomes")))
    body = "".join(objective(i, ident("themez", i),
                             ", focus: [{}], logic_model: {{contributes_to: [{}]}}"
                             .format(ident("focuz", i), ident("outcomez", i)))
                   for i in range(n // 10))
    return ["lint", "--framework", fw, write(base + ".yaml", template(body, framework="big"))]


def gen_feedback(base, n):
    """Feedback answering n questions of a framework that asks them."""
    fw = write(base + "-fw.yaml", framework(1, questions=n))
    answers = "".join("  {}: [Answer]\n".format(ident("q", i)) for i in range(n))
    text = ("kind: feedback\nframework: big\nheld: 2021-03-11\n"
            "group: {initials: G, participants: 9}\nanswers:\n" + answers)
    return ["lint", "--framework", fw, write(base + ".yaml", text)]


def gen_inline_markers(base, n):
    """n suppression comments on one line."""
    text = "kind: template # " + "hiplan: ignore[nope] " * n + "\n"
    return ["lint", write(base + ".yaml", text)]


def gen_compile(base, n):
    """A valid template with n objectives, all reviewed, compiled with a framework of 300
    more statuses: the workbook's look-ups and tables."""
    with open(os.path.join(ROOT, "schemas", "frameworks", "one-gloucestershire.yaml"),
              encoding="utf-8") as f:
        fw = f.read().replace("\nstatuses:\n", "\nstatuses:\n" + "".join(
            '  - {{id: extra-{0}, name: Extra {0}, rag: grey, colour: "#BFBFBF"}}\n'.format(i)
            for i in range(300)), 1)
    fw_path = write(os.path.join(base, "fw", "framework.yml"), fw)
    valid = valid_template()
    first = valid.index("    - id: GHC-1\n")
    one = valid[first:valid.index("    - id: GHC-2\n")]
    objectives = "".join(one.replace("GHC-1", ident("GHC", i)).replace(
        "Fund peer support groups in the most deprived wards", "Objective {} of many".format(i))
        .replace("theme: contributory", "theme: " + THEMES[i % 3]) for i in range(n))
    entries = "".join("      - {{ref: {}, status: on-track, progress: Going well so far.,"
                      " measures: [{{ref: M1, value: 3, as_of: 2026-03-31}}]}}\n"
                      .format(ident("GHC", i)) for i in range(n))
    text = (valid[:first] + objectives + "reviews:\n  - period: spring\n    submitted: 2026-04-10\n"
            "    objectives:\n" + entries)
    write(os.path.join(base, "t", "t.yaml"), text)
    return ["compile", "--framework", fw_path, os.path.join(base, "t"), "-o", base + ".xlsx",
            "--round", "2026-spring", "--generated", "2026-05-01"]


THEMES = ["contributory", "targeted", "mainstream-equity"]
ROOT = "."
EXCERPT = re.compile(r"^ +(\d+) \| (.*)$")
CARET = re.compile(r"^ +\| ( *)(\^~*)$")
MAX_TEXT = 1000     # bytes of a message, hint or pointer
MAX_EXCERPT = 126   # characters of an excerpt: 120 and "..." at each end


def valid_template():
    with open(os.path.join(ROOT, "tests", "cli", "lint", "valid-template.yaml"),
              encoding="utf-8") as f:
        return f.read()


def excerpts(name, out, expect):
    """Checks every excerpt of a text report: short, and the caret under the text `expect`
    finds in the finding's message."""
    lines = out.split("\n")
    shown = 0
    misplaced = []
    for i, line in enumerate(lines):
        m = EXCERPT.match(line)
        if not m or i + 1 >= len(lines) or not CARET.match(lines[i + 1]):
            continue
        shown += 1
        text = m.group(2)
        column = len(CARET.match(lines[i + 1]).group(1))
        check(len(text) <= MAX_EXCERPT, "{}: an excerpt of {} characters".format(name, len(text)))
        header = next(h for h in reversed(lines[:i]) if ": error[" in h or ": warning[" in h)
        token = expect(header)
        if token is not None and not text[column:].startswith(token):
            misplaced.append("{!r} at {!r}".format(token, text[max(column - 5, 0):column + 20]))
    check(shown > 0, "{}: no excerpt shown".format(name))
    check(not misplaced, "{}: {} carets not under their token, e.g. {}".format(
        name, len(misplaced), misplaced[:2]))


def bounded_json(name, doc):
    for f in doc["findings"]:
        for field in ("message", "hint", "pointer"):
            size = len(f[field].encode("utf-8"))
            check(size <= MAX_TEXT, "{}: a JSON {} of {} bytes".format(name, field, size))
    return doc


def read_json(tmp, name):
    with open(os.path.join(tmp, name), encoding="utf-8") as f:
        return json.load(f)


def check_long_lines(hiplan, tmp):
    """10: findings on one very long line keep an excerpt, not the line, and their texts
    are bounded in every format; the caret stays under the right character (multi-byte
    text before it). One run writes text, JSON and SARIF."""
    keys = ["k{}_{}".format(i, "x" * 1000) for i in range(1100)]  # YAML keys: at most 1024
    value = "\u00e9" * 500  # two bytes, one character
    line = "{kind: template, " + ", ".join("{}: {}".format(k, value) for k in keys) + "}"
    write(os.path.join(tmp, "long-line.yaml"), line + "\n")
    key_of = re.compile(r"unknown field '(k\d+_)")

    def expect(header):
        m = key_of.search(header)
        return m.group(1) if m else None

    r = run(hiplan, ["lint", "--color", "never", "--output-file", "json=long-line.json",
                     "--output-file", "sarif=long-line.sarif", "long-line.yaml"], tmp,
            memory_mb=512)
    if completed("long line (text, JSON, SARIF)", r, (1,)):
        check("HP112" in r.out, "long line: no HP112")
        excerpts("long line", r.out, expect)
        doc = bounded_json("long line, JSON", read_json(tmp, "long-line.json"))
        columns = {m.group(1): m.start(1) + 1 for m in re.finditer(r"(k\d+_)", line)}
        wrong = [f for f in doc["findings"] if f["code"] == "HP201" and
                 columns.get(expect(f["message"])) != f["column"]]
        check(not wrong, "long line, JSON: columns are not characters: {}".format(wrong[:1]))
        results = read_json(tmp, "long-line.sarif")["runs"][0]["results"]
        longest = max(len(x["message"]["text"].encode("utf-8")) for x in results)
        check(longest <= 2 * MAX_TEXT + 20, "long line, SARIF: a message of {} bytes".format(longest))

    # Unused suppressions are capped like every other finding.
    names = ", ".join("y{}_{}".format(i, "z" * 1500) for i in range(1500))
    write(os.path.join(tmp, "unused.yaml"), "kind: template  # hiplan: ignore[" + names + "]\n")
    r = run(hiplan, ["lint", "--color", "never", "--output-file", "json=unused.json",
                     "unused.yaml"], tmp, memory_mb=512)
    if completed("unused suppressions (text, JSON)", r, (1,)):
        doc = bounded_json("unused suppressions", read_json(tmp, "unused.json"))
        codes = [f["code"] for f in doc["findings"]]
        check(len(codes) <= 1001 and "HP112" in codes,
              "unused suppressions: {} findings kept".format(len(codes)))
        excerpts("unused suppressions, text", r.out,
                 lambda h: re.search(r"'(y\d+_)", h).group(1) if "is not a rule" in h else None)


def check_cap_counts_kept(hiplan, tmp):
    """18: findings switched off by --ignore or .hiplan.yaml do not count toward the limit:
    a file with many of them is valid, and compiled."""
    text = valid_template().replace(
        "      lead: Head of Community Partnerships\n",
        "      lead: Head of Community Partnerships\n      partners: [" + ", ".join(["TBC"] * 1500)
        + "]\n")
    write(os.path.join(tmp, "cap", "cli", "t.yaml"), text)
    write(os.path.join(tmp, "cap", "config", "t.yaml"), text)
    write(os.path.join(tmp, "cap", "config", ".hiplan.yaml"), "ignore: [placeholder-text]\n")
    for name, args in [("--ignore", ["--ignore", "placeholder-text", "cap/cli"]),
                       (".hiplan.yaml", ["cap/config"])]:
        r = run(hiplan, ["lint", "--color", "never"] + args, tmp)
        if completed("ignored findings, " + name, r, (0,)):
            check("no problems found" in r.out, "ignored findings, {}: {}".format(name, r.out[-300:]))
    out = os.path.join(tmp, "cap.xlsx")
    r = run(hiplan, ["compile", "cap/cli", "-o", out, "--round", "2026-spring", "--ignore",
                     "placeholder-text", "--generated", "2026-05-01"], tmp)
    if completed("ignored findings, compile", r, (0,)):
        ws = openpyxl.load_workbook(out)["Submissions"]
        included = [ws.cell(row, 13).value for row in range(2, ws.max_row + 1)]
        check(included[:1] == ["yes"], "ignored findings, compile: included {}".format(included))


def check_globs(hiplan, tmp):
    """12: glob patterns that make a backtracking matcher take exponential time."""
    folder = os.path.join(tmp, "globs")
    deep = os.path.join(folder, *(["d"] * 30))
    hostile = ["*a" * 30 + "*b", "**/" * 30 + "*x*x*x*x*x*x*x*x*x*x*y", "?*" * 30 + "b"]
    write(os.path.join(folder, ".hiplan.yaml"),
          "overrides:\n  - paths: [{}]\n    ignore: [placeholder-text]\n"
          "  - paths: ['**/m*a*t*c*h*.yaml']\n    ignore: [late-submission]\n"
          .format(", ".join("'{}'".format(p) for p in hostile)))
    text = valid_template().replace("lead: Director of Operations", "lead: TBC")
    text = text.replace("submitted: 2025-10-10", "submitted: 2025-10-20")
    write(os.path.join(folder, "a" * 200 + ".yaml"), text)
    write(os.path.join(deep, "x" * 100 + ".yaml"), text)
    write(os.path.join(deep, "match.yaml"), text)
    start = time.monotonic()
    r = run(hiplan, ["lint", "--color", "never", "globs"], tmp, time_limit=20)
    if completed("hostile globs", r, (0, 1)):
        check(r.out.count("HP701") == 3, "hostile globs: a hostile pattern matched")
        check(r.out.count("HP702") == 2, "hostile globs: the plain pattern did not match")
    TIMINGS.append("{:<28} {:.2f} s".format("hostile globs", time.monotonic() - start))


def check_config_far_away(hiplan, tmp):
    """17: overrides match a file however it is named: absolute, outside the working
    folder, or with '..'."""
    project = os.path.join(tmp, "project")
    write(os.path.join(project, ".hiplan.yaml"),
          "overrides:\n  - paths: ['drafts/**']\n    ignore: [placeholder-text]\n")
    write(os.path.join(project, "drafts", "t.yaml"),
          valid_template().replace("lead: Director of Operations", "lead: TBC"))
    os.makedirs(os.path.join(project, "x"))
    elsewhere = os.path.join(tmp, "elsewhere")
    os.makedirs(elsewhere)
    for path in [os.path.join(project, "drafts", "t.yaml"),
                 os.path.join("..", "project", "drafts", "t.yaml"),
                 os.path.join("..", "project", "x", "..", "drafts", "t.yaml")]:
        r = run(hiplan, ["lint", "--color", "never", path], elsewhere)
        if completed("override for " + path, r, (0,)):
            check("HP701" not in r.out, "the override does not apply to {}".format(path))


def main():
    global ROOT
    hiplan, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    only = sys.argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        for name, check_one in [("long lines", check_long_lines),
                                ("cap", check_cap_counts_kept),
                                ("globs", check_globs),
                                ("config", check_config_far_away)]:
            if not only or name in only:
                check_one(hiplan, tmp)
        for name, make, n in [("objectives", gen_objectives, 400),
                              ("reviews x objectives", gen_reviews, 600),
                              ("review references", gen_review_refs, 250),
                              ("measure updates", gen_measures, 100),
                              ("logic model", gen_logic_model, 50),
                              ("framework registry", gen_framework, 2500),
                              ("vocabulary suggestions", gen_vocabulary, 200),
                              ("feedback questions", gen_feedback, 2000),
                              ("inline suppressions", gen_inline_markers, 2000),
                              ("compile", gen_compile, 150)]:
            if not only or name in only:
                growth(hiplan, tmp, name, make, n)
    for line in PEAKS + TIMINGS:
        print(line)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
