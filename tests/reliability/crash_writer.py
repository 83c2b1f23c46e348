"""A desk that keeps working until it is killed: `python -m tests.reliability.crash_writer ROOT JOURNAL SEED`.

It logs in as the template's mediator and, through the services, files cases, adds their applicant and
edits their summary. After each unit of work has committed (the moment the application tells the user
"saved") it appends one line to JOURNAL:

    C <case id> <case no>             a new case with its applicant
    U <case id> <version> <summary>   the case's summary as saved, at that version

Each line ends with " END": a line the kill cut short is not a report.

The parent kills this process with SIGKILL at a random moment and checks the store holds every line.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path


def main(root: str, journal: str, seed: str) -> None:
    from argon2 import PasswordHasher

    from fulian_desktop.domain.enums import CaseKind, PartyRole
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.security import passwords
    from fulian_desktop.services.accounts import auth
    from fulian_desktop.services.cases import cases
    from fulian_desktop.store.models import Case
    from tests.reliability.rel_support import WRITER_PASSWORD, WRITER_USER, open_test_store

    # Same cheap hashing as the test session, so a login does not rehash the password with full costs.
    passwords.set_hasher_for_tests(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    rng = random.Random(int(seed))
    out = open(journal, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - kept open until killed
    store = open_test_store(Path(root))
    actor = auth.login(store, WRITER_USER, WRITER_PASSWORD)
    mine: list[str] = []
    out.write("\nR ready END\n")  # the newline ends a line the previous desk was cut off in
    n = 0
    while True:
        n += 1
        if not mine or rng.random() < 0.4:
            with store.uow(write=True) as uow:
                detail = cases.create_case(uow, actor, cases.NewCase(
                    title=f"崩溃测试 {seed}-{n}", kind=CaseKind.MEDIATION, summary="初次登记"))
                cases.add_party(uow, actor, detail.row.id,
                                PersonInput(name=f"测试{n % 97}", phone=f"139{rng.randrange(10**8):08d}"),
                                PartyRole.APPLICANT)
            mine.append(detail.row.id)
            out.write(f"C {detail.row.id} {detail.row.case_no} END\n")
        else:
            case_id = rng.choice(mine)
            summary = f"第{n}次修改：" + "情况说明" * rng.randrange(1, 200)
            with store.uow(write=True) as uow:
                version = uow.s.get(Case, case_id).version
                saved = cases.update_case(uow, actor, case_id, version, {"summary": summary})
            out.write(f"U {case_id} {saved.version} {summary} END\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
    sys.exit(0)
