"""Runs in a separate (spawned) process: opens the store like a second desk and files cases.

Kept small and importable so multiprocessing's 'spawn' start method can find it.
"""
from __future__ import annotations

import traceback
from typing import Any


def file_cases(root: str, passphrase: str, unit_id: str, count: int, opened_at: str, start: Any,
               results: Any, done: Any = None, me: int = 0) -> None:
    """Wait for `start` (a barrier shared with the other desks), then create `count` cases,
    one transaction each; put ("ok", [case numbers]) or ("error", traceback) on `results`.

    `done` (a shared array of per-desk counts) keeps a desk from running far ahead: on a loaded
    machine one process could otherwise file all its cases before the other woke, and nothing
    would have raced. The desks still contend for every number."""
    try:
        import random
        import time
        from datetime import datetime
        from pathlib import Path

        from fulian_desktop.domain.enums import CaseKind
        from fulian_desktop.services.accounts import auth
        from fulian_desktop.services.cases import cases
        from fulian_desktop.store.store import Unlock, open_store
        from tests.support.stores import NoKeyringVault

        numbers: list[str] = []
        with open_store(Path(root), Unlock(passphrase=passphrase), vault=NoKeyringVault()) as store:
            actor = auth.system_actor(store)
            start.wait(timeout=60)
            for i in range(count):
                with store.uow(write=True) as uow:
                    detail = cases.create_case(uow, actor, cases.NewCase(
                        title=f"并发登记 {i}", kind=CaseKind.MEDIATION, unit_id=unit_id,
                        opened_at=datetime.fromisoformat(opened_at)))
                numbers.append(detail.row.case_no)
                if done is not None:
                    done[me] += 1
                    others = [j for j in range(len(done)) if j != me]
                    deadline = time.monotonic() + 30
                    while any(done[me] - done[j] > 3 for j in others) and time.monotonic() < deadline:
                        time.sleep(0.005)
                time.sleep(random.uniform(0, 0.02))  # a desk's pace: lets the other desk in between
        results.put(("ok", numbers))
    except BaseException:  # noqa: BLE001 - report everything to the parent
        results.put(("error", traceback.format_exc()))
        try:
            start.abort()  # don't leave the other desk waiting at the barrier
        except Exception:  # noqa: BLE001
            pass
