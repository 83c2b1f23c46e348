"""Accounts that must not act: disabled or removed after login, locked by wrong passwords, due a password
change, or a desk whose session is locked. Checked on the services, with nothing written by a refusal."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, render
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthError,
    BadCredentials,
    PasswordChangeRequired,
    SessionExpired,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.accounts import auth, users
from fulian_desktop.services.cases import case_queries, cases, workflow
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.models import Case, UserAccount
from tests.reliability.rel_support import assert_sound, row_counts
from tests.support.stores import (
    ADMIN_PASSWORD,
    TEMP_PASSWORD,
    TOWN_A,
    VILLAGE_A1,
    add_user,
    build_org,
    first_login,
    new_store,
)


@pytest.fixture
def world(tmp_path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    add_user(store, "cou", Role.COUNSELLOR, org.units[VILLAGE_A1], display_name="林咨询师")
    admin = first_login(store, "admin", password=ADMIN_PASSWORD)
    cou = first_login(store, "cou")
    with store.uow(write=True) as uow:
        case = cases.create_case(uow, cou, cases.NewCase(title="家庭纠纷", kind=CaseKind.MEDIATION))
    yield store, org, admin, cou, case.row.id
    assert_sound(store)
    store.close()


def _everything(actor, case_id: str, town_a: str):  # noqa: ANN001, ANN202
    """One call per kind of work a caseworker does."""
    held = clock.now_utc() - timedelta(hours=2)
    return {
        "open a case": lambda uow: cases.get_case(uow, actor, case_id),
        "edit a case": lambda uow: cases.update_case(uow, actor, case_id, uow.s.get(Case, case_id).version,
                                                     {"summary": "不该写入"}),
        "file a case": lambda uow: cases.create_case(uow, actor, cases.NewCase(title="不该登记",
                                                                              kind=CaseKind.MEDIATION)),
        "add a party": lambda uow: cases.add_party(uow, actor, case_id, PersonInput(name="某某"), PartyRole.WITNESS),
        "counselling": lambda uow: counselling.add_session(uow, actor, case_id, held, "phone", "不该写入"),
        "read notes": lambda uow: counselling.counselling_sessions(uow, actor, case_id),
        "refer": lambda uow: referrals.refer_to_tier(uow, actor, case_id, town_a, "不该转介"),
        "ask approval": lambda uow: workflow.request_approval(uow, actor, case_id, workflow.ApprovalKind.CLOSE, "x"),
        "print": lambda uow: render(uow, actor, case_id, DocumentKind.CASE_FILE, purpose=PrintPurpose.PRINT),
    }


def _all_refused(store, actor, case_id: str, town_a: str, error: type) -> None:  # noqa: ANN001
    before = row_counts(store)
    for what, call in _everything(actor, case_id, town_a).items():
        with pytest.raises(error), store.uow(write=True) as uow:
            call(uow)
            pytest.fail(f"{what} worked")
    assert row_counts(store) == before


def test_a_session_stops_working_once_its_account_is_disabled(world) -> None:  # noqa: ANN001
    store, org, admin, cou, case_id = world
    with store.uow(write=True) as uow:  # works while the account is active
        cases.get_case(uow, cou, case_id)
    with store.uow(write=True) as uow:
        users.set_active(uow, admin, "cou", False)
    _all_refused(store, cou, case_id, org.units[TOWN_A], AccountDisabled)
    with pytest.raises(AccountDisabled):
        auth.refreshed(store, cou)
    with pytest.raises(AccountDisabled):
        auth.login(store, "cou", "Own-Secret-456")
    with store.uow(write=True) as uow:  # enabled again, the same person can work again
        users.set_active(uow, admin, "cou", True)
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, auth.refreshed(store, cou), case_id).row.id == case_id


def test_a_removed_account_cannot_log_in_and_its_open_session_can_do_nothing(world) -> None:  # noqa: ANN001
    store, org, _admin, cou, case_id = world
    with store.uow(write=True) as uow:  # there is no delete service yet: mark it removed as a sync would
        uow.s.get(UserAccount, cou.user_id).deleted_at = utcnow()
    _all_refused(store, cou, case_id, org.units[TOWN_A], AccountDisabled)
    with pytest.raises(BadCredentials):  # a removed name is as unknown as one never created
        auth.login(store, "cou", "Own-Secret-456")


def test_a_locked_account_cannot_log_in_even_with_the_right_password(world) -> None:  # noqa: ANN001
    store, _org, admin, _cou, _case_id = world
    for attempt in range(4):
        with pytest.raises(BadCredentials):
            auth.login(store, "cou", f"wrong-{attempt}")
    with pytest.raises(AccountLocked) as locked:
        auth.login(store, "cou", "wrong-4")
    assert "锁定" in locked.value.message
    for password in ("Own-Secret-456", "wrong-5"):  # the lock screen logs in the same way
        with pytest.raises(AccountLocked):
            auth.login(store, "cou", password)
    with pytest.raises(AccountLocked):
        auth.login(store, "cou", "Own-Secret-456", now=utcnow() + timedelta(minutes=14))
    with store.uow(write=True) as uow:
        users.unlock_user(uow, admin, "cou")
    assert auth.login(store, "cou", "Own-Secret-456").username == "cou"


def test_a_user_due_a_password_change_can_do_nothing_else(world) -> None:  # noqa: ANN001
    store, org, _admin, _cou, case_id = world
    with store.uow(write=True) as uow:  # a counsellor's password: only the key holder may reset it
        users.reset_password(uow, auth.system_actor(store), "cou", TEMP_PASSWORD)
    fresh = auth.login(store, "cou", TEMP_PASSWORD)
    assert fresh.must_change_password
    _all_refused(store, fresh, case_id, org.units[TOWN_A], PasswordChangeRequired)
    with pytest.raises(PasswordChangeRequired), store.uow() as uow:
        case_queries.list_case_ids(uow, fresh)


def test_a_session_opened_before_an_administrator_reset_the_password_stops(world) -> None:  # noqa: ANN001
    store, org, _admin, cou, case_id = world
    with store.uow(write=True) as uow:  # a counsellor's password: only the key holder may reset it
        users.reset_password(uow, auth.system_actor(store), "cou", TEMP_PASSWORD)
    _all_refused(store, cou, case_id, org.units[TOWN_A], SessionExpired)
    with pytest.raises(SessionExpired) as ended:  # refreshing the old session does not revive it
        auth.refreshed(store, cou)
    assert "重新登录" in ended.value.message
    fresh = auth.login(store, "cou", TEMP_PASSWORD)  # the new password opens a new session
    with store.uow(write=True) as uow:
        users.change_own_password(uow, fresh, TEMP_PASSWORD, "Newer-Secret-789")
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, auth.refreshed(store, fresh), case_id).row.id == case_id
    _all_refused(store, cou, case_id, org.units[TOWN_A], SessionExpired)  # the old one stays ended


def test_changing_ones_own_password_keeps_the_session(world) -> None:  # noqa: ANN001
    store, _org, admin, cou, case_id = world
    with store.uow(write=True) as uow:
        users.change_own_password(uow, cou, "Own-Secret-456", "Newer-Secret-789")
    with store.uow(write=True) as uow:  # the same session, not refreshed, keeps working
        cases.update_case(uow, cou, case_id, uow.s.get(Case, case_id).version, {"summary": "改密码后仍可写"})
    with store.uow(write=True) as uow:  # an administrator resetting their own password keeps working too
        users.reset_password(uow, admin, "admin", "Admin-Reset-321")
    with store.uow(write=True) as uow:
        users.unlock_user(uow, admin, "cou")
        assert "cou" in {u.username for u in users.list_users(uow, admin)}
        assert uow.s.get(Case, case_id).summary == "改密码后仍可写"


def test_a_locked_desk_runs_no_service_call(qtbot, world) -> None:  # noqa: ANN001
    """The idle lock clears the session's actor; anything still queued is refused, not run."""
    from ui.session import AppSession
    from ui.tasks import TaskRunner

    store, _org, _admin, cou, case_id = world
    session = AppSession(store, TaskRunner())
    session.set_actor(cou)
    session.set_actor(None)  # what the lock screen does
    errors: list[BaseException] = []
    before = row_counts(store)
    session.write(cases.get_case, case_id, on_done=lambda _v: errors.append(AssertionError("ran")),
                  on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], AuthError) and "锁定" in str(errors[0])
    assert row_counts(store) == before
    session.tasks.wait_idle()


def test_an_account_disabled_at_another_desk_stops_within_a_second(world, tmp_path) -> None:  # noqa: ANN001
    """Two desks on one store (two processes in real life, two Store objects here): the desk that disables the
    account commits nothing in the other desk's process, so the other desk learns of it from its own lookup, which it
    may skip for at most LIVE_FOR_SECONDS after the last one."""
    from fulian_desktop.security import live_session
    from fulian_desktop.store.store import Unlock, open_store
    from tests.support.stores import PASSPHRASE, NoKeyringVault, on_postgres

    if on_postgres():
        pytest.skip("two desks on one SQLCipher file; the server path shares the same rule")
    store, _org, admin, cou, case_id = world
    other_desk = open_store(store.paths.root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    try:
        with store.uow() as uow:  # confirmed live just now
            cases.get_case(uow, cou, case_id)
        with other_desk.uow(write=True) as uow:
            users.set_active(uow, auth.refreshed(other_desk, admin), "cou", False)
        with pytest.raises(AccountDisabled), store.uow() as uow:  # opening a case is audited: refused at once
            cases.get_case(uow, cou, case_id)
        deadline = time.monotonic() + live_session.LIVE_FOR_SECONDS + 0.5
        while True:  # listing is not audited: allowed for at most the window, then refused for good
            try:
                with store.uow() as uow:
                    case_queries.first_page(uow, cou, case_queries.CaseFilter(), 50)
            except AccountDisabled:
                break
            assert time.monotonic() < deadline, "still listing cases after the account was disabled elsewhere"
            time.sleep(0.05)
        for _ in range(3):
            with pytest.raises(AccountDisabled), store.uow() as uow:
                case_queries.first_page(uow, cou, case_queries.CaseFilter(), 50)
    finally:
        other_desk.close()


def test_a_live_session_is_looked_up_again_only_after_a_commit(world) -> None:  # noqa: ANN001
    """The account lookup is skipped while nothing in this process committed (the list and search stay fast), and
    done again after any commit: the disabling commit is seen by the very next call."""
    from sqlalchemy import event

    store, _org, admin, cou, case_id = world
    lookups: list[str] = []

    def count(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001
        if statement.startswith("SELECT user_account.active, user_account.deleted_at, user_account.role"):
            lookups.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        for _ in range(5):
            with store.uow() as uow:
                cases.get_case(uow, cou, case_id)
        assert len(lookups) <= 1
        with store.uow(write=True) as uow:
            users.set_active(uow, admin, "cou", False)
        with pytest.raises(AccountDisabled), store.uow() as uow:
            cases.get_case(uow, cou, case_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
