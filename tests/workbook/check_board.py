#!/usr/bin/env python3
"""Reads a compiled Board workbook back with openpyxl and checks it cell by cell
against figures computed here, independently of hiplan, from the YAML inputs.

    check_board.py HIPLAN INPUT_DIR FRAMEWORK_YAML ROUND
"""
import collections
import os
import subprocess
import sys
import tempfile

import openpyxl
import yaml
from openpyxl.utils import range_boundaries

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402
from board_expect import KINDS, Expected, load_inputs  # noqa: E402


def table_rows(ws, name):
    """The rows of Excel table `name` as dicts keyed by its header (empty when it is absent)."""
    if name not in ws.tables:
        return []
    first_col, first_row, last_col, last_row = range_boundaries(ws.tables[name].ref)
    rows = [list(r) for r in ws.iter_rows(min_row=first_row, max_row=last_row, min_col=first_col,
                                          max_col=last_col)]
    header = [c.value for c in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:]]


def text_of(cell):
    return cell.value if cell is not None and cell.value is not None else ""


def elements(items):
    """A logic-model list as the Logic model sheet writes it, one element a line."""
    lines = []
    for e in items:
        about = []
        if e.get("term"):
            about.append(e["term"] + " term")
        if e.get("from"):
            about.append("from " + ", ".join(e["from"]))
        lines.append("{}: {}".format(e["id"], e["text"]) + (" ({})".format("; ".join(about)) if about else ""))
    return "\n".join(lines)


def check_content(wb, included, framework, feedback):
    """The Commitments, Logic model and Feedback conversations tables hold what was written."""
    outcome_names = {o["id"]: o["name"] for o in framework.get("outcomes", [])}
    theme_names = {t["id"]: t["name"] for t in framework["themes"]}

    # Commitments: one row per included template, its self-assessment as written.
    ws = wb["Commitments"]
    rows = table_rows(ws, "Commitments")
    check(len(rows) == len(included), "Commitments: {} rows, expected {}".format(len(rows), len(included)))
    check([c.value for c in ws[1]] == ["Submitter", "Name", "Type", "Cycle", "Submitted", "Approved by",
                                       "Contact", "Summary of commitments"],
          "Commitments headers: {}".format([c.value for c in ws[1]]))
    by_key = {(text_of(r["Submitter"]), text_of(r["Cycle"])): r for r in rows}
    for t in included:
        sa = t["self_assessment"]
        r = by_key.get((t["submitter"]["id"], t["cycle"]))
        check(r is not None, "Commitments lists {} {}".format(t["submitter"]["id"], t["cycle"]))
        if r is None:
            continue
        check(text_of(r["Type"]) == t["submitter"]["type"], "Commitments type of {}".format(t["submitter"]["id"]))
        check(text_of(r["Summary of commitments"]) == sa["summary"].strip(),
              "Commitments summary of {}: {!r}".format(t["submitter"]["id"], text_of(r["Summary of commitments"])[:80]))
        check(r["Summary of commitments"].alignment.wrap_text, "Commitments summary is wrapped")
        check(text_of(r["Approved by"]) == sa.get("approved_by", ""), "Commitments approved by of {}".format(t["submitter"]["id"]))
        check(r["Submitted"].value is not None and r["Submitted"].value.date() == sa["submitted"],
              "Commitments submitted date of {}".format(t["submitter"]["id"]))
        check(t["contact"]["name"] in text_of(r["Contact"]), "Commitments contact of {}".format(t["submitter"]["id"]))
    ghc = [r for r in rows if text_of(r["Submitter"]) == "GHC"]
    check(bool(ghc) and "physical health of people with severe mental illness" in text_of(ghc[0]["Summary of commitments"])
          and text_of(ghc[0]["Approved by"]) == "Trust Board, 2 October 2025",
          "Commitments: GHC's summary and approval as written")

    # Logic model: one row per objective, its lists one item a line, left to right.
    ws = wb["Logic model"]
    rows = table_rows(ws, "LogicModel")
    objectives = [(t, o) for t in included for o in t["self_assessment"]["objectives"]]
    check(len(rows) == len(objectives), "Logic model: {} rows, expected {}".format(len(rows), len(objectives)))
    check([c.value for c in ws[1]] == ["Submitter", "Type", "Cycle", "Objective", "Title", "Theme", "Inputs",
                                       "Activities", "Outputs", "Outcomes", "Shared outcomes"],
          "Logic model headers: {}".format([c.value for c in ws[1]]))
    by_key = {(text_of(r["Submitter"]), text_of(r["Cycle"]), text_of(r["Objective"])): r for r in rows}
    for t, o in objectives:
        key = (t["submitter"]["id"], t["cycle"], o["id"])
        r = by_key.get(key)
        check(r is not None, "Logic model lists {}".format(key))
        if r is None:
            continue
        m = o.get("logic_model", {})
        check(text_of(r["Type"]) == t["submitter"]["type"], "Logic model type of {}".format(key))
        check(text_of(r["Theme"]) == theme_names[o["theme"]], "Logic model theme of {}".format(key))
        check(text_of(r["Inputs"]) == "\n".join(m.get("inputs", [])), "Logic model inputs of {}".format(key))
        for column, field in (("Activities", "activities"), ("Outputs", "outputs"), ("Outcomes", "outcomes")):
            check(text_of(r[column]) == elements(m.get(field, [])),
                  "Logic model {} of {}: {!r}".format(column, key, text_of(r[column])))
            check(r[column].alignment.wrap_text, "Logic model {} is wrapped".format(column))
        shared = "\n".join(outcome_names.get(x, x) for x in m.get("contributes_to", []))
        check(text_of(r["Shared outcomes"]) == shared, "Logic model shared outcomes of {}".format(key))
    ghc1 = [r for r in rows if text_of(r["Objective"]) == "GHC-1"]
    check(bool(ghc1), "Logic model has GHC-1")
    if ghc1:
        r = ghc1[0]
        check("A2: Peer support workers phone and text people overdue a check" in text_of(r["Activities"]).split("\n"),
              "Logic model: GHC-1's activity A2")
        check("C3: Heart disease risk treated earlier for people with SMI (long term; from C1, C2)"
              in text_of(r["Outcomes"]).split("\n"), "Logic model: GHC-1's long-term outcome C3")
        check(text_of(r["Shared outcomes"]).split("\n")[0] == "Reduced inequality in life expectancy",
              "Logic model: GHC-1's shared outcomes by name")

    # Feedback: one row per conversation, below the answers, with its facilitators.
    ws = wb["Feedback"]
    rows = table_rows(ws, "Conversations")
    check(len(rows) == len(feedback), "Feedback conversations: {} rows, expected {}".format(len(rows), len(feedback)))
    by_group = {text_of(r["Group"]): r for r in rows}
    for f in feedback:
        g = f["group"]
        r = by_group.get(g["initials"])
        check(r is not None, "Feedback conversations list {}".format(g["initials"]))
        if r is None:
            continue
        check(text_of(r["Group name"]) == g["name"], "Conversation {} group name".format(g["initials"]))
        check(r["Held"].value is not None and r["Held"].value.date() == f["held"], "Conversation {} held".format(g["initials"]))
        check(r["Participants"].value == g["participants"], "Conversation {} participants".format(g["initials"]))
        check(text_of(r["Roles"]) == "\n".join(g.get("roles", [])), "Conversation {} roles".format(g["initials"]))
        check(text_of(r["Facilitators"]) == "\n".join(f.get("facilitators", [])),
              "Conversation {} facilitators: {!r}".format(g["initials"], text_of(r["Facilitators"])))
        check(text_of(r["Notes"]) == f.get("notes", ""), "Conversation {} notes".format(g["initials"]))
    if feedback:
        check(sorted(by_group) == ["LCC-PH", "LCH-CNT", "LTHT-OPD"], "the three Leeds groups: {}".format(sorted(by_group)))
        lcc = by_group.get("LCC-PH")
        check(lcc is not None
              and "THIG member (Leeds and York Partnership NHS Foundation Trust), co-presenting" in text_of(lcc["Facilitators"])
              and text_of(lcc["Organisation"]) == "Leeds City Council" and text_of(lcc["Type"]) == "organisation",
              "LCC-PH's co-presenter, organisation and type")
        check(ws.freeze_panes == "A7", "Feedback keeps the answers' header frozen: {}".format(ws.freeze_panes))


def check_feedback_alone(hiplan, folder, feedback):
    """The feedback documents compiled on their own (with a --round: no template gives one)
    still list every conversation with its facilitators."""
    paths = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("feedback-"))
    if not paths:
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "feedback.xlsx")
        proc = subprocess.run([hiplan, "compile", *paths, "--round", "2021-spring", "-o", out,
                               "--generated", "2026-11-20", "--color", "never"], capture_output=True, text=True)
        check(proc.returncode == 0, "feedback-only compile exit status {} ({})".format(proc.returncode, proc.stderr))
        if proc.returncode != 0:
            return
        wb = openpyxl.load_workbook(out)
    rows = table_rows(wb["Feedback"], "Conversations")
    got = {text_of(r["Group"]): text_of(r["Facilitators"]) for r in rows}
    want = {f["group"]["initials"]: "\n".join(f["facilitators"]) for f in feedback}
    check(got == want, "feedback-only compile: conversations and facilitators {}".format(got))
    check("THIG member (Leeds City Council), co-presenting" in got.get("LCH-CNT", ""),
          "feedback-only compile: LCH-CNT's co-presenter")


def check_ratings(hiplan, here):
    """A framework with a rating scale: the Ratings sheet shows each rating's evidence."""
    folder = os.path.join(here, "ratings")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "ratings.xlsx")
        proc = subprocess.run([hiplan, "compile", os.path.join(folder, "ghc-2025-26.yaml"),
                               "--framework", os.path.join(folder, "rating-scale.fw"), "--round", "2025-autumn",
                               "-o", out, "--generated", "2026-11-20", "--color", "never"],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "ratings compile exit status {} ({}{})".format(proc.returncode, proc.stdout, proc.stderr))
        if proc.returncode != 0:
            return
        wb = openpyxl.load_workbook(out)
    with open(os.path.join(folder, "ghc-2025-26.yaml"), encoding="utf-8") as f:
        t = yaml.safe_load(f)
    with open(os.path.join(folder, "rating-scale.fw"), encoding="utf-8") as f:
        fw = yaml.safe_load(f)
    ws = wb["Ratings"]
    check(ws["D3"].value == "Achieving", "Ratings grid: GHC's targeted rating: {!r}".format(ws["D3"].value))
    rows = table_rows(ws, "RatingEvidence")
    given = t["self_assessment"]["ratings"]
    check(len(rows) == len(given), "Ratings evidence: {} rows, expected {}".format(len(rows), len(given)))
    theme_names = {x["id"]: x["name"] for x in fw["themes"]}
    rating_names = {x["id"]: x["name"] for x in fw["ratings"]}
    for g, r in zip(sorted(given, key=lambda g: [x["id"] for x in fw["themes"]].index(g["theme"])), rows):
        check(text_of(r["Submitter"]) == "GHC" and text_of(r["Type"]) == "organisation", "Ratings evidence submitter and type")
        check(text_of(r["Theme"]) == theme_names[g["theme"]], "Ratings evidence theme {}".format(g["theme"]))
        check(text_of(r["Rating"]) == rating_names[g["rating"]], "Ratings evidence rating of {}".format(g["theme"]))
        check(text_of(r["Evidence"]) == g["evidence"], "Ratings evidence of {}: {!r}".format(g["theme"], text_of(r["Evidence"])))
    check(any(text_of(r["Evidence"]) == "SMI health check outreach clinics run monthly in three towns." for r in rows),
          "Ratings evidence: the targeted theme's evidence as written")


SHEETS = ["Dashboard", "Exceptions", "Progress", "Measures", "Support asks", "Challenges & risks",
          "Highlights", "Gaps & overlaps", "Coverage", "Objectives", "Logic model", "Commitments",
          "Ratings", "Submissions", "Validation", "Feedback"]


def find_cell(ws, column, prefix):
    """The first row whose cell in `column` starts with `prefix` (0 when none)."""
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row, column).value
        if isinstance(value, str) and value.startswith(prefix):
            return row
    return 0


def close(a, b):
    if a is None or b is None or a == "" or b == "":
        return (a in (None, "")) and (b in (None, ""))
    return abs(float(a) - float(b)) < 1e-9


def objective_id(text):
    return text.split(": ", 1)[0] if text else ""


def compile_board(hiplan, inputs, round_name=None, generated="2026-11-20", extra=()):
    """Compiles `inputs`; returns (process, workbook or None)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "board.xlsx")
        args = [hiplan, "compile", *inputs, "-o", out, "--generated", generated, "--color", "never", *extra]
        if round_name:
            args += ["--round", round_name]
        proc = subprocess.run(args, capture_output=True, text=True)
        wb = openpyxl.load_workbook(out) if os.path.exists(out) else None
    return proc, wb


def check_dashboard(wb, exp, label):
    ws = wb["Dashboard"]
    check(ws["D3"].value == "Round" and str(ws["E3"].value).startswith(exp.round + ": "),
          "{}: Dashboard round row: {!r}".format(label, ws["E3"].value))
    # Submissions by part: expected, received, valid, late, missing.
    top = find_cell(ws, 1, "Submissions by part")
    check(top > 0, "{}: Dashboard has 'Submissions by part'".format(label))
    header = [ws.cell(top + 1, c).value for c in range(1, 7)]
    check(header == ["Part", "Expected", "Received", "Valid", "Late", "Missing"],
          "{}: Submissions by part header {}".format(label, header))
    got = []
    row = top + 2
    while ws.cell(row, 1).value:
        got.append([ws.cell(row, c).value for c in range(1, 7)])
        row += 1
    want = [[p["name"], len(p["expected"]), len(p["received"]), len(p["valid"]), len(p["late"]),
             len(p["missing"])] for p in exp.parts]
    check(got == want, "{}: Submissions by part {} != expected {}".format(label, got, want))
    # Exceptions by kind.
    top = find_cell(ws, 1, "Exceptions by kind")
    check(top > 0, "{}: Dashboard has 'Exceptions by kind'".format(label))
    # The kinds with exceptions, in severity order, then a line for the kinds with none.
    got = []
    row = top + 2
    while ws.cell(row, 2).value is not None:
        got.append([ws.cell(row, 1).value, ws.cell(row, 2).value])
        row += 1
    want = [[k, n] for k, n in zip(KINDS, exp.exceptions_by_kind()) if n > 0]
    check(got == want, "{}: Exceptions by kind {} != expected {}".format(label, got, want))
    if len(want) < len(KINDS):
        check(ws.cell(row, 1).value in ("No exceptions of the other kinds.", "No exceptions of any kind."),
              "{}: the kinds with none are named: {!r}".format(label, ws.cell(row, 1).value))
    # Status by theme (the chart's data), in column H.
    fw = exp.framework
    top = find_cell(ws, 8, "Status by theme")
    check(top > 0, "{}: Dashboard has 'Status by theme'".format(label))
    header = [ws.cell(top + 1, 8 + c).value for c in range(len(fw["statuses"]) + 1)]
    check(header == ["Theme"] + [s["name"] for s in fw["statuses"]], "{}: Status by theme header {}".format(label, header))
    for i, theme in enumerate(fw["themes"]):
        row = top + 2 + i
        got = [ws.cell(row, 8 + c).value for c in range(len(fw["statuses"]) + 1)]
        want = [theme["name"]] + [exp.status_by_theme[(theme["id"], s["id"])] for s in fw["statuses"]]
        check(got == want, "{}: Status by theme {} != expected {}".format(label, got, want))
    charts = ws._charts
    check(len(charts) == (1 if exp.progress else 0), "{}: Dashboard charts: {}".format(label, len(charts)))
    for chart in charts:
        check(chart.tagname == "barChart" and chart.type == "col", "{}: the chart is a column chart".format(label))


def check_exceptions(wb, exp, label):
    rows = table_rows(wb["Exceptions"], "Exceptions")
    got = [(text_of(r["Kind"]), text_of(r["Submitter"]), objective_id(text_of(r["Objective"])), text_of(r["Status"]))
           for r in rows]
    check([g[0] for g in got] == [x[0] for x in exp.exceptions],
          "{}: Exceptions kinds in order {} != expected {}".format(label, [g[0] for g in got], [x[0] for x in exp.exceptions]))
    extra = collections.Counter(got) - collections.Counter(exp.exceptions)
    missing = collections.Counter(exp.exceptions) - collections.Counter(got)
    check(not extra and not missing, "{}: Exceptions rows: not expected {}, not found {}".format(
        label, sorted(extra.elements()), sorted(missing.elements())))
    return rows


def check_progress(wb, exp, label):
    ws = wb["Progress"]
    rows = table_rows(ws, "Progress")
    check(len(rows) == len(exp.progress), "{}: Progress has {} rows, expected {}".format(label, len(rows), len(exp.progress)))
    by_key = {(text_of(r["Submitter"]), objective_id(text_of(r["Objective"]))): r for r in rows}
    for p in exp.progress:
        key = (p["t"]["submitter"]["id"], p["o"]["id"])
        r = by_key.get(key)
        check(r is not None, "{}: Progress lists {}".format(label, key))
        if r is None:
            continue
        got = (text_of(r["Status"]), text_of(r["Previous status"]), text_of(r["Previous from"]), text_of(r["Direction"]))
        want = (p["status"]["name"], p["previous"]["name"] if p["previous"] else "", p["from"], p["direction"])
        check(got == want, "{}: Progress {} (status, previous, from, direction) {} != expected {}".format(label, key, got, want))
        if p["status"].get("escalate") and not p["entry"].get("mitigation"):
            check(text_of(r["Mitigation"]) == "none given", "{}: Progress {} mitigation 'none given'".format(label, key))
    if exp.progress:
        rules = [x for rng in ws.conditional_formatting for x in rng.rules]
        check(len(rules) == len(exp.framework["statuses"]), "{}: Progress has one RAG rule per status ({})".format(label, len(rules)))
        green = [x for x in rules if x.formula == ['"On track"']]
        check(bool(green) and (green[0].dxf.fill.fgColor.rgb.endswith("00B050")
                               or green[0].dxf.fill.bgColor.rgb.endswith("00B050")), "{}: On track is filled green".format(label))


def check_measures(wb, exp, label):
    rows = table_rows(wb["Measures"], "Measures")
    check(len(rows) == len(exp.measures), "{}: Measures has {} rows, expected {}".format(label, len(rows), len(exp.measures)))
    by_key = {(text_of(r["Submitter"]), text_of(r["Cycle"]), text_of(r["Objective"]),
               objective_id(text_of(r["Measure"]))): r for r in rows}
    for m in exp.measures:
        key = (m["t"]["submitter"]["id"], m["t"]["cycle"], m["o"]["id"], m["m"]["id"])
        r = by_key.get(key)
        check(r is not None, "{}: Measures lists {}".format(label, key))
        if r is None:
            continue
        for column, field in (("Spring value", "spring"), ("Autumn value", "autumn"),
                              ("Change since baseline", "since_baseline"),
                              ("Change since previous review", "since_previous"), ("Progress to target", "to_target")):
            check(close(r[column].value, m[field]), "{}: Measures {} {}: {!r} != expected {!r}".format(
                label, key, column, r[column].value, m[field]))
        check(text_of(r["Moving"]) == m["moving"], "{}: Measures {} Moving: {!r} != expected {!r}".format(
            label, key, text_of(r["Moving"]), m["moving"]))


def check_register(wb, exp, label):
    rows = table_rows(wb["Objectives"], "Objectives")
    got = sorted((text_of(r["Submitter"]), text_of(r["Cycle"]), objective_id(text_of(r["Objective"])))
                 for r in rows)
    want = sorted((t["submitter"]["id"], t["cycle"], o["id"]) for t, o in exp.objectives)
    check(got == want, "{}: Objectives register {} != expected {}".format(label, got, want))
    if not want:
        check("Objectives" not in wb["Objectives"].tables and wb["Objectives"]["A2"].value,
              "{}: an empty Objectives register is a note".format(label))
    # Coverage: submitter x theme over the plans, zero cells highlighted.
    ws = wb["Coverage"]
    first = {}
    for t in exp.plans:
        first.setdefault(t["submitter"]["id"], t)
    for i, s in enumerate(exp.registry):
        row = 3 + i
        check(str(ws.cell(row, 1).value).startswith(s["id"] + " "), "{}: Coverage row {} is {}".format(label, row, s["id"]))
        t = first.get(s["id"])
        for j, theme in enumerate(exp.framework["themes"]):
            value = ws.cell(row, 3 + j).value
            if t is None:
                check(value is None, "{}: Coverage {} x {} should be blank".format(label, s["id"], theme["id"]))
            else:
                n = sum(1 for o in t["self_assessment"]["objectives"] if o["theme"] == theme["id"] and exp.in_round(t, o))
                check(value == n, "{}: Coverage {} x {}: {} != {}".format(label, s["id"], theme["id"], value, n))
    zero_rules = [x for rng in ws.conditional_formatting for x in rng.rules if x.operator == "equal"]
    check(zero_rules, "{}: Coverage highlights zero cells".format(label))


def check_submissions(wb, exp, label):
    rows = table_rows(wb["Submissions"], "Submissions")
    files = [r for r in rows if text_of(r["File"]) != "(none)"]
    check(len(files) == len(exp.docs), "{}: Submissions lists {} files, expected {}".format(label, len(files), len(exp.docs)))
    missing = sum(len(p["missing"]) for p in exp.parts)
    check(len(rows) - len(files) == missing, "{}: Submissions lists {} missing, expected {}".format(label, len(rows) - len(files), missing))
    part_of = {text_of(r["File"]): text_of(r["Part"]) for r in files}
    for path in exp.other_framework:
        check(part_of.get(path) == "other framework", "{}: {} is 'other framework': {!r}".format(label, path, part_of.get(path)))
    for path in exp.other_round:
        check(part_of.get(path) == "other round", "{}: {} is 'other round': {!r}".format(label, path, part_of.get(path)))
    return rows


def check_round_sheets(wb, exp, label):
    """Every sheet the round's figures reach, against the recomputation."""
    check(wb.sheetnames == SHEETS, "{}: sheet names {}".format(label, wb.sheetnames))
    if wb.sheetnames != SHEETS:
        return
    check_dashboard(wb, exp, label)
    check_exceptions(wb, exp, label)
    check_progress(wb, exp, label)
    check_measures(wb, exp, label)
    check_register(wb, exp, label)
    check_submissions(wb, exp, label)
    ws = wb["Feedback"]
    check(ws["B2"].value == len(exp.feedback), "{}: Feedback conversations {} != {}".format(label, ws["B2"].value, len(exp.feedback)))


def main():
    hiplan, folder, framework_file, round_name = sys.argv[1:5]
    with open(framework_file, encoding="utf-8") as f:
        framework = yaml.safe_load(f)
    docs = load_inputs(folder)
    exp = Expected(docs, framework, round_name)
    label = "examples " + round_name

    proc, wb = compile_board(hiplan, [folder], round_name)
    check(proc.returncode == 0, "compile exit status {} (stderr: {})".format(proc.returncode, proc.stderr))
    if wb is None:
        return finish()
    check_round_sheets(wb, exp, label)

    # The examples: every template and all three Leeds conversations are of the files; the
    # Leeds feedback is of another framework, so not on this Board.
    check(len(exp.other_framework) == 3, "the examples hold three Leeds feedback files")
    check(exp.feedback == [] and wb["Feedback"]["B4"].value == 0 and "Feedback" not in wb["Feedback"].tables,
          "the Leeds feedback is not on the Gloucestershire Board's Feedback sheet")
    for sheet, name, rows in (("Objectives", "Objectives", len(exp.objectives)), ("Measures", "Measures", len(exp.measures))):
        ws = wb[sheet]
        if rows:
            check(name in ws.tables and ws.freeze_panes == "A2", "{} is a table with its header frozen".format(sheet))

    included = [t for _, t in exp.included]
    check_content(wb, included, framework, exp.feedback)
    ratings = wb["Ratings"]
    check(not framework.get("ratings") and "defines no rating scale" in str(ratings["A1"].value),
          "Ratings says the built-in framework has no scale: {!r}".format(ratings["A1"].value))
    check_ratings(hiplan, os.path.dirname(os.path.abspath(__file__)))
    leeds = [d for _, d in docs if d.get("kind") == "feedback"]
    check_feedback_alone(hiplan, folder, leeds)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
