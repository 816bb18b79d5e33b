#!/usr/bin/env python3
"""Checks a Board workbook as LibreOffice printed it (its PDF), from the words poppler's
pdftotext finds on each page and where it finds them:

  (a) a sheet that prints on several pages repeats its table's header row at the top of
      every page after the first;
  (b) headings sit over their numbers: in every header row (an Excel table's, or a row of
      header cells), each number under a one-word heading over a column of numbers overlaps
      that heading's span across the page;
  (c) no text is tiny: the smallest word on any page is at least MIN_POINTS high, as type.

    check_print.py WORKBOOK.xlsx WORKBOOK.pdf [--need-multipage]

With --need-multipage, at least one sheet with a table must print on several pages (so
that (a) is really checked). Prints what it measured; exits 1 on any failure.
"""
import collections
import html
import re
import subprocess
import sys

import openpyxl

# The height pdftotext gives a word is the font's full height (ascent + descent): for
# Carlito (LibreOffice's Calibri) that is 1.264 times the size in points (measured on this
# workbook's 11 pt cells printed at 100%: 13.9 pt).
HEIGHT_PER_POINT = 1.264
MIN_POINTS = 8.5
HEADER_FILL = "D9E1F2"
NUMBER = re.compile(r"^-?\d[\d,]*(\.\d+)?%?$|^\d{4}-\d{2}-\d{2}$")

Word = collections.namedtuple("Word", "x0 y0 x1 y1 text")

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def read_pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out,
                            re.S):
        words = [Word(float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
                 for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                      r'yMax="([\d.]+)">(.*?)</word>', page[3])]
        pages.append((float(page[1]), float(page[2]), words))
    return pages


def lines_of(words):
    """Words grouped into lines (by their top, to 2 pt), top to bottom."""
    lines = []
    for w in sorted(words, key=lambda w: (w.y0, w.x0)):
        if lines and abs(lines[-1][0].y0 - w.y0) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def sheet_of(page_words, names):
    """The sheet a page prints: its header's first words are the sheet's name."""
    top = lines_of(page_words)[0] if page_words else []
    text = " ".join(w.text for w in sorted(top, key=lambda w: w.x0))
    matches = [n for n in names if text.startswith(n)]
    return max(matches, key=len) if matches else None


def body(words):
    """The page less its header (first line) and footer (last line)."""
    lines = lines_of(words)
    return [w for line in lines[1:-1] for w in line]


def header_rows(ws):
    """(row, first column, last column) of every header row: tables' and header cells'."""
    rows = {}
    for table in ws.tables.values():
        cells = ws[table.ref]
        rows[cells[0][0].row] = (cells[0][0].column, cells[0][-1].column, cells[-1][0].row)
    for row in ws.iter_rows():
        heads = [c for c in row if c.value is not None and c.fill is not None
                 and c.fill.fgColor is not None and str(c.fill.fgColor.rgb).endswith(HEADER_FILL)]
        if heads and heads[0].row not in rows:
            last = heads[0].row
            while ws.cell(last + 1, heads[0].column).value is not None:
                last += 1
            rows[heads[0].row] = (heads[0].column, heads[-1].column, last)
    return rows


def numeric_headings(ws, row, first, last, end):
    """{heading: count of numbers under it} for one-word headings over numbers."""
    out = {}
    for col in range(first, last + 1):
        heading = ws.cell(row, col).value
        values = [ws.cell(r, col).value for r in range(row + 1, end + 1)]
        values = [v for v in values if v is not None and v != ""]
        if (isinstance(heading, str) and " " not in heading.strip() and values
                and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                        for v in values)):
            out[heading.strip()] = len(values)
    return out


def main():
    xlsx, pdf = sys.argv[1], sys.argv[2]
    need_multipage = "--need-multipage" in sys.argv[3:]
    wb = openpyxl.load_workbook(xlsx)
    pages = read_pages(pdf)
    by_sheet = collections.defaultdict(list)
    for number, (_, _, words) in enumerate(pages, 1):
        name = sheet_of(words, wb.sheetnames)
        if name is None:
            fail(f"page {number}: its header does not name a sheet")
            continue
        by_sheet[name].append((number, words))
    print(f"{len(pages)} pages: " + ", ".join(f"{n} {len(p)}" for n, p in by_sheet.items()))

    # (a) The header row repeats at the top of every page after the first.
    multipage = 0
    for name, sheet_pages in by_sheet.items():
        ws = wb[name]
        if not ws.tables or len(sheet_pages) < 2:
            continue
        multipage += 1
        table = next(iter(ws.tables.values()))
        headings = [c.value.split()[0] for c in ws[table.ref][0] if c.value]
        for number, words in sheet_pages[1:]:
            lines = lines_of(body(words))
            top = [w.text for line in lines[:3] for w in line]
            # A heading wider than its column wraps, inside a word if it must.
            def shown(h):
                return any(h.startswith(t) and len(t) >= min(3, len(h)) for t in top)
            found = [h for h in headings if shown(h)]
            first = lines[0][0].text if lines else ""
            if not (first and headings[0].startswith(first)) or len(found) < 0.6 * len(headings):
                fail(f"{name}, page {number}: the table's header row is not repeated at the "
                     f"top (it starts '{' '.join(w.text for w in (lines[0] if lines else []))}')")
        print(f"(a) {name}: {len(sheet_pages)} pages, header row checked on pages "
              f"{sheet_pages[1][0]}-{sheet_pages[-1][0]}")
    if need_multipage and multipage == 0:
        fail("no sheet with a table prints on several pages: the repeated header is not tested")

    # (b) Headings sit over their numbers.
    checked = 0
    for name, sheet_pages in by_sheet.items():
        ws = wb[name]
        for row, (first, last, end) in header_rows(ws).items():
            expected = numeric_headings(ws, row, first, last, end)
            if not expected:
                continue
            under = collections.Counter()
            heads = None  # a page without the header row continues the table of the last
            for _, words in sheet_pages:
                found = None
                for line in lines_of(body(words)):
                    texts = [w.text for w in line]
                    if sum(h in texts for h in expected) >= min(2, len(expected)):
                        found = [w for w in line if w.text in expected]
                        break
                top = -1.0 if found is None else found[0].y1
                heads = found or heads
                for head in heads or []:
                    under[head.text] += sum(
                        1 for n in body(words)
                        if n.y0 > top and NUMBER.match(n.text)
                        and n.x0 < head.x1 and n.x1 > head.x0)
            for heading, count in expected.items():
                checked += 1
                if under[heading] < count:
                    fail(f"{name}, row {row}: {count} numbers under '{heading}', but only "
                         f"{under[heading]} printed under the heading")
            print(f"(b) {name} row {row}: " + ", ".join(
                f"{h} {under[h]}/{c}" for h, c in expected.items()))
    if checked == 0:
        fail("no heading over a column of numbers was found to check")

    # (c) No tiny text.
    smallest = min(((w.y1 - w.y0, n, w.text) for n, (_, _, ws_) in enumerate(pages, 1)
                    for w in ws_), default=None)
    if smallest is None:
        fail("the PDF has no text")
    else:
        points = smallest[0] / HEIGHT_PER_POINT
        print(f"(c) smallest text: {points:.1f} pt ('{smallest[2]}', page {smallest[1]})")
        if points < MIN_POINTS:
            fail(f"page {smallest[1]}: text printed at {points:.1f} pt ('{smallest[2]}'), "
                 f"under {MIN_POINTS} pt")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
