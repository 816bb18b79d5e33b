#!/usr/bin/env python3
"""Every message and hint hiplan shows a submitter is in plain words: no parser terms.

    check_plain_words.py HIPLAN CASE_DIR [MORE_CASE_DIRS...]

Checked: each rule's summary, description and fix (from the SARIF rule list, examples left
out, as they are YAML), and the message and hint of every finding and every error or
warning of the program ("hiplan: error: ...") in the golden outputs (*.out of each folder;
the rules are read in the first, which holds four-errors.yaml). Text in quotes ('...', "...", `...`) is what the user wrote or a field's
name, and is not checked.
"""
import glob
import json
import os
import re
import subprocess
import sys

BANNED = ["mapping", "mappings", "sequence", "sequences", "scalar", "scalars", "node", "nodes",
          "flow", "list of text", "key", "keys", "parser", "token", "YAML tag", "document root"]
# A word inside a rule's name ("unknown-key") is a name, not prose.
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in BANNED) + r")(?![\w-])",
                     re.IGNORECASE)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\{[^}]*\}|\[[^\]]*\]")
FINDING = re.compile(r"^\S.*?:\d+:\d+: (?:error|warning|note)\[HP\d+/[a-z0-9-]+\]: (.*)$")
HINT = re.compile(r"^\s*= hint: (.*)$")
PROGRAM = re.compile(r"^hiplan: (?:error|warning): (.*)$")


def problems_in(text):
    return PATTERN.findall(QUOTED.sub("", text))


def main():
    hiplan, folder, more = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    failures = []
    log = json.loads(subprocess.run([hiplan, "lint", "--format", "sarif", "four-errors.yaml"],
                                    cwd=folder, capture_output=True).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        help_text = rule["help"]["text"].split("\n\nFails:")[0]
        for text in (rule["shortDescription"]["text"], rule["fullDescription"]["text"], help_text):
            for word in problems_in(text):
                failures.append("{} {}: '{}' in: {}".format(rule["id"], rule["name"], word, text))
    outs = sorted(out for f in [folder, *more] for out in glob.glob(os.path.join(f, "*.out")))
    for out in outs:
        with open(out, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = FINDING.match(line) or HINT.match(line) or PROGRAM.match(line)
                if m:
                    for word in problems_in(m.group(1)):
                        failures.append("{}:{}: '{}' in: {}".format(os.path.basename(out), number,
                                                                  word, m.group(1)))
    for f in failures:
        print("FAIL " + f)
    print("{} rules and {} golden outputs, {} parser word(s)".format(len(rules), len(outs),
                                                                    len(failures)))
    return 1 if failures or not rules or not outs else 0


if __name__ == "__main__":
    sys.exit(main())
