"""One of two desks editing the same case: `python -m tests.reliability.desk_editor ROOT CASE_ID DESK N GO`.

Like a person at a desk it reads the case, thinks a moment, and saves its edit with the version it read.
Waits for the file GO to appear (both desks start together), then prints one line per attempt:
"saved <version> <summary>" or "conflict <message>", and "filed <case id>" for cases it registers."""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path


def main(root: str, case_id: str, desk: str, count: str, go: str) -> None:
    from argon2 import PasswordHasher

    from fulian_desktop.domain.enums import CaseKind
    from fulian_desktop.domain.errors import ConflictError
    from fulian_desktop.security import passwords
    from fulian_desktop.services.accounts import auth
    from fulian_desktop.services.cases import cases
    from fulian_desktop.store.models import Case
    from tests.reliability.rel_support import WRITER_PASSWORD, WRITER_USER, open_test_store

    passwords.set_hasher_for_tests(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    rng = random.Random(desk)
    with open_test_store(Path(root)) as store:
        actor = auth.login(store, WRITER_USER, WRITER_PASSWORD)
        while not Path(go).exists():
            time.sleep(0.005)
        for i in range(int(count)):
            with store.uow() as uow:
                version = uow.s.get(Case, case_id).version
            time.sleep(rng.uniform(0, 0.01))  # reading the screen
            summary = f"{desk} 第{i}次修改"
            try:
                with store.uow(write=True) as uow:
                    saved = cases.update_case(uow, actor, case_id, version, {"summary": summary})
                print(f"saved {saved.version} {summary}", flush=True)
            except ConflictError as exc:
                print(f"conflict {exc.message}", flush=True)
            if i % 4 == 0:
                with store.uow(write=True) as uow:
                    filed = cases.create_case(uow, actor, cases.NewCase(title=f"{desk} 登记 {i}",
                                                                        kind=CaseKind.MEDIATION))
                print(f"filed {filed.row.id}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:6])
