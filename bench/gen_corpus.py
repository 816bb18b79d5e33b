#!/usr/bin/env python3
"""Generates a deterministic corpus of realistic health inequalities templates for the
benchmark: ten objectives each with a full logic model and one or two measures, a spring
and an autumn review, about 21 KB per file. A few percent carry realistic mistakes.

A national picture has one submitter per template, so the corpus comes with its own
framework file: One Gloucestershire's themes, outcomes and statuses with a registry of one
submitter per file and a self-assessment rating scale (framework id `bench-national`; the
built-in framework has no scale, the corpus rates every theme). Every template is for cycle 2025-26, so
`compile --round 2026-spring` (or 2026-autumn) takes in every valid file.

With --ids instead of --files it writes one clean template whose objectives carry N ids in
all (ten per objective: its own, six in the logic model, three measures), to time how lint
and compile grow with the size of one document.

    gen_corpus.py --files N --out DIR --framework-out FILE [--seed S] [--error-rate R]
    gen_corpus.py --ids N --out DIR --framework-out FILE [--seed S]
"""
import argparse
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRAMEWORK_ID = "bench-national"
CYCLE_START = 2025

THEMES = ["contributory", "targeted", "mainstream-equity"]
RATINGS = """ratings:
  - {id: undeveloped, name: Undeveloped, score: 0, colour: "#F8696B"}
  - {id: developing, name: Developing, score: 1, colour: "#FFC000"}
  - {id: achieving, name: Achieving, score: 2, colour: "#63BE7B"}
  - {id: excelling, name: Excelling, score: 3, colour: "#8064A2"}
"""
OUTCOMES = ["life-expectancy-gap", "healthy-life-expectancy-gap", "access", "experience",
            "outcomes-of-care"]
FOCUS = ["core20", "plus-ethnic-minority", "plus-inclusion-health", "smi-health-checks",
         "hypertension", "early-cancer-diagnosis", "copd", "maternity", "smoking-cessation"]
KINDS = [("Trust", "organisation"), ("Council", "organisation"), ("Integrated Locality Partnership", "ilp"),
         ("Clinical Programme Group", "cpg")]
TOWNS = ["Ashford", "Barnsley", "Carlisle", "Derby", "Exeter", "Falmouth", "Grimsby", "Hexham",
         "Ipswich", "Kendal", "Luton", "Morpeth", "Newark", "Oldham", "Preston", "Redruth",
         "Salford", "Truro", "Wigan", "York"]


def submitter(index):
    """The (id, name, type) of the index-th submitter of the national registry."""
    kind, type_ = KINDS[index % len(KINDS)]
    town = TOWNS[(index // len(KINDS)) % len(TOWNS)]
    return ("ORG-{:05d}".format(index + 1), "{} {} {}".format(town, kind, index + 1), type_)
VERBS = ["Expand", "Target", "Improve access to", "Co-design", "Offer", "Fund", "Widen"]
SUBJECTS = ["health checks for people with severe mental illness", "blood pressure checks in community venues",
            "cancer awareness sessions with faith groups", "digital inclusion hubs in libraries",
            "community transport to appointments", "stop smoking support for routine and manual workers",
            "interpreting at first appointments", "peer support groups for carers",
            "vaccination clinics on Traveller sites", "asthma reviews for children in deprived areas",
            "outreach for people experiencing homelessness", "screening reminders by text and telephone"]
PLACES = ["Gloucester", "Cheltenham", "the Forest of Dean", "Stroud", "Tewkesbury", "the Cotswolds"]
# A growth template's objectives each carry ten ids: their own, six in the logic model
# (A1, A2, P1, P2, C1, C2) and three measures.
GROWTH_MEASURES = 3
IDS_PER_OBJECTIVE = 1 + 6 + GROWTH_MEASURES
STATUSES = ["on-track"] * 6 + ["at-risk", "at-risk", "off-track", "not-started", "no-data", "complete"]


def date(y, m, d):
    return "{:04d}-{:02d}-{:02d}".format(y, m, d)


def objective(rng, sid, n, theme, y, measures=None):
    """The lines of objective `n` and the ids of its measures: one or two measures, or
    `measures` of them."""
    subject = rng.choice(SUBJECTS)
    title = "{} {} in {} (workstream {})".format(rng.choice(VERBS), subject, rng.choice(PLACES), n)
    lines = ["    - id: {}-{}".format(sid, n),
             "      title: {}".format(title),
             "      theme: {}".format(theme),
             "      focus: [{}]".format(", ".join(rng.sample(FOCUS, rng.randint(1, 3)))),
             "      lead: Head of Service {}".format(n),
             "      logic_model:",
             "        inputs: [Staff time, Grant funding, Community venues]",
             "        activities:",
             "          - {{id: A1, text: Plan {} with community partners}}".format(subject),
             "          - {id: A2, text: Deliver sessions in the most deprived neighbourhoods}",
             "        outputs:",
             "          - {id: P1, text: Sessions delivered each month, from: [A1, A2]}",
             "          - {id: P2, text: People reached in IMD quintile 1, from: [A2]}",
             "        outcomes:",
             "          - {id: C1, text: More people from deprived areas use the service, term: short, from: [P1, P2]}",
             "          - {id: C2, text: A narrower gap in outcomes between areas, term: long, from: [C1]}",
             "        contributes_to: [{}]".format(", ".join(rng.sample(OUTCOMES, 2))),
             "      measures:"]
    count = measures or rng.randint(1, 2)
    for m in range(1, count + 1):
        base = round(rng.uniform(20, 60), 1)
        up = rng.random() < 0.7
        target = round(base + rng.uniform(5, 20), 1) if up else round(base - rng.uniform(2, 10), 1)
        lines += ["        - id: M{}".format(m),
                  "          indicator: Share of people in IMD quintile 1 reached, measure {}".format(m),
                  "          tracks: {}".format(rng.choice(["P2", "C1", "C2"])),
                  "          unit: \"%\"",
                  "          direction: {}".format("increase" if up else "decrease"),
                  "          baseline: {{value: {}, as_of: {}}}".format(base, date(y, 3, 31)),
                  "          target: {{value: {}, by: {}}}".format(target, date(y + 1, 9, 30)),
                  "          source: Service activity data",
                  "          frequency: quarterly"]
    return lines, ["M{}".format(m) for m in range(1, count + 1)]


def review(rng, sid, period, y, objectives):
    day = date(y + 1, 4 if period == "spring" else 10, rng.randint(1, 14))
    lines = ["  - period: {}".format(period), "    submitted: {}".format(day), "    objectives:"]
    asks = []
    for oid, measures in objectives:
        status = rng.choice(STATUSES if period == "autumn" else STATUSES[:-1])
        lines.append("      - ref: {}".format(oid))
        lines.append("        status: {}".format(status))
        lines.append("        progress: Work is under way with partners; attendance rose this quarter.")
        if status in ("at-risk", "off-track"):
            lines.append("        mitigation: Extra sessions booked and recruitment under way.")
        if status == "complete":
            lines.append("        impact: Uptake in the most deprived areas rose by a fifth.")
        updates = ", ".join("{{ref: {}, value: {}, as_of: {}}}".format(m, round(rng.uniform(20, 70), 1),
                                                                        date(y + 1, 3 if period == "spring" else 9, 30))
                            for m in measures)
        lines.append("        measures: [{}]".format(updates))
        if status == "off-track":
            asks.append(oid)
    lines += ["    highlights:", "      - Sessions in community venues reached people new to services.",
              "    challenges:", "      - Recruiting staff for outreach work.",
              "    risks:", "      - {{description: Funding ends next year, mitigation: Business case in preparation, likelihood: medium, impact: high, objectives: [{}]}}".format(objectives[0][0]),
              "    support_needed:", "      - {{ask: Shared analyst capacity for inequality data, theme: targeted, objectives: [{}]}}".format(objectives[0][0]),
              "    learning:", "      - Trusted local partners make outreach work."]
    return lines


def template(rng, index, objectives=10, measures=None):
    sid, name, kind = submitter(index)
    y = CYCLE_START
    lines = ["# Generated by bench/gen_corpus.py",
             "kind: template", "framework: {}".format(FRAMEWORK_ID),
             "cycle: {}-{:02d}".format(y, (y + 1) % 100),
             "submitter: {{id: {}, name: {}, type: {}}}".format(sid, name, kind),
             "contact: {name: Health Inequalities Lead, role: Associate Director}",
             "self_assessment:", "  submitted: {}".format(date(y, 10, rng.randint(1, 14))),
             "  summary: Our commitments focus on the most deprived neighbourhoods and inclusion health groups.",
             "  ratings:"]
    for theme in THEMES:
        lines.append("    - {{theme: {}, rating: {}, evidence: Evidence from our annual report.}}".format(
            theme, rng.choice(["developing", "achieving"])))
    lines.append("  objectives:")
    refs = []
    for n in range(1, objectives + 1):
        obj, measure_ids = objective(rng, sid, n, THEMES[(n - 1) % 3], y, measures)
        lines += obj
        refs.append(("{}-{}".format(sid, n), measure_ids))
    lines.append("reviews:")
    lines += review(rng, sid, "spring", y, refs)
    lines += review(rng, sid, "autumn", y, refs)
    return "\n".join(lines) + "\n"


def break_it(rng, text):
    mistakes = [("      title:", "      titel:"), ("theme: targeted", "theme: targetted"),
                ("tracks: C1", "tracks: C9"), ("direction: increase", "direction: decrease")]
    old, new = rng.choice(mistakes)
    return text.replace(old, new, 1)


def framework(files):
    """One Gloucestershire's framework with a registry of `files` submitters and a rating scale."""
    with open(os.path.join(ROOT, "schemas", "frameworks", "one-gloucestershire.yaml"), encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^id: one-gloucestershire$", "id: " + FRAMEWORK_ID, text, count=1)
    text = re.sub(r"(?m)^name: .*$", "name: Benchmark national framework", text, count=1)
    registry = "".join("  - {{id: {}, name: {}, type: {}}}\n".format(*submitter(i)) for i in range(files))
    text, count = re.subn(r"(?ms)^submitters:\n(  - .*?\n)+", "submitters:\n" + registry, text, count=1)
    if count != 1:
        raise SystemExit("gen_corpus.py: no submitters list in one-gloucestershire.yaml")
    return "# Generated by bench/gen_corpus.py\n" + text.rstrip("\n") + "\n\n" + RATINGS


def main():
    parser = argparse.ArgumentParser()
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--files", type=int, help="a corpus of this many templates")
    size.add_argument("--ids", type=int,
                      help="one clean template with this many ids, {} per objective".format(IDS_PER_OBJECTIVE))
    parser.add_argument("--out", required=True)
    parser.add_argument("--framework-out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--error-rate", type=float, default=0.03)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(args.framework_out, "w", encoding="utf-8") as f:
        f.write(framework(args.files or 1))
    if args.ids:
        objectives = max(1, args.ids // IDS_PER_OBJECTIVE)
        write(args.out, 0, template(rng, 0, objectives, GROWTH_MEASURES))
    for i in range(args.files or 0):
        text = template(rng, i)
        if rng.random() < args.error_rate:
            text = break_it(rng, text)
        write(args.out, i, text)


def write(folder, index, text):
    with open(os.path.join(folder, "t{:05d}.yaml".format(index)), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
