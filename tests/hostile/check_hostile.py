#!/usr/bin/env python3
"""The hostile-input corpus: each case is generated here, run through the real binary
with a time limit, and must end with its expected exit status and rule (a clear,
located error) or a clean workbook -- never a crash, a hang, a partial output or a
formula in the workbook. Peak memory of every run is bounded.

    check_hostile.py HIPLAN REPO_ROOT
"""
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402

TIME_LIMIT = 60       # seconds per run (generous for sanitizer builds)
MEMORY_LIMIT_MB = 1024


def run(hiplan, args, cwd, preexec=None):
    try:
        return subprocess.run([hiplan] + args, cwd=cwd, capture_output=True, timeout=TIME_LIMIT,
                              preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return None


def lint_case(hiplan, tmp, name, data, exit_code, rule):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    proc = run(hiplan, ["lint", "--color", "never", name], tmp)
    if proc is None:
        check(False, "{}: timed out".format(name))
        return
    out = proc.stdout.decode("utf-8", "replace")
    check(proc.returncode == exit_code, "{}: exit {} != {}".format(name, proc.returncode, exit_code))
    check(proc.returncode >= 0, "{}: killed by signal {}".format(name, -proc.returncode))
    if rule:
        check(rule in out, "{}: no {} in the output".format(name, rule))
        located = "{}:".format(name) in out
        check(located, "{}: findings are located".format(name))


def main():
    hiplan, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261123)
    with open(os.path.join(root, "tests", "cli", "lint", "valid-template.yaml"), "rb") as f:
        valid = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        lint_case(hiplan, tmp, "garbage.yaml", bytes(rng.randrange(256) for _ in range(4096)), 1, "HP10")
        lint_case(hiplan, tmp, "truncated.yaml", valid[: len(valid) * 2 // 3], 1, "error[")
        lint_case(hiplan, tmp, "empty.yaml", b"", 1, "HP109")
        lint_case(hiplan, tmp, "huge.yaml", b"kind: template\n" + b"# padding\n" * 10_500_000, 1, "HP107")
        lint_case(hiplan, tmp, "deep.yaml", b"a: " + b"[" * 10000 + b"]" * 10000 + b"\n", 1, "HP108")
        bomb = b"kind: template\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in "bcdefghij":
            prev = chr(ord(level) - 1)
            bomb += "{0}: &{0} [{1}]\n".format(level, ", ".join(["*" + prev] * 10)).encode()
        lint_case(hiplan, tmp, "alias-bomb.yaml", bomb, 1, "HP106")
        lint_case(hiplan, tmp, "alias-cycle.yaml", b"kind: template\na: &a [*a]\nb: &b {k: *b}\n", 1, "HP106")
        many = b"kind: template\n" + b"".join(b"k%d: %d\n" % (i, i) for i in range(100_000))
        lint_case(hiplan, tmp, "many-keys.yaml", many, 1, "HP112")
        lint_case(hiplan, tmp, "bad-utf8-key.yaml", b"kind: template\nt\xffitle: x\n", 1, "HP101")
        lint_case(hiplan, tmp, "bad-utf8-value.yaml", b"kind: template\ntitle: caf\xe9\n", 1, "HP101")
        lint_case(hiplan, tmp, "nul.yaml", b"kind: template\0\n", 1, "HP102")
        lint_case(hiplan, tmp, "long-line.yaml", b"kind: template\ntitle: " + b"x" * 2_000_000 + b"\n", 1, "HP201")
        lint_case(hiplan, tmp, "big-number.yaml",
                  valid.replace(b"value: 48.5", b"value: 1e400"), 1, "HP207")
        lint_case(hiplan, tmp, "control-chars.yaml",
                  valid.replace(b"title: Raise SMI physical health check uptake in Core20 areas",
                                b'title: "\\x01\\x07\\x1b[31m Raise SMI uptake"'), 0, None)
        lint_case(hiplan, tmp, "utf16.yaml", "kind: template\n".encode("utf-16"), 1, "HP101")

        # A directory symlink loop is not followed; a FIFO is never opened (it would block).
        loop = os.path.join(tmp, "loop")
        os.makedirs(loop)
        with open(os.path.join(loop, "ok.yaml"), "wb") as f:
            f.write(valid)
        os.symlink(loop, os.path.join(loop, "again"))
        os.mkfifo(os.path.join(loop, "pipe.yaml"))
        proc = run(hiplan, ["lint", "loop"], tmp)
        check(proc is not None and proc.returncode == 0, "symlink loop and FIFO: {}".format(proc and proc.returncode))
        proc = run(hiplan, ["lint", os.path.join("loop", "pipe.yaml")], tmp)
        check(proc is not None and proc.returncode == 2 and b"not a regular file" in proc.stderr,
              "a FIFO named directly is refused")
        os.symlink("nowhere.yaml", os.path.join(tmp, "dangling.yaml"))
        proc = run(hiplan, ["lint", "dangling.yaml"], tmp)
        check(proc is not None and proc.returncode == 2 and b"cannot read" in proc.stderr,
              "an unreadable file exits 2 with a message")

        # Compile: formula-like, control-character and over-long text stays safe text.
        subs = os.path.join(tmp, "subs")
        os.makedirs(subs)
        text = valid.replace(b"title: Raise SMI physical health check uptake in Core20 areas",
                             b"title: \"=cmd|' /C calc'!A0\"")
        text = text.replace(b"title: Provide interpreting at every first outpatient appointment",
                            b"title: \"\\x01\\x02 bell \\x07 \" ")
        text = text.replace(b"progress: Four groups funded.", b"progress: " + b"words " * 7000)
        with open(os.path.join(subs, "t.yaml"), "wb") as f:
            f.write(text)
        out = os.path.join(tmp, "board.xlsx")
        proc = run(hiplan, ["compile", "subs", "-o", out, "--round", "2026-spring", "--generated", "2026-11-20"], tmp)
        check(proc is not None and proc.returncode == 0, "compile of hostile text: {}".format(proc and proc.stderr))
        check(proc is not None and b"cut to Excel's 32,767-character limit" in proc.stdout, "truncation is reported")
        wb = openpyxl.load_workbook(out)
        ws = wb["Objectives"]
        ws = wb["Logic model"]  # the title in a cell of its own
        titles = [ws.cell(r, 5) for r in range(2, ws.max_row + 1)]
        check(any(c.value == "=cmd|' /C calc'!A0" and c.data_type == "s" for c in titles),
              "a formula-like title is a text cell")
        ws = wb["Progress"]
        progress = [ws.cell(r, 9).value or "" for r in range(3, ws.max_row + 1)]
        check(any(len(p) <= 32767 and p.endswith("[... truncated by hiplan]") for p in progress),
              "over-long text is cut with a visible marker")

        # A full disk (file size limit) or an impossible path: exit 2, the old workbook
        # intact, no temporary file left.
        with open(out, "rb") as f:
            before = f.read()

        def small_files():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        proc = run(hiplan, ["compile", "subs", "-o", out, "--round", "2026-spring"], tmp, small_files)
        check(proc is not None and proc.returncode == 2, "a full disk exits 2: {}".format(proc and proc.returncode))
        with open(out, "rb") as f:
            check(f.read() == before, "a failed compile leaves the previous workbook intact")
        check(not [n for n in os.listdir(tmp) if n.startswith(".hiplan-") or ".tmp" in n], "no temporary file is left behind")
        blocker = os.path.join(tmp, "a-file")
        open(blocker, "w").close()
        proc = run(hiplan, ["compile", "subs", "-o", os.path.join(blocker, "x.xlsx"), "--round", "2026-spring"], tmp)
        check(proc is not None and proc.returncode == 2, "an impossible output path exits 2")

    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    check(peak_mb < MEMORY_LIMIT_MB, "peak memory {:.0f} MB".format(peak_mb))
    print("peak memory of any run: {:.0f} MB".format(peak_mb))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
