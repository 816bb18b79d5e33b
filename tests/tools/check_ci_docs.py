#!/usr/bin/env python3
"""The CI examples of docs/ci.md keep working.

    check_ci_docs.py HIPLAN SOURCE_DIR SARIF_SCHEMA

Every ```yaml block of docs/ci.md is parsed. In the GitHub Actions workflow (`jobs:` with
`steps:`) and the GitLab CI job (a job with `script:`), each `hiplan lint` command line is
run as written, with HIPLAN in place of the path to the binary, in a folder holding
`submissions/` (a copy of examples/ and a template with a typo). Then what the command
produced is read back as its consumer reads it:

- SARIF validates against the SARIF 2.1.0 JSON Schema and has the typo's result;
- JUnit parses, its counts add up, every test case has a name and a classname (GitLab's
  test summary needs both), the typo is a failed case and every example a passing one;
- `--format github` prints only workflow commands, the typo as `::error file=...,line=...::`;
- the file the SARIF upload step (`sarif_file`) or the GitLab report (`reports: junit:`)
  names is one the command writes, and they are kept when the lint fails (`if: always()`,
  `when: always`).

A `.pre-commit-config.yaml` example names only hooks that .pre-commit-hooks.yaml defines.
"""
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema
import yaml

TYPO = ("      title: ", "      titel: ")
BAD = "submissions/bad.yaml"
GITHUB_LINE = re.compile(r"^::(error|warning|notice)( [^:]*)?::.*$")
GITHUB_BAD = re.compile(r"^::error file=submissions/bad\.yaml,line=\d+,col=\d+[^:]*::")


def yaml_blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = []
    for m in re.finditer(r"^( *)```yaml\n(.*?)^\1```", text, re.S | re.M):
        indent = len(m.group(1))
        body = "".join(line[indent:] for line in m.group(2).splitlines(keepends=True))
        blocks.append((text.count("\n", 0, m.start()) + 1, yaml.safe_load(body)))
    return blocks


def commands(script):
    """`hiplan lint` commands (argument lists) in shell text, one per line or `&&` part."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        part = []
        for word in words + ["&&"]:
            if word in ("&&", "||", ";"):
                if len(part) > 1 and os.path.basename(part[0]) == "hiplan" and part[1] == "lint":
                    found.append(part)
                part = []
            else:
                part.append(word)
    return found


def outputs(args):
    """{format: path} of --output-file FORMAT=PATH, and the stdout format."""
    files, stdout_format = {}, "text"
    for i, arg in enumerate(args):
        value = args[i + 1] if i + 1 < len(args) else ""
        if arg.startswith("--output-file="):
            value, arg = arg.split("=", 1)[1], "--output-file"
        if arg.startswith("--format="):
            value, arg = arg.split("=", 1)[1], "--format"
        if arg == "--output-file":
            fmt, path = value.split("=", 1)
            files[fmt] = path
        elif arg == "--format":
            stdout_format = value
    return files, stdout_format


class Checker:
    def __init__(self, hiplan, source, schema):
        self.hiplan, self.source, self.failures = hiplan, source, 0
        with open(schema, encoding="utf-8") as f:
            self.sarif_schema = jsonschema.Draft4Validator(json.load(f))
        self.examples = sorted(glob.glob(os.path.join(source, "examples", "*.yaml")))

    def expect(self, what, ok, detail=""):
        print("{} {}".format("ok  " if ok else "FAIL", what))
        if not ok:
            self.failures += 1
            if detail:
                print("    " + str(detail).replace("\n", "\n    ")[:4000])

    def submissions(self, work):
        folder = os.path.join(work, "submissions")
        os.makedirs(folder)
        for example in self.examples:
            shutil.copy(example, folder)
        with open(self.examples[0], encoding="utf-8") as f:
            text = f.read()
        assert TYPO[0] in text
        with open(os.path.join(work, BAD), "w", encoding="utf-8") as f:
            f.write(text.replace(*TYPO, 1))

    def expected_names(self):
        return ["submissions/" + os.path.basename(e) for e in self.examples] + [BAD]

    def run_command(self, where, args):
        """Runs one documented command; returns {format: path} of what it wrote."""
        work = tempfile.mkdtemp(prefix="hiplan-ci-docs-")
        self.submissions(work)
        files, stdout_format = outputs(args)
        self.expect("{}: `{}` names submissions/".format(where, " ".join(args)),
                    any(a.rstrip("/") == "submissions" for a in args[2:]))
        proc = subprocess.run([self.hiplan] + args[1:], cwd=work, capture_output=True)
        out = proc.stdout.decode("utf-8")
        self.expect("{}: exit status 1 for the typo".format(where), proc.returncode == 1,
                    proc.stderr.decode("utf-8", errors="replace") + out)
        if stdout_format == "github":
            self.check_github(where, out)
        for fmt, path in files.items():
            full = os.path.join(work, path)
            if not os.path.isfile(full):
                self.expect("{}: {} written to {}".format(where, fmt, path), False)
            elif fmt == "sarif":
                self.check_sarif(where, full)
            elif fmt == "junit":
                self.check_junit(where, full)
            elif fmt == "json":
                with open(full, encoding="utf-8") as f:
                    doc = json.load(f)
                self.expect("{}: JSON has the typo".format(where),
                            any(x["file"] == BAD for x in doc["findings"]))
        shutil.rmtree(work)
        return files

    def check_github(self, where, out):
        lines = out.splitlines()
        stray = [line for line in lines if not GITHUB_LINE.match(line)]
        self.expect("{}: stdout is GitHub workflow commands only".format(where),
                    lines and not stray, "\n".join(stray[:5]))
        self.expect("{}: the typo is ::error file={},line=...::".format(where, BAD),
                    any(GITHUB_BAD.match(line) for line in lines), out[:2000])
        self.expect("{}: no error annotation for the examples".format(where),
                    all(BAD in line for line in lines if line.startswith("::error")), out[:2000])

    def check_sarif(self, where, path):
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        errors = [e.message for e in self.sarif_schema.iter_errors(log)][:5]
        self.expect("{}: SARIF validates against the 2.1.0 schema".format(where), not errors,
                    "\n".join(errors))
        run = log["runs"][0]
        uris = sorted(a["location"]["uri"] for a in run["artifacts"])
        self.expect("{}: SARIF artifacts are the submissions, relative".format(where),
                    uris == sorted(self.expected_names()), uris)
        bad = [r for r in run["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BAD]
        self.expect("{}: SARIF has the typo (HP201) and only it".format(where),
                    [r["ruleId"] for r in bad] == ["HP201"] and len(run["results"]) == 1,
                    [r["ruleId"] for r in run["results"]])

    def check_junit(self, where, path):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            self.expect("{}: JUnit parses".format(where), False, e)
            return
        cases = root.findall("./testsuite/testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        self.expect("{}: JUnit <testsuites> counts add up".format(where),
                    root.tag == "testsuites" and cases
                    and int(root.get("tests")) == len(cases)
                    and int(root.get("failures")) == len(failed)
                    and all(int(s.get("tests")) == len(s.findall("testcase"))
                            for s in root.findall("testsuite")))
        self.expect("{}: every test case has a name and a classname".format(where),
                    all(c.get("name") and c.get("classname") for c in cases))
        self.expect("{}: the typo is one failed test case (HP201)".format(where),
                    [(c.get("classname"), c.get("name").split()[0]) for c in failed]
                    == [(BAD, "HP201")] and failed[0].find("failure").text,
                    [(c.get("classname"), c.get("name")) for c in failed])
        passed = sorted(c.get("classname") for c in cases if c.find("failure") is None)
        self.expect("{}: every example is a passing test case".format(where),
                    passed == sorted(self.expected_names()[:-1]), passed)

    def github_workflow(self, line, doc):
        for job_name, job in doc["jobs"].items():
            written, upload = {}, []
            for step in job.get("steps", []):
                for args in commands(step.get("run", "")):
                    written.update(self.run_command("ci.md:{} {}".format(line, job_name), args))
                if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif"):
                    upload.append(step)
            self.expect("ci.md:{} {}: a hiplan lint command".format(line, job_name), written
                        or any(commands(s.get("run", "")) for s in job.get("steps", [])))
            for step in upload:
                name = step.get("with", {}).get("sarif_file")
                self.expect("ci.md:{}: upload-sarif's sarif_file {} is the SARIF hiplan "
                            "writes".format(line, name), name == written.get("sarif"))
                self.expect("ci.md:{}: the SARIF is uploaded when lint fails (if: always())"
                            .format(line), step.get("if") == "always()")
            if upload:
                self.expect("ci.md:{}: permissions allow security-events: write".format(line),
                            doc.get("permissions", {}).get("security-events") == "write")

    def gitlab_job(self, line, name, job):
        written, found = {}, False
        for entry in job["script"]:
            for args in commands(entry):
                found = True
                written.update(self.run_command("ci.md:{} {}".format(line, name), args))
        self.expect("ci.md:{} {}: a hiplan lint command".format(line, name), found)
        artifacts = job.get("artifacts", {})
        report = artifacts.get("reports", {}).get("junit")
        self.expect("ci.md:{} {}: reports: junit: {} is the JUnit hiplan writes".format(
            line, name, report), report is not None and report == written.get("junit"))
        self.expect("ci.md:{} {}: the report is kept when lint fails (when: always)".format(
            line, name), artifacts.get("when") == "always")

    def precommit_config(self, line, doc):
        with open(os.path.join(self.source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
            defined = {hook["id"] for hook in yaml.safe_load(f)}
        used = [hook["id"] for repo in doc["repos"] for hook in repo["hooks"]]
        self.expect("ci.md:{}: the pre-commit hooks {} exist".format(line, used),
                    used and set(used) <= defined)


def main():
    hiplan, source, schema = (os.path.abspath(a) for a in sys.argv[1:4])
    c = Checker(hiplan, source, schema)
    kinds = {"github": 0, "gitlab": 0, "pre-commit": 0}
    for line, doc in yaml_blocks(os.path.join(source, "docs", "ci.md")):
        if not isinstance(doc, dict):
            continue
        if "jobs" in doc and ("on" in doc or True in doc):  # YAML 1.1 reads `on` as true
            kinds["github"] += 1
            c.github_workflow(line, doc)
        elif "repos" in doc:
            kinds["pre-commit"] += 1
            c.precommit_config(line, doc)
        else:
            for name, job in doc.items():
                if isinstance(job, dict) and "script" in job:
                    kinds["gitlab"] += 1
                    c.gitlab_job(line, name, job)
    for kind, count in kinds.items():
        c.expect("docs/ci.md has a {} example".format(kind), count > 0)
    print("{} failure(s)".format(c.failures))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
