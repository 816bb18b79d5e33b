#!/usr/bin/env python3
"""Golden-file test of the real hiplan binary.

A case is a folder entry CASE.yaml (the input) with CASE.out (the expected stdout,
then "--- stderr ---" and stderr when there is any, then "[exit N]"). CASE.args, if
present, replaces the default arguments `lint --color never CASE.yaml` (one argument
per line). The binary runs in the case's folder, so paths in the output are relative.
A case must leave its folder as it was, byte for byte: a file it writes, replaces or
removes there (an input overwritten by a refused run) fails the case, and is put back.

    golden.py HIPLAN CASE_DIR CASE        run one case; print a diff on mismatch
    golden.py HIPLAN CASE_DIR --update    rewrite every CASE.out from the current binary
"""
import difflib
import os
import subprocess
import sys


def is_transient(name):
    """hiplan's temporary output file (.hiplan-PID-N.tmp): cases of one folder run in
    parallel, so another case's may come and go while this one runs; it is never an input.
    (tests/hostile/check_writes.py checks that none is left behind.)"""
    return name.startswith(".hiplan-") and name.endswith(".tmp")


def snapshot(folder):
    """Every file below `folder` but hiplan's temporary files: its bytes, by path."""
    files = {}
    for top, _, names in os.walk(folder):
        for name in names:
            if is_transient(name):
                continue
            path = os.path.join(top, name)
            try:
                with open(path, "rb") as f:
                    files[path] = f.read()
            except FileNotFoundError:
                continue  # gone between listing and reading
    return files


def restore(folder, before):
    """Puts `folder` back as `before` had it; returns what the case changed there."""
    after = snapshot(folder)
    changes = []
    for path in sorted(set(before) | set(after)):
        name = os.path.relpath(path, folder)
        if path not in before:
            changes.append("wrote " + name)
            os.remove(path)
        elif before[path] != after.get(path):
            changes.append(("removed " if path not in after else "changed ") + name)
            with open(path, "wb") as f:
                f.write(before[path])
    return changes


def run_case(binary, folder, case):
    args_file = os.path.join(folder, case + ".args")
    if os.path.exists(args_file):
        with open(args_file, encoding="utf-8") as f:
            args = [line.rstrip("\n") for line in f if line.strip()]
    else:
        args = ["lint", "--color", "never", case + ".yaml"]
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    before = snapshot(folder)
    try:
        proc = subprocess.run([binary] + args, cwd=folder, capture_output=True, env=env, timeout=60)
    finally:
        changes = restore(folder, before)
    text = proc.stdout.decode("utf-8", errors="backslashreplace")
    if proc.stderr:
        text += "--- stderr ---\n" + proc.stderr.decode("utf-8", errors="backslashreplace")
    return text + "[exit {}]\n".format(proc.returncode), changes


def cases_in(folder):
    names = set()
    for entry in os.listdir(folder):
        stem, ext = os.path.splitext(entry)
        if ext in (".out",):
            names.add(stem)
    return sorted(names)


def main():
    binary = os.path.abspath(sys.argv[1])
    folder = sys.argv[2]
    if sys.argv[3] == "--update":
        status = 0
        for case in cases_in(folder):
            text, changes = run_case(binary, folder, case)
            with open(os.path.join(folder, case + ".out"), "w", encoding="utf-8") as f:
                f.write(text)
            for change in changes:
                print("{}: the case {} in its folder (undone)".format(case, change))
                status = 1
        return status
    case = sys.argv[3]
    with open(os.path.join(folder, case + ".out"), encoding="utf-8") as f:
        expected = f.read()
    actual, changes = run_case(binary, folder, case)
    for change in changes:
        print("the case {} in its folder (undone)".format(change))
    if actual == expected and not changes:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), actual.splitlines(True), case + ".out (expected)", "actual"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
