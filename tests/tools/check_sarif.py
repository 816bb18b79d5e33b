#!/usr/bin/env python3
"""Validates the SARIF that `hiplan lint --format sarif` writes for every golden case
against the official SARIF 2.1.0 JSON Schema (draft-04), and checks what GitHub code
scanning needs beyond the schema.

    check_sarif.py HIPLAN SCHEMA CASE_DIR
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema


def main():
    hiplan, schema_path, folder = sys.argv[1:4]
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))
    failures = 0
    cases = sorted(glob.glob(os.path.join(folder, "*.yaml")))
    for case in cases:
        proc = subprocess.run([hiplan, "lint", "--format", "sarif", os.path.basename(case)],
                              cwd=folder, capture_output=True)
        try:
            log = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            print("FAIL {}: not JSON: {}".format(case, e))
            failures += 1
            continue
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors[:5]:
            print("FAIL {}: {} at {}".format(case, e.message, list(e.path)))
        failures += bool(errors)
        run = log["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        for result in run["results"]:
            rule = rules[result["ruleIndex"]]
            ok = (rule["id"] == result["ruleId"] and result["message"]["text"]
                  and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
                  and rule["help"]["text"]
                  and not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
                  and result["partialFingerprints"])
            if not ok:
                print("FAIL {}: result {} lacks what GitHub needs".format(case, result["ruleId"]))
                failures += 1
    print("{} cases, {} failure(s)".format(len(cases), failures))
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
