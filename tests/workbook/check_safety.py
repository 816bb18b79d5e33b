#!/usr/bin/env python3
"""Checks compile's safety properties on tests/workbook/fixtures:
a broken template is excluded and listed with its findings, formula-like text stays
text, two runs give identical bytes, and unsafe output paths are refused without
writing anything.

    check_safety.py HIPLAN FIXTURES_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402



def compile_to(hiplan, inputs, out, *extra):
    return subprocess.run([hiplan, "compile", *inputs, "-o", out, "--round", "2026-spring",
                           "--generated", "2026-11-20", "--color", "never", *extra],
                          capture_output=True, text=True)


def main():
    hiplan, fixtures = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "board.xlsx")
        proc = compile_to(hiplan, [fixtures], out)
        check(proc.returncode == 1, "a compile with an excluded file exits 1, not {}".format(proc.returncode))
        check("broken.yaml" in proc.stdout and "HP204" in proc.stdout,
              "the terminal lists the broken file's findings")
        check("Not included:" in proc.stdout and "broken.yaml: excluded" in proc.stdout,
              "the terminal lists the excluded file")
        wb = openpyxl.load_workbook(out)

        ws = wb["Submissions"]
        rows = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(2, ws.max_row + 1)}
        broken = [v for k, v in rows.items() if k and k.endswith("broken.yaml")]
        check(broken and broken[0][9] == "no" and broken[0][12] == "no", "broken.yaml: valid no, included no")
        ws = wb["Dashboard"]
        top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Submissions by part")
        part = [ws.cell(top + 2, c).value for c in range(1, 7)]
        check(part == ["Spring review of 2025-26", 2, 2, 1, 0, 0],
              "both submitters are received, only one is valid: {}".format(part))
        ws = wb["Exceptions"]
        kinds = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(2, ws.max_row + 1)]
        check(("Received with errors", "Gloucestershire County Council") in kinds,
              "the broken file is an exception, received with errors: {}".format(kinds))

        ws = wb["Validation"]
        codes = [(ws.cell(r, 1).value, ws.cell(r, 5).value) for r in range(2, ws.max_row + 1)]
        check(any(f.endswith("broken.yaml") and c == "HP204" for f, c in codes),
              "Validation lists the broken file's HP204")

        ws = wb["Objectives"]
        titles = [ws.cell(r, 6) for r in range(2, ws.max_row + 1)]
        formula = [c for c in titles if str(c.value).startswith("=HYPERLINK")]
        check(formula and formula[0].data_type == "s", "a title starting with '=' is a text cell")
        check(all(str(ws.cell(r, 1).value) != "GCC" for r in range(2, ws.max_row + 1)),
              "the broken template's objectives are not in the register")
        leads = [ws.cell(r, 9) for r in range(2, ws.max_row + 1)]
        check(any(c.value == "+44 lead by phone" and c.data_type == "s" for c in leads), "'+' text stays text")
        ws = wb["Highlights"]
        texts = [ws.cell(r, 6) for r in range(2, ws.max_row + 1)]
        check(any(c.value == "@SUM(1+1) stays text" and c.data_type == "s" for c in texts), "'@' text stays text")
        check(any(c.value == "-2+3 stays text" and c.data_type == "s" for c in texts), "'-' text stays text")

        # Reproducible: the same inputs and generation date give the same bytes.
        again = os.path.join(tmp, "again.xlsx")
        compile_to(hiplan, [fixtures], again)
        with open(out, "rb") as a, open(again, "rb") as b:
            check(a.read() == b.read(), "two runs give byte-identical workbooks")

        # Unsafe outputs are refused and nothing is written.
        copy = os.path.join(tmp, "inputs")
        shutil.copytree(fixtures, copy)
        inside = os.path.join(copy, "board.xlsx")
        proc = compile_to(hiplan, [copy], inside)
        check(proc.returncode == 2 and not os.path.exists(inside), "an output inside the inputs is refused")
        proc = compile_to(hiplan, [copy], inside, "--force")
        check(proc.returncode == 1 and os.path.exists(inside), "--force allows it")
        target = os.path.join(copy, "formulas.yaml")
        before = open(target, "rb").read()
        proc = compile_to(hiplan, [target], target.replace(".yaml", ".xlsx"))
        check(proc.returncode == 0, "a single file compiles")
        proc = compile_to(hiplan, [target], os.path.join(tmp, "board.txt"))
        check(proc.returncode == 2, "a non-.xlsx output is refused")
        check(open(target, "rb").read() == before, "inputs are never touched")

        # Two valid templates of one submitter and cycle: both excluded, both named.
        shutil.copy(os.path.join(copy, "formulas.yaml"), os.path.join(copy, "formulas-again.yaml"))
        dup = os.path.join(tmp, "dup.xlsx")
        proc = compile_to(hiplan, [copy], dup)
        check(proc.returncode == 1 and "HP901/duplicate-submission" in proc.stdout,
              "duplicate submissions are reported in the terminal")
        ws = openpyxl.load_workbook(dup)["Validation"]
        dups = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1) if ws.cell(r, 5).value == "HP901"]
        check(len(dups) == 2 and all("formulas" in d for d in dups), "both duplicates are listed: {}".format(dups))

        # An output folder that does not exist is refused before any work, in plain words.
        missing_dir = os.path.join(tmp, "no-such-dir", "board.xlsx")
        proc = compile_to(hiplan, [fixtures], missing_dir)
        check(proc.returncode == 2 and "no-such-dir' does not exist" in proc.stderr,
              "an output folder that does not exist exits 2: {}".format(proc.stderr))
        leftovers = [n for n in os.listdir(tmp) if n.startswith(".hiplan-") or ".tmp" in n]
        check(not leftovers, "no temporary files left: {}".format(leftovers))

    return finish()


if __name__ == "__main__":
    sys.exit(main())
