#!/usr/bin/env python3
"""Checks the SARIF that `hiplan lint --format sarif` writes.

    check_sarif.py HIPLAN SCHEMA CASE_DIR GOLDEN [--update]

1. Every golden case in CASE_DIR validates against the official SARIF 2.1.0 JSON Schema
   (draft-04) and has what GitHub code scanning needs beyond the schema.
2. The rule catalogue in the log is `hiplan rules`, one entry per rule, in order, checked
   field by field rather than stored (adding a rule must not rewrite a golden file).
3. The rest of the log for CASE_DIR/four-errors.yaml (results, locations, fingerprints,
   artifacts) equals GOLDEN, a small file; --update rewrites it.
"""
import glob
import json
import os
import re
import subprocess
import sys
import urllib.parse

import jsonschema

GOLDEN_CASE = "four-errors.yaml"


def sarif(hiplan, folder, case):
    proc = subprocess.run([hiplan, "lint", "--format", "sarif", case], cwd=folder,
                          capture_output=True)
    return proc.returncode, json.loads(proc.stdout.decode("utf-8"))


def github_needs(log):
    """What GitHub code scanning reads beyond the schema; returns the problems."""
    problems = []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if not (rule["id"] == result["ruleId"] and result["message"]["text"]
                and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
                and rule["help"]["text"] and not uri.startswith("/")
                and result["partialFingerprints"]):
            problems.append("result {} lacks what GitHub needs".format(result["ruleId"]))
    return problems


def catalogue_problems(hiplan, log):
    """The log's rules against `hiplan rules` (code, name, severity, summary)."""
    table = subprocess.run([hiplan, "rules"], capture_output=True, check=True).stdout.decode()
    expected = []
    for line in table.splitlines()[1:]:
        m = re.match(r"(HP\d+)\s+(\S+)\s+(\S+)\s+\S+\s+(.*)$", line)
        if m:
            expected.append(m.groups())
    driver = log["runs"][0]["tool"]["driver"]
    version = subprocess.run([hiplan, "--version"], capture_output=True,
                             check=True).stdout.decode().split()[-1]
    problems = []
    if (driver["name"] != "hiplan" or driver["version"] != version
            or driver["semanticVersion"] != version):
        problems.append("driver is {} {}, not hiplan {}".format(driver["name"],
                                                                driver["version"], version))
    rules = driver["rules"]
    if len(rules) != len(expected) or not expected:
        problems.append("{} rules in the log, {} in `hiplan rules`".format(len(rules),
                                                                           len(expected)))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule, (code, name, severity, summary) in zip(rules, expected):
        got = (rule["id"], rule["name"], rule["defaultConfiguration"]["level"],
               rule["shortDescription"]["text"])
        want = (code, name, levels.get(severity, severity), summary)
        if got != want:
            problems.append("rule {}: {} in the log, {} in `hiplan rules`".format(code, got,
                                                                                    want))
        if not rule["help"]["text"].startswith(rule["fullDescription"]["text"]):
            problems.append("rule {}: help does not start with the description".format(code))
    return problems


def main():
    hiplan, schema_path, folder, golden = sys.argv[1:5]
    hiplan = os.path.abspath(hiplan)
    update = sys.argv[5:] == ["--update"]
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))
    failures = []
    cases = sorted(os.path.basename(c) for c in glob.glob(os.path.join(folder, "*.yaml")))
    for case in cases:
        try:
            _, log = sarif(hiplan, folder, case)
        except ValueError as e:
            failures.append("{}: not JSON: {}".format(case, e))
            continue
        for e in sorted(validator.iter_errors(log), key=lambda e: list(e.path))[:5]:
            failures.append("{}: {} at {}".format(case, e.message, list(e.path)))
        failures += ["{}: {}".format(case, p) for p in github_needs(log)]

    status, log = sarif(hiplan, folder, GOLDEN_CASE)
    failures += ["catalogue: " + p for p in catalogue_problems(hiplan, log)]
    driver = log["runs"][0]["tool"]["driver"]
    information = urllib.parse.urlsplit(driver.get("informationUri", ""))
    if information.scheme not in ("http", "https") or not information.netloc:
        failures.append("informationUri {!r} is not an absolute http(s) URI".format(
            driver.get("informationUri")))
    driver["informationUri"] = "(checked: the build's HIPLAN_HOME_URL, an absolute URI)"
    driver["rules"] = "(checked against `hiplan rules`)"
    driver["version"] = driver["semanticVersion"] = "(checked against `hiplan --version`)"
    for result in log["runs"][0]["results"]:
        result["ruleIndex"] = "(checked: points at ruleId)"  # moves when a rule is added
    log["exit status"] = status
    text = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if update:
        with open(golden, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        with open(golden, encoding="utf-8") as f:
            if f.read() != text:
                failures.append("{}: the log differs from {}; if the change is meant, rerun "
                                "with --update and review the diff".format(GOLDEN_CASE, golden))
    for f in failures:
        print("FAIL " + f)
    print("{} cases, {} failure(s)".format(len(cases), len(failures)))
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
