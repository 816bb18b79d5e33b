"""The Board's figures recomputed from the YAML inputs, independently of hiplan (no hiplan
code is imported): the round's parts, the exceptions, progress, measures, the register.
check_board.py and check_round.py compare a compiled workbook with what this computes.

The semantics followed (docs/decisions.md, compile/board.hpp):
- YYYY-autumn: objective setting for cycle YYYY-(YY+1), expected of every registry
  submitter; and the autumn review of (YYYY-1)-YY, expected of every registry submitter with
  a template of that cycle, received when that template has an autumn review.
- YYYY-spring: the spring review of (YYYY-1)-YY; registry submitters with no template of
  that cycle are "No plan for the cycle".
- One framework per workbook; files of another framework are listed and not counted.
"""
import datetime
import os

import yaml

KINDS = [
    "Missing submission",
    "Received with errors",
    "Deep dive: at risk or off track twice",
    "At risk or off track, no mitigation",
    "At risk or off track, then no review",
    "At risk or off track",
    "Not in the latest review",
    "Measure moving the wrong way",
    "High risk",
    "Late",
    "No plan for the cycle",
]
RANK = {"red": 0, "amber": 1, "grey": 1, "green": 2, "blue": 3}


def cycle_name(start):
    return "{}-{:02d}".format(start, (start + 1) % 100)


def load_inputs(folder):
    """Every *.yaml / *.yml below `folder` (hidden entries skipped), as (path, document)."""
    docs = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    docs.append((path, yaml.safe_load(f)))
    return docs


def deadline(framework, window, year):
    month, day = (int(x) for x in framework["calendar"][window]["deadline"].split("-"))
    return datetime.date(year, month, day)


class Expected:
    """What the workbook of `round_name` over `docs` should show, for `framework`."""

    def __init__(self, docs, framework, round_name):
        fw = self.framework = framework
        self.round = round_name
        year, season = int(round_name[:4]), round_name[5:]
        self.season = season
        self.autumn = season == "autumn"
        self.review_start = year - 1
        self.objectives_start = year if self.autumn else year - 1
        self.review_cycle = cycle_name(self.review_start)
        self.objectives_cycle = cycle_name(self.objectives_start)
        self.registry = fw["submitters"]
        self.theme_names = {t["id"]: t["name"] for t in fw["themes"]}
        self.statuses = {s["id"]: s for s in fw["statuses"]}
        self.status_id = {}
        for s in fw["statuses"]:
            self.status_id[s["id"]] = s["id"]
            for syn in s.get("synonyms", []):
                self.status_id[syn] = s["id"]
        grace = datetime.timedelta(days=fw.get("rules", {}).get("late_grace_days", 0))

        self.docs = docs
        mine = [(p, d) for p, d in docs if d.get("framework") == fw["id"]]
        self.other_framework = [p for p, d in docs if d.get("kind") in ("template", "feedback")
                                and d.get("framework") != fw["id"]]
        self.feedback = [d for _, d in mine if d.get("kind") == "feedback"]
        templates = [(p, d) for p, d in mine if d.get("kind") == "template"]
        # Included: the templates of the round's cycles (every input is expected to lint clean).
        self.included = [(p, t) for p, t in templates
                         if t["cycle"] in (self.review_cycle, self.objectives_cycle)]
        self.other_round = [p for p, t in templates if (p, t) not in self.included]

        # Parts: name -> expected, received, valid, late, missing (registry order).
        self.parts = []
        if self.autumn:
            setting = {t["submitter"]["id"]: t for _, t in self.included if t["cycle"] == self.objectives_cycle}
            due = deadline(fw, "objective_setting", self.objectives_start)
            received = [s["id"] for s in self.registry if s["id"] in setting]
            late = [s for s in received if setting[s]["self_assessment"]["submitted"] > due + grace]
            self.parts.append(self._part("Objective setting for " + self.objectives_cycle,
                                         "objective setting", [s["id"] for s in self.registry], received, late))
        under_review = {t["submitter"]["id"]: t for _, t in self.included if t["cycle"] == self.review_cycle}
        due = deadline(fw, season + "_review", self.review_start + 1)
        expected = [s["id"] for s in self.registry if s["id"] in under_review]
        received = [s for s in expected if self.review_of(under_review[s], season)]
        late = [s for s in received if self.review_of(under_review[s], season)["submitted"] > due + grace]
        self.parts.append(self._part("{} review of {}".format(season.capitalize(), self.review_cycle),
                                     season + " review", expected, received, late))
        self.without_plan = [] if self.autumn else [s["id"] for s in self.registry if s["id"] not in under_review]

        # The plans: the new cycle's templates; in an autumn round with none yet, the
        # templates under review (compile/board.hpp: plan_cycle).
        self.plans = [t for _, t in self.included if t["cycle"] == self.objectives_cycle]
        if not self.plans and self.autumn:
            self.plans = [t for _, t in self.included if t["cycle"] == self.review_cycle]
        self.objectives = [(t, o) for t in self.plans for o in t["self_assessment"]["objectives"]
                           if self.in_round(t, o)]
        self.reviews = [(t, self.review_of(t, season)) for _, t in self.included
                        if t["cycle"] == self.review_cycle and self.review_of(t, season)]
        self.progress = self._progress()
        self.measures = self._measures()
        self.status_by_theme = self._status_by_theme()
        self.exceptions = self._exceptions()

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _part(name, short, expected, received, late):
        return {"name": name, "short": short, "expected": expected, "received": received,
                "valid": received, "late": late, "missing": [s for s in expected if s not in received]}

    @staticmethod
    def review_of(t, period):
        for r in t.get("reviews", []):
            if r["period"] == period:
                return r
        return None

    @staticmethod
    def entry(review, objective_id):
        for e in (review or {}).get("objectives", []):
            if e["ref"] == objective_id:
                return e
        return None

    def status(self, word):
        return self.statuses.get(self.status_id.get(word))

    def name_of(self, sid):
        return next((s["name"] for s in self.registry if s["id"] == sid), sid)

    def added_period(self, t, o):
        added = o.get("added")
        start = int(t["cycle"][:4])
        for period in ("spring", "autumn"):
            if added == "{}-{}".format(start + 1, period):
                return period
        return None

    def in_round(self, t, o):
        """Part of the round: not added at a review after the round's."""
        added = self.added_period(t, o)
        if added is None:
            return True
        if self.autumn:
            return t["cycle"] == self.review_cycle
        return added == "spring"

    def due_in_review(self, t, o):
        """Due in the round's review: set with the plan, or added at an earlier review (an
        objective is reviewed only from the review after the one that added it)."""
        added = self.added_period(t, o)
        return added is None or (self.autumn and added == "spring")

    # -- progress and measures ------------------------------------------------------------
    def previous_status(self, t, o):
        """(status, where from) in the review before the round's."""
        if self.autumn:
            e = self.entry(self.review_of(t, "spring"), o["id"])
            return (self.status(e["status"]), "spring review " + t["cycle"]) if e else (None, "")
        # Spring: the autumn review of last cycle's template, for a carried-over objective,
        # when that template is among the files.
        src = o.get("carried_over_from", "")
        if "/" not in src:
            return None, ""
        cycle, oid = src.split("/", 1)
        for _, last in self.docs:
            if (last.get("kind") == "template" and last.get("framework") == self.framework["id"]
                    and last["cycle"] == cycle and last["submitter"]["id"] == t["submitter"]["id"]):
                e = self.entry(self.review_of(last, "autumn"), oid)
                if e:
                    return self.status(e["status"]), "autumn review {} ({})".format(cycle, oid)
        return None, ""

    def _progress(self):
        rows = []
        for t, r in self.reviews:
            for o in t["self_assessment"]["objectives"]:
                e = self.entry(r, o["id"])
                if e is None:
                    continue
                now = self.status(e["status"])
                before, source = self.previous_status(t, o)
                if before is None:
                    direction = "new"
                else:
                    a, b = RANK.get(before["rag"]), RANK.get(now["rag"])
                    if a is None or b is None:
                        direction = "same" if before is now else "not comparable"
                    else:
                        direction = "better" if b > a else "worse" if b < a else "same"
                rows.append({"t": t, "o": o, "entry": e, "status": now, "previous": before,
                             "from": source, "direction": direction})
        return rows

    def _measures(self):
        rows = []
        for _, t in self.included:
            reviewed = t["cycle"] == self.review_cycle
            spring = self.review_of(t, "spring") if reviewed else None
            autumn = self.review_of(t, "autumn") if reviewed and self.autumn else None
            for o in t["self_assessment"]["objectives"]:
                if not self.in_round(t, o):
                    continue
                se, ae = self.entry(spring, o["id"]), self.entry(autumn, o["id"])
                for m in o.get("measures", []):
                    def value(e):
                        for u in (e or {}).get("measures", []):
                            if u["ref"] == m["id"]:
                                return u.get("value")
                        return None
                    sv, av = value(se), value(ae)
                    latest = av if av is not None else sv
                    b = m["baseline"]
                    baseline = None if b.get("new") else b.get("value")
                    since_baseline = latest - baseline if latest is not None and baseline is not None else None
                    since_previous = av - sv if av is not None and sv is not None else None
                    start = sv if (av is not None and sv is not None) else baseline
                    if start is None or latest is None or m.get("direction") not in ("increase", "decrease"):
                        moving = "not known"
                    elif latest == start:
                        moving = "no change"
                    else:
                        moving = "towards target" if (latest > start) == (m["direction"] == "increase") else "against target"
                    target = m.get("target", {}).get("value")
                    to_target = None
                    if latest is not None and baseline is not None and target is not None and target != baseline:
                        to_target = (latest - baseline) / (target - baseline)
                    rows.append({"t": t, "o": o, "m": m, "spring": sv, "autumn": av,
                                 "since_baseline": since_baseline, "since_previous": since_previous,
                                 "moving": moving, "to_target": to_target})
        return rows

    def _status_by_theme(self):
        counts = {(th["id"], s["id"]): 0 for th in self.framework["themes"] for s in self.framework["statuses"]}
        for t, r in self.reviews:
            for o in t["self_assessment"]["objectives"]:
                e = self.entry(r, o["id"])
                if e is not None:
                    counts[(o["theme"], self.status(e["status"])["id"])] += 1
        return counts

    # -- exceptions -----------------------------------------------------------------------
    def _exceptions(self):
        """(kind, submitter name, objective id or '', status name or '') in kind order."""
        def concern(s):
            return s is not None and (s.get("escalate") or s.get("rag") in ("amber", "red"))
        out = []
        for part in self.parts:
            for sid in part["missing"]:
                out.append(("Missing submission", self.name_of(sid), "", ""))
            for sid in part["late"]:
                out.append(("Late", self.name_of(sid), "", ""))
        for sid in self.without_plan:
            out.append(("No plan for the cycle", self.name_of(sid), "", ""))
        for row in self.progress:
            s = row["status"]
            if not concern(s):
                continue
            if concern(row["previous"]):
                kind = "Deep dive: at risk or off track twice"
            elif not row["entry"].get("mitigation"):
                kind = "At risk or off track, no mitigation"
            else:
                kind = "At risk or off track"
            out.append((kind, row["t"]["submitter"]["name"], row["o"]["id"], s["name"]))
        for _, t in self.included:
            if t["cycle"] != self.review_cycle:
                continue
            review = self.review_of(t, self.season)
            for o in t["self_assessment"]["objectives"]:
                if not self.due_in_review(t, o) or self.entry(review, o["id"]):
                    continue
                last = self.previous_status(t, o)[0]  # the review before the round's
                if last is not None and last.get("closed"):
                    continue
                kind = "At risk or off track, then no review" if concern(last) else "Not in the latest review"
                out.append((kind, t["submitter"]["name"], o["id"], last["name"] if last else ""))
        for row in self.measures:
            if row["moving"] == "against target":
                out.append(("Measure moving the wrong way", row["t"]["submitter"]["name"], row["o"]["id"], ""))
        # High risks of the round's reviews; where an autumn review is missing, the spring's.
        for _, t in self.included:
            if t["cycle"] != self.review_cycle:
                continue
            r = self.review_of(t, self.season)
            if r is None and self.autumn:
                r = self.review_of(t, "spring")
            for k in (r or {}).get("risks", []):
                if k.get("likelihood") == "high" and k.get("impact") == "high":
                    oid = k["objectives"][0] if k.get("objectives") else ""
                    out.append(("High risk", t["submitter"]["name"], oid, ""))
        return sorted(out, key=lambda x: KINDS.index(x[0]))

    def exceptions_by_kind(self):
        return [sum(1 for x in self.exceptions if x[0] == k) for k in KINDS]
