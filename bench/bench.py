#!/usr/bin/env python3
"""The benchmark behind `bench/run` (see bench/README.md): builds a Release hiplan and the
parse floor, installs the peers when missing, generates the workloads and prints one table
of times, peak memory and ratios, then the targets those ratios are measured against.

    bench/run [--quick] [--runs N] [--seed S] [WORKLOAD ...]

A WORKLOAD is a number of files (a corpus of that many templates), `Nids` (one template
with N ids) or `growth` (the 10,000- and 100,000-id templates). The default is
1 16 1000 10000 growth; with --quick, 1 and 16 with fewer runs.

Exit status: 0 when the benchmark ran (whatever the figures), 1 when hiplan could not be
built or failed on a workload, 2 on a usage error.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build-bench")
CACHE = os.path.join(HERE, ".cache")
CORPORA = os.path.join(HERE, ".corpus")
NPM = os.path.join(HERE, ".npm")
ROUND = "2026-spring"
MAX_FILE_SIZE = str(1 << 30)  # the growth templates exceed lint's default 8 MiB
EXAMPLE = "ghc-2025-26.yaml"  # the one-file workload: a real example, built-in framework
BASE_MB = 64                   # compile's memory target is per file above this base
CORES = os.cpu_count() or 1


class Failure(Exception):
    """hiplan could not be built or failed: the benchmark cannot go on."""


def progress(text):
    print(text, file=sys.stderr, flush=True)


def run_quietly(cmd, what):
    """Runs a build step; raises Failure with the end of its output when it fails."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise Failure("{} failed (exit {}):\n{}".format(what, proc.returncode, proc.stdout[-3000:]))


# --- the tools ---------------------------------------------------------------------------


def build_hiplan():
    progress("building a Release hiplan in build-bench/ ...")
    run_quietly(["cmake", "-S", ROOT, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                 "-DBUILD_TESTING=OFF"], "configuring build-bench/")
    run_quietly(["cmake", "--build", BUILD], "building hiplan")
    return os.path.join(BUILD, "hiplan")


def build_cached(source, compiler, flags, without, notes):
    """Compiles bench/SOURCE into bench/.cache (again only when the source changed); None,
    with a note saying what the run does `without` it, when it cannot be built."""
    path = os.path.join(HERE, source)
    binary = os.path.join(CACHE, os.path.splitext(source)[0])
    os.makedirs(CACHE, exist_ok=True)
    if os.path.isfile(binary) and os.path.getmtime(binary) >= os.path.getmtime(path):
        return binary
    try:
        proc = subprocess.run([compiler, "-O2", path, *flags, "-o", binary], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    except OSError as error:
        notes.append("{}: not built ({}: {}); {}".format(source, compiler, error.strerror, without))
        return None
    if proc.returncode != 0:
        notes.append("{}: not built ({} failed: {}); {}".format(source, compiler, last_line(proc.stdout), without))
        return None
    return binary


def install_ajv(notes):
    """ajv-cli (with js-yaml) and ajv-formats from the npm registry into bench/.npm; None
    when they cannot be installed."""
    ajv = os.path.join(NPM, "node_modules", ".bin", "ajv")
    formats = os.path.join(NPM, "node_modules", "ajv-formats")
    if os.access(ajv, os.X_OK) and os.path.isdir(formats):
        return ajv
    if not shutil.which("npm") or not shutil.which("node"):
        notes.append("ajv-cli: skipped (no Node.js/npm on PATH)")
        return None
    progress("installing ajv-cli and ajv-formats into bench/.npm ...")
    proc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", NPM,
                           "ajv-cli@5", "ajv-formats@3"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0 or not os.access(ajv, os.X_OK):
        notes.append("ajv-cli: skipped (npm install failed: {})".format(last_line(proc.stdout)))
        return None
    return ajv


PYTHON_PROBE = ("import importlib.metadata as m, platform, yaml; yaml.CSafeLoader; "
                "print(platform.python_version(), m.version('jsonschema'), yaml.__version__)")


def python_peer(python, notes):
    """The Python that has Debian's python3-jsonschema and python3-yaml (with libyaml's
    CSafeLoader), installing them with apt-get when missing and running as root; returns
    (python, versions) or (None, None)."""
    def probe():
        try:
            proc = subprocess.run([python, "-c", PYTHON_PROBE], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        except OSError:
            return None
        return proc.stdout.split() if proc.returncode == 0 else None
    versions = probe()
    debian = os.path.realpath(python) == os.path.realpath("/usr/bin/python3")
    if versions is None and debian and os.geteuid() == 0 and shutil.which("apt-get"):
        progress("installing python3-jsonschema and python3-yaml with apt-get ...")
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-jsonschema", "python3-yaml"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        versions = probe()
    if versions is None:
        notes.append("Python jsonschema: skipped ({} cannot import jsonschema and yaml.CSafeLoader;"
                     " install python3-jsonschema python3-yaml)".format(python))
        return None, None
    return python, versions


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no output"


# --- the workloads -----------------------------------------------------------------------


class Workload:
    def __init__(self, kind, size, runs):
        self.kind, self.size, self.runs = kind, size, runs  # kind: "files" or "ids"
        self.folder = os.path.join(CORPORA, "{}-{}".format(kind, size))
        self.framework = self.folder + ".framework.yaml"
        self.schema = self.folder + ".schema.json"
        self.workbook = self.folder + ".xlsx"
        self.cells = self.folder + ".cells"  # the workbook's cells, for the workbook floor
        self.floor_workbook = self.folder + ".floor.xlsx"
        self.streamed = False  # compile wrote it streamed, with no tables (list_cells)
        self.files = 0
        self.mb = 0.0

    @property
    def example(self):
        """The one-file workload is the submitter's and the CI case: a real example that
        names a built-in framework, linted as `hiplan lint FILE` with no framework file."""
        return self.kind == "files" and self.size == 1

    @property
    def name(self):
        if self.example:
            return "1 file ({})".format(EXAMPLE)
        if self.kind == "ids":
            return "1 template, {:,} ids".format(self.size)
        return "{:,} file{}".format(self.size, "" if self.size == 1 else "s")

    def prepare(self, hiplan, seed):
        """Generates the corpus (again only when the generator, the size or the seed
        changed) and writes the JSON Schema of its framework with this hiplan."""
        if self.example:
            self.framework = None
            os.makedirs(self.folder, exist_ok=True)
            shutil.copyfile(os.path.join(ROOT, "examples", EXAMPLE), os.path.join(self.folder, EXAMPLE))
        else:
            self.generate(seed)
        with open(self.schema, "w", encoding="utf-8") as out:
            proc = subprocess.run([hiplan, "schema", "--kind", "template", *self.framework_args()],
                                  stdout=out)
        if proc.returncode != 0:
            raise Failure("hiplan schema failed (exit {}) on {}".format(proc.returncode, self.framework))
        names = os.listdir(self.folder)
        self.files = len(names)
        self.mb = sum(os.path.getsize(os.path.join(self.folder, n)) for n in names) / 1e6

    def framework_args(self):
        return ["--framework", self.framework] if self.framework else []

    def compile_command(self, hiplan):
        return [hiplan, "compile", *self.framework_args(), *size_limit(self), self.folder, "--round", ROUND,
                "-o", self.workbook, "--force"]

    def list_cells(self, hiplan):
        """Writes the workbook once with this hiplan and lists its cells for the workbook
        floor (workbook_cells.py); False when either step fails."""
        progress("{}: listing the workbook's cells for the workbook floor ...".format(self.name))
        compiled = subprocess.run(self.compile_command(hiplan), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        if compiled.returncode not in (0, 1):
            return False
        listed = subprocess.run([sys.executable, os.path.join(HERE, "workbook_cells.py"), self.workbook,
                                 self.cells])
        if listed.returncode != 0:
            return False
        with open(self.cells, encoding="utf-8") as f:
            self.streamed = not any(line.startswith("B\t") for line in f)
        return True

    def generate(self, seed):
        generator = os.path.join(HERE, "gen_corpus.py")
        args = ["--" + self.kind, str(self.size), "--seed", str(seed)]
        with open(generator, "rb") as f:
            stamp = hashlib.sha256(f.read() + " ".join(args).encode()).hexdigest()
        stamp_file = self.folder + ".stamp"
        if not os.path.isfile(stamp_file) or open(stamp_file).read() != stamp:
            progress("generating {} in bench/.corpus ...".format(self.name))
            shutil.rmtree(self.folder, ignore_errors=True)
            subprocess.run([sys.executable, generator, *args, "--out", self.folder,
                            "--framework-out", self.framework], check=True)
            with open(stamp_file, "w") as f:
                f.write(stamp)


def default_runs(kind, size, quick):
    """Runs per tool: many where a run is short, so the median is steady."""
    if kind == "files":
        runs = 30 if size == 1 else 10 if size <= 16 else 5 if size <= 1000 else 3
    else:
        runs = 5 if size <= 10000 else 3
    return max(1, runs // 3) if quick else runs


def parse_workloads(words, quick, runs):
    if not words:
        words = ["1", "16"] if quick else ["1", "16", "1000", "10000", "growth"]
    specs = []
    for word in words:
        if word == "growth":
            specs += [("ids", 10000), ("ids", 100000)]
        elif word.endswith("ids") and word[:-3].isdigit() and int(word[:-3]) > 0:
            specs.append(("ids", int(word[:-3])))
        elif word.isdigit() and int(word) > 0:
            specs.append(("files", int(word)))
        else:
            raise ValueError("unknown workload '{}' (a number of files, Nids or growth)".format(word))
    unique = list(dict.fromkeys(specs))
    return [Workload(kind, size, runs or default_runs(kind, size, quick)) for kind, size in unique]


# --- timing ------------------------------------------------------------------------------


class Tool:
    """One column: a command per workload, how to tell that a run worked, and whether a
    failure stops the benchmark (hiplan) or only drops the column (the floor, the peers)."""

    def __init__(self, key, label, command, ok, essential=False):
        self.key, self.label, self.command, self.ok, self.essential = key, label, command, ok, essential


def hiplan_ok(code, _output, _workload):
    return code in (0, 1)  # 1: findings (the corpora carry mistakes on purpose)


def floor_ok(code, output, workload):
    return code == 0 and output.startswith("{} files parsed".format(workload.files))


def workbook_floor_ok(code, output, _workload):
    return code == 0 and output.startswith("wrote ")


def ajv_ok(code, output, _workload):
    return code in (0, 1) and re.search(r"\.yaml (in)?valid$", output, re.MULTILINE) is not None


def python_ok(code, output, workload):
    return code in (0, 1) and output.startswith("{} files, ".format(workload.files))


def tools(hiplan, floor, workbook_floor, ajv, python):
    def lint(*jobs):
        return lambda w: [hiplan, "lint", *w.framework_args(), *jobs, *size_limit(w), target(w)]
    found = [
        Tool("floor", "parse floor", lambda w: [floor, w.folder], floor_ok) if floor else None,
        # What the machine gives a trivially parallel parse: the bound for lint on all cores.
        Tool("floorN", "parse floor {} threads".format(CORES), lambda w: [floor, "--jobs", str(CORES), w.folder],
             floor_ok) if floor and CORES > 1 else None,
        Tool("lint1", "lint 1 thread", lint("--jobs", "1"), hiplan_ok, essential=True),
        Tool("lint", "lint {} cores".format(CORES), lint(), hiplan_ok, essential=True),
        Tool("compile", "compile", lambda w: w.compile_command(hiplan), hiplan_ok, essential=True),
        # libxlsxwriter alone writing the same cells: compile cannot take less than lint plus this.
        Tool("wbfloor", "workbook floor", lambda w: [workbook_floor, w.cells, w.floor_workbook],
             workbook_floor_ok) if workbook_floor else None,
        # The same in libxlsxwriter's constant-memory mode (no tables): the other way to write it.
        Tool("wbfloorcm", "workbook floor, constant memory",
             lambda w: [workbook_floor, "--constant-memory", w.cells, w.floor_workbook],
             workbook_floor_ok) if workbook_floor else None,
        Tool("ajv", "ajv-cli", lambda w: [ajv, "validate", "--spec=draft2020", "-c", "ajv-formats",
                                          "-s", w.schema, "-d", os.path.join(w.folder, "*.yaml")],
             ajv_ok) if ajv else None,
        Tool("python", "Python jsonschema", lambda w: [python, os.path.join(HERE, "validate_jsonschema.py"),
                                                       w.schema, w.folder], python_ok) if python else None,
    ]
    return [tool for tool in found if tool]


def target(workload):
    """What lint is given: the file itself for the one-file case, else the folder."""
    return os.path.join(workload.folder, EXAMPLE) if workload.example else workload.folder


def size_limit(workload):
    return ["--max-file-size", MAX_FILE_SIZE] if workload.kind == "ids" else []


def run_once(cmd, log, peak):
    """Wall time (s) of the whole process, its exit code (negative: killed by a signal) and
    its peak resident memory (MB, from wait4's rusage: `peak`'s, see peak.c, or else ours,
    which counts at least this Python's own memory)."""
    log.seek(0)
    log.truncate()
    result = log.name + ".peak"
    start = time.perf_counter()
    proc = subprocess.Popen([peak, result, *cmd] if peak else cmd, stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    kib = usage.ru_maxrss
    if peak and os.path.isfile(result):
        with open(result, encoding="ascii") as f:
            kib = int(f.read() or 0)
        os.remove(result)
    return wall, proc.returncode, kib / 1024


def measure(workload, columns, peak, notes):
    """Times every tool on the workload, the runs taking turns (floor, lint, ..., floor,
    lint, ...) so that a slow spell of a shared machine falls on all of them; returns
    {key: (median wall s, largest peak MB)}."""
    walls = {tool.key: [] for tool in columns}
    peaks = {tool.key: 0.0 for tool in columns}
    active = list(columns)
    with tempfile.NamedTemporaryFile() as log:
        for run in range(workload.runs):
            progress("{}: run {} of {}".format(workload.name, run + 1, workload.runs))
            for tool in list(active):
                cmd = tool.command(workload)
                wall, code, mb = run_once(cmd, log, peak)
                log.seek(0)
                output = log.read().decode("utf-8", "replace")
                if not tool.ok(code, output, workload):
                    what = "killed by signal {}".format(-code) if code < 0 else "exit {}".format(code)
                    if tool.essential:
                        raise Failure("hiplan failed on {} ({}): {}\n{}".format(
                            workload.name, what, " ".join(cmd), output[-3000:]))
                    notes.append("{}: skipped on {} ({}: {})".format(tool.label, workload.name, what,
                                                                     last_line(output)))
                    active.remove(tool)
                    walls[tool.key] = []
                    continue
                walls[tool.key].append(wall)
                peaks[tool.key] = max(peaks[tool.key], mb)
    return {key: (statistics.median(w), peaks[key]) for key, w in walls.items() if w}


# --- the report --------------------------------------------------------------------------


def ratio(results, top, bottom):
    """The ratio of median times; `top` may be a tuple of columns whose times add up."""
    tops = top if isinstance(top, tuple) else (top,)
    if all(t in results for t in tops) and bottom in results and results[bottom][0] > 0:
        return sum(results[t][0] for t in tops) / results[bottom][0]
    return None


def fmt_ratio(value):
    return "—" if value is None else "{:.2f}x".format(value)


def main_table(workloads, results, columns):
    ratios = [("lint 1 thread / floor", "lint1", "floor"), ("lint {} cores / floor".format(CORES), "lint", "floor"),
              ("floor {} threads / floor".format(CORES), "floorN", "floor"),
              ("lint {0} cores / floor {0} threads".format(CORES), "lint", "floorN"),
              ("compile / lint", "compile", "lint"),
              ("(lint + workbook floor) / lint", ("lint", "wbfloor_used"), "lint"),
              ("ajv-cli / lint", "ajv", "lint"), ("Python / lint", "python", "lint")]
    shown = {key for r in results.values() for key in r}
    ratios = [r for r in ratios
              if all(k in shown for k in (r[1] if isinstance(r[1], tuple) else (r[1],))) and r[2] in shown]
    head = ["workload", "size", "runs"] + [t.label for t in columns] + [r[0] for r in ratios]
    rows = []
    for w in workloads:
        r = results[w.name]
        size = "{:.1f} KB".format(w.mb * 1000) if w.mb < 1 else "{:.1f} MB".format(w.mb)
        cells = [w.name, size, str(w.runs)]
        for tool in columns:
            cells.append("{:.3f} s, {:.0f} MB".format(*r[tool.key]) if tool.key in r else "—")
        cells += [fmt_ratio(ratio(r, top, bottom)) for _, top, bottom in ratios]
        rows.append(cells)
    return markdown(head, rows, numeric_from=1)


def targets_table(workloads, results):
    """The targets of issue 19: (target, goal, measured, met) for every one the workloads
    run allow to compute."""
    rows = []

    def at_most(name, goal, value, unit="x", note=None):
        add(name, "≤ {}{}".format(goal, unit), value, value is not None and value <= float(goal), unit, note)

    def at_least(name, goal, value, note=None):
        add(name, "≥ {}x".format(goal), value, value is not None and value >= float(goal), "x", note)

    def add(name, goal, value, met, unit, note):
        if value is None:
            return
        shown = "{:.1f} KB/file".format(value) if unit == " KB/file" else "{:.2f}x".format(value)
        rows.append([name, goal, shown, note or ("yes" if met else "no")])

    by_size = {(w.kind, w.size): results[w.name] for w in workloads}
    two_cores = None if CORES == 2 else "n/a: stated for 2 cores, ran on {}".format(CORES)
    one = by_size.get(("files", 1))
    if one:
        at_most("1 file: `hiplan lint FILE` / floor process", "1.5", ratio(one, "lint", "floor"))
    for w in workloads:
        if w.kind != "files" or w.size < 16:
            continue
        r = results[w.name]
        at_most("{}: lint 1 thread / floor".format(w.name), "1.10", ratio(r, "lint1", "floor"))
        # The floor on as many threads shares nothing between them: lint cannot do better.
        spread = ratio(r, "floorN", "floor")
        cores = ratio(r, "lint", "floor")
        at_most("{}: lint {} cores / floor".format(w.name, CORES), "0.58", cores,
                note=two_cores or (None if spread is None or spread <= 0.58 or cores is None or cores <= 0.58 else
                                   "no; {:.2f}x at best here (the floor on {} threads)".format(spread, CORES)))
        # The floor is a process of its own: on small rounds its start-up would count twice.
        best = ratio(r, ("lint", "wbfloor_used"), "lint") if w.size >= 1000 else None
        # Even a workbook written beside lint, sharing the cores perfectly, adds its floor's
        # time spread over all of them.
        shared = None if best is None else 1 + (best - 1) / CORES
        at_most("{}: compile / lint ({} cores)".format(w.name, CORES), "1.25", ratio(r, "compile", "lint"),
                note=None if best is None or best <= 1.25 else
                "no; {:.2f}x at best with libxlsxwriter after lint (lint + workbook floor{}), "
                "{:.2f}x beside it on {} perfectly shared cores".format(
                    best, ", constant memory" if w.streamed else "", shared, CORES))
        if w.size >= 1000:
            per_file = max(0.0, r["compile"][1] - BASE_MB) * 1024 / w.files
            library = "; the workbook floor alone holds {:.0f} KB/file ({:.0f} KB/file in constant-memory mode)".format(
                r["wbfloor"][1] * 1024 / w.files, r["wbfloorcm"][1] * 1024 / w.files) \
                if "wbfloor" in r and "wbfloorcm" in r else ""
            at_most("{}: compile peak above {} MB, per file".format(w.name, BASE_MB), "16", per_file, " KB/file",
                    note=None if per_file <= 16 or not library else "no" + library)
    for kind, small, big, label in (("files", 1000, 10000, "1,000 → 10,000 files"),
                                    ("ids", 10000, 100000, "10,000 → 100,000 ids")):
        if (kind, small) in by_size and (kind, big) in by_size:
            a, b = by_size[(kind, small)], by_size[(kind, big)]
            for key in ("lint", "compile"):
                for index, what in ((0, "time"), (1, "peak memory")):
                    at_most("growth {}: {} {}".format(label, key, what), "10.5",
                            b[key][index] / a[key][index] if a[key][index] > 0 else None)
    for size, peers in ((1, (("ajv", "ajv-cli", "20"), ("python", "Python jsonschema", "20"))),
                        (16, (("ajv", "ajv-cli", "20"), ("python", "Python jsonschema", "20"))),
                        (10000, (("python", "Python jsonschema", "6"), ("ajv", "ajv-cli", "1.0")))):
        r = by_size.get(("files", size))
        if not r:
            continue
        # No tool built on yaml-cpp beats its parse floor: the peer against the floor (on as
        # many threads as lint ran) is the best any of them can measure.
        floor = "floorN" if "floorN" in r and size > 1 else "floor"
        for key, peer, goal in peers:
            bound = ratio(r, key, floor)
            value = ratio(r, key, "lint")
            note = two_cores if key == "ajv" and size == 10000 else None
            if note is None and value is not None and value < float(goal) and bound is not None \
                    and bound < float(goal):
                note = "no; {:.2f}x at best on yaml-cpp ({} / parse floor{})".format(
                    bound, peer, " {} threads".format(CORES) if floor == "floorN" else "")
            at_least("{:,} file{}: lint faster than {} by".format(size, "" if size == 1 else "s", peer),
                     goal, value, note=note)
    return markdown(["target (issue 19)", "goal", "measured", "met"], rows, numeric_from=2, last=3)


def markdown(head, rows, numeric_from, last=None):
    last = len(head) if last is None else last
    align = ["---" if i < numeric_from or i >= last else "---:" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def machine(hiplan, ajv, python_versions):
    def read(path):
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except OSError:
            return ""
    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem = next((int(line.split()[1]) / 1024 / 1024 for line in read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal:")), 0)
    system = next((line.split("=", 1)[1].strip('"') for line in read("/etc/os-release").splitlines()
                   if line.startswith("PRETTY_NAME=")), platform.system())
    def git(*args):
        return subprocess.run(["git", "-C", ROOT, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no", "--", "src", "cmake", "schemas", "CMakeLists.txt"):
        commit += " with local changes to its sources"
    version = subprocess.run([hiplan, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    lines = ["Machine: {}, {} cores, {:.1f} GiB, {}".format(cpu, CORES, mem, system),
             "hiplan: {} (Release, build-bench/), commit {}".format(version, commit)]
    peers = []
    if ajv:
        def npm_version(name):
            data = read(os.path.join(NPM, "node_modules", name, "package.json"))
            return json.loads(data)["version"] if data else "?"
        node = subprocess.run(["node", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        peers.append("ajv-cli {} (ajv {}, js-yaml {}, ajv-formats {}; Node.js {})".format(
            *(npm_version(n) for n in ("ajv-cli", "ajv", "js-yaml", "ajv-formats")), node))
    if python_versions:
        peers.append("Python {} jsonschema {} (PyYAML {} CSafeLoader)".format(*python_versions))
    if peers:
        lines.append("Peers: " + "; ".join(peers))
    return lines


def main():
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n\n")[0])
    parser.add_argument("workloads", nargs="*", metavar="WORKLOAD",
                        help="a number of files, Nids or growth (default: 1 16 1000 10000 growth)")
    parser.add_argument("--quick", action="store_true", help="fewer runs; default workloads 1 and 16")
    parser.add_argument("--runs", type=int, help="runs per tool and workload (default: 30 down to 3 by size)")
    parser.add_argument("--seed", type=int, default=7, help="the corpus generator's seed (default 7)")
    parser.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                        else sys.executable, help="the Python of the jsonschema peer")
    args = parser.parse_args()
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        workloads = parse_workloads(args.workloads, args.quick, args.runs)
    except ValueError as error:
        parser.error(str(error))
    notes = []
    try:
        hiplan = build_hiplan()
        floor = build_cached("parse_floor.cpp", "g++", ["-std=c++20", "-lyaml-cpp"], "no parse floor column", notes)
        peak = build_cached("peak.c", "cc", [], "peak MB include this Python's own memory", notes)
        ajv = install_ajv(notes)
        python, python_versions = python_peer(args.python, notes)
        workbook_floor = build_cached("workbook_floor.c", "cc", ["-std=c11", "-lxlsxwriter"],
                                      "no workbook floor columns", notes)
        columns = tools(hiplan, floor, workbook_floor, ajv, python)
        header = machine(hiplan, ajv, python_versions)  # the commit timed, before any change during the run
        results = {}
        for w in workloads:
            w.prepare(hiplan, args.seed)
            timed = columns
            if workbook_floor and not w.list_cells(hiplan):
                notes.append("workbook floor: skipped on {} (its workbook could not be listed)".format(w.name))
                timed = [tool for tool in columns if not tool.key.startswith("wbfloor")]
            results[w.name] = measure(w, timed, peak, notes)
            # The floor of the mode compile used: streamed rounds are written in constant memory.
            used = results[w.name].get("wbfloorcm" if w.streamed else "wbfloor")
            if used:
                results[w.name]["wbfloor_used"] = used
    except Failure as failure:
        print("bench/run: " + str(failure), file=sys.stderr)
        return 1
    shown = [tool for tool in columns if any(tool.key in r for r in results.values())]
    print("\n".join(header))
    print("Times: median wall time over the runs of each whole process, start-up included; "
          "MB: the largest peak resident memory of those runs (ru_maxrss, taken by bench/peak.c). Lower ratios are faster for "
          "hiplan; peer / lint is how many times faster `hiplan lint` ({} cores) is.".format(CORES))
    for note in notes:
        print(note)
    print()
    print(main_table(workloads, results, shown))
    print()
    print(targets_table(workloads, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
