#!/usr/bin/env python3
"""`hiplan init` round-trips: every starter lints with only "fill this in" warnings
(HP701), for every submitter type and both frameworks; init never overwrites; and
carry-over keeps unfinished objectives with their latest values as baselines.

    check_init.py HIPLAN REPO_ROOT
"""
import json
import os
import subprocess
import sys

import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from checks import check, finish  # noqa: E402



def lint_codes(hiplan, path):
    proc = subprocess.run([hiplan, "lint", "--format", "json", path], capture_output=True, text=True)
    report = json.loads(proc.stdout)
    return proc.returncode, {f["code"] for f in report["findings"]}


def main():
    hiplan, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        starters = [("one-gloucestershire", "ICB"), ("one-gloucestershire", "ILP-COTSWOLD"),
                    ("one-gloucestershire", "CPG-CYP"), ("leeds-thig", "LCC")]
        for framework, submitter in starters:
            out = os.path.join(tmp, "{}-{}.yaml".format(framework, submitter))
            proc = subprocess.run([hiplan, "init", "--framework", framework, "--submitter", submitter,
                                   "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
            check(proc.returncode == 0, "init {} {}: exit {} {}".format(framework, submitter, proc.returncode, proc.stderr))
            rc, codes = lint_codes(hiplan, out)
            check(rc == 0 and codes == {"HP701"}, "starter {} {} lints with {} (exit {})".format(framework, submitter, codes, rc))
            with open(out, encoding="utf-8") as f:
                text = f.read()
            check(text.startswith("# yaml-language-server: $schema={}.template.schema.json".format(framework)),
                  "starter carries the schema comment")
            doc = yaml.safe_load(text)
            themes = {o["theme"] for o in doc["self_assessment"]["objectives"]}
            check(doc["submitter"]["id"] == submitter and len(themes) == len(doc["self_assessment"]["objectives"]),
                  "one objective skeleton per theme")
            check("ratings" not in doc["self_assessment"],
                  "no ratings: the built-in frameworks define no rating scale")
            before = text
            proc = subprocess.run([hiplan, "init", "--framework", framework, "--submitter", submitter,
                                   "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
            with open(out, encoding="utf-8") as f:
                check(proc.returncode == 2 and f.read() == before, "init never overwrites a file")

        out = os.path.join(tmp, "feedback.yaml")
        proc = subprocess.run([hiplan, "init", "--kind", "feedback", "--date", "2021-03-30", "-o", out],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "init --kind feedback: {}".format(proc.stderr))
        rc, codes = lint_codes(hiplan, out)
        check(rc == 0 and codes == {"HP701"}, "feedback starter lints with {}".format(codes))
        with open(out, encoding="utf-8") as f:
            answers = yaml.safe_load(f)["answers"]
        check(list(answers) == ["useful", "understand-inequalities", "inequality-lens", "more-information"],
              "feedback starter asks the framework's questions")

        check(subprocess.run([hiplan, "init", "--submitter", "GHCX", "--cycle", "2026-27", "-o",
                              os.path.join(tmp, "x.yaml")], capture_output=True).returncode == 2,
              "an unknown submitter is refused")

        # Carry-over from a template whose latest (autumn) review has complete and
        # on-track objectives.
        out = os.path.join(tmp, "ghc-2026-27.yaml")
        last = os.path.join(root, "examples", "ghc-2025-26.yaml")
        proc = subprocess.run([hiplan, "init", "--from", last, "--cycle", "2026-27", "-o", out],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "init --from: {}".format(proc.stderr))
        check("Carried over: GHC-1 (on-track), GHC-3 (on-track)" in proc.stderr, "says what it carried")
        check("Left out (finished): GHC-2 (complete)" in proc.stderr, "says what it left")
        rc, codes = lint_codes(hiplan, out)
        check(rc == 0 and codes == {"HP701"}, "carried-over template lints with {}".format(codes))
        with open(out, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        objectives = {o["id"]: o for o in doc["self_assessment"]["objectives"]}
        check(doc["cycle"] == "2026-27", "next cycle")
        check("GHC-2" not in objectives and "GHC-1" in objectives and "GHC-3" in objectives,
              "complete objectives are left out: {}".format(sorted(objectives)))
        check(objectives["GHC-1"].get("carried_over_from") == "2025-26/GHC-1", "carried_over_from set")
        m1 = objectives["GHC-1"]["measures"][0]
        check(m1["baseline"] == {"value": 58.0, "as_of": __import__("datetime").date(2026, 9, 30)},
              "latest value becomes the baseline: {}".format(m1["baseline"]))
        check(any(o["theme"] == "contributory" for o in objectives.values()),
              "a theme left uncovered gets a skeleton")
        check("ratings" not in doc["self_assessment"], "no ratings carried without a rating scale")

        # Mixed statuses in the latest (spring) review: nothing complete, all carried.
        out = os.path.join(tmp, "ghft-2026-27.yaml")
        proc = subprocess.run([hiplan, "init", "--from", os.path.join(root, "examples", "ghft-2025-26.yaml"),
                               "--cycle", "2026-27", "-o", out], capture_output=True, text=True)
        check("GHFT-1 (on-track), GHFT-2 (off-track), GHFT-3 (not-started)" in proc.stderr,
              "carries on-track, off-track and not-started: {}".format(proc.stderr))
        rc, codes = lint_codes(hiplan, out)
        check(rc == 0 and codes == {"HP701"}, "GHFT carry-over lints with {}".format(codes))

    return finish()


if __name__ == "__main__":
    sys.exit(main())
