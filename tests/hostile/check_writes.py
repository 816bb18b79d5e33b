#!/usr/bin/env python3
"""Nothing lost: every writer (lint --output-file, compile -o, report -o, init) refuses to
replace an input, streams into what is not a regular file, never replaces a file it should
not, keeps the mode of what it replaces, cleans up after a signal, reports every failed
write (standard output included) with exit status 2, and fails before the work when the
name cannot be written. Each case runs the real binary.

    check_writes.py HIPLAN REPO_ROOT
"""
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402

TIME_LIMIT = 120


def run(hiplan, args, cwd, env=None, stdout=subprocess.PIPE, preexec=None):
    return subprocess.run([hiplan] + args, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=TIME_LIMIT, env=env, preexec_fn=preexec)


def temp_files(folder):
    return [n for n in os.listdir(folder) if n.startswith(".hiplan-") or ".tmp" in n]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def refuses_inputs(hiplan, tmp, valid):
    """1: an output that is an input, by any name (symlink, hard link), is refused first."""
    os.symlink("a.yaml", os.path.join(tmp, "link.yaml"))
    os.link(os.path.join(tmp, "a.yaml"), os.path.join(tmp, "hard.yaml"))
    fw = os.path.join(tmp, "fw.yaml")
    shutil.copy(os.path.join(ROOT, "schemas", "frameworks", "one-gloucestershire.yaml"), fw)
    fw_bytes = read(fw)
    layout = os.path.join(tmp, "layout.mustache")
    with open(layout, "w", encoding="utf-8") as f:
        f.write("{{#parts}}{{name}}{{/parts}}\n")
    layout_bytes = read(layout)
    cases = [
        ["lint", "a.yaml", "--output-file", "json=a.yaml"],
        ["lint", "a.yaml", "--output-file", "sarif=link.yaml"],
        ["lint", "a.yaml", "--output-file", "junit=hard.yaml"],
        ["lint", ".", "--output-file", "text=./a.yaml"],
        ["lint", "a.yaml", "--framework", "fw.yaml", "--output-file", "json=fw.yaml"],
        ["compile", "a.yaml", "-o", "link.yaml", "--round", "2026-spring"],
        ["report", "a.yaml", "-o", "a.yaml", "--format", "html", "--round", "2026-spring"],
        ["report", ".", "-o", "hard.yaml", "--format", "markdown", "--force", "--round", "2026-spring"],
        ["report", "a.yaml", "--framework", "fw.yaml", "-o", "fw.yaml", "--format", "json",
         "--round", "2026-spring"],
        ["report", "a.yaml", "--template", "layout.mustache", "-o", "./layout.mustache", "--format",
         "markdown", "--round", "2026-spring"],
        ["init", "--submitter", "GHC", "--cycle", "2027-28", "--from", "a.yaml", "-o", "hard.yaml",
         "--force"],
    ]
    for args in cases:
        proc = run(hiplan, args, tmp)
        check(proc.returncode == 2, "{}: exit {} (expected 2)".format(args, proc.returncode))
        check(b"is one of the inputs" in proc.stderr, "{}: says why: {}".format(args, proc.stderr))
        check(b"Checked" not in proc.stdout, "{}: refused before the work".format(args))
        check(read(os.path.join(tmp, "a.yaml")) == valid, "{}: the input is untouched".format(args))
        check(read(fw) == fw_bytes, "{}: the framework file is untouched".format(args))
        check(read(layout) == layout_bytes, "{}: the template is untouched".format(args))
    check(os.path.islink(os.path.join(tmp, "link.yaml")), "the symlink is still a symlink")
    proc = run(hiplan, ["lint", "a.yaml", "--output-file", "json=o.json",
                        "--output-file", "sarif=./o.json"], tmp)
    check(proc.returncode == 2 and b"name the same file" in proc.stderr,
          "two outputs to one file are refused: {}".format(proc.stderr))


def streams(hiplan, tmp):
    """2: "-" is standard output; a target that is not a regular file is written as a stream."""
    proc = run(hiplan, ["lint", "--color", "never", "a.yaml", "--output-file", "json=-"], tmp)
    check(proc.returncode == 0 and b'"version": 1' in proc.stdout and b"Checked 1 file" in proc.stdout,
          "json=- goes to standard output after the text")
    out = os.path.join(tmp, "redirected.txt")
    with open(out, "wb") as f:
        proc = run(hiplan, ["lint", "--color", "never", "a.yaml", "--output-file", "json=/dev/stdout"],
                   tmp, stdout=f)
    text = read(out)
    check(proc.returncode == 0 and text.startswith(b"Checked 1 file") and b'"version": 1' in text,
          "/dev/stdout redirected to a file holds both outputs in order: {!r}".format(text[:80]))
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is still a device")
    proc = run(hiplan, ["lint", "a.yaml", "--output-file", "sarif=/dev/null"], tmp)
    check(proc.returncode == 0, "sarif=/dev/null: exit {}".format(proc.returncode))
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null was not replaced by a file")
    proc = run(hiplan, ["compile", "a.yaml", "-o", "/dev/null", "--round", "2026-spring"], tmp)
    check(proc.returncode == 0, "compile -o /dev/null: {}".format(proc.stderr))
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "compile did not replace /dev/null")
    proc = run(hiplan, ["compile", "a.yaml", "-o", "-", "--round", "2026-spring"], tmp)
    check(proc.returncode == 0 and proc.stdout.startswith(b"PK\x03\x04"),
          "compile -o - writes the workbook, and only it, to standard output")
    check(b"Wrote -" in proc.stderr, "compile -o -: the summary goes to standard error")
    proc = run(hiplan, ["report", "a.yaml", "-o", "-", "--round", "2026-spring"], tmp)
    check(proc.returncode == 0 and proc.stdout.startswith(b"<!DOCTYPE html>") and b"Wrote -" not in proc.stdout
          and proc.stdout.rstrip().endswith(b"</html>"),
          "report -o - writes the paper, and only it, to standard output")
    check(b"Wrote -" in proc.stderr, "report -o -: the summary goes to standard error")
    proc = run(hiplan, ["report", "a.yaml", "-o", "/dev/null", "--format", "markdown", "--round", "2026-spring"], tmp)
    check(proc.returncode == 0, "report -o /dev/null: {}".format(proc.stderr))
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "report did not replace /dev/null")
    fifo = os.path.join(tmp, "pipe")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    proc = run(hiplan, ["lint", "a.yaml", "--output-file", "json=pipe"], tmp)
    data = reader.communicate(timeout=TIME_LIMIT)[0]
    check(proc.returncode == 0 and b'"version": 1' in data, "a FIFO receives the JSON")
    check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is still a FIFO")
    proc = run(hiplan, ["init", "--submitter", "GHC", "--cycle", "2027-28", "-o", "-"], tmp)
    check(proc.returncode == 0 and proc.stdout.startswith(b"# yaml-language-server"),
          "init -o - writes the starter to standard output")


def create_new(hiplan, tmp):
    """3: init publishes without replacing: of concurrent inits for one name, one wins."""
    for round_ in range(3):
        name = "race-{}.yaml".format(round_)
        procs = [subprocess.Popen([hiplan, "init", "--submitter", sub, "--cycle", "2027-28", "-o", name],
                                  cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for sub in ("GHC", "GCC", "ICB", "GHFT", "GHC", "GCC")]
        codes = [p.wait(timeout=TIME_LIMIT) for p in procs]
        check(codes.count(0) == 1, "exactly one concurrent init succeeds: {}".format(codes))
        check(all(c in (0, 2) for c in codes), "the others exit 2: {}".format(codes))
    before = read(os.path.join(tmp, "race-0.yaml"))
    proc = run(hiplan, ["init", "--submitter", "ICB", "--cycle", "2027-28", "-o", "race-0.yaml"], tmp)
    check(proc.returncode == 2 and b"already exists" in proc.stderr and b"--force" in proc.stderr,
          "an existing file is kept and --force named: {}".format(proc.stderr))
    check(read(os.path.join(tmp, "race-0.yaml")) == before, "the existing file is untouched")
    proc = run(hiplan, ["init", "--submitter", "ICB", "--cycle", "2027-28", "-o", "race-0.yaml",
                        "--force"], tmp)
    check(proc.returncode == 0 and b"submitter: {id: ICB" in read(os.path.join(tmp, "race-0.yaml"))
          or b"id: ICB" in read(os.path.join(tmp, "race-0.yaml")), "--force replaces it")


def keeps_mode(hiplan, tmp):
    """4: a replaced file keeps its mode."""
    board = os.path.join(tmp, "out", "board.xlsx")
    os.makedirs(os.path.dirname(board))
    run(hiplan, ["compile", "a.yaml", "-o", board, "--round", "2026-spring"], tmp)
    os.chmod(board, 0o600)
    proc = run(hiplan, ["compile", "a.yaml", "-o", board, "--round", "2026-spring"], tmp)
    check(proc.returncode == 0, "recompile: {}".format(proc.stderr))
    check(stat.S_IMODE(os.stat(board).st_mode) == 0o600,
          "a 0600 workbook stays 0600: {:o}".format(stat.S_IMODE(os.stat(board).st_mode)))
    report = os.path.join(tmp, "out", "report.json")
    with open(report, "w") as f:
        f.write("old")
    os.chmod(report, 0o640)
    run(hiplan, ["lint", "a.yaml", "--output-file", "json=" + report], tmp)
    check(stat.S_IMODE(os.stat(report).st_mode) == 0o640, "a 0640 report stays 0640")
    old = os.umask(0o077)
    try:
        run(hiplan, ["lint", "a.yaml", "--output-file", "json=out/new.json"], tmp)
    finally:
        os.umask(old)
    check(stat.S_IMODE(os.stat(os.path.join(tmp, "out", "new.json")).st_mode) == 0o600,
          "a new file follows the umask")
    check(not temp_files(os.path.join(tmp, "out")), "no temporary file is left in out/")


def signals(hiplan, tmp):
    """5: SIGINT or SIGTERM during a run removes the temporary file."""
    corpus = os.path.join(tmp, "corpus")
    fw = os.path.join(tmp, "bench-fw.yaml")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), "--files", "1500",
                    "--out", corpus, "--framework-out", fw], check=True, capture_output=True)
    target = os.path.join(tmp, "sig")
    os.makedirs(target)
    for sig in (signal.SIGTERM, signal.SIGINT):
        proc = subprocess.Popen([hiplan, "compile", corpus, "--framework", fw, "--round", "2026-autumn",
                                 "-j1", "-o", os.path.join(target, "big.xlsx")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while not temp_files(target) and time.time() < deadline and proc.poll() is None:
            time.sleep(0.01)
        check(temp_files(target), "{}: the run had started writing".format(sig.name))
        time.sleep(0.2)
        proc.send_signal(sig)
        rc = proc.wait(timeout=TIME_LIMIT)
        check(rc == -sig, "{}: ends by the signal ({})".format(sig.name, rc))
        check(not temp_files(target), "{}: no temporary file is left: {}".format(sig.name, temp_files(target)))
        check(not os.path.exists(os.path.join(target, "big.xlsx")), "{}: no workbook".format(sig.name))


def write_errors(hiplan, tmp):
    """6: every failed write exits 2 with a message; a full disk says so."""
    with open("/dev/full", "wb") as full:
        proc = run(hiplan, ["lint", "a.yaml"], tmp, stdout=full)
    check(proc.returncode == 2 and b"No space left on device" in proc.stderr,
          "lint > /dev/full: exit {}, {}".format(proc.returncode, proc.stderr))
    with open("/dev/full", "wb") as full:
        proc = run(hiplan, ["rules"], tmp, stdout=full)
    check(proc.returncode == 2, "rules > /dev/full: exit {}".format(proc.returncode))
    with open("/dev/full", "wb") as full:
        proc = run(hiplan, ["init", "--submitter", "GHC", "--cycle", "2027-28", "-o", "-"], tmp, stdout=full)
    check(proc.returncode == 2, "init -o - > /dev/full: exit {}".format(proc.returncode))
    proc = run(hiplan, ["lint", "a.yaml", "--output-file", "json=/dev/full"], tmp)
    check(proc.returncode == 2 and b"/dev/full" in proc.stderr and b"No space left" in proc.stderr,
          "json=/dev/full: {}".format(proc.stderr))
    # A real full disk, where this machine lets a test mount a small tmpfs.
    small = os.path.join(tmp, "small")
    os.makedirs(small)
    script = 'mount -t tmpfs -o size=12k tmpfs "$1" || exit 77; shift; "$@"; rc=$?; ls -A "$0"; exit $rc'
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script, small, small, hiplan, "compile", "a.yaml",
                           "-o", os.path.join(small, "board.xlsx"), "--round", "2026-spring"],
                          cwd=tmp, capture_output=True, timeout=TIME_LIMIT)
    if proc.returncode == 77 or b"unshare" in proc.stderr[:40]:
        print("note: no tmpfs mount here; the full-disk case runs with a file-size limit only")
    else:
        check(proc.returncode == 2, "full disk: exit {}".format(proc.returncode))
        check(b"hiplan: error: cannot write" in proc.stderr and b"No space left on device" in proc.stderr,
              "full disk in hiplan's words: {}".format(proc.stderr))
        check(b"[ERROR]" not in proc.stderr and b"ZIP" not in proc.stderr,
              "no library chatter: {}".format(proc.stderr))
        check(proc.stdout.strip() == b"", "nothing left on the full disk: {}".format(proc.stdout))

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    proc = run(hiplan, ["compile", "a.yaml", "-o", "limited.xlsx", "--round", "2026-spring"], tmp,
               preexec=small_files)
    check(proc.returncode == 2 and b"File too large" in proc.stderr and b"[ERROR]" not in proc.stderr,
          "file-size limit: {}".format(proc.stderr))


def fails_early(hiplan, tmp):
    """7: an output name that cannot be created fails before the work."""
    long_name = "x" * 300 + ".json"
    for args, words in [
        (["lint", "a.yaml", "--output-file", "json=missing/x.json"], b"does not exist"),
        (["lint", "a.yaml", "--output-file", "json=" + long_name], b"bytes long"),
        (["compile", "a.yaml", "-o", "missing/b.xlsx", "--round", "2026-spring"], b"does not exist"),
        (["compile", "a.yaml", "-o", "x" * 300 + ".xlsx", "--round", "2026-spring"], b"bytes long"),
        (["compile", "a.yaml", "-o", "a.yaml/b.xlsx", "--round", "2026-spring"], b"not a folder"),
        (["report", "a.yaml", "-o", "missing/p.html", "--round", "2026-spring"], b"does not exist"),
        (["report", "a.yaml", "-o", "x" * 300 + ".md", "--round", "2026-spring"], b"bytes long"),
        (["report", "a.yaml", "-o", "p.pdf", "--round", "2026-spring"], b"ends in none of"),
        (["init", "--submitter", "GHC", "--cycle", "2027-28", "-o", "missing/s.yaml"], b"does not exist"),
    ]:
        proc = run(hiplan, args, tmp)
        check(proc.returncode == 2, "{}: exit {}".format(args[:3], proc.returncode))
        check(words in proc.stderr, "{}: says '{}': {}".format(args[:3], words, proc.stderr))
        check(b"Checked" not in proc.stdout and b"Round" not in proc.stdout,
              "{}: before the work".format(args[:3]))
    if os.getuid() != 0:
        ro = os.path.join(tmp, "ro")
        os.makedirs(ro)
        os.chmod(ro, 0o555)
        proc = run(hiplan, ["lint", "a.yaml", "--output-file", "json=ro/x.json"], tmp)
        check(proc.returncode == 2 and b"Permission denied" in proc.stderr, "a read-only folder")
    check(not temp_files(tmp), "no temporary file is left: {}".format(temp_files(tmp)))


def source_date_epoch(hiplan, tmp):
    """14: SOURCE_DATE_EPOCH is integer seconds up to 9999-12-31, else a usage error."""
    for value, ok in [("1764460800", True), ("1764460800000", False), ("253402300800", False),
                      ("-1", False), ("1.5", False), (" 12", False), ("abc", False),
                      ("99999999999999999999999", False)]:
        env = dict(os.environ, SOURCE_DATE_EPOCH=value)
        proc = run(hiplan, ["compile", "a.yaml", "-o", "sde.xlsx", "--round", "2026-spring"], tmp, env=env)
        if ok:
            check(proc.returncode == 0, "SOURCE_DATE_EPOCH={}: {}".format(value, proc.stderr))
        else:
            check(proc.returncode == 2 and b"SOURCE_DATE_EPOCH" in proc.stderr,
                  "SOURCE_DATE_EPOCH={}: exit {} {}".format(value, proc.returncode, proc.stderr))
    import zipfile
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764460800")
    run(hiplan, ["compile", "a.yaml", "-o", "sde.xlsx", "--round", "2026-spring"], tmp, env=env)
    with zipfile.ZipFile(os.path.join(tmp, "sde.xlsx")) as z:
        core = z.read("docProps/core.xml")
    check(b"2025-11-30" in core, "the workbook is dated from the seconds: {}".format(core[-200:]))


def main():
    global ROOT
    hiplan, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    valid = read(os.path.join(ROOT, "tests", "cli", "lint", "valid-template.yaml"))
    for step in (refuses_inputs, streams, create_new, keeps_mode, signals, write_errors, fails_early,
                 source_date_epoch):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "a.yaml"), "wb") as f:
                f.write(valid)
            if step is refuses_inputs:
                step(hiplan, tmp, valid)
            else:
                step(hiplan, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
