#!/usr/bin/env python3
"""The pre-commit hooks (.pre-commit-hooks.yaml) as a repository of templates uses them.

    check_precommit.py HIPLAN SOURCE_DIR

The hooks are copied into a git repository of their own and committed there: `pre-commit
try-repo` of a working tree takes its tracked changes only (a new, unstaged hooks file would
be left out) and needs a git repository, which a source tarball is not. In a second
repository, a copy of examples/ with a .hiplan.yaml and a .pre-commit-config.yaml (hidden
files, which the hooks leave out):

1. `pre-commit try-repo HOOKS hiplan --files ...` passes on the clean examples and actually
   runs hiplan on them;
2. with a template with a typo added, it fails and prints the finding;
3. the .pre-commit-config.yaml of docs/ci.md (repo and rev pointed at the hooks repository),
   installed with `pre-commit install`: `git commit` of the faulty template is refused and
   the fixed one is committed; `hiplan-strict` refuses a template with a warning only.

The built hiplan is first on PATH. PRE_COMMIT_HOME and HOME point into a temporary folder,
so nothing is read from or written to the user's caches and git configuration. Skipped
(exit 77) when git or pre-commit is not installed, unless HIPLAN_REQUIRE_CLIENTS is set.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from clients import missing

TYPO = ("      title: ", "      titel: ")


class Checker:
    def __init__(self, hiplan, root):
        self.failures = 0
        self.env = dict(os.environ)
        self.env.update({
            "PATH": os.path.dirname(hiplan) + os.pathsep + os.environ.get("PATH", ""),
            "HOME": os.path.join(root, "home"),
            "PRE_COMMIT_HOME": os.path.join(root, "pre-commit-home"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "hiplan test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "hiplan test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        })
        for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT_COLOR"):
            self.env.pop(name, None)
        os.makedirs(self.env["HOME"])

    def run(self, args, cwd):
        proc = subprocess.run(args, cwd=cwd, env=self.env, capture_output=True, timeout=300)
        return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", errors="replace")

    def git(self, args, cwd):
        status, out = self.run(["git", "-c", "init.defaultBranch=main", *args], cwd)
        if status != 0:
            raise RuntimeError("git {} failed: {}".format(" ".join(args), out))
        return out

    def expect(self, what, ok, output):
        print("{} {}".format("ok  " if ok else "FAIL", what))
        if not ok:
            self.failures += 1
            print("    " + output.replace("\n", "\n    "))


def docs_config():
    """The .pre-commit-config.yaml example of docs/ci.md (the block with `repos:`)."""
    with open(os.path.join(SOURCE, "docs", "ci.md"), encoding="utf-8") as f:
        text = f.read()
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        doc = yaml.safe_load(block)
        if isinstance(doc, dict) and "repos" in doc:
            return doc
    raise RuntimeError("docs/ci.md has no .pre-commit-config.yaml example")


def main():
    hiplan = os.path.abspath(sys.argv[1])
    for tool in ("git", "pre-commit"):
        if shutil.which(tool) is None:
            return missing(tool)
    with tempfile.TemporaryDirectory(prefix="hiplan-pre-commit-") as root:
        c = Checker(hiplan, root)
        hooks = os.path.join(root, "hooks")
        os.makedirs(hooks)
        shutil.copyfile(os.path.join(SOURCE, ".pre-commit-hooks.yaml"),
                        os.path.join(hooks, ".pre-commit-hooks.yaml"))
        c.git(["init", "-q"], hooks)
        c.git(["add", "."], hooks)
        c.git(["commit", "-q", "-m", "hooks"], hooks)
        rev = c.git(["rev-parse", "HEAD"], hooks).strip()

        repo = os.path.join(root, "templates")
        os.makedirs(os.path.join(repo, "submissions"))
        examples = sorted(glob.glob(os.path.join(SOURCE, "examples", "*.yaml")))
        for example in examples:
            shutil.copy(example, os.path.join(repo, "submissions"))
        with open(os.path.join(repo, ".hiplan.yaml"), "w", encoding="utf-8") as f:
            f.write("ignore: [duplicate-title]\n")
        config = docs_config()
        for entry in config["repos"]:
            entry["repo"], entry["rev"] = hooks, rev
        with open(os.path.join(repo, ".pre-commit-config.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(config, f)
        c.git(["init", "-q"], repo)
        c.git(["add", "."], repo)
        c.git(["commit", "-q", "-m", "examples"], repo)
        files = [".hiplan.yaml", ".pre-commit-config.yaml"] + [
            "submissions/" + os.path.basename(e) for e in examples]

        def try_repo(hook, names):
            # --verbose: the hook's output also when it passes.
            return c.run(["pre-commit", "try-repo", "--verbose", hooks, hook, "--files", *names],
                         repo)

        status, out = try_repo("hiplan", files)
        c.expect("try-repo hiplan passes on the examples, hidden files left out",
                 status == 0 and re.search(r"hiplan lint\.+Passed", out) is not None
                 and "Checked {} files".format(len(examples)) in out, out)

        bad = os.path.join(repo, "submissions", "bad.yaml")
        with open(examples[0], encoding="utf-8") as f:
            text = f.read()
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text.replace(*TYPO, 1))
        status, out = try_repo("hiplan", files + ["submissions/bad.yaml"])
        c.expect("try-repo hiplan fails on a typo and prints the finding",
                 status == 1 and "hiplan lint" in out and "Failed" in out
                 and re.search(r"submissions/bad\.yaml:\d+:\d+: error\[HP201/unknown-key\]",
                               out) is not None, out)

        # The docs' configuration, installed: the commit of the faulty file is refused.
        status, out = c.run(["pre-commit", "install"], repo)
        c.expect("pre-commit install", status == 0, out)
        c.git(["add", "submissions/bad.yaml"], repo)
        status, out = c.run(["git", "commit", "-m", "a typo"], repo)
        head = c.git(["log", "--format=%s", "-1"], repo).strip()
        c.expect("the commit hook refuses the typo", status != 0 and head == "examples"
                 and "HP201" in out, out)
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text)
        c.git(["add", "submissions/bad.yaml"], repo)
        status, out = c.run(["git", "commit", "-m", "fixed"], repo)
        c.expect("the commit hook lets the fixed template in", status == 0, out)

        # A warning passes `hiplan`, and `hiplan-strict` refuses it.
        with open(bad, "a", encoding="utf-8") as f:
            f.write("# hiplan: ignore[unknown-key]\n")
        status, out = try_repo("hiplan", ["submissions/bad.yaml"])
        c.expect("try-repo hiplan lets a warning pass", status == 0 and "HP705" in out, out)
        status, out = try_repo("hiplan-strict", ["submissions/bad.yaml"])
        c.expect("try-repo hiplan-strict refuses a warning", status == 1 and "HP705" in out,
                 out)
    print("{} failure(s)".format(c.failures))
    return 1 if c.failures else 0


if __name__ == "__main__":
    SOURCE = os.path.abspath(sys.argv[2])
    sys.exit(main())
