"""What the live-session check costs the list and search: one process, the same calls interleaved three ways.

    python -m fulian_bench.live_session_ab --cases 2000

(a) as shipped: the account lookup skipped while nothing committed (security/live_session.py);
(b) looked up in every unit of work (how the check first landed);
(c) not looked up at all (before the check existed).
Interleaving call by call cancels the drift of a shared, noisy machine; the ratios to (c) are the figure.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from fulian_demo import DEMO_PASSWORD
from fulian_desktop.security import live_session
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.cases.case_queries import CaseFilter

from .store_bench import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fulian-live-ab-"))
    stores = build(args.cases, 7, workdir)
    try:
        actor = auth.login(stores.store, "dudao", DEMO_PASSWORD)
        check, window = live_session.check_account, live_session.LIVE_FOR_SECONDS

        def skip(_session: Any, _actor: Any) -> None:
            return None

        modes: dict[str, tuple[Callable[..., None], float]] = {
            "shipped": (check, window), "every": (check, -1.0), "none": (skip, window)}
        calls: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
            "案件列表首页": (case_queries.first_page, (CaseFilter(), 50)),
            "按电话查找": (case_queries.find_by_phone, ("13807315566",)),
            "搜索三字姓名": (case_queries.quick_search, ("罗文静",)),
        }
        for label, (fn, fn_args) in calls.items():
            samples: dict[str, list[float]] = {m: [] for m in modes}
            order = list(modes)
            for i in range(args.repeat):
                for mode in order[i % 3:] + order[:i % 3]:  # each mode first, second and third equally often
                    check_fn, seconds = modes[mode]
                    live_session.check_account, live_session.LIVE_FOR_SECONDS = check_fn, seconds
                    start = time.perf_counter()
                    with stores.store.uow() as uow:
                        fn(uow, actor, *fn_args)
                    samples[mode].append(time.perf_counter() - start)
            med = {m: statistics.median(v) * 1000 for m, v in samples.items()}
            print(f"{label}: 不检查 {med['none']:.3f} ms · 每次检查 {med['every']:.3f} ms ({med['every'] / med['none']:.2f}) · "
                  f"现行 {med['shipped']:.3f} ms ({med['shipped'] / med['none']:.2f})")
        live_session.check_account, live_session.LIVE_FOR_SECONDS = check, window
    finally:
        stores.store.close()
        stores.plain.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
