#!/usr/bin/env python3
"""The Board paper tells the same truth as the workbook: for one case, compiles the Board
workbook and writes the report data (.json), the HTML paper and the Markdown paper from
the same inputs, round and generation date, then checks that every count of the report
data equals the workbook's (read with openpyxl), and that the papers show those numbers
where their templates put them.

    check_counts.py HIPLAN SOURCE_DIR FRAMEWORK_YAML CASE

CASE is one of:
    examples-ROUND    the shipped examples, ROUND 2025-autumn, 2026-spring or 2026-autumn
    round-SET         a purpose-built set of tests/workbook/round (check_round.py's cases)
    road-test         the examples' road-test feedback alone (framework leeds-thig)
    group-GROUP       the examples' 2026-autumn summary of one group (--group GROUP)
"""
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

import openpyxl
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "workbook"))
from check_board import find_cell, table_rows, text_of  # noqa: E402
from check_round import CASES as ROUND_CASES  # noqa: E402
from checks import check, finish  # noqa: E402

GENERATED = "2026-11-20"


# ---------------------------------------------------------------------------------------
# Running hiplan


def counted(n, noun):
    """"1 objective", "3 objectives": the templates' plurals."""
    return "{} {}{}".format(n, noun, "" if n == 1 else "s")


def run(hiplan, args, cwd):
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([hiplan, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def produce(hiplan, inputs, round_name, generated, tmp, compile_too=True, extra=()):
    """Compiles the workbook (unless not wanted) and writes data.json, paper.html and
    paper.md from the same inputs, round and date. Returns (workbook or None, data, html,
    markdown); a failed run is recorded and gives None."""
    common = [*inputs, "--generated", generated, "--color", "never", *extra]
    if round_name:
        common += ["--round", round_name]
    wb = None
    if compile_too:
        board = os.path.join(tmp, "board.xlsx")
        proc = run(hiplan, ["compile", *common, "-o", board], tmp)
        check(proc.returncode in (0, 1) and os.path.exists(board),
              "compile exit status {}: {}{}".format(proc.returncode, proc.stdout, proc.stderr))
        wb = openpyxl.load_workbook(board) if os.path.exists(board) else None
    outputs = {}
    for name in ("data.json", "paper.html", "paper.md"):
        path = os.path.join(tmp, name)
        proc = run(hiplan, ["report", *common, "-o", path], tmp)
        check(proc.returncode in (0, 1) and os.path.exists(path),
              "report -o {} exit status {}: {}{}".format(name, proc.returncode, proc.stdout, proc.stderr))
        check("Wrote " in proc.stdout, "report -o {} says what it wrote: {!r}".format(name, proc.stdout[-300:]))
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                outputs[name] = f.read()
    data = json.loads(outputs["data.json"]) if "data.json" in outputs else None
    return wb, data, outputs.get("paper.html"), outputs.get("paper.md")


# ---------------------------------------------------------------------------------------
# Reading the papers back: both as a flat list of blocks (heading, paragraph, list item,
# table row), in document order, with the text as a reader sees it.


class HtmlBlocks(html.parser.HTMLParser):
    """Blocks of an HTML paper: ("h1".."h3" | "p" | "li" | "caption", text) and
    ("tr", [cell texts]); `section` is the id of the <section> each is in."""

    BLOCKS = {"h1", "h2", "h3", "p", "li", "caption", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # (section, kind, text or cells)
        self.section = ""
        self.kind = None
        self.text = []
        self.row = None
        self.cell = None
        self.style_attrs = []  # every style="..." attribute
        self.titles = []  # every title="..." attribute (the status bars)
        self.in_style = False  # the CSS is not text

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attrs.append(attrs["style"])
        if "title" in attrs:
            self.titles.append(attrs["title"])
        if tag == "section":
            self.section = attrs.get("id", "")
        elif tag == "style":
            self.in_style = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in self.BLOCKS and self.cell is None:
            self.kind, self.text = tag, []

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(norm("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.blocks.append((self.section, "tr", self.row))
            self.row = None
        elif tag == self.kind:
            self.blocks.append((self.section, tag, norm("".join(self.text))))
            self.kind = None
        elif tag == "section":
            self.section = ""

    def handle_data(self, data):
        if self.in_style:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.kind is not None:
            self.text.append(data)


def norm(text):
    return " ".join(text.split())


def html_blocks(text):
    parser = HtmlBlocks()
    parser.feed(text)
    parser.close()
    return parser


MD_SECTIONS = [("purpose", "## 1."), ("headline", "## 2."), ("themes", "## 3."), ("highlights", "## 4."),
               ("challenges", "## 5."), ("recommendations", "## 6."), ("deep-dives", "## 7."),
               ("appendix", "## 8.")]
MD_ROAD_SECTIONS = [("purpose", "## 1."), ("feedback", "## 2."), ("next-steps", "## 3.")]
ESCAPED = re.compile(r"\\(.)")


EMPHASIS = re.compile(r"(?<!\\)\*+")


def md_unescape(text):
    """Markdown text as a reader sees it: no emphasis marks, no escaping backslashes."""
    return ESCAPED.sub(r"\1", EMPHASIS.sub("", text))


def md_blocks(text, sections):
    """Blocks of a Markdown paper, with the same kinds and section ids as html_blocks."""
    blocks = []
    section = ""
    paragraph = []

    def flush():
        if paragraph:
            blocks.append((section, "p", norm(md_unescape(" ".join(paragraph)))))
            paragraph.clear()

    for line in text.split("\n"):
        stripped = line.strip()
        heading = re.match(r"^(#{1,3}) (.*)$", line)
        if heading:
            flush()
            for sid, prefix in sections:
                if line.startswith(prefix):
                    section = sid
            blocks.append((section, "h{}".format(len(heading.group(1))), norm(md_unescape(heading.group(2)))))
        elif stripped.startswith("|"):
            flush()
            cells = [md_unescape(c).strip() for c in re.split(r"(?<!\\)\|", stripped)[1:-1]]
            if all(re.fullmatch(r":?-+:?", c) for c in cells):
                continue
            blocks.append((section, "tr", [norm(c) for c in cells]))
        elif stripped.startswith("- "):
            flush()
            blocks.append((section, "li", norm(md_unescape(stripped[2:]))))
        elif stripped == "":
            flush()
        else:
            paragraph.append(stripped[2:] if stripped.startswith("> ") else stripped)
    flush()
    return blocks


def rows_after(blocks, header_first):
    """The table rows after the header row whose first cell is `header_first`, up to the
    next block that is not a row."""
    out = []
    seen = False
    for _, kind, value in blocks:
        if kind == "tr" and not seen and value and value[0] == header_first:
            seen = True
            continue
        if seen:
            if kind != "tr":
                break
            out.append(value)
    return out


def items_after(blocks, text):
    """The list items after the block whose text is `text` (None when there is none)."""
    for i, (_, kind, value) in enumerate(blocks):
        if kind in ("p", "h3") and value == text:
            items = []
            for _, k, v in blocks[i + 1:]:
                if k != "li":
                    break
                items.append(v)
            return items
    return None


def in_section(blocks, section):
    return [b for b in blocks if b[0] == section]


# ---------------------------------------------------------------------------------------
# The workbook's counts


def dashboard_block(ws, column, title, width):
    """The rows under the heading `title` in `column` (1-based) of the Dashboard, each
    `width` cells, up to the first blank first cell or a row with no number."""
    top = find_cell(ws, column, title)
    if top == 0:
        return None
    rows = []
    row = top + 2
    while ws.cell(row, column).value and ws.cell(row, column + 1).value is not None:
        rows.append([ws.cell(row, column + c).value for c in range(width)])
        row += 1
    return rows


class Workbook:
    """What the workbook says, counted the way a reader counts it."""

    def __init__(self, wb, framework):
        self.wb = wb
        self.fw = framework
        dash = wb["Dashboard"]
        self.parts = dashboard_block(dash, 1, "Submissions by part", 6) or []
        self.exceptions_dashboard = dashboard_block(dash, 1, "Exceptions by kind", 2) or []
        self.support_dashboard = dashboard_block(dash, 1, "Support asks and challenges by kind", 3) or []
        statuses = framework.get("statuses", [])
        self.status_by_theme = {}
        top = find_cell(dash, 8, "Status by theme")
        for i, theme in enumerate(framework["themes"] if top else []):
            row = top + 2 + i
            check(dash.cell(row, 8).value == theme["name"], "Dashboard status row {} is {}".format(row, theme["name"]))
            self.status_by_theme[theme["name"]] = {s["name"]: dash.cell(row, 9 + j).value for j, s in enumerate(statuses)}
        self.submissions = self.register("Submissions", "Submissions")
        self.exceptions = self.register("Exceptions", "Exceptions")
        self.objectives = self.register("Objectives", "Objectives")
        self.measures = self.register("Measures", "Measures")
        self.plan_measures = sum(int(r["Measures"] or 0) for r in self.objectives)
        self.progress = self.register("Progress", "Progress")
        self.asks = self.register("Support asks", "SupportAsks")
        self.challenges_risks = self.register("Challenges & risks", "ChallengesRisks")
        self.highlights = self.register("Highlights", "Highlights")
        self.overlaps = self.register("Gaps & overlaps", "Overlaps")
        fb = wb["Feedback"]
        self.conversations, self.groups, self.people = fb["B2"].value, fb["B3"].value, fb["B4"].value
        self.conversation_rows = self.register("Feedback", "Conversations")
        self.answers = self.register("Feedback", "Feedback")
        concern = {s["name"] for s in statuses if s.get("escalate") or s.get("rag") in ("amber", "red")}
        self.at_risk = sum(1 for r in self.progress if r["Status"] in concern)

    def register(self, sheet, table):
        """The rows of a sheet's table as text, keyed by header ([] when there is none)."""
        if sheet not in self.wb.sheetnames:
            return []
        return [{k: text_of(v) for k, v in r.items()} for r in table_rows(self.wb[sheet], table)]

    def missing(self, part_name):
        """The names of the Submissions sheet's missing rows of a part ("Autumn review of
        2025-26" is the part "autumn review")."""
        return [r["Name"] for r in self.submissions
                if r["File"] == "(none)" and part_name.lower().startswith(r["Part"])]

    def gaps(self, title):
        """The names listed under `title` on the Gaps & overlaps sheet ("Name (id)")."""
        ws = self.wb["Gaps & overlaps"]
        row = find_cell(ws, 1, title)
        out = []
        if row == 0:
            return None
        row += 1
        while ws.cell(row, 1).value and not str(ws.cell(row, 1).value).startswith("None:"):
            out.append(re.sub(r" \([^()]*\)$", "", ws.cell(row, 1).value))
            row += 1
        return out


# ---------------------------------------------------------------------------------------
# The report data against the workbook


def check_data_round(d, w, label):
    """Every count of a Board paper's (or a group summary's) data against the workbook."""
    # Parts: expected, received, valid, late, missing, and who is missing.
    got = [[p["name"], p["expected"], p["received"], p["valid"], p["late"], p["missing"]] for p in d["parts"]]
    check(got == w.parts, "{}: parts {} != the Dashboard's {}".format(label, got, w.parts))
    for p in d["parts"]:
        names = [s["name"] for s in p["missing_submitters"]]
        check(len(names) == p["missing"], "{}: {} names {} missing, counts {}".format(label, p["name"], len(names), p["missing"]))
        check(names == w.missing(p["name"]),
              "{}: {} missing {} != the Submissions sheet's {}".format(label, p["name"], names, w.missing(p["name"])))
    check(d["any_missing"] == any(p["missing"] for p in d["parts"]), "{}: any_missing".format(label))
    no_plan = [r["Submitter"] for r in w.exceptions if r["Kind"] == "No plan for the cycle"]
    check([s["name"] for s in d["without_plan"]] == no_plan,
          "{}: without plan {} != the Exceptions sheet's {}".format(label, d["without_plan"], no_plan))

    # Totals.
    t = d["totals"]
    # The measures of the plans' objectives: the Objectives sheet's Measures column (the
    # Measures sheet also lists those of the plans under review in an autumn round).
    want = {"objectives": len(w.objectives), "measures": w.plan_measures, "reviewed": len(w.progress),
            "at_risk": w.at_risk, "support_asks": len(w.asks), "exceptions": len(w.exceptions)}
    got = {k: t[k] for k in want}
    check(got == want, "{}: totals {} != the workbook's {}".format(label, got, want))
    # The objectives at risk or off track, by name: as many as the workbook counts.
    check(len(d["of_concern"]) == w.at_risk, "{}: {} objectives of concern named, the workbook counts {}".format(
        label, len(d["of_concern"]), w.at_risk))
    plan_rows = {(r["Submitter"], r["Objective"].split(": ", 1)[0]) for r in w.objectives}
    in_plans = sum(1 for r in w.measures if (r["Submitter"], r["Objective"]) in plan_rows)
    check(in_plans == t["measures"], "{}: {} measures, the Measures sheet lists {} of the plans' objectives".format(
        label, t["measures"], in_plans))
    plans = sorted({r["Submitter"] for r in w.objectives})
    check(t["plans"] == len(d["appendix"]) and t["plans"] >= len(plans),
          "{}: {} plans, {} in the appendix, {} submitters with objectives".format(label, t["plans"], len(d["appendix"]), plans))

    # Objectives and status by theme.
    by_theme = collections.Counter(r["Theme"] for r in w.objectives)
    progress_by = collections.Counter((r["Theme"], r["Status"]) for r in w.progress)
    check([x["name"] for x in d["themes"]] == [x["name"] for x in w.fw["themes"]], "{}: the themes in order".format(label))
    for theme in d["themes"]:
        name = theme["name"]
        check(theme["objectives"] == by_theme.get(name, 0),
              "{}: {} objectives {} != the Objectives sheet's {}".format(label, name, theme["objectives"], by_theme.get(name, 0)))
        sheet = {k: v for k, v in w.status_by_theme.get(name, {}).items() if v}
        got = {s["name"]: s["count"] for s in theme["statuses"]}
        check(got == sheet, "{}: {} statuses {} != the Dashboard's {}".format(label, name, got, sheet))
        from_progress = {s: n for (th, s), n in progress_by.items() if th == name}
        check(got == from_progress, "{}: {} statuses {} != the Progress sheet's {}".format(label, name, got, from_progress))
        check(theme["reviewed"] == sum(sheet.values()), "{}: {} reviewed {}".format(label, name, theme["reviewed"]))
        check(all(s["count"] > 0 for s in theme["statuses"]), "{}: {} lists only statuses with a count".format(label, name))

    # Change since the review before: the Progress sheet's directions.
    directions = collections.Counter(r["Direction"] for r in w.progress)
    c = d["changes"]
    got = {"better": c["better"], "same": c["same"], "worse": c["worse"], "new": c["new"],
           "not comparable": c["not_comparable"]}
    want = {k: directions.get(k, 0) for k in got}
    check(got == want and c["reviewed"] == len(w.progress), "{}: changes {} != the Progress sheet's {}".format(label, got, want))
    check(len(c["worse_objectives"]) == c["worse"], "{}: every worse objective is named".format(label))

    # Support asks by kind, and the challenges of each kind.
    asks = collections.Counter(r["Kind of support"] for r in w.asks)
    challenges = collections.Counter(r["Kind of support"] for r in w.challenges_risks if r["Kind"] == "Challenge")
    got = [(r["kind"], r["asks_count"], r["challenges_count"]) for r in d["recommendations"]]
    want = [(k, n, challenges.get(k, 0)) for k, n, _ in w.support_dashboard if n]
    check(got == want, "{}: support asks by kind {} != the Dashboard's {}".format(label, got, want))
    check({k: n for k, n, _ in got} == dict(asks), "{}: support asks by kind {} != the Support asks sheet's {}".format(
        label, got, dict(asks)))
    for r in d["recommendations"]:
        check(len(r["asks"]) == r["asks_count"], "{}: {} lists its {} asks".format(label, r["kind"], r["asks_count"]))
        who = sorted({row["Name"] for row in w.asks if row["Kind of support"] == r["kind"]})
        check(r["submitters_count"] == len(who), "{}: {} asked by {} != {}".format(label, r["kind"], r["submitters_count"], who))
        ids = {(row["Submitter"], x) for row in w.asks if row["Kind of support"] == r["kind"]
               for x in re.split(r"[,\n]\s*", row["Objectives"]) if x}
        check(r["objectives_count"] == len(ids) == len(r["objectives"]),
              "{}: {} objectives depending {} != the Support asks sheet's {}".format(label, r["kind"], r["objectives_count"], ids))
    check(len(d["challenges"]) == sum(challenges.values()), "{}: challenges {} != the sheet's {}".format(
        label, len(d["challenges"]), sum(challenges.values())))

    # Risks: the Challenges & risks sheet's, high ones first.
    # A template whose autumn review is missing keeps its spring risks on the paper, marked
    # so; the sheet lists the round's reviews only, the Exceptions sheet every high risk.
    risks = [r for r in w.challenges_risks if r["Kind"].startswith("Risk")]
    own = [r for r in d["risks"] if not r["review"].endswith("(the autumn review is missing)")]
    check(len(own) == len(risks), "{}: risks {} != the sheet's {}".format(label, len(own), len(risks)))
    check(sum(1 for r in own if r["high"]) == sum(1 for r in risks if r["Kind"] == "Risk (high)"),
          "{}: high risks".format(label))
    high_exceptions = sum(x["count"] for x in d["exceptions"] if x["name"] == "High risk")
    check(d["high_risks"] == high_exceptions,
          "{}: high risks {} != the High risk exceptions {}".format(label, d["high_risks"], high_exceptions))
    levels = {"high": 3, "medium": 2, "low": 1}
    scores = [levels.get(r["likelihood"], 0) * levels.get(r["impact"], 0) for r in d["risks"]]
    check(scores == sorted(scores, reverse=True), "{}: risks highest first: {}".format(label, scores))
    for field, kind in (("highlights", "Highlight"), ("learning", "Learning")):
        n = sum(1 for r in w.highlights if r["Kind"] == kind)
        check(len(d[field]) == n, "{}: {} {} != the Highlights sheet's {}".format(label, field, len(d[field]), n))

    # Exceptions by kind.
    kinds = collections.Counter(r["Kind"] for r in w.exceptions)
    got = [[x["name"], x["count"]] for x in d["exceptions"]]
    check(got == w.exceptions_dashboard, "{}: exceptions by kind {} != the Dashboard's {}".format(label, got, w.exceptions_dashboard))
    check(dict((k, n) for k, n in got) == dict(kinds), "{}: exceptions by kind {} != the Exceptions sheet's {}".format(
        label, got, dict(kinds)))
    deep = [r for r in w.exceptions if r["Kind"] == "Deep dive: at risk or off track twice"]
    check([x["id"] for x in d["deep_dives"]["objectives"]] == [r["Objective"].split(": ", 1)[0] for r in deep],
          "{}: deep dives {} != the Exceptions sheet's {}".format(label, d["deep_dives"]["objectives"], deep))

    # Gaps and overlaps.
    dd = d["deep_dives"]
    check(dd["overlaps_total"] == len(w.overlaps), "{}: overlaps {} != the Gaps & overlaps sheet's {}".format(
        label, dd["overlaps_total"], len(w.overlaps)))
    check(len(dd["overlaps"]) + dd["overlaps_not_listed"] == len(w.overlaps) and len(dd["overlaps"]) <= 10,
          "{}: overlaps listed {} and not listed {}".format(label, len(dd["overlaps"]), dd["overlaps_not_listed"]))
    for field, title in (("themes_without_objective", "Themes with no objective"),
                         ("outcomes_without_objective", "Shared outcomes no objective contributes to"),
                         ("focus_without_objective", "Focus areas no objective addresses")):
        check(dd[field] == w.gaps(title), "{}: {} {} != the sheet's {}".format(label, field, dd[field], w.gaps(title)))

    # The appendix: each plan's objectives, as on the Objectives sheet.
    for a in d["appendix"]:
        n = sum(1 for r in w.objectives if r["Submitter"] == a["id"])
        check(a["objectives_count"] == len(a["objectives"]) == n,
              "{}: appendix {} lists {} objectives, the Objectives sheet {}".format(label, a["id"], a["objectives_count"], n))
    check(d["other_framework_files"] == sum(1 for r in w.submissions if r["Part"] == "other framework"),
          "{}: files of another framework".format(label))


def check_data_road_test(d, w, label):
    rt = d["road_test"]
    check((rt["conversations"], rt["groups"], rt["people"]) == (w.conversations, w.groups, w.people),
          "{}: road test {} conversations, {} groups, {} people != the Feedback sheet's {}, {}, {}".format(
              label, rt["conversations"], rt["groups"], rt["people"], w.conversations, w.groups, w.people))
    got = [g["initials"] for g in rt["groups_reached"]]
    check(sorted(got) == sorted(r["Group"] for r in w.conversation_rows) and len(got) == rt["conversations"],
          "{}: conversations {} != the sheet's {}".format(label, got, [r["Group"] for r in w.conversation_rows]))
    check(len(set(got)) == rt["groups"], "{}: {} distinct groups".format(label, rt["groups"]))
    people = sum(int(g["participants"]) for g in rt["groups_reached"] if g["participants"].isdigit())
    check(people == rt["people"], "{}: the groups' people add up to {}: {}".format(label, rt["people"], people))
    answers = collections.Counter(r["Question"] for r in w.answers)
    got = {q["text"]: q["answers_count"] for q in rt["questions"] if q["answers_count"]}
    check(got == dict(answers), "{}: answers by question {} != the sheet's {}".format(label, got, dict(answers)))
    for q in rt["questions"]:
        check(sum(len(a["answers"]) for a in q["areas"]) == q["answers_count"], "{}: {} answers listed".format(label, q["id"]))
    late = sum(1 for r in w.exceptions if r["Kind"] == "Late")
    check(rt["late"] == late, "{}: late conversations {} != the Exceptions sheet's {}".format(label, rt["late"], late))


# ---------------------------------------------------------------------------------------
# The numbers in the papers


def check_paper_round(d, blocks, form, label):
    """A Board paper (HTML or Markdown blocks) shows the data's numbers where the template
    puts them."""
    label = "{} ({})".format(label, form)
    # 1. The parts table, then who is missing from each part.
    purpose = in_section(blocks, "purpose")
    got = rows_after(purpose, "Part")
    want = [[p["name"], p["deadline"], str(p["expected"]), str(p["received"]), str(p["valid"]), str(p["late"]),
             str(p["missing"])] for p in d["parts"]]
    check(got == want, "{}: the parts table {} != {}".format(label, got, want))
    for p in d["parts"]:
        items = items_after(purpose, "Missing from {}:".format(p["name"]))
        want = [s["name"] for s in p["missing_submitters"]] or None
        check(items == want, "{}: missing from {}: {} != {}".format(label, p["name"], items, want))
    everyone = [b for b in purpose if b[2] == "Every expected submission was received."]
    check(bool(everyone) == (not d["any_missing"] and not d["without_plan"]),
          "{}: 'every expected submission' only when none is missing or without a plan".format(label))
    check(d["all_received"] == (not d["any_missing"] and not d["without_plan"]),
          "{}: all_received".format(label))
    if d["without_plan"]:
        items = items_after(purpose, "No plan for {} was received from:".format(d["round"]["review_cycle"]))
        check(items == [s["name"] for s in d["without_plan"]], "{}: without a plan: {}".format(label, items))

    # 2. The headline, sentence by sentence.
    got = [v for _, k, v in in_section(blocks, "headline") if k == "li"]
    want = [norm(h) for h in d["headline"]]
    if d["objectives_by_theme_text"]:
        want.append("Objectives by theme: {}.".format(d["objectives_by_theme_text"]))
    if d["at_risk_by_theme_text"]:
        want.append("At risk or off track by theme, of those reviewed: {}.".format(d["at_risk_by_theme_text"]))
    check(got == want, "{}: headline {} != {}".format(label, got, want))

    # 3. Totals, and each theme's objectives and statuses.
    themes = in_section(blocks, "themes")
    t = d["totals"]
    sentence = "{} from {} for {}; {} in this round, {} of them at risk or off track.".format(
        counted(t["objectives"], "objective"), counted(t["plans"], "plan"), d["round"]["plan_cycle"],
        counted(t["reviewed"], "objective review"), t["at_risk"])
    check(any(v == sentence for _, k, v in themes if k == "p"), "{}: the totals sentence {!r}".format(label, sentence))
    for theme in d["themes"]:
        text = "{}.".format(counted(theme["objectives"], "objective"))
        if theme["reviewed"]:
            text += " Of {} reviewed: {}.".format(theme["reviewed"], theme["status_text"])
            for s in theme["statuses"]:
                check("{} {}".format(s["name"], s["count"]) in theme["status_text"],
                      "{}: {}'s status text names {} {}".format(label, theme["name"], s["name"], s["count"]))
        if theme["not_reviewed"]:
            text += (" {} not reviewed in this round (their review is missing or has no entry for "
                     "them).").format(theme["not_reviewed"])
        at = [i for i, b in enumerate(themes) if b[1] == "h3" and b[2] == theme["name"]]
        check(len(at) == 1 and themes[at[0] + 1][2] == text,
              "{}: theme {} reads {!r}".format(label, theme["name"], themes[at[0] + 1][2] if at else None))
    c = d["changes"]
    if c["compared"]:
        sentence = ("Of {} reviewed, {} moved to a better status, {} stayed the same and {} moved to a worse "
                    "one{}.").format(counted(c["reviewed"], "objective"), c["better"], c["same"], c["worse"],
                                     "; {} had nothing to compare with".format(c["new"]) if c["new"] else "")
        check(any(v == sentence for _, k, v in themes if k == "p"), "{}: the change sentence {!r}".format(label, sentence))
        check(len(rows_after(themes, "Objective")) == c["worse"], "{}: a row for each worse objective".format(label))

    # 5. Risks: one row each.
    rows = rows_after(in_section(blocks, "challenges"), "Risk")
    check(len(rows) == len(d["risks"]), "{}: {} risk rows, {} risks".format(label, len(rows), len(d["risks"])))
    check(sum(1 for r in rows if r[0].startswith("High:")) == d["high_risks"], "{}: the high risks marked".format(label))
    challenges = [b for b in in_section(blocks, "challenges") if b[1] == "li"]
    check(len(challenges) == len(d["challenges"]), "{}: {} challenges listed, {}".format(label, len(challenges), len(d["challenges"])))

    # 6. Recommendations: each kind's asks, counted and listed.
    rec = in_section(blocks, "recommendations")
    for r in d["recommendations"]:
        at = [i for i, b in enumerate(rec) if b[1] == "h3" and b[2] == r["kind"]]
        check(len(at) == 1, "{}: a recommendation on {}".format(label, r["kind"]))
        if not at:
            continue
        ask = rec[at[0] + 1][2]
        check(": {} {} from ".format(r["asks_count"], "ask" if r["asks_count"] == 1 else "asks") in ask,
              "{}: {} asks counted: {!r}".format(label, r["kind"], ask))
        if r["objectives_count"]:
            check(", on which {} objective".format(r["objectives_count"]) in ask,
                  "{}: {} objectives counted: {!r}".format(label, r["kind"], ask))
        items = []
        for _, k, v in rec[at[0] + 2:]:
            if k != "li":
                break
            items.append(v)
        check(len(items) == r["asks_count"], "{}: {} lists {} asks: {}".format(label, r["kind"], r["asks_count"], items))

    # 7. Deep dives and overlaps.
    deep = in_section(blocks, "deep-dives")
    dd = d["deep_dives"]
    check(len(rows_after(deep, "Objective")) == len(dd["overlaps"]),
          "{}: {} overlap rows, {} listed".format(label, len(rows_after(deep, "Objective")), len(dd["overlaps"])))
    more = "{} more pairs are listed on the workbook's Gaps & overlaps sheet.".format(dd["overlaps_not_listed"])
    check(any(v == more for _, _, v in deep) == (dd["overlaps_not_listed"] > 0), "{}: the pairs not listed".format(label))
    items = items_after(deep, "At risk or off track in two reviews running") or []
    check(len(items) == len(dd["objectives"]), "{}: deep-dive objectives listed {}".format(label, items))

    # 8. Exceptions by kind, then one section per plan.
    appendix = in_section(blocks, "appendix")
    got = [[r[0], r[2]] for r in rows_after(appendix, "Exception")]
    want = [[x["name"], str(x["count"])] for x in d["exceptions"]]
    check(got == want, "{}: the exceptions table {} != {}".format(label, got, want))
    names = [v for _, k, v in appendix if k == "h3" and not v.startswith("Exceptions for")]
    check(names == [a["name"] for a in d["appendix"]], "{}: the appendix's submitters {}".format(label, names))
    rows = rows_after(appendix, "Id")
    with_objectives = [a for a in d["appendix"] if a["objectives"]]
    check(len(rows) == (len(with_objectives[0]["objectives"]) if with_objectives else 0),
          "{}: the first plan's objective rows".format(label))
    total = sum(1 for _, k, v in appendix if k == "tr" and v and v[0] not in ("Id", "Exception")) - len(d["exceptions"])
    check(total == t["objectives"], "{}: {} objective rows in the appendix, {} objectives".format(label, total, t["objectives"]))


def check_paper_road_test(d, blocks, form, label):
    label = "{} ({})".format(label, form)
    rt = d["road_test"]
    purpose = in_section(blocks, "purpose")
    rows = rows_after(purpose, "Group")
    got = [(r[0], r[3]) for r in rows]
    want = [(g["initials"], g["participants"]) for g in rt["groups_reached"]]
    check(got == want, "{}: the conversations table {} != {}".format(label, got, want))
    check(len(rows) == rt["conversations"], "{}: one row a conversation".format(label))
    got = [v for _, k, v in purpose if k == "li" and not v.startswith(tuple(r["role"] for r in rt["roles"]))]
    check(got[:len(d["headline"])] == [norm(h) for h in d["headline"]], "{}: headline {}".format(label, got))
    check("{} road-test conversations with {} groups reached {} people.".format(rt["conversations"], rt["groups"], rt["people"])
          in d["headline"][0], "{}: the headline counts: {}".format(label, d["headline"][0]))
    feedback = in_section(blocks, "feedback")
    for q in rt["questions"]:
        at = [i for i, b in enumerate(feedback) if b[1] == "h3" and b[2] == norm(q["text"])]
        check(len(at) == 1, "{}: a heading for {}".format(label, q["id"]))
        if at:
            want = "{} {}.".format(q["answers_count"], "answer" if q["answers_count"] == 1 else "answers")
            check(feedback[at[0] + 1][2] == want, "{}: {} reads {!r}".format(label, q["id"], feedback[at[0] + 1][2]))
    answers = [b for b in feedback if b[1] == "li"]
    check(len(answers) == sum(q["answers_count"] for q in rt["questions"]), "{}: every answer listed".format(label))


def check_html_safety(parser, label):
    """The styles the paper writes hold only colours of the form #RRGGBB and percentages."""
    for style in parser.style_attrs:
        for value in re.findall(r"background:\s*([^;]+)", style):
            check(re.fullmatch(r"#[0-9A-Fa-f]{6}", value.strip()), "{}: a background {!r}".format(label, value))
        check("url(" not in style and "expression" not in style, "{}: style {!r}".format(label, style))


def check_papers(d, html_text, md_text, label):
    if html_text is None or md_text is None or d is None:
        return
    parser = html_blocks(html_text)
    road = d["kind"] == "road-test"
    md = md_blocks(md_text, MD_ROAD_SECTIONS if road else MD_SECTIONS)
    check_html_safety(parser, label)
    for form, blocks in (("HTML", parser.blocks), ("Markdown", md)):
        if road:
            check_paper_road_test(d, blocks, form, label)
        else:
            check_paper_round(d, blocks, form, label)
    if not road:
        # The status bars' titles count each status of each theme.
        # The status bars' titles count each status of each theme, then those not reviewed.
        want = []
        for t in d["themes"]:
            want += ["{}: {}".format(s["name"], s["count"]) for s in t["statuses"]]
            if t["not_reviewed"]:
                want.append("Not reviewed: {}".format(t["not_reviewed"]))
        check(parser.titles == want, "{} (HTML): the status bars {} != {}".format(label, parser.titles, want))


# ---------------------------------------------------------------------------------------
# Cases


def check_board_case(hiplan, inputs, round_name, generated, framework, label, cwd_tmp):
    wb, d, html_text, md_text = produce(hiplan, inputs, round_name, generated, cwd_tmp)
    if wb is None or d is None:
        return
    w = Workbook(wb, framework)
    if d["kind"] == "road-test":
        check_data_road_test(d, w, label)
    else:
        check(d["kind"] == "board-paper", "{}: a Board paper: {}".format(label, d["kind"]))
        check(d["round"]["id"] == (round_name or d["round"]["id"]), "{}: round {}".format(label, d["round"]["id"]))
        check(str(wb["Dashboard"]["E3"].value).startswith(d["round"]["id"] + ": " + d["round"]["chosen"]),
              "{}: the round and how it was chosen: {!r}".format(label, wb["Dashboard"]["E3"].value))
        check_data_round(d, w, label)
    check_papers(d, html_text, md_text, label)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def submitter_type(doc, registry):
    s = doc.get("submitter", {})
    return registry.get(s.get("id"), {}).get("type", s.get("type"))


def check_group_case(hiplan, source, framework, group, tmp):
    """A group's summary: only the group's submitters are expected, only their plans are in
    the appendix, and its figures are those of a workbook of the group's files alone."""
    label = "examples 2026-autumn --group " + group
    examples = os.path.join(source, "examples")
    round_name = "2026-autumn"
    registry = {s["id"]: s for s in framework["submitters"]}
    members = [s for s in framework["submitters"] if s["type"] == group]
    others = [s for s in framework["submitters"] if s["type"] != group]
    paths = sorted(os.path.join(examples, n) for n in os.listdir(examples) if n.endswith(".yaml"))
    docs = [(p, load(p)) for p in paths]
    mine = [p for p, doc in docs if doc.get("kind") == "template" and submitter_type(doc, registry) == group]
    check(bool(mine), "{}: the examples hold a template of the group".format(label))

    _, d, html_text, md_text = produce(hiplan, [examples], round_name, GENERATED, tmp, compile_too=False,
                                       extra=["--group", group])
    if d is None:
        return
    check(d["kind"] == "group-summary" and d["group"]["id"] == group, "{}: a group summary: {} {}".format(
        label, d["kind"], d["group"]))
    setting, review = d["parts"][0], d["parts"][1]
    check(setting["expected"] == len(members),
          "{}: objective setting expects the {} registry submitters of type {}: {}".format(
              label, len(members), group, setting["expected"]))
    review_cycle = d["round"]["review_cycle"]
    with_plan = {doc["submitter"]["id"] for p, doc in docs if p in mine and doc.get("cycle") == review_cycle}
    check(review["expected"] == len(with_plan & set(registry)),
          "{}: the review expects the group's submitters with a plan of {}: {}".format(label, review_cycle, review["expected"]))
    member_names = {s["name"] for s in members}
    for p in d["parts"]:
        check(all(s["name"] in member_names for s in p["missing_submitters"]),
              "{}: missing from {} only the group's: {}".format(label, p["name"], p["missing_submitters"]))
    check(all(a["type"] == group for a in d["appendix"]), "{}: the appendix's types {}".format(
        label, [a["type"] for a in d["appendix"]]))
    # No other group's submitter is named in the appendix of either paper.
    if html_text is not None and md_text is not None:
        other_names = [s["name"] for s in others]
        html_appendix = " ".join(norm(" ".join(v) if isinstance(v, list) else v)
                                 for _, _, v in in_section(html_blocks(html_text).blocks, "appendix"))
        md_appendix = " ".join(norm(" ".join(v) if isinstance(v, list) else v)
                               for _, _, v in in_section(md_blocks(md_text, MD_SECTIONS), "appendix"))
        for form, text in (("HTML", html_appendix), ("Markdown", md_appendix)):
            named = [n for n in other_names if n in text]
            check(not named, "{} ({}): the appendix names other groups' submitters: {}".format(label, form, named))
            check(all(a["name"] in text for a in d["appendix"]), "{} ({}): the appendix names the group's plans".format(
                label, form))
        check_papers(d, html_text, md_text, label)

    # The same figures as a workbook of the group's files alone, but for what depends on
    # whom the registry expects (its Missing submission and No plan rows).
    with tempfile.TemporaryDirectory() as alone_tmp:
        wb, alone, _, _ = produce(hiplan, mine, round_name, GENERATED, alone_tmp)
    if wb is None or alone is None:
        return
    w = Workbook(wb, framework)
    t = d["totals"]
    got = {k: t[k] for k in ("objectives", "measures", "reviewed", "at_risk", "support_asks", "plans")}
    want = {"objectives": len(w.objectives), "measures": w.plan_measures, "reviewed": len(w.progress),
            "at_risk": w.at_risk, "support_asks": len(w.asks), "plans": alone["totals"]["plans"]}
    check(got == want, "{}: totals {} != the group's files' workbook {}".format(label, got, want))
    for theme in d["themes"]:
        sheet = {k: v for k, v in w.status_by_theme.get(theme["name"], {}).items() if v}
        check({s["name"]: s["count"] for s in theme["statuses"]} == sheet,
              "{}: {} statuses != the group's workbook's {}".format(label, theme["name"], sheet))
        n = sum(1 for r in w.objectives if r["Theme"] == theme["name"])
        check(theme["objectives"] == n, "{}: {} objectives {} != {}".format(label, theme["name"], theme["objectives"], n))
    registry_kinds = ("Missing submission", "No plan for the cycle")
    got = {x["name"]: x["count"] for x in d["exceptions"] if x["name"] not in registry_kinds}
    want = dict(collections.Counter(r["Kind"] for r in w.exceptions if r["Kind"] not in registry_kinds))
    check(got == want, "{}: exceptions by kind {} != the group's workbook's {}".format(label, got, want))
    got = [(r["kind"], r["asks_count"]) for r in d["recommendations"]]
    want = [(k, n) for k, n, _ in w.support_dashboard if n]
    check(got == want, "{}: support asks by kind {} != {}".format(label, got, want))
    check(d["deep_dives"]["overlaps_total"] == len(w.overlaps), "{}: overlaps".format(label))
    for p, q in zip(d["parts"], w.parts):
        check((p["received"], p["valid"], p["late"]) == tuple(q[2:5]),
              "{}: {} received, valid, late {} != the group's workbook's {}".format(label, p["name"], p, q))


def main():
    hiplan, source, framework_file, case = sys.argv[1:5]
    hiplan, source = os.path.abspath(hiplan), os.path.abspath(source)
    framework = load(framework_file)
    with tempfile.TemporaryDirectory() as tmp:
        if case.startswith("examples-"):
            round_name = case[len("examples-"):]
            check_board_case(hiplan, [os.path.join(source, "examples")], round_name, GENERATED, framework,
                             "examples " + round_name, tmp)
        elif case.startswith("round-"):
            folder, round_name, generated = ROUND_CASES[case[len("round-"):]]
            check_board_case(hiplan, [os.path.join(source, "tests", "workbook", "round", folder)], round_name,
                             generated, framework, case, tmp)
        elif case == "road-test":
            examples = os.path.join(source, "examples")
            feedback = sorted(os.path.join(examples, n) for n in os.listdir(examples) if n.startswith("feedback-"))
            leeds = load(os.path.join(source, "schemas", "frameworks", "leeds-thig.yaml")) if os.path.exists(
                os.path.join(source, "schemas", "frameworks", "leeds-thig.yaml")) else framework
            check_board_case(hiplan, feedback, None, GENERATED, leeds, "road test", tmp)
        elif case.startswith("group-"):
            check_group_case(hiplan, source, framework, case[len("group-"):], tmp)
        else:
            check(False, "unknown case {}".format(case))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
