#!/usr/bin/env python3
"""Times hiplan against the parse floor and two general-purpose validators on the same
corpus, and prints one table per corpus size. Called by bench/run.sh.

    bench.py --hiplan BIN --floor BIN [--ajv BIN] [--libyaml-floor BIN] --sizes 100 1000 ...
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measure(cmd, repeats):
    """Best wall time of `repeats` runs, and the peak RSS (MB) of the best run."""
    best = None
    for _ in range(repeats):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if best is None or wall < best[0]:
            best = (wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
    return best


def corpus(size, seed, hiplan):
    """Generates (once) the corpus of `size` templates, its framework file and the JSON
    Schema `hiplan schema` writes for that framework."""
    folder = os.path.join(HERE, ".corpus", "{}-{}".format(size, seed))
    framework = folder + ".framework.yaml"
    schema = folder + ".schema.json"
    if not os.path.isfile(schema):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--files", str(size),
                        "--out", folder, "--framework-out", framework, "--seed", str(seed)],
                       check=True)
        with open(schema + ".tmp", "w", encoding="utf-8") as out:
            subprocess.run([hiplan, "schema", "--kind", "template", "--framework", framework],
                           stdout=out, check=True)
        os.replace(schema + ".tmp", schema)
    files = [os.path.join(folder, n) for n in os.listdir(folder)]
    return folder, framework, schema, len(files), sum(os.path.getsize(f) for f in files) / 1e6


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hiplan", required=True)
    p.add_argument("--floor", required=True)
    p.add_argument("--ajv")
    p.add_argument("--libyaml-floor", help="reference row: the floor with libyaml's parser")
    p.add_argument("--python", default="/usr/bin/python3")
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    cores = os.cpu_count()

    def repeats(size):
        return a.repeats if size <= 1000 else max(1, a.repeats - 1)
    for size in a.sizes:
        folder, framework, schema, files, mb = corpus(size, a.seed, a.hiplan)
        out = os.path.join(HERE, ".corpus", "board-{}.xlsx".format(size))
        runs = [
            ("parse floor (yaml-cpp events, 1 thread)", [a.floor, folder]),
            ("hiplan lint --jobs 1", [a.hiplan, "lint", "--framework", framework, "--jobs", "1", folder]),
            ("hiplan lint (all {} cores)".format(cores), [a.hiplan, "lint", "--framework", framework, folder]),
            ("hiplan compile (all cores)", [a.hiplan, "compile", "--framework", framework, folder,
                                            "-o", out, "--round", "2026-spring", "--force"]),
        ]
        if a.ajv:
            runs.append(("ajv-cli + js-yaml (JSON Schema)", [a.ajv, "validate", "--spec=draft2020",
                         "-c", "ajv-formats", "-s", schema, "-d", os.path.join(folder, "*.yaml")]))
        runs.append(("Python jsonschema + CSafeLoader", [a.python, os.path.join(HERE, "validate_jsonschema.py"),
                                                        schema, folder]))
        if a.libyaml_floor:
            runs.append(("for reference: libyaml events, 1 thread", [a.libyaml_floor, folder]))
        results = [(name, measure(cmd, repeats(size))) for name, cmd in runs]
        floor = results[0][1][0]
        lint1 = results[1][1][0]
        lint = results[2][1][0]
        print("\n{} files, {:.1f} MB ({} cores; best of {})".format(files, mb, cores, repeats(size)))
        print("| tool | wall s | files/s | MB/s | peak MB | exit | x floor | hiplan lint is faster by |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, (wall, rss, code) in results:
            peer = not any(word in name for word in ("hiplan", "floor", "reference"))
            faster = "{:.1f}x".format(wall / lint) if peer else ""
            print("| {} | {:.2f} | {:.0f} | {:.1f} | {:.0f} | {} | {:.2f} | {} |".format(
                name, wall, files / wall, mb / wall, rss, code, wall / floor, faster))
        compile_wall, compile_rss, _ = results[3][1]
        print("lint: {:.2f}x the floor single-threaded; {:.2f}x faster on {} cores than on 1".format(
            lint1 / floor, lint1 / lint, cores))
        print("compile: {:.2f}x the time of lint; peak {:.0f} MB".format(compile_wall / lint, compile_rss))


if __name__ == "__main__":
    main()
