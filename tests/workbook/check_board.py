#!/usr/bin/env python3
"""Reads a compiled Board workbook back with openpyxl and checks it cell by cell
against figures computed here, independently of hiplan, from the YAML inputs.

    check_board.py HIPLAN INPUT_DIR FRAMEWORK_YAML ROUND
"""
import collections
import datetime
import os
import subprocess
import sys

import tempfile

import openpyxl
import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402



def load_inputs(folder):
    docs = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    docs.append(yaml.safe_load(f))
    return docs


def summary_facts(ws):
    facts = {}
    for row in ws.iter_rows(min_row=3, max_row=18, max_col=2, values_only=True):
        if row[0]:
            facts[row[0]] = row[1]
    return facts


def main():
    hiplan, folder, framework_file, round_name = sys.argv[1:5]
    with open(framework_file, encoding="utf-8") as f:
        framework = yaml.safe_load(f)
    year, season = int(round_name[:4]), round_name[5:]
    review_cycle = "{}-{:02d}".format(year - 1, year % 100)
    objectives_cycle = review_cycle if season == "spring" else "{}-{:02d}".format(year, (year + 1) % 100)
    period = season

    docs = load_inputs(folder)
    templates = [d for d in docs if d.get("kind") == "template"]
    feedback = [d for d in docs if d.get("kind") == "feedback"]
    registry = [s["id"] for s in framework["submitters"]]
    themes = [t["id"] for t in framework["themes"]]
    theme_names = {t["id"]: t["name"] for t in framework["themes"]}
    status_names = {s["id"]: s["name"] for s in framework["statuses"]}
    status_order = [s["id"] for s in framework["statuses"]]

    register = [t for t in templates if t["cycle"] == objectives_cycle]
    reviewed = []  # (template, review)
    for t in templates:
        if t["cycle"] == review_cycle:
            for r in t.get("reviews", []):
                if r["period"] == period:
                    reviewed.append((t, r))
    if season == "spring":
        main_submissions = {t["submitter"]["id"]: r["submitted"] for t, r in reviewed}
        deadline = datetime.date(year, 4, 15)
    else:
        main_submissions = {t["submitter"]["id"]: t["self_assessment"]["submitted"] for t in register}
        deadline = datetime.date(year, 10, 15)
    received = [s for s in registry if s in main_submissions]
    late = [s for s in received if main_submissions[s] > deadline]

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "board.xlsx")
        proc = subprocess.run([hiplan, "compile", folder, "--round", round_name, "-o", out,
                               "--generated", "2026-11-20", "--color", "never"],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "compile exit status {} (stderr: {})".format(proc.returncode, proc.stderr))
        wb = openpyxl.load_workbook(out)

    check(wb.sheetnames == ["Summary", "Coverage", "Objectives", "Measures", "Progress", "Highlights",
                            "Challenges & risks", "Support asks", "Gaps & overlaps", "Ratings",
                            "Submissions", "Validation", "Feedback"], "sheet names: {}".format(wb.sheetnames))

    # Summary: every count.
    facts = summary_facts(wb["Summary"])
    objectives = [o for t in register for o in t["self_assessment"]["objectives"]]
    measures = [m for o in objectives for m in o.get("measures", [])]
    review_entries = [(t, e) for t, r in reviewed for e in r["objectives"]]
    expected = {
        "Round": round_name,
        "Generated": "2026-11-20",
        "Submissions expected": len(registry),
        "Submissions received": len(received),
        "Submissions valid": len(received),
        "Submissions late": len(late),
        "Submissions missing": len(registry) - len(received),
        "Files excluded (errors)": 0,
        "Objectives": len(objectives),
        "Measures": len(measures),
        "Objectives reviewed": len(review_entries),
        "Support asks": sum(len(r.get("support_needed", [])) for _, r in reviewed),
        "Feedback conversations": len(feedback),
        "People reached (feedback)": sum(f["group"]["participants"] for f in feedback),
    }
    for label, value in expected.items():
        check(facts.get(label) == value, "Summary {!r}: {!r} != expected {!r}".format(label, facts.get(label), value))

    # Summary: objectives and statuses by theme (the chart data).
    ws = wb["Summary"]
    header_row = 20
    check(ws.cell(header_row, 1).value == "Theme", "theme table header at A20")
    for i, theme in enumerate(themes):
        row = header_row + 1 + i
        check(ws.cell(row, 1).value == theme_names[theme], "Summary theme row {}".format(theme))
        count = sum(1 for o in objectives if o["theme"] == theme)
        check(ws.cell(row, 2).value == count, "Summary objectives under {}: {} != {}".format(theme, ws.cell(row, 2).value, count))
        for k, status in enumerate(status_order):
            n = 0
            for t, e in review_entries:
                objective = next(o for o in t["self_assessment"]["objectives"] if o["id"] == e["ref"])
                n += objective["theme"] == theme and e["status"] == status
            check(ws.cell(row, 3 + k).value == n, "Summary status {} under {}: {} != {}".format(status, theme, ws.cell(row, 3 + k).value, n))
    charts = ws._charts
    check(len(charts) == (2 if review_entries else 1), "Summary charts: {}".format(len(charts)))
    for chart in charts:
        check(chart.tagname == "barChart" and chart.type == "col", "chart is a column chart")

    # Coverage: submitter x theme, zero cells highlighted.
    ws = wb["Coverage"]
    by_submitter = {t["submitter"]["id"]: t for t in register}
    for i, sid in enumerate(registry):
        row = 3 + i
        check(str(ws.cell(row, 1).value).startswith(sid + " "), "Coverage row {} is {}".format(row, sid))
        t = by_submitter.get(sid)
        for j, theme in enumerate(themes):
            value = ws.cell(row, 3 + j).value
            if t is None:
                check(value is None, "Coverage {} x {} should be blank".format(sid, theme))
            else:
                n = sum(1 for o in t["self_assessment"]["objectives"] if o["theme"] == theme)
                check(value == n, "Coverage {} x {}: {} != {}".format(sid, theme, value, n))
    zero_rules = [r for rng in ws.conditional_formatting for r in rng.rules if r.operator == "equal"]
    check(zero_rules, "Coverage highlights zero cells")

    # Registers are Excel tables with one row per item.
    for sheet, name, rows in (("Objectives", "Objectives", len(objectives)), ("Measures", "Measures", len(measures))):
        ws = wb[sheet]
        if rows == 0:  # Excel tables need a data row: an empty register is a note instead
            check(name not in ws.tables and ws["A2"].value, "{} is empty, with a note".format(sheet))
            continue
        check(name in ws.tables, "{} has table {}".format(sheet, name))
        if name in ws.tables:
            ref = ws.tables[name].ref
            last_row = int(ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            check(last_row == rows + 1, "{} table {} covers {} rows, expected {}".format(sheet, ref, last_row - 1, rows))
        check(ws.freeze_panes == "A2", "{} header frozen".format(sheet))
    ws = wb["Objectives"]
    ids = sorted((ws.cell(r, 1).value, ws.cell(r, 4).value) for r in range(2, len(objectives) + 2))
    check(ids == sorted((t["submitter"]["id"], o["id"]) for t in register for o in t["self_assessment"]["objectives"]),
          "Objectives register lists every objective")

    # Progress: one row per reviewed objective, RAG colours by conditional format.
    ws = wb["Progress"]
    check(("Progress" in ws.tables) == bool(review_entries), "Progress table when there is a review")
    statuses = collections.Counter(ws.cell(r, 5).value for r in range(3, 3 + len(review_entries)))
    check(statuses == collections.Counter(status_names[e["status"]] for _, e in review_entries),
          "Progress statuses {}".format(dict(statuses)))
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    if review_entries:
        check(len(rules) == len(status_order), "Progress has one RAG rule per status ({})".format(len(rules)))
        green = [r for r in rules if r.formula == ['"On track"']]
        check(bool(green) and (green[0].dxf.fill.fgColor.rgb.endswith("00B050")
                               or green[0].dxf.fill.bgColor.rgb.endswith("00B050")),
              "On track is filled green")

    # Submissions: every file, and every missing submitter.
    ws = wb["Submissions"]
    files = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    check(len([f for f in files if f != "(none)"]) == len(docs), "Submissions lists every file")
    check(files.count("(none)") == len(registry) - len(received), "Submissions lists missing submitters")

    # Feedback: one row per answer.
    ws = wb["Feedback"]
    def comments(answer):  # text, a list of text, or {comments, themes}
        if isinstance(answer, dict):
            answer = answer.get("comments", [])
        return len(answer) if isinstance(answer, list) else 1
    answers = sum(comments(a) for f in feedback for a in f["answers"].values())
    check(ws["B2"].value == len(feedback), "Feedback conversations")
    check(ws["B4"].value == sum(f["group"]["participants"] for f in feedback), "Feedback people reached")
    if feedback:
        check("Feedback" in ws.tables and ws.tables["Feedback"].ref.endswith(str(6 + answers)),
              "Feedback table has one row per answer")
        # An answer tagged with themes (priority areas) shows their names on each of its rows.
        header = [c.value for c in ws[6]]
        check(header[6] == "Themes", "Feedback has a Themes column: {}".format(header))
        tagged = sum(comments(a) for f in feedback for a in f["answers"].values()
                     if isinstance(a, dict) and a.get("themes"))
        shown = [r[6] for r in ws.iter_rows(min_row=7, values_only=True) if r[6]]
        check(len(shown) == tagged, "Feedback: {} rows show themes, {} expected".format(len(shown), tagged))

    return finish()


if __name__ == "__main__":
    sys.exit(main())
