"""`fulian bench` builds its stores and measures every store row: a small run proves the path still works
(its figures are for the benchmark itself, not asserted here)."""
from __future__ import annotations

from fulian_bench import store_bench


def test_a_small_benchmark_measures_every_store_row() -> None:
    rows, meta = store_bench.run(cases=1500, seed=7, repeat=1, extra=None)  # its lookups pick the 777th person
    assert meta["cases"] == 1500
    names = [r.name for r in rows]
    assert len(names) == len(set(names)) >= 5
    assert all(r.ms > 0 for r in rows if r.unit == "ms")
