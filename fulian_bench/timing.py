"""Timing helpers: medians over repeats, rows with ratios, text and JSON output."""
from __future__ import annotations

import statistics
import time
from dataclasses import asdict, dataclass, field
from typing import Callable


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


@dataclass(frozen=True)
class Paired:
    """A and B alternated in one process (A B A B …, the first pair a warm-up): medians of wall and CPU time,
    and the median of the per-pair ratios A/B (on a shared machine the pairs see the same neighbours)."""
    a_ms: float
    b_ms: float
    a_cpu_ms: float
    b_cpu_ms: float
    ratio: float          # median of a/b over the pairs, wall time
    cpu_ratio: float      # the same on CPU time (process_time: this process only)


def paired(a: Callable[[], object], b: Callable[[], object], repeat: int, warmup: int = 1) -> Paired:
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for n in range(warmup + repeat):
        for i, fn in enumerate((a, b) if n % 2 == 0 else (b, a)):   # who goes first alternates too
            i = i if n % 2 == 0 else 1 - i
            cpu, wall = time.process_time(), time.perf_counter()
            fn()
            if n >= warmup:
                walls[i].append((time.perf_counter() - wall) * 1000)
                cpus[i].append((time.process_time() - cpu) * 1000)
    return Paired(statistics.median(walls[0]), statistics.median(walls[1]), statistics.median(cpus[0]),
                  statistics.median(cpus[1]), statistics.median(x / y for x, y in zip(*walls) if y),
                  statistics.median(x / y for x, y in zip(*cpus) if y) if all(cpus[1]) else 0.0)


@dataclass
class BenchRow:
    name: str
    ms: float                        # the application's path, on the encrypted store
    raw_ms: float | None = None      # the same query as raw SQL on the same file
    plain_ms: float | None = None    # the application's path on an unencrypted copy
    target_ms: float | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)
    unit: str = "ms"                 # what `ms` and `target_ms` count (memory rows: MB)
    target_ratio: float | None = None  # at most this many times the raw SQL / the library's own call (raw_ms)
    pair_ratio: float | None = None    # measured paired (A B alternated): the median of the per-pair ratios

    @property
    def raw_ratio(self) -> float | None:
        if self.pair_ratio is not None:
            return self.pair_ratio
        return self.ms / self.raw_ms if self.raw_ms else None

    @property
    def encryption_ratio(self) -> float | None:
        return self.ms / self.plain_ms if self.plain_ms else None

    @property
    def meets_target(self) -> bool | None:
        checks = []
        if self.target_ms is not None:
            checks.append(self.ms <= self.target_ms)
        if self.target_ratio is not None and self.raw_ratio is not None:
            checks.append(self.raw_ratio <= self.target_ratio)
        return all(checks) if checks else None

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(raw_ratio=self.raw_ratio, encryption_ratio=self.encryption_ratio, meets_target=self.meets_target)
        return data


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.1f}{unit}" if value < 100 else f"{value:,.0f}{unit}"


def format_table(rows: list[BenchRow], header: str) -> str:
    lines = [header, f"{'项目':<22}{'中位数':>10}{'原始SQL':>10}{'比值':>7}{'未加密':>10}{'加密开销':>8}{'目标':>9}  备注"]
    for r in rows:
        target = " ".join(t for t in ("" if r.target_ms is None else f"≤{_fmt(r.target_ms)}",
                                      "" if r.target_ratio is None else f"≤{r.target_ratio:g}×") if t) or "—"
        mark = "" if r.meets_target is None else (" ✓" if r.meets_target else " ✗")
        ratio = "—" if r.raw_ratio is None else f"{r.raw_ratio:.2f}"
        enc = "—" if r.encryption_ratio is None else f"{r.encryption_ratio:.2f}"
        lines.append(f"{r.name:<22}{_fmt(r.ms, ' ' + r.unit):>10}{_fmt(r.raw_ms, ' ms'):>10}{ratio:>7}"
                     f"{_fmt(r.plain_ms, ' ms'):>10}{enc:>8}{target:>9}{mark}  {r.note}")
    return "\n".join(lines)
