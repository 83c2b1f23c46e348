"""Fast draws from one seeded `random.Random` (the generator's hot loop makes millions)."""
from __future__ import annotations

import random
from bisect import bisect_right
from itertools import accumulate
from typing import Iterable, Sequence, TypeVar

T = TypeVar("T")


def cumulative(weights: Iterable[float]) -> tuple[float, ...]:
    return tuple(accumulate(weights))


class Dice:
    """Thin, deterministic helpers over `rng.random()`; cheaper than randint/choice/choices."""

    __slots__ = ("rng", "random")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random

    def ri(self, lo: int, hi: int) -> int:
        """An int in lo..hi inclusive."""
        return lo + int(self.random() * (hi - lo + 1))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def wpick(self, items: Sequence[T], cum: Sequence[float]) -> T:
        """Weighted pick; `cum` from cumulative(weights)."""
        return items[bisect_right(cum, self.random() * cum[-1])]
