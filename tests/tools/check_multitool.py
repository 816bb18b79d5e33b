#!/usr/bin/env python3
"""Microsoft's SARIF multitool validates hiplan's SARIF: no error, no warning.

    check_multitool.py HIPLAN SOURCE_DIR

The multitool (`sarif-multitool validate`, npm package @microsoft/sarif-multitool, which
.ci/clients installs) checks what the JSON Schema cannot: URIs and uriBaseIds, the tool's
information URI, rule metadata. hiplan lints a faulty template named in three ways, each
its own log: relative paths (one below the working folder, one through `..`), absolute
paths (inside and outside the working folder, one with a space and non-ASCII letters) and
all of them mixed in one run. The validation log's results are counted by level; any
error or warning fails, as does a file URI that does not name the linted file.

Skipped (exit 77) when the multitool is not installed, unless HIPLAN_REQUIRE_CLIENTS is set
(CI sets it after .ci/clients): then a missing multitool fails. HIPLAN_SARIF_MULTITOOL
names another multitool command than `sarif-multitool` on PATH.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from clients import missing

BAD_CASE = os.path.join("tests", "cli", "lint", "four-errors.yaml")
CLEAN_EXAMPLE = os.path.join("examples", "ghc-2025-26.yaml")


def multitool():
    """The multitool command, or None."""
    named = os.environ.get("HIPLAN_SARIF_MULTITOOL", "")
    return shutil.which(named or "sarif-multitool")


def layout(root, source):
    """The inputs: returns (working folder, {case: [argument, ...]}, {argument: real path})."""
    work = os.path.join(root, "work")
    outside = os.path.join(root, "outside", "dir with space")
    os.makedirs(os.path.join(work, "sub"))
    os.makedirs(outside)
    files = {
        os.path.join(work, "sub", "four-errors.yaml"): BAD_CASE,
        os.path.join(work, "inside.yaml"): BAD_CASE,
        os.path.join(work, "ghc-2025-26.yaml"): CLEAN_EXAMPLE,
        os.path.join(outside, "plan été 2025.yaml"): BAD_CASE,
        os.path.join(root, "outside", "up.yaml"): BAD_CASE,
    }
    for target, origin in files.items():
        shutil.copyfile(os.path.join(source, origin), target)
    relative = ["sub/four-errors.yaml", "ghc-2025-26.yaml", "../outside/up.yaml"]
    absolute = [os.path.join(work, "inside.yaml"), os.path.join(outside, "plan été 2025.yaml")]
    cases = {"relative": relative, "absolute": absolute, "mixed": relative + absolute}
    real = {a: os.path.realpath(os.path.join(work, a)) for a in relative + absolute}
    return work, cases, real


def uri_problems(log, real_paths):
    """A file URI must name a linted file exactly (percent-encoding undone)."""
    problems = []
    named = set(real_paths)
    for artifact in log["runs"][0].get("artifacts", []):
        location = artifact["location"]
        uri = location["uri"]
        if uri.startswith("file:"):
            parsed = urllib.parse.urlsplit(uri)
            path = urllib.parse.unquote(parsed.path, errors="strict")
            if parsed.netloc or "uriBaseId" in location or path not in named:
                problems.append("file URI {} names no linted file".format(uri))
        elif uri.startswith("/") or ".." in uri.split("/"):
            problems.append("relative URI {} starts with / or goes up".format(uri))
    return problems


def level_of(result, rules):
    """A result's level: its own, else its rule's default, else SARIF's default."""
    if "level" in result:
        return result["level"]
    index = result.get("ruleIndex", -1)
    if 0 <= index < len(rules):
        return rules[index].get("defaultConfiguration", {}).get("level", "warning")
    return "warning"


def validate(tool, folder, name):
    """Runs `validate` on folder/name; returns ({level: count}, [line, ...])."""
    out = name + ".validation.sarif"
    # The npm wrapper hands its arguments to a shell (so no ';' lists such as --level, and
    # only plain file names, in cwd). By default the log has errors and warnings.
    proc = subprocess.run([tool, "validate", name, "--output", out, "--log", "ForceOverwrite"],
                          cwd=folder, capture_output=True, timeout=300)
    path = os.path.join(folder, out)
    if not os.path.exists(path):
        return {"error": 1}, ["the multitool wrote no log (exit {}): {}".format(
            proc.returncode, (proc.stdout + proc.stderr).decode(errors="replace")[-2000:])]
    with open(path, encoding="utf-8-sig") as f:
        log = json.load(f)
    counts = {"error": 0, "warning": 0}
    lines = []
    for run in log.get("runs", []):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        for result in run.get("results", []):
            level = level_of(result, rules)
            counts[level] = counts.get(level, 0) + 1
            message = result.get("message", {})
            text = message.get("text") or " ".join(message.get("arguments", []))
            lines.append("{} {}: {}".format(level, result.get("ruleId"), text))
        for invocation in run.get("invocations", []):
            for note in invocation.get("toolExecutionNotifications", []):
                level = note.get("level", "warning")
                counts[level] = counts.get(level, 0) + 1
                lines.append("{} (tool): {}".format(level, note.get("message", {}).get("text")))
            if not invocation.get("executionSuccessful", True):
                counts["error"] += 1
                lines.append("error (tool): the validation did not complete")
    return counts, lines


def main():
    hiplan, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tool = multitool()
    if tool is None:
        return missing(os.environ.get("HIPLAN_SARIF_MULTITOOL") or "sarif-multitool")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="hiplan-multitool-") as root:
        work, cases, real = layout(root, source)
        for case, arguments in cases.items():
            name = case + ".sarif"
            proc = subprocess.run([hiplan, "lint", "--format", "sarif", *arguments], cwd=work,
                                  capture_output=True)
            if proc.returncode != 1:
                print("FAIL {}: hiplan exited {} (1 expected): {}".format(
                    case, proc.returncode, proc.stderr.decode(errors="replace")))
                failures += 1
                continue
            with open(os.path.join(work, name), "wb") as f:
                f.write(proc.stdout)
            log = json.loads(proc.stdout.decode("utf-8"))
            problems = uri_problems(log, [real[a] for a in arguments])
            counts, lines = validate(tool, work, name)
            print("{}: {} error(s), {} warning(s) from the multitool".format(
                case, counts.get("error", 0), counts.get("warning", 0)))
            for line in lines + problems:
                print("  " + line)
            if counts.get("error", 0) or counts.get("warning", 0) or problems:
                failures += 1
    print("{} failure(s)".format(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
