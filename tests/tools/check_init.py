#!/usr/bin/env python3
"""`hiplan init` round-trips: every starter fails lint on its placeholders alone (HP701,
exit 1: a starter is not a submission), for every submitter type and both frameworks;
init never overwrites; the feedback starter names the submitter and cycle it is given;
carry-over keeps unfinished objectives with their latest values as baselines and last
year's contact, and leaves no orphan comment; every comment is a plain instruction, with
no parser words.

    check_init.py HIPLAN REPO_ROOT
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402



def lint_codes(hiplan, path):
    proc = subprocess.run([hiplan, "lint", "--format", "json", path], capture_output=True, text=True)
    report = json.loads(proc.stdout)
    return proc.returncode, {f["code"] for f in report["findings"]}


PARSER_WORDS = re.compile(r"\b(mapping|sequence|scalar|node|flow|key)s?\b", re.IGNORECASE)


def comments(text):
    """(line number, indentation or None for a note, text) of every comment: whole comment
    lines, and the notes hiplan writes after two spaces at the end of a line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("#"):
            out.append((n, len(line) - len(stripped), stripped))
        elif "  # " in line:
            out.append((n, None, line[line.index("  # ") + 2:]))
    return out


def header(text):
    """The first comment lines, up to the first blank line, as one line of text."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[2:])
    return " ".join(lines)


def check_plain(name, text):
    """No parser words in any comment; no line of 100 characters or more; the header says
    how to fill it in and that every TBC must go before it counts as a submission."""
    for n, _, c in comments(text):
        check(not PARSER_WORDS.search(c), "{}:{}: parser word in a comment: {}".format(name, n, c))
    for n, line in enumerate(text.splitlines(), 1):
        check(len(line) < 100, "{}:{}: {} characters".format(name, n, len(line)))
    h = header(text)
    check("To fill it in, write your own words in place of each TBC" in h and
          "Every TBC must be replaced before the" in h and "counts as a submission" in h,
          "{}: the header says how to fill it in and that every TBC must go: {}".format(name, h))
    for rule in ("Write dates as YYYY-MM-DD", "Each item of a list starts with '- '",
                 "Keep the text in double quotes (\"like this\") if it contains ': ' or ' #'"):
        check(rule in h, "{}: the header says how to write values: {!r}".format(name, rule))


def check_no_orphan_comment(name, text):
    """Every comment line after the header sits above a line of YAML at its indentation
    (the entry it is about): never above a blank line, the end of a block or of the file."""
    lines = text.splitlines()
    start = lines.index("") if "" in lines else 0  # the header ends at the first blank line
    for n, indent, c in comments(text):
        if indent is None or n <= start:
            continue
        following = next((line for line in lines[n:] if not line.lstrip(" ").startswith("#")), "")
        check(following.strip() != "" and len(following) - len(following.lstrip(" ")) == indent,
              "{}:{}: orphan comment {!r}, followed by {!r}".format(name, n, c, following))


def run(hiplan, args, cwd=None):
    return subprocess.run([hiplan] + args, capture_output=True, text=True, cwd=cwd)


def check_feedback_init(hiplan, tmp):
    """--submitter and --cycle with --kind feedback: checked, named, used in the file name."""
    folder = os.path.join(tmp, "feedback")
    os.mkdir(folder)
    proc = run(hiplan, ["init", "--kind", "feedback", "--submitter", "LCH", "--cycle", "2020-21",
                        "--date", "2021-02-10"], cwd=folder)
    out = os.path.join(folder, "feedback-LCH-2021-02-10.yaml")
    check(proc.returncode == 0 and os.path.exists(out),
          "feedback with --submitter and --cycle: exit {}, {}, {}".format(
              proc.returncode, os.listdir(folder), proc.stderr))
    if not os.path.exists(out):
        return
    check("Wrote feedback-LCH-2021-02-10.yaml" in proc.stderr, "says which file: " + proc.stderr)
    rc, codes = lint_codes(hiplan, out)  # held in the road test, before its deadline
    check(rc == 1 and codes == {"HP701"}, "named feedback starter lints with {}".format(codes))
    with open(out, encoding="utf-8") as f:
        text = f.read()
    doc = yaml.safe_load(text)
    check(doc["held"] == datetime.date(2021, 2, 10), "held is --date: {}".format(doc["held"]))
    check(doc["group"]["initials"] == "LCH-TBC" and
          doc["group"]["name"] == "Leeds Community Healthcare NHS Trust, TBC team",
          "the group names the submitter: {}".format(doc["group"]))
    check("one conversation with Leeds Community Healthcare NHS Trust (LCH), cycle 2020-21." in
          header(text), "the header names the submitter and the cycle: " + header(text))
    check_plain("feedback-LCH", text)
    check_no_orphan_comment("feedback-LCH", text)

    # The last day of the cycle is in it; the next day is not, and nothing is written.
    proc = run(hiplan, ["init", "--kind", "feedback", "--submitter", "LTHT", "--cycle", "2026-27",
                        "--date", "2027-03-31", "-o", "-"])
    check(proc.returncode == 0 and "initials: LTHT-TBC" in proc.stdout,
          "31 March 2027 is in cycle 2026-27: {}".format(proc.stderr))
    before = sorted(os.listdir(folder))
    for date, cycle, message in [
            ("2027-04-01", "2026-27", "--date 2027-04-01 is not in cycle 2026-27 (1 April 2026 to "
                                      "31 March 2027): it is in 2027-28"),
            ("2026-05-12", "2026-28", "--cycle '2026-28' is not two consecutive years")]:
        proc = run(hiplan, ["init", "--kind", "feedback", "--submitter", "LCH", "--cycle", cycle,
                            "--date", date], cwd=folder)
        check(proc.returncode == 2 and message in proc.stderr,
              "--date {} --cycle {}: exit {}, {}".format(date, cycle, proc.returncode, proc.stderr))
    # A submitter not in the registry: a "did you mean" for a typo, the list otherwise.
    for submitter, message in [
            ("lch", "'lch' is not a submitter of framework 'leeds-thig'; did you mean 'LCH'?"),
            ("LYPTF", "did you mean 'LYPFT'?"),
            ("NHS-ENGLAND", "expected one of 'LCC', 'LCH', 'LTHT' or 'LYPFT'")]:
        proc = run(hiplan, ["init", "--kind", "feedback", "--submitter", submitter,
                            "--date", "2026-05-12"], cwd=folder)
        check(proc.returncode == 2 and message in proc.stderr,
              "--submitter {}: exit {}, {}".format(submitter, proc.returncode, proc.stderr))
    check(sorted(os.listdir(folder)) == before, "a refused init writes nothing: {}".format(
        sorted(os.listdir(folder))))

    # Without them, as before: nobody named, the date alone in the file name.
    proc = run(hiplan, ["init", "--kind", "feedback", "--date", "2026-05-12"], cwd=folder)
    check(proc.returncode == 0 and os.path.exists(os.path.join(folder, "feedback-2026-05-12.yaml")),
          "feedback without --submitter: {}".format(proc.stderr))


def check_carry_over_comments(hiplan, root, tmp):
    """For every template in examples/: the carried-over template keeps the contact, every
    comment sits above the entry it is about, and each says only what is there."""
    for last in sorted(glob.glob(os.path.join(root, "examples", "*-2025-26.yaml"))):
        name = "carry-over of " + os.path.basename(last)
        proc = run(hiplan, ["init", "--from", last, "--cycle", "2026-27", "-o", "-"])
        check(proc.returncode == 0, "{}: {}".format(name, proc.stderr))
        text = proc.stdout
        out = os.path.join(tmp, "next-" + os.path.basename(last))
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        rc, codes = lint_codes(hiplan, out)
        check(rc == 1 and codes == {"HP701"}, "{} lints with {}".format(name, codes))
        with open(last, encoding="utf-8") as f:
            before = yaml.safe_load(f)
        doc = yaml.safe_load(text)
        check(doc.get("contact") == before.get("contact"),
              "{} keeps the contact: {} -> {}".format(name, before.get("contact"), doc.get("contact")))
        check_no_orphan_comment(name, text)
        for n, _, c in comments(text):
            check(len(c) + 2 < 100, "{}:{}: a long comment".format(name, n))
            check(not PARSER_WORDS.search(c), "{}:{}: parser word: {}".format(name, n, c))
        for field, value in (doc.get("contact") or {}).items():
            check(re.search(r"^  {}: .*".format(field), text, re.MULTILINE),
                  "{}: contact.{} written".format(name, field))

        # What the comments describe is there: one theme comment and one "keep this id"
        # per new objective, and the header claims only what carrying over did.
        objectives = doc["self_assessment"]["objectives"]
        new = [o for o in objectives if "carried_over_from" not in o]
        themes = re.findall(r"^ *# Theme: ([^.]*)\.", text, re.MULTILINE)
        check(len(themes) == len(new) and text.count("# keep this id in every review") == len(new),
              "{}: {} theme comments and {} id notes for {} new objectives".format(
                  name, len(themes), text.count("# keep this id"), len(new)))
        last_objectives = {o["id"]: o for o in before["self_assessment"]["objectives"]}
        new_baseline = moved_target = False
        for o in objectives:
            if o.get("carried_over_from"):
                was = {m["id"]: m for m in last_objectives[o["id"]].get("measures", [])}
                for m in o.get("measures", []):
                    new_baseline |= m.get("baseline") != was[m["id"]].get("baseline")
                    moved_target |= m.get("target") != was[m["id"]].get("target")
        h = header(text)
        check(("a value reported in a review has the latest one as its new baseline" in h) ==
              new_baseline, "{}: the header speaks of new baselines only when there are".format(name))
        check(("Target dates that had passed are now 2027-09-30" in h) == moved_target,
              "{}: the header speaks of moved targets only when there are".format(name))
        check(("Each theme left without an objective has a new one to fill in" in h) == bool(new),
              "{}: the header speaks of new objectives only when there are".format(name))
        example = re.search(r"^#       - \{ref: ([^,]+),", text, re.MULTILINE)
        check(example and any(o["id"] == example.group(1) for o in objectives),
              "{}: the review example names an objective of the file".format(name))


def main():
    hiplan, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        starters = [("one-gloucestershire", "ICB"), ("one-gloucestershire", "ILP-COTSWOLD"),
                    ("one-gloucestershire", "CPG-CYP"), ("leeds-thig", "LCC")]
        for framework, submitter in starters:
            out = os.path.join(tmp, "{}-{}.yaml".format(framework, submitter))
            proc = subprocess.run([hiplan, "init", "--framework", framework, "--submitter", submitter,
                                   "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
            check(proc.returncode == 0, "init {} {}: exit {} {}".format(framework, submitter, proc.returncode, proc.stderr))
            rc, codes = lint_codes(hiplan, out)
            check(rc == 1 and codes == {"HP701"}, "starter {} {} lints with {} (exit {})".format(framework, submitter, codes, rc))
            with open(out, encoding="utf-8") as f:
                text = f.read()
            check(text.startswith("# yaml-language-server: $schema={}.template.editor.schema.json".format(framework)),
                  "starter carries the schema comment")
            doc = yaml.safe_load(text)
            themes = {o["theme"] for o in doc["self_assessment"]["objectives"]}
            check(doc["submitter"]["id"] == submitter and len(themes) == len(doc["self_assessment"]["objectives"]),
                  "one objective skeleton per theme")
            check_plain("starter {} {}".format(framework, submitter), text)
            check_no_orphan_comment("starter {} {}".format(framework, submitter), text)
            check("ratings" not in doc["self_assessment"],
                  "no ratings: the built-in frameworks define no rating scale")
            before = text
            proc = subprocess.run([hiplan, "init", "--framework", framework, "--submitter", submitter,
                                   "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
            with open(out, encoding="utf-8") as f:
                check(proc.returncode == 2 and f.read() == before, "init never overwrites a file")

        out = os.path.join(tmp, "feedback.yaml")
        proc = subprocess.run([hiplan, "init", "--kind", "feedback", "--date", "2021-03-30", "-o", out],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "init --kind feedback: {}".format(proc.stderr))
        rc, codes = lint_codes(hiplan, out)
        check(rc == 1 and codes == {"HP701"}, "feedback starter lints with {}".format(codes))
        with open(out, encoding="utf-8") as f:
            answers = yaml.safe_load(f)["answers"]
        check(list(answers) == ["useful", "understand-inequalities", "inequality-lens", "more-information"],
              "feedback starter asks the framework's questions")
        with open(out, encoding="utf-8") as f:
            text = f.read()
        check_plain("feedback starter", text)
        check_no_orphan_comment("feedback starter", text)
        check_feedback_init(hiplan, tmp)

        check(subprocess.run([hiplan, "init", "--submitter", "GHCX", "--cycle", "2026-27", "-o",
                              os.path.join(tmp, "x.yaml")], capture_output=True).returncode == 2,
              "an unknown submitter is refused")

        # Carry-over from a template whose latest (autumn) review has complete and
        # on-track objectives.
        out = os.path.join(tmp, "ghc-2026-27.yaml")
        last = os.path.join(root, "examples", "ghc-2025-26.yaml")
        proc = subprocess.run([hiplan, "init", "--from", last, "--cycle", "2026-27", "-o", out],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "init --from: {}".format(proc.stderr))
        check("Carried over: GHC-1 (on-track), GHC-3 (on-track)" in proc.stderr, "says what it carried")
        check("Left out (finished): GHC-2 (complete)" in proc.stderr, "says what it left")
        rc, codes = lint_codes(hiplan, out)
        check(rc == 1 and codes == {"HP701"}, "carried-over template lints with {}".format(codes))
        with open(out, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        objectives = {o["id"]: o for o in doc["self_assessment"]["objectives"]}
        check(doc["cycle"] == "2026-27", "next cycle")
        check("GHC-2" not in objectives and "GHC-1" in objectives and "GHC-3" in objectives,
              "complete objectives are left out: {}".format(sorted(objectives)))
        check(objectives["GHC-1"].get("carried_over_from") == "2025-26/GHC-1", "carried_over_from set")
        m1 = objectives["GHC-1"]["measures"][0]
        check(m1["baseline"] == {"value": 58.0, "as_of": __import__("datetime").date(2026, 9, 30)},
              "latest value becomes the baseline: {}".format(m1["baseline"]))
        check(any(o["theme"] == "contributory" for o in objectives.values()),
              "a theme left uncovered gets a skeleton")
        check("ratings" not in doc["self_assessment"], "no ratings carried without a rating scale")

        # Mixed statuses in the latest (spring) review: nothing complete, all carried.
        out = os.path.join(tmp, "ghft-2026-27.yaml")
        proc = subprocess.run([hiplan, "init", "--from", os.path.join(root, "examples", "ghft-2025-26.yaml"),
                               "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
        check("GHFT-1 (on-track), GHFT-2 (off-track), GHFT-3 (not-started)" in proc.stderr,
              "carries on-track, off-track and not-started: {}".format(proc.stderr))
        rc, codes = lint_codes(hiplan, out)
        check(rc == 1 and codes == {"HP701"}, "GHFT carry-over lints with {}".format(codes))

        check_carry_over_comments(hiplan, root, tmp)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
