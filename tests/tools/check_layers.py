#!/usr/bin/env python3
"""The layers of ARCHITECTURE.md, enforced: reads the layer table between the markers
`<!-- layers -->` and `<!-- /layers -->` (one line per layer, lowest first, as
`N. folder folder ...`), then every `#include "hiplan/<folder>/..."` under src/, and fails
on an include that goes to a higher layer, or sideways to another folder of the same
layer, and on a folder that the table does not name.

    check_layers.py REPO_ROOT
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"hiplan/([a-z_]+)/')


def read_layers(root):
    with open(os.path.join(root, "ARCHITECTURE.md"), encoding="utf-8") as f:
        text = f.read()
    block = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
    if not block:
        sys.exit("ARCHITECTURE.md has no <!-- layers --> block")
    level = {}
    for line in block.group(1).splitlines():
        m = re.match(r"^\s*(\d+)\.\s+(.*)$", line)
        if not m:
            continue
        for folder in re.findall(r"`([a-z_]+)/`", m.group(2)):
            level[folder] = int(m.group(1))
    return level


def main():
    root = sys.argv[1]
    level = read_layers(root)
    src = os.path.join(root, "src", "hiplan")
    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        if folder not in level:
            problems.append("src/hiplan/{}/ is not in the layer table of ARCHITECTURE.md".format(folder))
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".hpp", ".cpp")):
                continue  # report/templates/ holds Mustache, not C++
            with open(os.path.join(path, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m or m.group(1) == folder:
                        continue
                    target = m.group(1)
                    where = "src/hiplan/{}/{}:{}".format(folder, name, number)
                    if target not in level:
                        problems.append("{}: includes {}/, which the layer table does not name".format(where, target))
                    elif level[target] >= level[folder]:
                        problems.append("{}: {}/ (layer {}) may not include {}/ (layer {}): {}".format(
                            where, folder, level[folder], target, level[target], line.strip()))
    for p in problems:
        print(p)
    print("{} include(s) against the layers".format(len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
