#!/usr/bin/env python3
"""Peer: Python jsonschema (Draft 2020-12) with libyaml's CSafeLoader over every file.
    validate_jsonschema.py SCHEMA DIR"""
import glob
import json
import os
import sys

import jsonschema
import yaml


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    invalid = 0
    files = sorted(glob.glob(os.path.join(sys.argv[2], "*.yaml")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        invalid += not validator.is_valid(doc)
    print("{} files, {} invalid".format(len(files), invalid))
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
