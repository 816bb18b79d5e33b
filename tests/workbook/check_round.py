#!/usr/bin/env python3
"""Compiles one purpose-built set of templates (tests/workbook/round/<set>) and checks the
Board workbook: every figure against the independent recomputation of board_expect.py,
and then what the set was built to show, written out by hand, so the check can fail.

    check_round.py HIPLAN ROUND_DIR FRAMEWORK_YAML CASE

CASE is one of: missing-review, no-mitigation, deep-dive, overlap, other-framework,
both-parts, late, default-round, added-at-review, review-before, carried-over.
"""
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
sys.path.insert(0, HERE)
from board_expect import Expected, load_inputs  # noqa: E402
from check_board import check_round_sheets, compile_board, find_cell, table_rows, text_of  # noqa: E402
from checks import check, finish  # noqa: E402

# case: (folder, round given with --round (None: the default), generation date)
CASES = {
    "missing-review": ("missing-review", "2026-autumn", "2026-11-20"),
    "no-mitigation": ("no-mitigation", "2026-spring", "2026-05-20"),
    "deep-dive": ("deep-dive", "2026-autumn", "2026-11-20"),
    "overlap": ("overlap", "2025-autumn", "2025-11-20"),
    "other-framework": ("other-framework", "2026-spring", "2026-05-20"),
    "both-parts": ("both-parts", "2026-autumn", "2026-11-20"),
    "late": ("late", "2026-spring", "2026-05-20"),
    "default-round": ("both-parts", None, "2026-11-30"),
    "added-at-review": ("added-at-review", "2026-spring", "2026-05-20"),
    "review-before": ("review-before", "2026-spring", "2026-05-20"),
    "carried-over": ("carried-over", "2026-spring", "2026-05-20"),
}

GHC = "Gloucestershire Health and Care NHS Foundation Trust"
GCC = "Gloucestershire County Council"
GHFT = "Gloucestershire Hospitals NHS Foundation Trust"


def oid(cell):
    """The objective id of an "ID: title" cell."""
    return text_of(cell).split(": ", 1)[0]


def dashboard_parts(wb):
    ws = wb["Dashboard"]
    row = find_cell(ws, 1, "Submissions by part") + 2
    parts = []
    while ws.cell(row, 1).value:
        parts.append([ws.cell(row, c).value for c in range(1, 7)])
        row += 1
    return parts


def exceptions(wb):
    return [{k: text_of(v) for k, v in r.items()} for r in table_rows(wb["Exceptions"], "Exceptions")]


def of_kind(rows, kind):
    return [r for r in rows if r["Kind"] == kind]


def missing_review(wb):
    parts = dashboard_parts(wb)
    check(parts[1] == ["Autumn review of 2025-26", 1, 0, 0, 0, 1], "the autumn review part: {}".format(parts))
    rows = exceptions(wb)
    missing = [r for r in of_kind(rows, "Missing submission") if r["Part"] == "autumn review"]
    check(len(missing) == 1 and missing[0]["Submitter"] == GHC
          and "the template has no autumn review" in missing[0]["Detail"],
          "a Missing submission row for GHC's autumn review: {}".format(missing))
    stale = of_kind(rows, "Not in the latest review") + of_kind(rows, "At risk or off track, then no review")
    got = sorted((r["Objective"].split(":")[0], r["Status"]) for r in stale)
    check(got == [("GHC-1", "At risk"), ("GHC-2", "On track"), ("GHC-3", "On track")],
          "Not in the latest review: each objective with its last status: {}".format(got))
    concern = of_kind(rows, "At risk or off track, then no review")
    check([r["Objective"].split(":")[0] for r in concern] == ["GHC-1"]
          and "mitigation then:" in concern[0]["Detail"],
          "GHC-1, at risk when last reviewed, is a concern with its mitigation then: {}".format(concern))
    check(all("the autumn review is missing" in r["Detail"] and "(spring review 2025-26)" in r["Detail"] for r in stale),
          "Not in the latest review says the review is missing and where the status came from: {}".format(
              [r["Detail"] for r in stale]))


def no_mitigation(wb):
    rows = of_kind(exceptions(wb), "At risk or off track, no mitigation")
    check(len(rows) == 1 and rows[0]["Objective"].startswith("GCC-1: ") and rows[0]["Status"] == "Off track"
          and rows[0]["Detail"].endswith("mitigation: none given"),
          "an off-track objective with no mitigation: {}".format(rows))
    progress = [r for r in table_rows(wb["Progress"], "Progress") if oid(r["Objective"]) == "GCC-1"]
    check(progress and text_of(progress[0]["Mitigation"]) == "none given", "Progress shows GCC-1's mitigation as none given")


def deep_dive(wb):
    rows = exceptions(wb)
    deep = of_kind(rows, "Deep dive: at risk or off track twice")
    check(len(deep) == 1 and deep[0]["Objective"].startswith("GHFT-1: ") and deep[0]["Status"] == "Off track"
          and "was At risk in the spring review 2025-26" in deep[0]["Detail"],
          "at risk then off track is a deep dive: {}".format(deep))
    check(not of_kind(rows, "At risk or off track") and not of_kind(rows, "At risk or off track, no mitigation"),
          "the deep dive is not listed again as at risk or off track")
    check([r["Objective"].split(":")[0] for r in of_kind(rows, "High risk")] == ["GHFT-1"], "GHFT-1's high risk")
    check([r["Objective"].split(":")[0] for r in of_kind(rows, "Measure moving the wrong way")] == ["GHFT-1"],
          "GHFT-1's measure moved from 30 to 25 against its target")
    progress = {oid(r["Objective"]): r for r in table_rows(wb["Progress"], "Progress")}
    r = progress.get("GHFT-1")
    check(r is not None and text_of(r["Previous status"]) == "At risk" and text_of(r["Direction"]) == "worse",
          "Progress: GHFT-1 was At risk, now worse")
    measures = {text_of(r["Objective"]): r for r in table_rows(wb["Measures"], "Measures")}
    m = measures.get("GHFT-1")
    check(m is not None and m["Spring value"].value == 30 and m["Autumn value"].value == 25
          and m["Change since baseline"].value == 5 and m["Change since previous review"].value == -5
          and text_of(m["Moving"]) == "against target", "Measures: GHFT-1 30 then 25, against target")


def overlap(wb):
    rows = table_rows(wb["Gaps & overlaps"], "Overlaps")
    pairs = [({oid(r["Objective A"]), oid(r["Objective B"])}, text_of(r["Shared words"]).lower()) for r in rows]
    check(len(pairs) == 1 and pairs[0][0] == {"GCC-2", "ICB-2"},
          "one overlap, the two Friendship Cafe objectives: {}".format(pairs))
    check(bool(pairs) and all(w in pairs[0][1] for w in ("cafe", "matson")),
          "the overlap's shared words name the cafe: {}".format(pairs))


def other_framework(wb, hiplan, folder):
    leeds = os.path.join(folder, "feedback-lch-cnt.yaml")
    subs = {text_of(r["File"]): r for r in table_rows(wb["Submissions"], "Submissions")}
    r = subs.get(leeds)
    check(r is not None and text_of(r["Part"]) == "other framework" and text_of(r["Included"]) == "no"
          and "other framework (leeds-thig), not included" in text_of(r["Note"]),
          "Submissions lists the Leeds file as other framework, not included")
    check(dashboard_parts(wb) == [["Spring review of 2025-26", 1, 1, 1, 0, 0]],
          "the Leeds file is counted in no part: {}".format(dashboard_parts(wb)))
    fb = wb["Feedback"]
    check(fb["B2"].value == 0 and fb["B4"].value == 0 and "Feedback" not in fb.tables and "Conversations" not in fb.tables,
          "the Feedback sheet holds nothing of the Leeds file")
    # The Leeds file alone: a feedback workbook with its conversation.
    proc, alone = compile_board(hiplan, [leeds], None, "2026-11-20")
    check(proc.returncode == 0 and alone is not None, "the Leeds file compiles alone: {}{}".format(proc.stdout, proc.stderr))
    if alone is None:
        return
    check(alone["Dashboard"]["A1"].value == "Road-test feedback", "a feedback workbook: {!r}".format(alone["Dashboard"]["A1"].value))
    check(alone.sheetnames == ["Dashboard", "Exceptions", "Submissions", "Validation", "Feedback"],
          "a feedback workbook has no round's sheets: {}".format(alone.sheetnames))
    with open(leeds, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    conv = table_rows(alone["Feedback"], "Conversations")
    check([(text_of(r["Group"]), text_of(r["Facilitators"])) for r in conv]
          == [(doc["group"]["initials"], "\n".join(doc["facilitators"]))], "the Leeds conversation and its facilitators")
    check(alone["Feedback"]["B2"].value == 1 and alone["Feedback"]["B4"].value == doc["group"]["participants"],
          "the feedback workbook counts one conversation and its people")


def both_parts(wb):
    check(dashboard_parts(wb) == [["Objective setting for 2026-27", 16, 1, 1, 0, 15],
                                  ["Autumn review of 2025-26", 2, 2, 2, 0, 0]],
          "both parts with their own counts: {}".format(dashboard_parts(wb)))
    objectives = sorted((text_of(r["Cycle"]), oid(r["Objective"])) for r in table_rows(wb["Objectives"], "Objectives"))
    check(objectives == [("2026-27", "ICB-1"), ("2026-27", "ICB-2"), ("2026-27", "ICB-3")],
          "the 2026-27 objectives, without ICB-4 (added at the spring 2027 review): {}".format(objectives))
    measures = [text_of(r["Objective"]) for r in table_rows(wb["Measures"], "Measures")]
    check("ICB-4" not in measures, "ICB-4 is not on the Measures sheet")
    progress = {oid(r["Objective"]): r for r in table_rows(wb["Progress"], "Progress")}
    check(sorted(progress) == ["GCC-1", "GCC-2", "GCC-3", "GHC-1", "GHC-2", "GHC-3"], "Progress: the autumn reviews")
    r = progress.get("GHC-1")
    check(r is not None and text_of(r["Previous status"]) == "On track" and text_of(r["Direction"]) == "worse",
          "GHC-1 was on track in the spring, at risk now: worse")


def late(wb):
    rows = of_kind(exceptions(wb), "Late")
    check(len(rows) == 1 and rows[0]["Submitter"] == GHFT and rows[0]["Part"] == "spring review"
          and "submitted 2026-04-20, after the deadline 2026-04-15" in rows[0]["Detail"],
          "a Late row for GHFT's spring review: {}".format(rows))
    check(dashboard_parts(wb) == [["Spring review of 2025-26", 1, 1, 1, 1, 0]], "one late of one: {}".format(dashboard_parts(wb)))
    subs = [r for r in table_rows(wb["Submissions"], "Submissions") if text_of(r["Submitter"]) == "GHFT"]
    check(subs and text_of(subs[0]["On time"]) == "late", "Submissions marks it late")


def default_round(wb):
    value = wb["Dashboard"]["E3"].value
    check(value == "2026-autumn: the round whose deadline is nearest to 2026-11-30 (no --round given)",
          "the Round row says the nearest deadline chose 2026-autumn: {!r}".format(value))


def added_at_review(wb):
    stale = of_kind(exceptions(wb), "Not in the latest review")
    check(not stale, "an objective added at the spring review is not due in it: {}".format(stale))
    rows = {oid(r["Objective"]): r for r in table_rows(wb["Objectives"], "Objectives")}
    r = rows.get("GHC-4")
    check(r is not None and text_of(r["Added at"]) == "Spring review 2026",
          "GHC-4 is in the spring round's register, added at the spring review 2026")


def review_before(wb):
    # The spring review is missing; the autumn review comes after it, so no status was
    # reported before this round and GHC-1's completion in the autumn does not count yet.
    stale = of_kind(exceptions(wb), "Not in the latest review")
    got = sorted((r["Objective"].split(":")[0], r["Status"]) for r in stale)
    check(got == [("GHC-1", ""), ("GHC-2", ""), ("GHC-3", "")],
          "Not in the latest review, with no status from a later review: {}".format(got))


def carried_over(wb):
    deep = of_kind(exceptions(wb), "Deep dive: at risk or off track twice")
    check([r["Objective"].split(":")[0] for r in deep] == ["GHC-1"],
          "at risk in the autumn 2025 review of 2024-25, off track in spring 2026: a deep dive: {}".format(deep))
    progress = {oid(r["Objective"]): r for r in table_rows(wb["Progress"], "Progress")}
    r = progress.get("GHC-1")
    check(r is not None and text_of(r["Previous status"]) == "At risk"
          and text_of(r["Previous from"]) == "autumn review 2024-25 (GHC-1)" and text_of(r["Direction"]) == "worse",
          "Progress: GHC-1's previous status from last cycle's autumn review")


def main():
    hiplan, root, framework_file, case = sys.argv[1:5]
    folder_name, round_name, generated = CASES[case]
    folder = os.path.join(root, folder_name)
    with open(framework_file, encoding="utf-8") as f:
        framework = yaml.safe_load(f)
    lint = subprocess.run([hiplan, "lint", "--color", "never", folder], capture_output=True, text=True)
    check(lint.returncode == 0, "{} lints without errors: {}".format(folder_name, lint.stdout[-2000:]))
    proc, wb = compile_board(hiplan, [folder], round_name, generated)
    check(proc.returncode == 0 and wb is not None, "compile exit status {}: {}{}".format(proc.returncode, proc.stdout, proc.stderr))
    if wb is None:
        return finish()
    exp = Expected(load_inputs(folder), framework, round_name or "2026-autumn")
    check_round_sheets(wb, exp, case)
    if case == "other-framework":
        other_framework(wb, hiplan, folder)
    else:
        {"missing-review": missing_review, "no-mitigation": no_mitigation, "deep-dive": deep_dive,
         "overlap": overlap, "both-parts": both_parts, "late": late, "default-round": default_round,
         "added-at-review": added_at_review, "review-before": review_before, "carried-over": carried_over}[case](wb)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
