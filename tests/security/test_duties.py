"""Separation of duties (issue 13, item 3): each escalation the attack used, replayed on a real store through the
real services (and the real CLI for the key holder), and the one rule behind them written out role by role.

- A station administrator made itself a counsellor, created a counsellor, reset a counsellor's password and then
  read the counselling notes; a system administrator made itself a supervisor.
- A system administrator created a mediator with a password it knew and read victims' addresses through it: it
  holds none of a mediator's rights, so it may not grant them (staff accounts are the supervisor's).
- The key holder's `fulian user passwd` took over a supervisor without anyone seeing it.
- A disabled account's already open session could still list and search.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from fulian_desktop.cli.main import main
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import (
    AccountDisabled,
    BadCredentials,
    NotFound,
    PermissionDenied,
    SessionExpired,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.accounts import auth, users
from fulian_desktop.services.cases import case_queries, cases, review
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.cases.search import free_text
from fulian_desktop.store.models import AuditEntry, Case, UserAccount
from tests.support.stores import (
    ADMIN_PASSWORD,
    DISTRICT,
    PASSPHRASE,
    TOWN_A,
    TOWN_B,
    VILLAGE_A1,
    VILLAGE_B1,
    VILLAGE_B2,
    add_user,
    build_org,
    first_login,
    new_store,
)

NOTES = "疏导记录：她说丈夫昨晚又动了手，已暂住庇护所"
TAKEN = "Taken-Over-77"
R = Role


@pytest.fixture
def world(tmp_path):  # noqa: ANN001, ANN201
    root = tmp_path / "data"
    store = new_store(root).store
    org = build_org(store)
    u = org.units
    add_user(store, "zhanguan", R.STATION_ADMIN, u[TOWN_A], display_name="高塘岭站点管理员")
    add_user(store, "cou", R.COUNSELLOR, u[VILLAGE_A1], display_name="林咨询师")
    add_user(store, "dudao", R.SUPERVISOR, u[DISTRICT], display_name="区督导")
    add_user(store, "dudao2", R.SUPERVISOR, u[DISTRICT], display_name="区督导二")
    add_user(store, "med", R.MEDIATOR, u[VILLAGE_A1], display_name="甲一调解员")
    actors = {name: first_login(store, name) for name in ("zhanguan", "cou", "dudao", "dudao2", "med")}
    actors["admin"] = first_login(store, "admin", password=ADMIN_PASSWORD)
    with store.uow(write=True) as uow:
        case = cases.create_case(uow, actors["cou"], cases.NewCase(title="林某心理疏导", kind=CaseKind.COUNSELLING))
        counselling.add_session(uow, actors["cou"], case.row.id, clock.now_utc() - timedelta(hours=1), "phone", NOTES)
    yield root, store, org, actors, case.row.id
    store.close()


def _denied(store, call) -> PermissionDenied:  # noqa: ANN001
    with pytest.raises(PermissionDenied) as refused, store.uow(write=True) as uow:
        call(uow)
    return refused.value


def _account(store, username: str) -> tuple[str, str] | None:  # noqa: ANN001
    """(role, unit id) of the stored account, or None."""
    with store.uow() as uow:
        row = uow.s.execute(select(UserAccount.role, UserAccount.owner_unit_id)
                            .where(UserAccount.username == username)).first()
    return tuple(row) if row else None


def _last_entry(store, *where) -> tuple:  # noqa: ANN001, ANN002
    with store.uow() as uow:
        return tuple(uow.s.execute(select(AuditEntry.action, AuditEntry.actor_id, AuditEntry.actor_name,
                                          AuditEntry.detail).where(*where)
                                   .order_by(AuditEntry.seq.desc()).limit(1)).one())


# --- the escalations, replayed ---------------------------------------------------------------------------------

def test_station_admin_cannot_make_itself_a_counsellor_or_move_itself_up(world) -> None:  # noqa: ANN001
    _root, store, org, a, case_id = world
    refused = _denied(store, lambda uow: users.update_user(uow, a["zhanguan"], "zhanguan", role=R.COUNSELLOR))
    assert "自己" in refused.message or "权限" in refused.message
    _denied(store, lambda uow: users.update_user(uow, a["zhanguan"], "zhanguan", unit_id=org.units[VILLAGE_A1]))
    assert _account(store, "zhanguan") == (R.STATION_ADMIN.value, org.units[TOWN_A])
    with pytest.raises(PermissionDenied), store.uow(write=True) as uow:  # so the notes stay closed to it
        counselling.counselling_sessions(uow, a["zhanguan"], case_id)


def test_station_admin_cannot_create_a_counsellor(world) -> None:  # noqa: ANN001
    _root, store, org, a, _case_id = world
    refused = _denied(store, lambda uow: users.add_user(
        uow, a["zhanguan"], username="jiazixun", display_name="假咨询师", role=R.COUNSELLOR,
        unit_id=org.units[VILLAGE_A1], password=TAKEN))
    assert "密钥持有人" in refused.message
    assert _account(store, "jiazixun") is None
    with pytest.raises(BadCredentials):
        auth.login(store, "jiazixun", TAKEN)


def test_station_admin_cannot_reset_a_counsellors_password_and_read_the_notes(world) -> None:  # noqa: ANN001
    _root, store, _org, a, case_id = world
    _denied(store, lambda uow: users.reset_password(uow, a["zhanguan"], "cou", TAKEN))
    with pytest.raises(BadCredentials):  # the password it tried to set opens nothing
        auth.login(store, "cou", TAKEN)
    with store.uow(write=True) as uow:  # the counsellor's own session goes on, notes intact
        (session,) = counselling.counselling_sessions(uow, a["cou"], case_id)
    assert session.notes == NOTES


def test_system_admin_cannot_make_itself_a_supervisor_nor_take_one_over(world) -> None:  # noqa: ANN001
    _root, store, org, a, case_id = world
    _denied(store, lambda uow: users.update_user(uow, a["admin"], "admin", role=R.SUPERVISOR))
    _denied(store, lambda uow: users.update_user(uow, a["admin"], "admin", unit_id=org.units[TOWN_B]))
    _denied(store, lambda uow: users.add_user(uow, a["admin"], username="jiadudao", display_name="假督导",
                                              role=R.SUPERVISOR, unit_id=org.units[DISTRICT], password=TAKEN))
    _denied(store, lambda uow: users.reset_password(uow, a["admin"], "dudao", TAKEN))
    _denied(store, lambda uow: users.update_user(uow, a["admin"], "med", role=R.COUNSELLOR))
    assert _account(store, "admin") == (R.SYSTEM_ADMIN.value, org.units[DISTRICT])
    assert _account(store, "jiadudao") is None
    assert _account(store, "med")[0] == R.MEDIATOR.value
    # It runs accounts, not cases: no case list, no case, no notes.
    with pytest.raises(PermissionDenied), store.uow() as uow:
        case_queries.list_case_ids(uow, a["admin"])
    with pytest.raises(PermissionDenied), store.uow(write=True) as uow:
        cases.get_case(uow, a["admin"], case_id)
    # It still does its own job: the monthly figures (counts, no case content), other system administrators,
    # disabling, unlocking and renaming any account in its scope.
    from fulian_desktop.services.statistics import statistics

    today = clock.today_local()
    with store.uow(write=True) as uow:
        assert statistics.monthly_report(uow, a["admin"], today.replace(day=1), today).sections
    with store.uow(write=True) as uow:
        users.add_user(uow, a["admin"], username="admin2", display_name="系统管理员二", role=R.SYSTEM_ADMIN,
                       unit_id=org.units[DISTRICT], password="Temp-Pass-123")
        users.set_active(uow, a["admin"], "cou", False)
        users.set_active(uow, a["admin"], "cou", True)
        users.unlock_user(uow, a["admin"], "med")
        users.update_user(uow, a["admin"], "med", display_name="甲一调解员（王）")


def test_system_admin_cannot_create_a_mediator_nor_reset_ones_password(world) -> None:  # noqa: ANN001
    _root, store, org, a, _case_id = world
    add_user(store, "admin2", R.SYSTEM_ADMIN, org.units[DISTRICT])
    with store.uow(write=True) as uow:  # her address, confidential: a mediator would see it
        case = cases.create_case(uow, a["med"], cases.NewCase(title="王某家暴求助", kind=CaseKind.MEDIATION))
        cases.add_party(uow, a["med"], case.row.id, PersonInput(name="王某", phone="13912345678",
                                                                address="城南庇护所 3 栋"),
                        PartyRole.APPLICANT, contact_confidential=True)
    refused = _denied(store, lambda uow: users.add_user(
        uow, a["admin"], username="jiatiaojie", display_name="假调解员", role=R.MEDIATOR,
        unit_id=org.units[VILLAGE_A1], password=TAKEN))
    assert "不能授予自己没有的权限" in refused.message and "督导" in refused.message
    _denied(store, lambda uow: users.reset_password(uow, a["admin"], "med", TAKEN))
    _denied(store, lambda uow: users.update_user(uow, a["admin"], "admin2", role=R.MEDIATOR))
    assert _account(store, "jiatiaojie") is None and _account(store, "admin2")[0] == R.SYSTEM_ADMIN.value
    for username in ("jiatiaojie", "med", "admin2"):  # the password it tried opens no mediator's cases
        with pytest.raises(BadCredentials):
            auth.login(store, username, TAKEN)
    with store.uow(write=True) as uow:  # the mediator's own session goes on
        assert cases.get_case(uow, a["med"], case.row.id).parties[0].address == "城南庇护所 3 栋"


def test_supervisors_make_staff_accounts_in_their_own_subtree_only(world) -> None:  # noqa: ANN001
    _root, store, org, a, _case_id = world
    add_user(store, "dudao_a", R.SUPERVISOR, org.units[TOWN_A], display_name="高塘岭督导")
    town_a = first_login(store, "dudao_a")
    with store.uow(write=True) as uow:  # the district supervisor: a mediator in a village of either town
        users.add_user(uow, a["dudao"], username="tiaojie_b1", display_name="乙一调解员", role=R.MEDIATOR,
                       unit_id=org.units[VILLAGE_B1], password="Temp-Pass-123")
    assert _account(store, "tiaojie_b1") == (R.MEDIATOR.value, org.units[VILLAGE_B1])
    assert auth.login(store, "tiaojie_b1", "Temp-Pass-123").must_change_password
    with store.uow(write=True) as uow:  # a town supervisor: in its own town, counsellor included
        users.add_user(uow, town_a, username="tiaojie_a1", display_name="甲一调解员二", role=R.MEDIATOR,
                       unit_id=org.units[VILLAGE_A1], password="Temp-Pass-123")
        users.add_user(uow, town_a, username="zixun_a1", display_name="甲一咨询师", role=R.COUNSELLOR,
                       unit_id=org.units[VILLAGE_A1], password="Temp-Pass-123")
        users.reset_password(uow, town_a, "cou", "Temp-Pass-456")
    refused = _denied(store, lambda uow: users.add_user(
        uow, town_a, username="tiaojie_b2", display_name="乙二调解员", role=R.MEDIATOR,
        unit_id=org.units[VILLAGE_B2], password=TAKEN))
    assert "管辖范围" in refused.message
    with pytest.raises(NotFound), store.uow(write=True) as uow:  # another town's account: not even there for it
        users.reset_password(uow, town_a, "tiaojie_b1", TAKEN)
    _denied(store, lambda uow: users.update_user(uow, town_a, "tiaojie_a1", unit_id=org.units[VILLAGE_B1]))
    _denied(store, lambda uow: users.add_user(uow, town_a, username="xitong", display_name="x", role=R.SYSTEM_ADMIN,
                                              unit_id=org.units[TOWN_A], password=TAKEN))
    _denied(store, lambda uow: users.update_user(uow, town_a, "dudao_a", unit_id=org.units[DISTRICT]))
    assert _account(store, "tiaojie_b2") is None and _account(store, "xitong") is None
    assert _account(store, "tiaojie_a1") == (R.MEDIATOR.value, org.units[VILLAGE_A1])
    with pytest.raises(BadCredentials):
        auth.login(store, "tiaojie_b1", TAKEN)


def test_key_holder_reset_of_a_supervisor_shows_on_the_review_queue(world, monkeypatch, capsys) -> None:  # noqa: ANN001
    root, store, _org, a, _case_id = world
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_NEW_PASSWORD", TAKEN)
    assert main(["--data-dir", str(root), "user", "passwd", "dudao"]) == 0
    capsys.readouterr()
    action, actor_id, actor_name, _detail = _last_entry(store)
    assert (action, actor_id, actor_name) == ("password", None, "密钥持有人（命令行）")

    # The other supervisor sees it on the review queue, with who, whose and when.
    with store.uow() as uow:
        (notice,) = review.account_notices(uow, a["dudao2"])
    assert notice.username == "dudao" and notice.role == R.SUPERVISOR
    assert "密钥持有人" in notice.text and "区督导" in notice.text
    with pytest.raises(PermissionDenied), store.uow() as uow:  # not a station admin's business
        review.account_notices(uow, a["zhanguan"])
    # For two weeks at most ...
    with store.uow() as uow:
        assert review.account_notices(uow, a["dudao2"], now=clock.now_utc() + timedelta(days=15)) == []
    # ... or until a supervisor acknowledges it (audited), then for every supervisor.
    with store.uow(write=True) as uow:
        review.acknowledge_notice(uow, a["dudao2"], notice.entry_id)
    with store.uow() as uow:
        assert review.account_notices(uow, a["dudao2"]) == []
    assert auth.login(store, "dudao", TAKEN).must_change_password  # the key holder may do it, but not unseen
    assert main(["--data-dir", str(root), "user", "passwd", "cou"]) == 0
    assert "审核队列" in capsys.readouterr().out
    assert main(["--data-dir", str(root), "review"]) == 0  # and the queue at the command line says so too
    assert "[账号]" in capsys.readouterr().out
    # An administrator's own reset of an account it manages is not a key-holder notice.
    with store.uow(write=True) as uow:
        users.reset_password(uow, a["dudao2"], "med", "Temp-Pass-321")
    with store.uow() as uow:
        assert [n.username for n in review.account_notices(uow, a["dudao2"])] == ["cou"]


def test_key_holder_commands_are_audited_as_the_key_holder(world, monkeypatch, capsys) -> None:  # noqa: ANN001
    root, store, _org, _a, _case_id = world
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_NEW_PASSWORD", "Temp-Pass-123")
    assert main(["--data-dir", str(root), "user", "add", "shenji", "--name", "审计员甲", "--role", "auditor",
                 "--unit", DISTRICT]) == 0
    assert "审计员" in capsys.readouterr().out
    _action, _id, actor_name, detail = _last_entry(store, AuditEntry.action == "create", AuditEntry.entity == "user")
    assert actor_name == "密钥持有人（命令行）" and detail["role"] == "auditor"


def test_a_disabled_accounts_open_session_can_no_longer_list_or_search(world) -> None:  # noqa: ANN001
    _root, store, _org, a, _case_id = world
    med = a["med"]
    with store.uow(write=True) as uow:
        mine = cases.create_case(uow, med, cases.NewCase(title="王某婚姻纠纷", kind=CaseKind.MEDIATION))
    reads = {
        "list": lambda uow: case_queries.list_case_ids(uow, med),
        "count": lambda uow: case_queries.count_cases(uow, med),
        "search by number": lambda uow: case_queries.quick_search(uow, med, mine.row.case_no),
        "search by name": lambda uow: case_queries.find_by_name(uow, med, "wang"),
        "free text": lambda uow: free_text(uow, med, "婚姻纠纷"),
        "read": lambda uow: cases.get_case(uow, med, mine.row.id),
    }
    with store.uow(write=True) as uow:  # all of it works while the account is active
        assert mine.row.id in case_queries.list_case_ids(uow, med)
        for call in reads.values():
            call(uow)
    with store.uow(write=True) as uow:
        users.set_active(uow, a["admin"], "med", False)
    for what, call in reads.items():
        with pytest.raises(AccountDisabled), store.uow(write=what == "read") as uow:
            call(uow)
            pytest.fail(f"{what} still worked for a disabled account")
    with store.uow(write=True) as uow:  # enabled again, and its role changed: the old session stays ended
        users.set_active(uow, a["admin"], "med", True)
        users.update_user(uow, a["dudao"], "med", role=R.RECEPTION)
    with pytest.raises(SessionExpired), store.uow() as uow:
        case_queries.list_case_ids(uow, med)


def test_the_auditor_reads_the_audit_log_and_nothing_else(world) -> None:  # noqa: ANN001
    from fulian_desktop.services.accounts import audit_log

    _root, store, org, a, case_id = world
    add_user(store, "shenji", R.AUDITOR, org.units[DISTRICT], display_name="审计员甲")
    auditor = first_login(store, "shenji")
    with store.uow(write=True) as uow:
        cases.update_case(uow, a["cou"], case_id, uow.s.get(Case, case_id).version, {"summary": "受害人暂住城南庇护所"})
    with store.uow() as uow:
        rows = audit_log.list_entries(uow, auditor)
        older = audit_log.list_entries(uow, auditor, before_seq=rows[-1].seq)
    assert rows and rows[0].seq > rows[-1].seq and all(r.seq < rows[-1].seq for r in older)
    change = next(r for r in rows if r.action == "update" and r.case_id == case_id)
    assert "summary" in change.fields
    assert not any("庇护所" in r.fields or NOTES in r.fields for r in rows)  # names of fields, never values
    for call in (lambda uow: case_queries.list_case_ids(uow, auditor),
                 lambda uow: cases.get_case(uow, auditor, case_id),
                 lambda uow: counselling.counselling_sessions(uow, auditor, case_id),
                 lambda uow: users.list_users(uow, auditor),
                 lambda uow: review.review_queue(uow, auditor)):
        _denied(store, call)
    # Who administers accounts does not read the log that watches it; a caseworker does not either.
    for reader in (a["admin"], a["med"], a["zhanguan"]):
        with pytest.raises(PermissionDenied), store.uow() as uow:
            audit_log.list_entries(uow, reader)
    # Nor may an administrator make or take over an auditor.
    _denied(store, lambda uow: users.reset_password(uow, a["admin"], "shenji", TAKEN))
    _denied(store, lambda uow: users.add_user(uow, a["admin"], username="shenji2", display_name="x",
                                              role=R.AUDITOR, unit_id=org.units[DISTRICT], password=TAKEN))


def test_a_town_supervisor_reads_only_its_subtrees_audit_entries(world) -> None:  # noqa: ANN001
    from fulian_desktop.services.accounts import audit_log

    _root, store, org, a, _case_id = world
    add_user(store, "dudao_b", R.SUPERVISOR, org.units[TOWN_B])
    town_b = first_login(store, "dudao_b")
    with store.uow() as uow:
        seen = audit_log.list_entries(uow, town_b, limit=1000)
        everything = audit_log.list_entries(uow, a["dudao"], limit=1000)
    assert seen and {r.unit_name for r in seen} <= {TOWN_B, "马桥河村", "白沙村"}
    assert len(everything) > len(seen)


def test_unlocking_disabling_and_renaming_are_not_takeovers(world) -> None:  # noqa: ANN001
    _root, store, org, a, _case_id = world
    add_user(store, "jiedai_a1", R.RECEPTION, org.units[VILLAGE_A1])
    with store.uow(write=True) as uow:  # its station's staff, counsellor included: it may stop and unlock them
        users.set_active(uow, a["zhanguan"], "cou", False)
        users.set_active(uow, a["zhanguan"], "cou", True)
        users.unlock_user(uow, a["zhanguan"], "med")
        users.update_user(uow, a["admin"], "cou", display_name="林咨询师（心理）")
        users.update_user(uow, a["zhanguan"], "jiedai_a1", unit_id=org.units[TOWN_A])  # a receptionist: moved
    add_user(store, "dudao_a1", R.SUPERVISOR, org.units[VILLAGE_A1])
    _denied(store, lambda uow: users.set_active(uow, a["zhanguan"], "dudao_a1", False))  # not one above it
    _denied(store, lambda uow: users.unlock_user(uow, a["zhanguan"], "dudao_a1"))
    _denied(store, lambda uow: users.update_user(uow, a["zhanguan"], "jiedai_a1", unit_id=org.units[TOWN_B]))
    assert _account(store, "jiedai_a1") == (R.RECEPTION.value, org.units[TOWN_A])


# --- the rule, role by role ----------------------------------------------------------------------------------
# Who may create an account of a role (or give that role, or reset that account's password), written out by hand.
# The key holder may do all of it; others not listed may do none of it. Nobody grants rights it does not hold: the
# system administrator reads no case, so it makes no caseworker; the supervisor holds every caseworker's rights.
MAY = {
    R.SYSTEM_ADMIN: {R.SYSTEM_ADMIN},
    R.STATION_ADMIN: {R.RECEPTION, R.STATION_ADMIN},
    R.SUPERVISOR: {R.RECEPTION, R.MEDIATOR, R.COUNSELLOR, R.STATION_ADMIN, R.SUPERVISOR, R.AUDITOR},
}


def test_who_may_create_and_reset_whose_account(world) -> None:  # noqa: ANN001
    _root, store, org, _a, _case_id = world
    district = org.units[DISTRICT]
    key_holder = auth.system_actor(store)
    for role in Role:  # one account of each role to reset
        add_user(store, f"t_{role.value}", role, district)
    acting = {None: key_holder}
    for role in Role:
        add_user(store, f"a_{role.value}", role, district)
        acting[role] = first_login(store, f"a_{role.value}")
    wrong, n = [], 0
    for actor_role, actor in acting.items():
        for target in Role:
            want = actor_role is None or target in MAY.get(actor_role, set())
            n += 1
            for what, call in (
                    # each call runs at once, inside this iteration: the loop variables are the current ones
                    ("create", lambda uow: users.add_user(uow, actor, username=f"new{n:03d}",  # noqa: B023
                                                          display_name="新用户", role=target,  # noqa: B023
                                                          unit_id=district, password=TAKEN)),
                    ("reset", lambda uow: users.reset_password(uow, actor, f"t_{target.value}", TAKEN))):  # noqa: B023
                try:
                    with store.uow(write=True) as uow:
                        call(uow)
                    got = True
                except PermissionDenied:
                    got = False
                if got != want:
                    wrong.append(f"{actor_role} {what} {target}: got {got}, want {want}")
    assert wrong == [], "\n".join(wrong)


# --- what the desktop offers each role ---------------------------------------------------------------------------

def test_the_desktop_offers_only_what_the_rule_allows(qtbot, world, monkeypatch, capsys) -> None:  # noqa: ANN001
    from ui.navigation import pages_for
    from ui.accounts.admin_users import AddUserDialog, EditUserDialog, UsersPage
    from ui.accounts.audit_log import AuditLogPage
    from ui.review.review_queue import ReviewQueuePage
    from ui.session import AppSession
    from ui.tasks import TaskRunner

    root, store, org, a, _case_id = world
    add_user(store, "shenji", R.AUDITOR, org.units[DISTRICT])
    add_user(store, "admin2", R.SYSTEM_ADMIN, org.units[DISTRICT])
    auditor = first_login(store, "shenji")
    session = AppSession(store, TaskRunner())

    def roles_offered(combo) -> list[Role]:  # noqa: ANN001
        return [Role(combo.itemData(i)) for i in range(combo.count())]

    session.set_actor(a["zhanguan"])
    dialog = AddUserDialog(session, [])
    qtbot.addWidget(dialog)
    assert roles_offered(dialog.role) == [R.RECEPTION, R.STATION_ADMIN]
    session.set_actor(a["dudao"])
    dialog = AddUserDialog(session, [])
    qtbot.addWidget(dialog)
    staff = [R.RECEPTION, R.MEDIATOR, R.COUNSELLOR, R.STATION_ADMIN, R.SUPERVISOR, R.AUDITOR]
    assert roles_offered(dialog.role) == staff
    # The supervisor's desk offers the users page, after its case pages; its own role and unit are not its to change.
    keys = [spec.key for spec in pages_for(session)]
    assert keys[0] == "review" and "users" in keys and keys.index("users") > keys.index("unit_cases")
    with store.uow() as uow:
        listed = users.list_users(uow, a["dudao"])
    me = next(u for u in listed if u.username == "dudao")
    mine = EditUserDialog(session, me, [])
    qtbot.addWidget(mine)
    assert not mine.role.isEnabled() and not mine.unit.isEnabled()
    cou = next(u for u in listed if u.username == "cou")
    theirs = EditUserDialog(session, cou, [])
    qtbot.addWidget(theirs)
    assert theirs.role.isEnabled() and roles_offered(theirs.role) == staff
    assert Role(theirs.role.currentData()) == R.COUNSELLOR

    session.set_actor(a["admin"])
    dialog = AddUserDialog(session, [])
    qtbot.addWidget(dialog)
    assert roles_offered(dialog.role) == [R.SYSTEM_ADMIN]  # no mediator, no caseworker of any kind
    with store.uow() as uow:
        me = next(u for u in users.list_users(uow, a["admin"]) if u.username == "admin")
    mine = EditUserDialog(session, me, [])
    qtbot.addWidget(mine)
    assert not mine.role.isEnabled() and not mine.unit.isEnabled()  # its own role and unit: not here

    # The system administrator's desk: its home holds the accounts; no case page anywhere.
    specs = pages_for(session)
    keys = [spec.key for spec in specs]
    assert keys[0] == "home" and not {"my_cases", "unit_cases", "intake", "screening", "audit"} & set(keys)
    home = specs[0].factory(session)
    qtbot.addWidget(home)
    page = home.body
    assert isinstance(page, UsersPage)
    qtbot.waitUntil(lambda: page.table.rowCount() >= 7)
    for staff_member in ("cou", "med", "dudao"):  # a counsellor, a mediator, a supervisor: not its to take over
        page.select_username(staff_member)
        assert page.selected().username == staff_member
        assert not page.reset_button.isEnabled() and page.open_reset_dialog() is None
        assert not page.edit_button.isEnabled() and page.open_edit_dialog() is None
        assert page.active_button.isEnabled()  # stopping an account is still its job
    page.select_username("admin2")
    assert page.reset_button.isEnabled()

    # The auditor's desk: the audit log and nothing else.
    session.set_actor(auditor)
    (only,) = pages_for(session)
    auditor_home = only.factory(session)
    qtbot.addWidget(auditor_home)
    log = auditor_home.body
    assert isinstance(log, AuditLogPage)
    qtbot.waitUntil(lambda: log.table.rowCount() > 0, timeout=10_000)
    assert log.error.isHidden()

    # The supervisor's queue shows the key holder's reset, and 已核实 clears it.
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_NEW_PASSWORD", TAKEN)
    assert main(["--data-dir", str(root), "user", "passwd", "cou"]) == 0
    capsys.readouterr()
    session.set_actor(a["dudao"])
    queue = ReviewQueuePage(session)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: queue.notices.isVisible(), timeout=10_000)
    assert "林咨询师" in queue.data.notices[0].text
    from PySide6.QtWidgets import QPushButton

    queue.notices.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not queue.data.notices and queue.notices.isHidden(), timeout=10_000)
    session.tasks.wait_idle()
