"""Benchmark of the ESCO skill search against a plain substring scan, measured in the same run.

    python bench/bench_esco.py [--repeat 30]

Every prefix of a few typical queries (in English, Spanish and French, as a user types
them keystroke by keystroke) is searched over all 13,485 skills with
:func:`mcdesigner.esco.search`. The baseline, in the same run, scans every preferred and
alternative label of every skill for the typed text with ``in`` on labels folded to lower
case beforehand (no accents, spelling or word order handled: the least a search can do).
The suggestions of the bundled example's outcomes and the one-off cost of reading the data
and building the indexes are timed too. Medians are reported, as the machine is noisy.

The suggestions are also measured against the bundled example's own skill choices: the
hit rate is the share of the example's ESCO-linked skills that appear among the five
suggestions for their outcome (and, for comparison, among the top 10 and 20).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable

import mcdesigner.esco as esco
from mcdesigner.esco import prebuilt
from mcdesigner.esco.data import read_catalog
from mcdesigner.esco.label_index import LabelIndex
from mcdesigner.esco.suggestions import SuggestionIndex, decode_postings, suggestion_index
from mcdesigner.examples import load_example

QUERIES = (
    ("work in teams", "en"),
    ("apply system organisational policies", "en"),
    ("use online tools to collaborate", "en"),
    ("trabajar en equipo", "es"),
    ("gestionar proyectos", "es"),
    ("travailler en équipe", "fr"),
)
KEYSTROKE_BUDGET = 0.030


def keystrokes() -> list[tuple[str, str]]:
    """Every prefix of every query, as typed."""
    return [(text[:n], lang) for text, lang in QUERIES for n in range(1, len(text) + 1)]


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="timed passes per measurement")
    args = parser.parse_args()

    start = time.perf_counter()
    data = read_catalog()
    read = time.perf_counter() - start
    start = time.perf_counter()
    LabelIndex(data)
    label_build = time.perf_counter() - start
    start = time.perf_counter()
    SuggestionIndex(data)
    suggest_build = time.perf_counter() - start
    start = time.perf_counter()
    stamp = prebuilt.bundled_fingerprint()
    LabelIndex(data, prebuilt.read(prebuilt.LABELS, stamp))
    label_load = time.perf_counter() - start
    start = time.perf_counter()
    SuggestionIndex(data, decode_postings(prebuilt.read(prebuilt.SUGGESTIONS, stamp)))
    suggest_load = time.perf_counter() - start
    esco.warm_up()

    labels = [
        label.casefold()
        for skill in data.skills
        for language in skill.labels
        for label in (skill.labels[language], *skill.alternatives.get(language, ()))
    ]
    typed = keystrokes()

    def scan(text: str) -> list[int]:
        needle = text.casefold()
        return [n for n, label in enumerate(labels) if needle in label]

    per_search = []
    per_scan = []
    for text, lang in typed:
        per_search.append(median_time(functools.partial(esco.search, text, lang), args.repeat))
        per_scan.append(median_time(functools.partial(scan, text), args.repeat))
    outcomes = [o.text for o in load_example().certified.learning_outcomes]

    def suggest_all() -> None:
        index = suggestion_index()
        for text in outcomes:
            index.suggest(text)

    suggestions = median_time(suggest_all, args.repeat) / len(outcomes)

    search_median = statistics.median(per_search)
    scan_median = statistics.median(per_scan)
    slowest = max(per_search)
    ratios = [a / b for a, b in zip(per_search, per_scan, strict=True)]
    print(f"{len(data.skills)} skills, {len(labels)} labels, {len(typed)} keystrokes")
    print(f"reading the data:              {read * 1000:7.1f} ms (once)")
    print(
        f"search index:                  {label_load * 1000:7.1f} ms from the shipped parts"
        f" (once; {label_build * 1000:.0f} ms computed from scratch)"
    )
    print(
        f"suggestion index:              {suggest_load * 1000:7.1f} ms from the shipped parts"
        f" (once; {suggest_build * 1000:.0f} ms computed from scratch)"
    )
    print(f"baseline substring scan:       {scan_median * 1000:7.3f} ms per keystroke (median)")
    print(
        f"search():                      {search_median * 1000:7.3f} ms per keystroke (median)"
        f" = {search_median / scan_median:.2f} x the scan"
    )
    print(
        f"slowest keystroke:             {slowest * 1000:7.3f} ms"
        f" = {slowest / KEYSTROKE_BUDGET:.2f} of the 30 ms budget;"
        f" ratio to the scan {min(ratios):.2f}-{max(ratios):.2f} x"
    )
    print(f"suggest() per outcome:         {suggestions * 1000:7.3f} ms (median)")
    for k in (5, 10, 20):
        hits, total = hit_rate(k)
        print(f"example's linked skills in the top {k:<2} suggestions: {hits} of {total}")


def hit_rate(k: int) -> tuple[int, int]:
    """How many of the bundled example's ESCO-linked skills are among the ``k`` skills
    suggested for their outcome, and how many linked skills there are."""
    hits = total = 0
    for outcome in load_example().certified.learning_outcomes:
        suggested = {s.skill.address for s in esco.suggest(outcome.text, "en", k)}
        for skill in outcome.esco_skills:
            if skill.uri:
                total += 1
                hits += skill.uri in suggested
    return hits, total


if __name__ == "__main__":
    main()
