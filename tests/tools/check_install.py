#!/usr/bin/env python3
"""Installing hiplan (issue 20), one check per CTest test:

    check_install.py files CMAKE BUILD SOURCE WORK COMPLETION_DIR
        `cmake --install BUILD --prefix WORK`: every expected file is there and the
        installed binary runs.
    check_install.py man HIPLAN PAGE
        the man page has a section for every command `hiplan --help` lists, naming every
        long option of `hiplan CMD --help`, and renders without a roff warning or CLI11's
        type notation.
    check_install.py completion HIPLAN SCRIPT SOURCE
        the bash completion, sourced in bash (with bash-completion when installed, and
        without), offers every command, every option and every listed value of the help,
        and nothing the help does not list; rounds, files and rules.
    check_install.py deb CPACK BUILD WORK PACKAGE...
        `cpack -G DEB`: Depends names libyaml-cpp's package and each PACKAGE (the libraries
        hiplan opens with dlopen). Exit 77 (skipped) without cpack, dpkg-deb or
        dpkg-shlibdeps.
"""
import datetime
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import check, finish

SKIP = 77


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


def commands(hiplan):
    """The commands under 'Subcommands:' in `hiplan --help`."""
    names, inside = [], False
    for line in run([hiplan, "--help"]).stdout.splitlines():
        if line.strip() == "Subcommands:":
            inside = True
        elif not line.strip():
            inside = False
        elif inside:
            match = re.match(r"  ([a-z][-a-z0-9]*)(\s|$)", line)
            if match:
                names.append(match.group(1))
    return names


def options(hiplan, command):
    """{option name: its listed values or None} of `hiplan COMMAND --help` (short and long)."""
    found = {}
    for line in run([hiplan, command, "--help"]).stdout.splitlines():
        match = re.match(r"  (-[-\w,]+)(?: [A-Z]+:\{([^}]*)\})?", line)
        if match:
            values = match.group(2).split(",") if match.group(2) else None
            for name in match.group(1).split(","):
                found[name] = values
    return found


def check_files(cmake, build, source, work, completion_dir):
    shutil.rmtree(work, ignore_errors=True)
    proc = run([cmake, "--install", build, "--prefix", work])
    check(proc.returncode == 0, "cmake --install failed:\n" + proc.stdout + proc.stderr)
    expected = ["bin/hiplan", "share/man/man1/hiplan.1", completion_dir + "/hiplan",
                "share/doc/hiplan/README.md"]
    for pattern, folder in (("schemas/*.schema.json", "share/hiplan/schemas"),
                            ("schemas/frameworks/*.yaml", "share/hiplan/frameworks")):
        names = [os.path.basename(p) for p in glob.glob(os.path.join(source, pattern))]
        check(names, "no {} in the source".format(pattern))
        expected += [folder + "/" + name for name in names]
    for path in expected:
        check(os.path.isfile(os.path.join(work, path)), "not installed: " + path)
    installed = os.path.join(work, "bin", "hiplan")
    if os.path.isfile(installed):
        proc = run([installed, "--version"])
        check(proc.returncode == 0 and re.fullmatch(r"hiplan \d+\.\d+\.\d+\n", proc.stdout),
              "installed hiplan --version: {} {!r}".format(proc.returncode, proc.stdout))
        print("installed:", proc.stdout.strip())
    print("{} files expected under {}".format(len(expected), work))


def sections(page):
    """{section title: its roff text} of a man page."""
    found, title = {}, None
    for line in page.splitlines():
        match = re.match(r'\.SH "?([^"]*)"?$', line)
        if match:
            title = match.group(1)
            found[title] = ""
        elif title:
            found[title] += line + "\n"
    return found


def check_man(hiplan, page_path):
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    found = sections(page)
    print("sections:", ", ".join(found))
    names = commands(hiplan)
    check(names, "hiplan --help lists no commands")
    for command in names:
        title = "HIPLAN " + command.upper()
        check(title in found, "no section '{}'".format(title))
        for option in options(hiplan, command):
            if option.startswith("--"):
                check(option.replace("-", "\\-") in found.get(title, ""),
                      "section '{}' does not name {}".format(title, option))
    groff = shutil.which("groff")
    if not groff:
        print("groff not installed: rendering not checked")
        return
    proc = run([groff, "-t", "-man", "-Tutf8", "-ww", "-z", page_path])
    check(proc.returncode == 0 and not proc.stderr.strip(), "groff warns:\n" + proc.stderr)
    text = run([groff, "-t", "-man", "-Tascii", "-P-cbou", page_path]).stdout
    for garbage in (r"[A-Z]+:\{", r"UINT in", r"Excludes:", r"\\f", r"\\-", r"^\.", r"TEXT:"):
        bad = [line for line in text.splitlines() if re.search(garbage, line)]
        check(not bad, "the rendered page shows {}: {}".format(garbage, bad[:3]))
    for command in names:
        check(re.search(r"^HIPLAN {}$".format(command.upper()), text, re.M),
              "rendered: no heading HIPLAN " + command.upper())


COMPLETE = r"""
[[ $1 == full ]] && source /usr/share/bash-completion/bash_completion
source "$2"
shift 2
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_POINT=${#COMP_LINE}
_hiplan "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""


def complete(mode, script, line, cwd=None):
    """COMPREPLY for the command line `line` (the cursor at its end), with readline's words:
    split at blanks and at '=' (in COMP_WORDBREAKS)."""
    words = []
    for word in line.split(" "):
        parts = word.split("=")
        for i, part in enumerate(parts):
            if i:
                words.append("=")
            if part or i == len(parts) - 1:
                words.append(part)
    if words and words[-1] == "=":
        words.append("")
    proc = run(["bash", "-c", COMPLETE, "complete", mode, script] + words,
               env=dict(os.environ, COMP_LINE=line), cwd=cwd)
    check(proc.returncode == 0 and not proc.stderr,
          "{}: completing {!r} failed: {}".format(mode, line, proc.stderr))
    return [w for w in proc.stdout.split("\n") if w]


def check_completion(hiplan, script, source):
    modes = ["bare"]
    if os.path.isfile("/usr/share/bash-completion/bash_completion"):
        modes.append("full")
    else:
        print("bash-completion not installed: checked without _init_completion only")
    names = commands(hiplan)
    check(names, "hiplan --help lists no commands")
    year = datetime.date.today().year
    for mode in modes:
        got = complete(mode, script, "hiplan ")
        check(sorted(got) == sorted(names), "{}: commands {} != help's {}".format(mode, got, names))
        check(complete(mode, script, "hiplan rul") == ["rules"], mode + ": 'hiplan rul'")
        check(sorted(complete(mode, script, "hiplan -")) == ["--help", "--version", "-h"],
              mode + ": top-level options")
        for command in names:
            listed = options(hiplan, command)
            got = complete(mode, script, "hiplan {} -".format(command))
            check(sorted(got) == sorted(listed),
                  "{}: options of {}: missing {}, not in the help {}".format(
                      mode, command, sorted(set(listed) - set(got)),
                      sorted(set(got) - set(listed))))
            for option, values in listed.items():
                if values:
                    got = complete(mode, script, "hiplan {} {} ".format(command, option))
                    check(sorted(got) == sorted(values), "{}: {} {}: {} != help's {}".format(
                        mode, command, option, got, values))
        got = complete(mode, script, "hiplan lint --format=s")
        check(got == ["sarif"], "{}: --format=s: {}".format(mode, got))
        rounds = complete(mode, script, "hiplan compile --round ")
        check(rounds and all(re.fullmatch(r"\d{4}-(spring|autumn)", r) for r in rounds)
              and "{}-spring".format(year) in rounds and "{}-autumn".format(year) in rounds,
              "{}: rounds {}".format(mode, rounds))
        frameworks = complete(mode, script, "hiplan schema --framework ")
        for path in glob.glob(os.path.join(source, "schemas", "frameworks", "*.yaml")):
            name = os.path.basename(path)[:-len(".yaml")]
            check(name in frameworks, "{}: schema --framework: no {}".format(mode, name))
        with tempfile.TemporaryDirectory() as folder:
            os.mkdir(os.path.join(folder, "submissions"))
            open(os.path.join(folder, "submitted.yaml"), "w").close()
            got = complete(mode, script, "hiplan lint sub", cwd=folder)
            check(sorted(got) == ["submissions", "submitted.yaml"],
                  "{}: paths: {}".format(mode, got))
        got = complete(mode, script, hiplan + " explain HP20")
        check("HP201" in got, "{}: explain HP20: {}".format(mode, got))
        print("{}: {} commands checked".format(mode, len(names)))


def check_deb(cpack, build, work, packages):
    missing = [t for t in ("dpkg-deb", "dpkg-shlibdeps") if not shutil.which(t)]
    if not os.path.isfile(cpack) or missing:
        print("skipped: missing", missing or [cpack])
        return SKIP
    shutil.rmtree(work, ignore_errors=True)
    proc = run([cpack, "-G", "DEB", "-B", work, "--config",
                os.path.join(build, "CPackConfig.cmake")])
    debs = glob.glob(os.path.join(work, "hiplan_*.deb"))
    check(proc.returncode == 0 and len(debs) == 1,
          "cpack failed or made {}:\n{}{}".format(debs, proc.stdout, proc.stderr))
    if not debs:
        return finish()
    depends = run(["dpkg-deb", "-f", debs[0], "Depends"]).stdout.strip()
    print(os.path.basename(debs[0]))
    print("Depends:", depends)
    names = [re.match(r"\s*([^\s(]+)", d).group(1) for d in depends.split(",") if d.strip()]
    check(any(n.startswith("libyaml-cpp") for n in names), "Depends has no libyaml-cpp")
    for package in packages:
        check(package in names, "Depends has no " + package)
    contents = run(["dpkg-deb", "-c", debs[0]]).stdout
    for path in ("./usr/bin/hiplan", "./usr/share/man/man1/hiplan.1",
                 "/completions/hiplan", "./usr/share/hiplan/frameworks/",
                 "./usr/share/hiplan/schemas/"):
        check(path in contents, "the package has no " + path)
    return finish()


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "files":
        check_files(*args)
    elif mode == "man":
        check_man(*args)
    elif mode == "completion":
        check_completion(*args)
    elif mode == "deb":
        return check_deb(args[0], args[1], args[2], args[3:])
    else:
        check(False, "unknown check " + mode)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
