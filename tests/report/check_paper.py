#!/usr/bin/env python3
"""Checks `hiplan report`'s paper as its readers get it: a strict HTML parser, then a real
browser that prints it.

For each case the real binary writes the paper (HTML) and its report data (JSON) of the
same round. The HTML must parse with html5lib in strict mode (any parse error fails) and
pass static checks: <html lang="en-GB">, a <title>, no <script>, nothing loaded from outside
(no src/href to http(s):, file: or //, no url( or @import in CSS), one h1 and then the
paper's h2 sections in order, a header row of <th> cells in every table, no control
characters, no unrendered Mustache tag and no empty clause such as "(Name, )".

Unless --static-only, headless Chromium then prints the HTML to PDF, and poppler reads
the PDF back: pdfinfo (A4, the page count), pdftotext -layout (every section heading,
every missing submitter, every recommendation and its "The Board is asked to" sentence,
"Page N of M" on every page) and pdftotext -bbox (every word inside the page's printable
area, no two words drawn over each other). The first page is saved as a PNG (pdftoppm -r
60) beside the paper in OUT_DIR/CASE, to look at.

    check_paper.py HIPLAN SOURCE_DIR OUT_DIR [--static-only] CASE...

CASE is one of CASES below, or `all`. Without a browser or poppler the check is skipped
(exit 77) unless HIPLAN_REQUIRE_CLIENTS is set (CI sets it after .ci/clients installs
them): then a missing client fails.
"""
import collections
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys

import html5lib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import FAILURES, check, finish  # noqa: E402

SKIP = 77

BOARD_SECTIONS = [
    "1. Purpose and the round",
    "2. Headline",
    "3. Key themes",
    "4. Highlights",
    "5. Challenges and risks",
    "6. Recommendations on system-level support",
    "7. Suggested deep-dive areas",
    "8. Appendix: submitters",
]
ROAD_TEST_SECTIONS = [
    "1. Purpose and who we reached",
    "2. What people said, question by question",
    "3. Recommendations and next steps",
]

# case: (inputs relative to the source tree or "hostile", extra arguments)
CASES = collections.OrderedDict([
    ("board-2026-spring", (["examples"], ["--round", "2026-spring", "--generated", "2026-04-20"])),
    ("board-2025-autumn", (["examples"], ["--round", "2025-autumn", "--generated", "2025-10-20"])),
    ("board-2026-autumn", (["examples"], ["--round", "2026-autumn", "--generated", "2026-11-20"])),
    ("group-ilp", (["examples"], ["--round", "2026-spring", "--group", "ilp",
                                  "--generated", "2026-04-20"])),
    ("group-cpg", (["examples"], ["--round", "2026-spring", "--group", "cpg",
                                  "--generated", "2026-04-20"])),
    ("group-organisation", (["examples"], ["--round", "2026-spring", "--group", "organisation",
                                           "--generated", "2026-04-20"])),
    ("road-test", (["examples/feedback-*.yaml"], ["--generated", "2026-04-20"])),
    ("hostile", (["hostile"], ["--round", "2026-spring", "--generated", "2026-04-20"])),
])

# What the hostile case puts into a copy of an example template.
SCRIPT = "<script>alert(1)</script>"
QUOTES = "\"quotes\" & ampersands <b>not bold</b> 'single' &amp; &lt;"
LONG_WORD = ("Equitable" * 34)[:300]
EMOJI_RTL = "Interpreting 🩺👩🏽‍⚕️🇬🇧 for Arabic speakers: الصحة للجميع, and Hebrew: שלום עליכם"
HOSTILE_TITLES = {
    "GHC-1": "Raise uptake " + SCRIPT + " in Core20 neighbourhoods",
    "GHC-2": "Fund carers' groups, " + QUOTES,
    "GHC-3": "Record needs " + LONG_WORD + " at referral",
    "GHC-4": EMOJI_RTL,
}
HOSTILE_HIGHLIGHTS = [SCRIPT + " ran in a community venue", QUOTES, LONG_WORD, EMOJI_RTL]

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EXTERNAL = re.compile(r"^\s*(https?:|file:|//)", re.I)
URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background",
                  "cite", "longdesc", "manifest", "xlink:href"}
EMPTY_CLAUSE = re.compile(r"\(\s*[,;]|[,;]\s*\)|\(\s*\)")

Word = collections.namedtuple("Word", "x0 y0 x1 y1 text")


def local(tag):
    """An element's name without html5lib's namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def squeeze(text):
    """Text without any white space: what is left of a phrase however it was wrapped."""
    return re.sub(r"\s+", "", text)


# ---- the inputs and the binary --------------------------------------------------------------

def yaml_string(text):
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def make_hostile(source_dir, into):
    """The examples of the 2025-26 cycle, with GHC's objective titles and spring highlights
    replaced by hostile text; the file must still lint clean enough to be included."""
    os.makedirs(into, exist_ok=True)
    for path in glob.glob(os.path.join(source_dir, "examples", "*.yaml")):
        if not os.path.basename(path).startswith("feedback-"):
            shutil.copy(path, into)
    path = os.path.join(into, "ghc-2025-26.yaml")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, objective, in_spring, highlights_done = [], None, False, False
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^    - id: (GHC-\d)$", line)
        if m:
            objective = m[1]
        m = re.match(r"^(      title: ).*$", line)
        if m and objective in HOSTILE_TITLES:
            line = m[1] + yaml_string(HOSTILE_TITLES[objective])
        if line == "  - period: spring":
            in_spring = True
        if in_spring and not highlights_done and line == "    highlights:":
            out.append(line)
            out.extend("      - " + yaml_string(h) for h in HOSTILE_HIGHLIGHTS)
            i += 1
            while i < len(lines) and lines[i].startswith("      - "):
                i += 1
            highlights_done = True
            continue
        out.append(line)
        i += 1
    text = "\n".join(out)
    for title in HOSTILE_TITLES.values():
        if yaml_string(title) not in text:
            raise SystemExit("the hostile copy lost a title: has examples/ghc-2025-26.yaml changed?")
    if not highlights_done:
        raise SystemExit("the hostile copy has no spring highlights: has examples/ghc-2025-26.yaml "
                         "changed?")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return [into]


def inputs_of(case, source_dir, work):
    paths, _ = CASES[case]
    if paths == ["hostile"]:
        return make_hostile(source_dir, os.path.join(work, "inputs"))
    out = []
    for p in paths:
        found = sorted(glob.glob(os.path.join(source_dir, p)))
        if not found:
            raise SystemExit("no input matches " + p)
        out.extend(found)
    return out


def write_paper(hiplan, case, inputs, work):
    """Runs the binary for the HTML and the JSON of the same round; their paths."""
    _, extra = CASES[case]
    outputs = {}
    for ext in ("html", "json"):
        out = os.path.join(work, "paper." + ext)
        proc = subprocess.run([hiplan, "report", *inputs, *extra, "-o", out, "--force",
                               "--color", "never"], capture_output=True, text=True, timeout=120)
        check(proc.returncode == 0 and os.path.isfile(out),
              "{}: hiplan report -o paper.{} exited {}:\n{}{}".format(
                  case, ext, proc.returncode, proc.stdout, proc.stderr))
        outputs[ext] = out
    return outputs["html"], outputs["json"]


# ---- the static checks ----------------------------------------------------------------------

def expected_sections(data):
    return ROAD_TEST_SECTIONS if data.get("is_road_test") else BOARD_SECTIONS


def check_html(case, raw, data):
    """The strict parse and the static checks; the parsed document, or None."""
    try:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        doc = parser.parse(raw)
    except html5lib.html5parser.ParseError as e:
        check(False, "{}: the HTML is not well formed (html5lib, strict): {}".format(case, e))
        return None
    check(not parser.errors, "{}: html5lib reported {}".format(case, parser.errors))
    check(local(doc.tag) == "html" and doc.get("lang") == "en-GB",
          "{}: the root is not <html lang=\"en-GB\"> but <{} lang={!r}>".format(
              case, local(doc.tag), doc.get("lang")))
    titles = [e for e in doc.iter() if local(e.tag) == "title"]
    check(len(titles) == 1 and text_of(titles[0]),
          "{}: the paper needs one non-empty <title>, has {}".format(case, len(titles)))
    elements = [e for e in doc.iter() if isinstance(e.tag, str)]
    for e in elements:
        name = local(e.tag)
        check(name not in ("script", "iframe", "object", "embed", "link", "base", "frame"),
              "{}: the paper has a <{}> element".format(case, name))
        for attribute, value in e.attrib.items():
            attribute = local(attribute)
            check(not attribute.startswith("on"),
                  "{}: <{} {}=...> is an event handler".format(case, name, attribute))
            if attribute in URL_ATTRIBUTES:
                check(not EXTERNAL.match(value) and not value.strip().lower().startswith(
                    "javascript:"),
                      "{}: <{} {}={!r}> loads from outside".format(case, name, attribute, value))
            if attribute == "style":
                check_css(case, value, "a style attribute of <{}>".format(name))
        if name == "style":
            check_css(case, "".join(e.itertext()), "<style>")
    check(not CONTROL.search(raw), "{}: the HTML holds a control character at {}".format(
        case, CONTROL.search(raw).start() if CONTROL.search(raw) else None))
    check("{{" not in raw and "}}" not in raw, "{}: an unrendered Mustache tag".format(case))

    headings = [(local(e.tag), text_of(e)) for e in elements
                if re.fullmatch(r"h[1-6]", local(e.tag))]
    check(headings and headings[0][0] == "h1",
          "{}: the first heading is not the h1: {}".format(case, headings[:1]))
    check(sum(1 for h in headings if h[0] == "h1") == 1,
          "{}: {} h1 headings, not one".format(case, sum(1 for h in headings if h[0] == "h1")))
    sections = [t for level, t in headings if level == "h2"]
    check(sections == expected_sections(data),
          "{}: the sections are\n  {}\nnot\n  {}".format(case, sections, expected_sections(data)))
    check(all(level in ("h1", "h2", "h3") for level, _ in headings),
          "{}: headings below h3: {}".format(case, [h for h in headings if h[0] > "h3"]))
    before_first_h2 = headings[:headings.index(("h2", sections[0]))] if sections else headings
    check(all(level == "h1" for level, _ in before_first_h2),
          "{}: a heading before the first section: {}".format(case, before_first_h2))

    for n, table in enumerate(e for e in elements if local(e.tag) == "table"):
        rows = [r for r in table.iter() if local(r.tag) == "tr"]
        first = [c for c in rows[0] if local(c.tag) in ("th", "td")] if rows else []
        check(first and all(local(c.tag) == "th" for c in first),
              "{}: table {} has no header row of <th> cells".format(case, n + 1))
        for r in rows:
            check(all(text_of(c) or local(c.tag) == "td" for c in r if local(c.tag) == "th"),
                  "{}: table {} has an empty header cell".format(case, n + 1))

    body = next(e for e in elements if local(e.tag) == "body")
    for e in body.iter():
        if local(e.tag) in ("p", "li", "td", "th", "h1", "h2", "h3"):
            t = text_of(e)
            check(not EMPTY_CLAUSE.search(t),
                  "{}: an empty clause in <{}>: {!r}".format(case, local(e.tag), t))
    check_data_in_html(case, doc, data)
    return doc


def check_css(case, css, where):
    check("url(" not in css.lower().replace(" ", ""), "{}: url( in {}".format(case, where))
    check("@import" not in css.lower(), "{}: @import in {}".format(case, where))
    check("expression(" not in css.lower(), "{}: expression( in {}".format(case, where))


def check_data_in_html(case, doc, data):
    """What the report data says must be in the paper: the appendix's statuses (an objective
    not yet reviewed says so), the missing submitters and the recommendations."""
    text = text_of(doc)
    for part in data.get("parts", []):
        for who in part["missing_submitters"]:
            check(who["name"] in text, "{}: missing submitter {!r} not in the HTML".format(
                case, who["name"]))
    for r in data.get("recommendations", []):
        check(r["kind"] in text, "{}: recommendation {!r} not in the HTML".format(case, r["kind"]))
    cells = {}
    for tr in doc.iter():
        if local(tr.tag) == "tr":
            row = [text_of(c) for c in tr if local(c.tag) in ("td", "th")]
            if len(row) == 4:
                cells.setdefault(row[0], []).append(row)
    for submitter in data.get("appendix", []):
        for o in submitter["objectives"]:
            # A missing review reads as such, with the last status: never as a blank.
            want = o["status"] or (" ".join(("Not reviewed: " + o["not_reviewed"]).split())
                                   if o["not_reviewed"] else "Not yet reviewed")
            rows = [r for r in cells.get(o["id"], []) if r[1] == " ".join(o["title"].split())]
            check(rows and rows[0][3] == want,
                  "{}: the appendix row of {} says {!r}, not {!r}".format(
                      case, o["id"], rows[0][3] if rows else None, want))


def check_hostile_html(doc, raw):
    text = text_of(doc)
    check(not any(local(e.tag) == "script" for e in doc.iter()),
          "hostile: a <script> element reached the paper")
    check(not any(local(e.tag) == "b" for e in doc.iter()),
          "hostile: a <b> element of the input reached the paper")
    check("<script>" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw,
          "hostile: <script> is not escaped as &lt;script&gt; in the HTML")
    for t in list(HOSTILE_TITLES.values()) + HOSTILE_HIGHLIGHTS:
        check(" ".join(t.split()) in text, "hostile: {!r} is not shown as text".format(t[:60]))


# ---- the browser and poppler ----------------------------------------------------------------

def browser_command():
    """The command that prints a page to PDF with the installed headless Chromium, or None."""
    shell = shutil.which("chromium-headless-shell")
    if shell:
        return [shell]
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return [found, "--headless"]
    return None


def missing_clients():
    missing = [] if browser_command() else ["chromium-headless-shell (or chromium)"]
    missing += [t for t in ("pdftotext", "pdftoppm", "pdfinfo") if not shutil.which(t)]
    return missing


def print_to_pdf(case, html_path, work):
    pdf = os.path.join(work, "paper.pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    command = browser_command() + [
        "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
        "--user-data-dir=" + os.path.join(work, "profile"), "--print-to-pdf=" + pdf,
        "file://" + os.path.abspath(html_path)]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=180,
                              stdin=subprocess.DEVNULL)
        log = proc.stdout + proc.stderr
    except subprocess.TimeoutExpired:
        log = "timed out after 180 s"
    shutil.rmtree(os.path.join(work, "profile"), ignore_errors=True)
    if not os.path.isfile(pdf) or os.path.getsize(pdf) == 0:
        check(False, "{}: Chromium printed no PDF:\n{}".format(case, log[-3000:]))
        return None
    return pdf


def read_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [Word(float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
                 for m in re.finditer(r'<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" '
                                      r'xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">(.*?)</word>', page[3])]
        pages.append((float(page[1]), float(page[2]), words))
    return pages


# The print style's page margins (print.css.mustache: 18mm 16mm 20mm 16mm), in points.
MM = 72 / 25.4
MARGIN_LEFT = MARGIN_RIGHT = 16 * MM
SLACK = 1.5  # pt: glyph boxes reach a little past their advance


def overlap(a, b):
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(w, 0) * max(h, 0)


def check_pdf(case, pdf, data):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages_m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size_m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    count = int(pages_m[1]) if pages_m else 0
    check(count >= 1, "{}: pdfinfo finds no page".format(case))
    check(size_m and abs(float(size_m[1]) - 595.28) < 1.5 and abs(float(size_m[2]) - 841.89) < 1.5,
          "{}: the page is not A4 portrait: {}".format(case, size_m[0] if size_m else info))

    layout = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                            text=True).stdout
    page_texts = layout.split("\f")
    if page_texts and not page_texts[-1].strip():
        page_texts.pop()
    check(len(page_texts) == count, "{}: pdftotext reads {} pages, pdfinfo counts {}".format(
        case, len(page_texts), count))
    for n, page in enumerate(page_texts, 1):
        check(re.search(r"Page\s+{}\s+of\s+{}\b".format(n, count), page),
              "{}: page {} does not say 'Page {} of {}'".format(case, n, n, count))
    flat = squeeze(layout)

    def shown(phrase, what):
        check(squeeze(phrase) in flat, "{}: {} {!r} is not on the printed pages".format(
            case, what, phrase))

    for heading in expected_sections(data):
        shown(heading, "the heading")
    for part in data.get("parts", []):
        for who in part["missing_submitters"]:
            shown(who["name"], "the missing submitter")
    for r in data.get("recommendations", []):
        shown(r["kind"], "the recommendation")
        shown(("EAC-I and CPB are asked" if data.get("is_group_summary") else "The Board is asked") +
              " to consider " +
              ("the other asks of the system" if r["is_other"]
               else "system-level support with " + r["kind_lower"]),
              "the ask")
    if data.get("is_board_paper"):
        shown("The Board is asked to provide support and constructive challenge", "the ask")
    road_test = data.get("road_test")
    if road_test:
        for g in road_test["groups_reached"]:
            shown(g["initials"], "the group")
        for q in road_test["questions"]:
            shown(q["text"], "the question")
    if case == "hostile":
        shown(SCRIPT, "the hostile title")
        shown(LONG_WORD, "the long word (whole, however it wraps)")
        shown('"quotes" & ampersands', "the hostile title")

    pages = read_words(pdf)
    check(len(pages) == count, "{}: pdftotext -bbox reads {} pages, pdfinfo counts {}".format(
        case, len(pages), count))
    for n, (width, height, words) in enumerate(pages, 1):
        check(words, "{}: page {} is blank".format(case, n))
        for w in words:
            inside = (w.x0 >= 0 and w.y0 >= 0 and w.x1 <= width and w.y1 <= height)
            check(inside, "{}: page {}: {!r} runs off the page ({:.1f},{:.1f})-({:.1f},{:.1f}) "
                          "of {:.1f} x {:.1f}".format(case, n, w.text[:40], w.x0, w.y0, w.x1,
                                                      w.y1, width, height))
            if inside:
                check(w.x0 >= MARGIN_LEFT - SLACK and w.x1 <= width - MARGIN_RIGHT + SLACK,
                      "{}: page {}: {!r} runs into the side margin (x {:.1f} to {:.1f}; the text "
                      "area is {:.1f} to {:.1f})".format(case, n, w.text[:40], w.x0, w.x1,
                                                         MARGIN_LEFT, width - MARGIN_RIGHT))
        ordered = sorted(words, key=lambda w: w.x0)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.x0 >= a.x1:
                    break
                small = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
                check(small <= 0 or overlap(a, b) <= 0.25 * small,
                      "{}: page {}: {!r} and {!r} are drawn over each other".format(
                          case, n, a.text[:40], b.text[:40]))
    return count


def save_first_page(pdf, work):
    prefix = os.path.join(work, "page")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf, prefix],
                   check=True, timeout=120)
    found = sorted(glob.glob(prefix + "-*.png"))
    check(found and os.path.getsize(found[0]) > 1024, "pdftoppm rendered no first page")
    return found[0] if found else None


# ---- main -----------------------------------------------------------------------------------

def run_case(hiplan, source_dir, out_dir, case, static_only):
    work = os.path.join(out_dir, case)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failures_before = len(FAILURES)
    html_path, json_path = write_paper(hiplan, case, inputs_of(case, source_dir, work), work)
    if len(FAILURES) > failures_before:
        return
    with open(json_path, encoding="utf-8") as f:
        data = json.load(f)
    with open(html_path, encoding="utf-8") as f:
        raw = f.read()
    if case == "hostile":
        titles = [o["title"] for s in data["appendix"] for o in s["objectives"]]
        check(HOSTILE_TITLES["GHC-1"] in titles,
              "hostile: the hostile template was not included in the paper")
    doc = check_html(case, raw, data)
    if doc is not None and case == "hostile":
        check_hostile_html(doc, raw)
    summary = "{}: {} bytes of HTML, strict parse and static checks done".format(case, len(raw))
    if not static_only:
        pdf = print_to_pdf(case, html_path, work)
        if pdf:
            pages = check_pdf(case, pdf, data)
            png = save_first_page(pdf, work)
            summary += "; Chromium printed {} A4 pages; first page: {}".format(pages, png)
    print(summary)


def main():
    args = sys.argv[1:]
    static_only = "--static-only" in args
    args = [a for a in args if a != "--static-only"]
    if len(args) < 4:
        print(__doc__)
        return 2
    hiplan, source_dir, out_dir, cases = args[0], args[1], args[2], args[3:]
    if cases == ["all"]:
        cases = list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        print("unknown case(s): {}; the cases are {}".format(unknown, ", ".join(CASES)))
        return 2
    if not static_only:
        missing = missing_clients()
        if missing:
            required = os.environ.get("HIPLAN_REQUIRE_CLIENTS", "") not in ("", "0")
            print("{} not installed{}".format(", ".join(missing),
                                              ", and HIPLAN_REQUIRE_CLIENTS is set" if required
                                              else ": skipped"))
            return 1 if required else SKIP
    for case in cases:
        run_case(hiplan, os.path.abspath(source_dir), os.path.abspath(out_dir), case, static_only)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
