#!/usr/bin/env python3
"""Print what the compiled knowledge base holds: rows per table, citations, conflicts and facts per seed file.

A "fact from a seed" is a distinct (table, row) that cites the seed, either through its own source_id + quote or
through a row of `citations`. Reads the SQLite file techrace-kbc builds; Python standard library only.

    scripts/kb_report.py [--db build/dev/data/kb/techrace-kb.sqlite] [--uncovered SEED_ID] [--shared ../shared]

--uncovered lists the sentences of a seed that contain a figure or a year and share no quote with the KB: the
work list of an audit (some are rightly left out: rhetoric, unrelated topics).
"""

import argparse
import pathlib
import re
import sqlite3
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "build" / "dev" / "data" / "kb" / "techrace-kb.sqlite"

# Tables whose rows carry source_id + quote themselves.
CITED_TABLES = ["regions", "segments", "companies", "process_nodes", "facilities", "products", "programmes",
                "policies", "targets", "events", "observations", "claims", "parameters"]


def table_names(db):
    # The full-text index (kb_search and its FTS5 shadow tables) is derived from the rows, not facts itself.
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                      "AND name NOT LIKE 'kb_search%' ORDER BY name").fetchall()
    return [name for (name,) in rows]


def cited_rows(db):
    """Yields (table, row_id, source_id, quote) for every citation, own or extra."""
    for table in CITED_TABLES:
        key = "id"
        for row_id, source_id, quote in db.execute(f"SELECT {key}, source_id, quote FROM {table}"):
            yield table, str(row_id), source_id, quote
    for table, row_id, source_id, quote in db.execute("SELECT table_name, row_id, source_id, quote FROM citations"):
        yield table, row_id, source_id, quote


def print_report(db):
    print("Rows per table")
    total = 0
    for name in table_names(db):
        (count,) = db.execute(f"SELECT count(*) FROM {name}").fetchone()
        total += count
        print(f"  {name:<18}{count:>6}")
    print(f"  {'(all tables)':<18}{total:>6}")

    (citations,) = db.execute("SELECT count(*) FROM citations").fetchone()
    own = sum(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CITED_TABLES)
    print(f"\nCitations: {own + citations} ({own} on the rows themselves + {citations} extra rows in `citations`)")
    (conflicts,) = db.execute("SELECT count(*) FROM conflicts").fetchone()
    (members,) = db.execute("SELECT count(*) FROM conflict_members").fetchone()
    print(f"Conflicts: {conflicts} (linking {members} rows)")
    (illustrative,) = db.execute("SELECT count(*) FROM claims WHERE illustrative = 1").fetchone()
    print(f"Illustrative claims (never used as data): {illustrative}")

    print("\nFacts per source (distinct rows citing it, illustrative claims apart; quotes from it)")
    sample = {("claims", i) for (i,) in db.execute("SELECT id FROM claims WHERE illustrative = 1")}
    facts, samples, quotes = {}, {}, {}
    for table, row_id, source_id, _quote in cited_rows(db):
        (samples if (table, row_id) in sample else facts).setdefault(source_id, set()).add((table, row_id))
        quotes[source_id] = quotes.get(source_id, 0) + 1
    seeds = db.execute("SELECT id, text_file FROM sources WHERE kind = 'seed_article' ORDER BY text_file").fetchall()
    seed_ids = {sid for sid, _ in seeds}
    rows = [(sid, text_file) for sid, text_file in seeds] + [(sid, "") for sid in sorted(set(quotes) - seed_ids)]
    width = max(len(s) for s, _ in rows) + 2
    print(f"  {'source':<{width}}{'file':<34}{'facts':>6}{'illustr.':>9}{'quotes':>7}")
    for source_id, text_file in rows:
        print(f"  {source_id:<{width}}{text_file:<34}{len(facts.get(source_id, ())):>6}"
              f"{len(samples.get(source_id, ())):>9}{quotes.get(source_id, 0):>7}")
    every_seed_fact = set().union(*(facts.get(s, set()) for s in seed_ids))
    print(f"  distinct rows citing any seed: {len(every_seed_fact)}")


def fold(text):
    return " ".join(text.split())


def print_uncovered(db, seed_id, shared):
    (text_file,) = db.execute("SELECT text_file FROM sources WHERE id = ?", (seed_id,)).fetchone()
    text = fold((shared / text_file).read_text(encoding="utf-8"))
    seed_quotes = [fold(q) for _t, _r, s, q in cited_rows(db) if s == seed_id]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘])", text)
    figure = re.compile(r"\d|billion|trillion|million")
    seen = set()
    for sentence in sentences:
        if not figure.search(sentence) or sentence in seen:
            continue
        seen.add(sentence)
        if not any(q in sentence or sentence in q for q in seed_quotes):
            print("-", sentence)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=pathlib.Path, default=DEFAULT_DB)
    parser.add_argument("--uncovered", metavar="SEED_ID")
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db} does not exist: build it with cmake --build build/dev --target techrace_kb_compiled")
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.uncovered:
        print_uncovered(db, args.uncovered, args.shared)
    else:
        print_report(db)


if __name__ == "__main__":
    main()
