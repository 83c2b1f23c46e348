"""What watching the writes costs: a case write and a sync import with the observer on and off, interleaved.

    python -m fulian_bench.written_ab --writes 100 --sync-cases 10000 --sync-repeat 3

(a) as shipped: every write unit of work records what it wrote (store/written.py);
(b) the recorder not attached (before writes said what they changed).
Interleaving run by run, in alternating order, cancels the drift of a shared, noisy machine; the ratio is the figure.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from argon2 import PasswordHasher
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security import passwords
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.services.accounts import setup
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases
from fulian_desktop.store import written
from fulian_desktop.store.models import OrgUnit
from fulian_desktop.store.store import create_store

from . import sync_bench

_ATTACH = written.WrittenRecorder.attach


def _observer(on: bool) -> None:
    written.WrittenRecorder.attach = _ATTACH if on else (lambda self, session: None)  # type: ignore[method-assign]


def _interleaved(runs: int, one: Callable[[int], float]) -> tuple[float, float]:
    """Medians of `one(i)` with the observer on and off, the order alternating run by run."""
    timed: dict[bool, list[float]] = {True: [], False: []}
    for i in range(runs):
        for on in ((True, False) if i % 2 else (False, True)):
            _observer(on)
            timed[on].append(one(2 * i + on))
    _observer(True)
    return statistics.median(timed[True]), statistics.median(timed[False])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--writes", type=int, default=100)
    parser.add_argument("--sync-cases", type=int, default=10_000)
    parser.add_argument("--sync-repeat", type=int, default=3)
    args = parser.parse_args()
    passwords.set_hasher_for_tests(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    workdir = Path(tempfile.mkdtemp(prefix="fulian-written-ab-"))
    try:
        store = create_store(workdir / "s", passphrase="bench-pass-2026", use_keyring=False,
                             kdf=KdfParams(1, 8192, 1)).store   # thrown away: key derivation is not measured
        setup.initialise(store, district="望城区", case_prefix="望", admin_username="admin", admin_name="管理员",
                         admin_password="Bench-Admin-1", towns=(setup.TownSpec("高塘岭街道", ("郭亮村",)),))
        actor = system_actor(store)
        with store.uow() as uow:
            unit_id = uow.s.execute(select(OrgUnit.id).where(OrgUnit.name == "郭亮村")).scalar_one()

        def write(i: int) -> float:
            start = time.perf_counter()
            with store.uow(write=True) as uow:
                case_id = cases.create_case(uow, actor, cases.NewCase(
                    title=f"基准案件{i}", kind=CaseKind.PETITION, category="婚姻家庭", unit_id=unit_id)).row.id
                cases.add_party(uow, actor, case_id, PersonInput(name=f"张{i}", sex="female"), PartyRole.APPLICANT)
            return (time.perf_counter() - start) * 1000

        on, off = _interleaved(args.writes, write)
        print(f"新建案件+当事人（一个写入单元）：记录 {on:.1f} ms，不记录 {off:.1f} ms，比值 {on / off:.3f}（各 {args.writes} 次中位数）")
        store.close()

        def sync(_i: int) -> float:
            return float(sync_bench.run(args.sync_cases)[1].extra["cpu_ms"])

        on, off = _interleaved(args.sync_repeat, sync)
        print(f"同步包导入（{args.sync_cases:,} 件案件，CPU）：记录 {on:.0f} ms，不记录 {off:.0f} ms，比值 {on / off:.3f}"
              f"（各 {args.sync_repeat} 次中位数）")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
