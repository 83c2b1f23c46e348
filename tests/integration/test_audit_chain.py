"""The audit log is tamper-evident: an attacker who has the key and edits the database is caught.

The tampering is done with raw SQL on the store's own engine (the attacker holds the key),
then `verify_chain` and `fulian audit verify` must point at the first broken entry.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.audit import ChainReport, verify_chain
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.store.store import Store, Unlock, open_store
from tests.support.stores import (
    PASSPHRASE, VILLAGE_A1, NoKeyringVault, add_user, build_org, copy_store, first_login, new_store,
)


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """Built once: a closed store with a dozen or more audited actions."""
    root = tmp_path_factory.mktemp("audit") / "data"
    created = new_store(root)
    with created.store as store:
        org = build_org(store)
        add_user(store, "med_a1", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="甲一调解员")
        actor = first_login(store, "med_a1")
        with store.uow(write=True) as uow:
            case = cases.create_case(uow, actor, cases.NewCase(title="赡养纠纷", kind=CaseKind.MEDIATION))
            cases.add_party(uow, actor, case.row.id, PersonInput(name="刘桂英", phone="13912345678"),
                            PartyRole.APPLICANT)
        with store.uow(write=True) as uow:
            cases.get_case(uow, actor, case.row.id)
        report = _verify(store)
    assert report.ok, report.problem
    assert report.entries >= 12
    assert not any(p.name.endswith(("-wal", "-shm")) for p in root.iterdir())  # closed cleanly
    return root, report.entries


@pytest.fixture
def audited(_template: tuple[Path, int], tmp_path: Path) -> tuple[Path, int]:
    """A private copy of the template store for one test to tamper with; returns (root, number of entries)."""
    template, entries = _template
    return copy_store(template, tmp_path / "data"), entries


def _verify(store: Store) -> ChainReport:
    with store.uow() as uow:
        return verify_chain(uow.s)


def _tamper(root: Path, sql: str, **params: object) -> ChainReport:
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        with store.engine.begin() as conn:
            result = conn.execute(text(sql), params)
            assert result.rowcount == 1
        return _verify(store)


def _cli_verify(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    code = cli.main(["audit", "verify"])
    out, err = capsys.readouterr()
    return code, out + err


def test_intact_chain_verifies(audited, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root, entries = audited
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        assert _verify(store) == ChainReport(True, entries)
    code, output = _cli_verify(root, monkeypatch, capsys)
    assert code == 0
    assert f"共 {entries} 条" in output


def test_edited_entry_is_named(audited, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root, entries = audited
    target = entries // 2
    report = _tamper(root, "update audit_log set actor_name = '某人' where seq = :seq", seq=target)
    assert not report.ok
    assert report.first_bad_seq == target
    assert f"第 {target} 条" in report.problem
    code, output = _cli_verify(root, monkeypatch, capsys)
    assert code == 1
    assert f"第 {target} 条" in output


@pytest.mark.parametrize("column, value", [("action", "export"), ("detail", None), ("at", "2020-01-01 00:00:00.000000")])
def test_other_edits_are_detected(audited, column: str, value: object) -> None:
    root, entries = audited
    report = _tamper(root, f"update audit_log set {column} = :value where seq = 3", value=value)
    assert not report.ok
    assert report.first_bad_seq == 3


def test_deleted_middle_entry_leaves_a_named_gap(audited, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root, entries = audited
    target = entries // 2
    report = _tamper(root, "delete from audit_log where seq = :seq", seq=target)
    assert not report.ok
    assert report.first_bad_seq == target
    assert f"第 {target} 条" in report.problem
    assert report.entries == target - 1
    code, output = _cli_verify(root, monkeypatch, capsys)
    assert code == 1
    assert f"第 {target} 条" in output


def test_deleted_and_renumbered_entries_are_detected(audited) -> None:
    """A careful attacker closes the gap by renumbering: the chain of hashes still breaks."""
    root, entries = audited
    target = entries // 2
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        with store.engine.begin() as conn:
            conn.execute(text("delete from audit_log where seq = :seq"), {"seq": target})
            for seq in range(target + 1, entries + 1):
                conn.execute(text("update audit_log set seq = :new where seq = :old"), {"new": seq - 1, "old": seq})
            conn.execute(text("update audit_head set last_seq = last_seq - 1"))
        report = _verify(store)
    assert not report.ok
    assert report.first_bad_seq == target


def test_deleted_last_entry_is_detected(audited, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root, entries = audited
    report = _tamper(root, "delete from audit_log where seq = :seq", seq=entries)
    assert not report.ok
    assert report.first_bad_seq == entries
    assert report.entries == entries - 1
    assert str(entries) in report.problem
    code, output = _cli_verify(root, monkeypatch, capsys)
    assert code == 1
    assert f"应有 {entries} 条" in output


def test_new_entries_after_a_login_keep_the_chain(audited) -> None:
    root, entries = audited
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        auth.login(store, "med_a1", "Own-Secret-456")
        assert _verify(store) == ChainReport(True, entries + 1)
