#!/usr/bin/env python3
"""What the dynamic loader opens: `lint` loads neither the workbook library (nor what it pulls
in: libcrypto, zlib, minizip) nor the stemmers, which only `compile` and `report` use; and
`compile` does open them when it needs them, so this check can fail.

    check_libraries.py HIPLAN REPO
"""
import os
import re
import subprocess
import sys
import tempfile

from checks import check, finish

# Libraries `lint` must not load: only compile and report use them.
WORKBOOK_ONLY = ("libxlsxwriter", "libcrypto", "libminizip", "libz.", "libstemmer")


def loaded(cmd):
    """The shared objects the loader opened for `cmd`, from the loader's own trace."""
    env = dict(os.environ, LD_DEBUG="files")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    names = set(re.findall(r"file=(\S+)\s+\[\d+\];\s+(?:needed|dynamically loaded)",
                           proc.stderr))
    return proc.returncode, {os.path.basename(n) for n in names}


def unwanted(names):
    return sorted(n for n in names if n.startswith(WORKBOOK_ONLY))


def main():
    hiplan, repo = sys.argv[1], sys.argv[2]
    example = os.path.join(repo, "examples", "ghc-2025-26.yaml")
    status, names = loaded([hiplan, "lint", example])
    check(status == 0, "lint of {} exited {}".format(example, status))
    check(any(n.startswith("libyaml-cpp") for n in names),
          "the loader trace names no library at all: {}".format(sorted(names)))
    check(not unwanted(names), "lint loaded {}".format(unwanted(names)))

    status, names = loaded([hiplan, "--version"])
    check(not unwanted(names), "--version loaded {}".format(unwanted(names)))

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "board.xlsx")
        status, names = loaded([hiplan, "compile", os.path.join(repo, "examples"),
                                "--round", "2026-spring", "-o", out])
        check(status in (0, 1) and os.path.isfile(out), "compile exited {}".format(status))
        for lib in ("libxlsxwriter", "libstemmer"):
            check(any(n.startswith(lib) for n in names),
                  "compile did not load {}: {}".format(lib, sorted(names)))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
