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
from openpyxl.utils import range_boundaries

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
                            "Commitments", "Logic model", "Submissions", "Validation", "Feedback"], "sheet names: {}".format(wb.sheetnames))

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
        shown = [r[6] for r in ws.iter_rows(min_row=7, max_row=6 + answers, values_only=True) if r[6]]
        check(len(shown) == tagged, "Feedback: {} rows show themes, {} expected".format(len(shown), tagged))


    included = [t for t in templates if t["cycle"] in (review_cycle, objectives_cycle)]
    check_content(wb, included, framework, feedback)
    ratings = wb["Ratings"]
    check(not framework.get("ratings") and "defines no rating scale" in str(ratings["A1"].value),
          "Ratings says the built-in framework has no scale: {!r}".format(ratings["A1"].value))
    check_ratings(hiplan, os.path.dirname(os.path.abspath(__file__)))
    check_feedback_alone(hiplan, folder, feedback)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
