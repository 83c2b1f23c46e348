"""Logging in: lockout after five wrong passwords, first-login password change, disabled accounts, audit."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import (
    AccountDisabled, AccountLocked, BadCredentials, PasswordChangeRequired,
)
from fulian_desktop.security.audit import Action
from fulian_desktop.services.accounts import auth, users
from fulian_desktop.services.cases import case_queries
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.models import AuditEntry, UserAccount
from fulian_desktop.store.store import Store
from tests.support.stores import (
    NEW_PASSWORD, TEMP_PASSWORD, VILLAGE_A1, add_user, build_org, first_login, new_store, open_copy,
)

USER = "med_a1"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once, closed: the district, its admin and a village mediator who never logged in."""
    root = tmp_path_factory.mktemp("login") / "data"
    with new_store(root).store as store:
        org = build_org(store)
        add_user(store, USER, Role.MEDIATOR, org.units[VILLAGE_A1], display_name="甲一调解员")
    return root


@pytest.fixture
def store(template: Path, tmp_path: Path):
    store = open_copy(template, tmp_path / "data")
    yield store
    store.close()


def _user(store: Store) -> UserAccount:
    with store.uow() as uow:
        user = uow.s.execute(select(UserAccount).where(UserAccount.username == USER)).scalar_one()
        uow.s.expunge(user)  # keep its loaded values after the read-only unit of work ends
        return user


def _audit(store: Store, action: str) -> list[AuditEntry]:
    with store.uow() as uow:
        entries = list(uow.s.execute(select(AuditEntry).where(AuditEntry.action == action)
                                     .order_by(AuditEntry.seq)).scalars())
        uow.s.expunge_all()
        return entries


def _fail_five_times(store: Store, now=None) -> AccountLocked:  # noqa: ANN001
    for attempt in range(1, 5):
        with pytest.raises(BadCredentials) as info:
            auth.login(store, USER, f"wrong-{attempt}", now=now)
        assert f"再错 {5 - attempt} 次" in info.value.message
    with pytest.raises(AccountLocked) as locked:
        auth.login(store, USER, "wrong-5", now=now)
    return locked.value


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(store: Store) -> None:
    before = utcnow()
    locked = _fail_five_times(store)
    after = utcnow()
    assert before + timedelta(minutes=15) <= locked.until <= after + timedelta(minutes=15)
    assert "15 分钟" in locked.message
    assert _user(store).locked_until == locked.until
    # Even the right password is refused while locked, and the message says when to retry.
    with pytest.raises(AccountLocked) as again:
        auth.login(store, USER, TEMP_PASSWORD)
    assert again.value.until == locked.until
    with pytest.raises(AccountLocked):
        auth.login(store, USER, TEMP_PASSWORD, now=locked.until - timedelta(seconds=30))
    # Sixteen minutes later it works again.
    actor = auth.login(store, USER, TEMP_PASSWORD, now=utcnow() + timedelta(minutes=16))
    assert actor.username == USER
    account = _user(store)
    assert account.locked_until is None
    assert account.failed_logins == 0


def test_lock_with_a_fixed_clock(store: Store) -> None:
    t0 = utcnow()
    locked = _fail_five_times(store, now=t0)
    assert locked.until == t0 + timedelta(minutes=15)
    with pytest.raises(AccountLocked):
        auth.login(store, USER, TEMP_PASSWORD, now=t0 + timedelta(minutes=14, seconds=59))
    assert auth.login(store, USER, TEMP_PASSWORD, now=t0 + timedelta(minutes=16)).username == USER


def test_administrator_unlocks_the_account(store: Store) -> None:
    _fail_five_times(store)
    with pytest.raises(AccountLocked):
        auth.login(store, USER, TEMP_PASSWORD)
    admin = first_login(store, "admin", password="Admin-Start-1")
    with store.uow(write=True) as uow:
        users.unlock_user(uow, admin, USER)
    assert auth.login(store, USER, TEMP_PASSWORD).username == USER
    unlocks = _audit(store, Action.UNLOCK)
    assert [(e.actor_id, e.entity_id) for e in unlocks] == [(admin.user_id, _user(store).id)]


def test_a_good_login_resets_the_failure_count(store: Store) -> None:
    for attempt in range(4):
        with pytest.raises(BadCredentials):
            auth.login(store, USER, f"wrong-{attempt}")
    auth.login(store, USER, TEMP_PASSWORD)
    for attempt in range(4):
        with pytest.raises(BadCredentials):
            auth.login(store, USER, f"wrong-again-{attempt}")
    assert auth.login(store, USER, TEMP_PASSWORD).username == USER


def test_first_login_must_change_the_password(store: Store) -> None:
    actor = auth.login(store, USER, TEMP_PASSWORD)
    assert actor.must_change_password
    with pytest.raises(PasswordChangeRequired), store.uow() as uow:
        case_queries.list_case_ids(uow, actor)
    # Refreshing without a change does not let it through either.
    with pytest.raises(PasswordChangeRequired), store.uow() as uow:
        case_queries.list_case_ids(uow, auth.refreshed(store, actor))
    with store.uow(write=True) as uow:
        users.change_own_password(uow, actor, TEMP_PASSWORD, NEW_PASSWORD)
    ready = auth.refreshed(store, actor)
    assert not ready.must_change_password
    with store.uow() as uow:
        assert case_queries.list_case_ids(uow, ready) == []
    # The old password no longer works, the new one does and needs no further change.
    with pytest.raises(BadCredentials):
        auth.login(store, USER, TEMP_PASSWORD)
    assert not auth.login(store, USER, NEW_PASSWORD).must_change_password


def test_logins_and_failures_are_audited(store: Store) -> None:
    user_id = _user(store).id
    with pytest.raises(BadCredentials):
        auth.login(store, USER, "wrong-1")
    with pytest.raises(BadCredentials):
        auth.login(store, "nobody", "whatever-1")
    auth.login(store, USER, TEMP_PASSWORD)
    failed = _audit(store, Action.LOGIN_FAILED)
    assert [(e.entity_id, (e.detail or {}).get("reason")) for e in failed] == [
        (user_id, "bad_password"), (None, "unknown_user")]
    # an unknown name is kept only as a hint: it may be a password typed into the wrong box
    assert "no…" in failed[1].actor_name and "nobody" not in failed[1].actor_name
    assert "wrong-1" not in str([(e.detail, e.actor_name) for e in failed])  # never the password typed
    logins = _audit(store, Action.LOGIN)
    assert [(e.actor_id, e.entity_id) for e in logins] == [(user_id, user_id)]


def test_disabled_account_is_refused(store: Store) -> None:
    with store.uow(write=True) as uow:
        users.set_active(uow, auth.system_actor(store), USER, False)
    with pytest.raises(AccountDisabled):
        auth.login(store, USER, TEMP_PASSWORD)
    failed = _audit(store, Action.LOGIN_FAILED)
    assert (failed[-1].detail or {}).get("reason") == "disabled"
    # A session that was open when the account was disabled is dropped at the next refresh.
    with store.uow(write=True) as uow:
        users.set_active(uow, auth.system_actor(store), USER, True)
    actor = auth.login(store, USER, TEMP_PASSWORD)
    with store.uow(write=True) as uow:
        users.set_active(uow, auth.system_actor(store), USER, False)
    with pytest.raises(AccountDisabled):
        auth.refreshed(store, actor)
