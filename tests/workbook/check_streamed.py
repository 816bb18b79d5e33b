#!/usr/bin/env python3
"""A streamed Board workbook shows what the whole one shows (read back by openpyxl).

    check_streamed.py HIPLAN EXAMPLES_DIR WORKDIR

Compiles the examples' spring round, and their road-test feedback alone, twice each: held
whole (the default for a round of up to 500 files) and streamed (`--tables-up-to 0`, as a
national round is written). The two must hold the same sheets, cells, values, number
formats, fonts, fills, alignment, column widths, row heights, frozen panes, conditional
formats, charts and page setup. Where the whole workbook has an Excel table, the streamed
one has a workbook name for the same range, and no table; the sheet's first table's range
has the autofilter (a worksheet has one: the Feedback sheet has two registers). Also checks
where the switch falls: a round of N files is held whole with --tables-up-to N and
streamed with N - 1.
"""
import os
import shutil
import subprocess
import sys

import openpyxl

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def compile_round(hiplan, inputs, out, *extra):
    inputs = inputs if isinstance(inputs, list) else [inputs]
    proc = subprocess.run([hiplan, "compile", *inputs, "--round", "2026-spring", "-o", out,
                           "--generated", "2026-11-20", "--color", "never", *extra],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode not in (0, 1):
        sys.exit("hiplan compile failed (exit {}):\n{}".format(proc.returncode, proc.stdout))
    return openpyxl.load_workbook(out)


def cell_look(c):
    return (c.value, c.number_format, bool(c.font.b), c.fill.fill_type, c.fill.fgColor.rgb,
            bool(c.alignment.wrap_text), c.alignment.horizontal, c.alignment.vertical)


def sheet_and_range(reference):
    """('Sheet name', '$A$1:$B$2') of Sheet!$A$1:$B$2, the sheet quoted or not, as Excel
    reads it."""
    sheet, _, cells = reference.lstrip("=").rpartition("!")
    if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, cells


def sheet_look(ws):
    """Everything a reader sees of a sheet but its tables."""
    setup = ws.page_setup
    return {
        "cells": {c.coordinate: cell_look(c) for row in ws.iter_rows() for c in row
                  if c.value is not None or c.fill.fill_type},
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
        "freeze": ws.freeze_panes,
        "conditional formats": sorted((str(r.sqref), len(r.rules)) for r in ws.conditional_formatting),
        "charts": len(ws._charts),
        "page": (setup.orientation, setup.paperSize, setup.scale, setup.fitToWidth, setup.fitToHeight,
                 ws.print_title_rows, ws.print_area, str(ws.oddHeader.left.text), str(ws.oddFooter.right.text),
                 [b.id for b in ws.row_breaks.brk]),
    }


def compare(hiplan, inputs, work, what):
    """Compiles `inputs` whole and streamed; checks the two; returns the whole workbook's
    sheets and tables."""
    whole = compile_round(hiplan, inputs, os.path.join(work, what + "-whole.xlsx"))
    streamed = compile_round(hiplan, inputs, os.path.join(work, what + "-streamed.xlsx"), "--tables-up-to", "0")
    check(whole.sheetnames == streamed.sheetnames, "{}: the same sheets in the same order".format(what))
    names = {d.name: d.attr_text for d in streamed.defined_names.definedName}
    tables = 0
    for ws in whole.worksheets:
        if ws.title not in streamed.sheetnames:
            continue
        other = streamed[ws.title]
        a, b = sheet_look(ws), sheet_look(other)
        for key in a:
            if a[key] != b[key]:
                if key == "cells":
                    diff = sorted(k for k in set(a[key]) | set(b[key]) if a[key].get(k) != b[key].get(k))
                    check(False, "{} {}: {} cells differ, first {}: whole {} streamed {}".format(
                        what, ws.title, len(diff), diff[0], a[key].get(diff[0]), b[key].get(diff[0])))
                else:
                    check(False, "{} {}: {} differ: whole {} streamed {}".format(what, ws.title, key, a[key], b[key]))
        check(not other.tables, "{} {}: no Excel table in the streamed workbook".format(what, ws.title))
        ordered = sorted(ws.tables.values(), key=lambda t: int("".join(ch for ch in t.ref.split(":")[0] if ch.isdigit())))
        if ordered:
            check(other.auto_filter.ref == ordered[0].ref, "{} {}: the filter covers {} like the first table (got {})".format(
                what, ws.title, ordered[0].ref, other.auto_filter.ref))
        for table in ordered:
            tables += 1
            first, last = table.ref.split(":")
            want = (ws.title, "{}:{}".format(*(
                "$" + "".join(ch for ch in cell if ch.isalpha()) + "$" + "".join(ch for ch in cell if ch.isdigit())
                for cell in (first, last))))
            got = sheet_and_range(names.get(table.displayName, ""))
            check(got == want, "the name {} is {}!{} (got {})".format(
                table.displayName, *want, names.get(table.displayName)))
    return len(whole.sheetnames), tables


def main(hiplan, examples, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    sheets, tables = compare(hiplan, examples, work, "round")
    check(tables >= 10, "the whole workbook has its registers as tables ({} found)".format(tables))
    feedback = sorted(os.path.join(examples, n) for n in os.listdir(examples) if n.startswith("feedback-"))
    _, feedback_tables = compare(hiplan, feedback, work, "feedback")
    check(feedback_tables >= 2, "the feedback workbook has its two registers as tables ({} found)".format(
        feedback_tables))
    files = len([n for n in os.listdir(examples) if n.endswith((".yaml", ".yml"))])
    at = compile_round(hiplan, examples, os.path.join(work, "at.xlsx"), "--tables-up-to", str(files))
    below = compile_round(hiplan, examples, os.path.join(work, "below.xlsx"), "--tables-up-to", str(files - 1))
    check(any(ws.tables for ws in at.worksheets), "{} files with --tables-up-to {}: tables".format(files, files))
    check(not any(ws.tables for ws in below.worksheets),
          "{} files with --tables-up-to {}: streamed".format(files, files - 1))
    for failure in failures:
        print("FAIL: " + failure)
    if not failures:
        print("the streamed workbook shows what the whole one shows: {} sheets, {} registers as "
              "ranges with their names; so does the feedback workbook ({} registers)".format(
                  sheets, tables, feedback_tables))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
