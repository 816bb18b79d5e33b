#!/usr/bin/env python3
"""The benchmark's workbook floor writes what hiplan wrote (not timed).

    check_workbook_floor.py HIPLAN WORKBOOK_FLOOR REPO WORKDIR

Compiles a small generated round, lists the workbook's cells (bench/workbook_cells.py),
writes them again with bench/workbook_floor.c in both of libxlsxwriter's modes, and requires
the floor's workbooks to list the same sheets, cells, row heights and tables (none in the
constant-memory mode, which cannot write them). A floor that wrote less would make the
benchmark's bound on compile look better than it is.
"""
import os
import shutil
import subprocess
import sys


def run(*cmd, ok=(0,)):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode not in ok:
        sys.exit("failed (exit {}): {}\n{}".format(proc.returncode, " ".join(cmd), proc.stdout))
    return proc.stdout


def listing(repo, workbook, out):
    run(sys.executable, os.path.join(repo, "bench", "workbook_cells.py"), workbook, out)
    with open(out, encoding="utf-8") as f:
        return f.read().splitlines()


def main(hiplan, floor, repo, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus, framework = os.path.join(work, "round"), os.path.join(work, "round.framework.yaml")
    run(sys.executable, os.path.join(repo, "bench", "gen_corpus.py"), "--files", "12", "--out", corpus,
        "--framework-out", framework)
    board = os.path.join(work, "board.xlsx")
    run(hiplan, "compile", "--framework", framework, corpus, "--round", "2026-spring", "-o", board,
        "--color", "never", ok=(0, 1))  # 1: the generated round carries a few mistakes
    cells = os.path.join(work, "board.cells")
    original = listing(repo, board, cells)
    kinds = {line.split("\t", 1)[0] for line in original}
    if not {"S", "T", "N", "H", "B"} <= kinds or sum(line.startswith("T\t") for line in original) < 1000:
        sys.exit("the listing of the Board workbook is too thin: {} lines, records {}".format(
            len(original), sorted(kinds)))
    failures = 0
    for mode, expected in (([], original), (["--constant-memory"], [l for l in original if not l.startswith("B\t")])):
        again = os.path.join(work, "floor{}.xlsx".format("".join(mode)))
        out = run(floor, *mode, cells, again)
        if not out.startswith("wrote "):
            sys.exit("workbook_floor {}printed: {}".format(" ".join(mode) + " " if mode else "", out))
        got = listing(repo, again, again + ".cells")
        if got != expected:
            failures += 1
            first = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
            print("workbook_floor {}: {} records, expected {}; first difference at record {}: {!r} for {!r}".format(
                " ".join(mode) or "(normal mode)", len(got), len(expected), first + 1,
                got[first] if first < len(got) else None, expected[first] if first < len(expected) else None))
        else:
            print("workbook_floor {}: the same {} records".format(" ".join(mode) or "(normal mode)", len(got)))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
