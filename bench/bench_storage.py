"""Benchmark of the proposal store against a bare SQLite upsert, measured in the same run.

    python bench/bench_storage.py [--saves 1000] [--listed 2000]

1. Autosaves: the bundled example proposal is edited and saved ``--saves`` times through
   :class:`mcdesigner.storage.Store` (each save its own durable transaction, with the content
   hash check). The baseline upserts the same JSON text with plain ``sqlite3`` on a database
   with the same settings (WAL, synchronous=FULL), one transaction per save.
2. Listing: ``--listed`` proposals are stored, then ``Store.list_proposals()`` is timed
   against a bare ``SELECT`` of the same columns.

Only ratios are meaningful across machines; absolute times depend on the disk.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mcdesigner.examples import new_from_example
from mcdesigner.model import Proposal
from mcdesigner.model.hashing import canonical_json
from mcdesigner.storage import Store


def edited_versions(base: Proposal, count: int) -> list[Proposal]:
    """``count`` successive versions of ``base``, as a user typing into the description."""
    versions = []
    for n in range(count):
        version = base.model_copy(deep=True)
        version.general.description = f"{base.general.description} {'x' * (n % 200)} {n}"
        versions.append(version)
    return versions


def bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE proposals (id TEXT PRIMARY KEY, title TEXT, status TEXT, "
        "updated_at TEXT, content_hash TEXT, document TEXT)"
    )
    return conn


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def time_it(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_autosaves(folder: Path, saves: int) -> tuple[float, float]:
    base = new_from_example()
    versions = edited_versions(base, saves)

    def with_store() -> None:
        with Store.open(folder / "store.sqlite3", exclusive=True) as store:
            saved = store.save(base)
            for version in versions:
                saved = store.save(version, expected_hash=saved)

    def bare() -> None:
        conn = bare_connection(folder / "bare.sqlite3")
        for version in [base, *versions]:
            text = canonical_json(version)
            conn.execute("BEGIN")
            conn.execute(
                "INSERT INTO proposals VALUES (?, ?, ?, datetime('now'), ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                "status = excluded.status, updated_at = excluded.updated_at, "
                "content_hash = excluded.content_hash, document = excluded.document",
                (version.id, version.general.title, version.status, sha256_hex(text), text),
            )
            conn.execute("COMMIT")
        conn.close()

    return time_it(with_store), time_it(bare)


def bare_listing(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT id, title, status, created_at, updated_at, completeness, content_hash, "
        "deleted_at FROM proposals WHERE deleted_at IS NULL ORDER BY updated_at DESC"
    ).fetchall()


def bench_listing(folder: Path, listed: int, repeats: int = 5) -> tuple[float, float]:
    path = folder / "listing.sqlite3"
    base = new_from_example()
    with Store.open(path) as store:
        for n in range(listed):
            copy = base.model_copy(update={"id": f"p{n:05d}"}, deep=True)
            copy.general.title = f"Proposal {n}"
            store.save(copy)
    store_times, bare_times = [], []
    for _ in range(repeats):
        with Store.open(path) as store:
            store_times.append(time_it(store.list_proposals))
        conn = sqlite3.connect(path)
        bare_times.append(time_it(functools.partial(bare_listing, conn)))
        conn.close()
    return statistics.median(store_times), statistics.median(bare_times)


def plain_scan(conn: sqlite3.Connection, words: list[str]) -> list[str]:
    """The baseline: every live document read and scanned for every word (case folded)."""
    rows = conn.execute("SELECT id, document FROM proposals WHERE deleted_at IS NULL")
    return [i for i, doc in rows if all(w in doc.casefold() for w in words)]


def bench_search(folder: Path, repeats: int = 5) -> tuple[float, float, float, float, int]:
    """Library search over the listing benchmark's library: an up-to-date index, the first
    search after one proposal changed, and a plain scan of the documents."""
    path = folder / "listing.sqlite3"
    typed = "esco joint micro"
    with Store.open(path) as store:
        start = time.perf_counter()
        found = len(store.search_proposals(typed))  # indexes everything saved so far
        first = time.perf_counter() - start
        fresh = statistics.median(
            time_it(functools.partial(store.search_proposals, typed)) for _ in range(repeats)
        )
        after_edit = []
        for n in range(repeats):
            proposal = store.get(f"p{n:05d}")
            proposal.general.title += " (edited)"
            store.save(proposal, expected_hash=store.get_hash(proposal.id))
            after_edit.append(time_it(functools.partial(store.search_proposals, typed)))
    conn = sqlite3.connect(path)
    words = typed.casefold().split()
    scan = statistics.median(
        time_it(functools.partial(plain_scan, conn, words)) for _ in range(repeats)
    )
    conn.close()
    return first, fresh, statistics.median(after_edit), scan, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1_000)
    parser.add_argument("--listed", type=int, default=2_000)
    args = parser.parse_args()
    document_size = len(canonical_json(new_from_example()).encode())
    with tempfile.TemporaryDirectory(prefix="mcd-bench-") as tmp:
        folder = Path(tmp)
        store_s, bare_s = bench_autosaves(folder, args.saves)
        print(f"{args.saves} autosaves of a {document_size / 1000:.1f} KB proposal:")
        print(f"  store {store_s:.3f} s ({store_s / args.saves * 1000:.2f} ms per save)")
        print(f"  bare sqlite3 upsert {bare_s:.3f} s ({bare_s / args.saves * 1000:.2f} ms)")
        print(f"  ratio store / bare = {store_s / bare_s:.2f}")
        list_s, bare_list_s = bench_listing(folder, args.listed)
        print(f"listing {args.listed} proposals (median of 5):")
        print(f"  store {list_s * 1000:.1f} ms, bare select {bare_list_s * 1000:.1f} ms")
        print(f"  ratio store / bare = {list_s / bare_list_s:.2f}")
        first, fresh, edited, scan, found = bench_search(folder)
        print(f"full-text search of {args.listed} proposals ({found} found, median of 5):")
        print(f"  first search, indexing all {args.listed}: {first:.2f} s")
        print(f"  indexed {fresh * 1000:.1f} ms, after one edit {edited * 1000:.1f} ms")
        print(f"  plain scan of the documents {scan * 1000:.1f} ms")
        print(f"  ratio search / scan = {fresh / scan:.3f} (after one edit {edited / scan:.3f})")


if __name__ == "__main__":
    main()
