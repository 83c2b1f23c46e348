"""A key holder rewrites audit history: caught against a signed checkpoint kept outside the store.

Holding the database key, an attacker can (a) delete the last audit entries and fix the stored chain head,
or (b) change an old entry and recompute every hash after it. Both pass `fulian audit verify` on the store
alone (shown first in each test: the hash chain is unkeyed and its head lives in the same database). Each is
then caught against a checkpoint the store signed earlier: in a backup's manifest, in a bundle it sent, and
at the district, which keeps every station's checkpoints and flags a station whose chain no longer extends
them when its next bundle arrives.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fulian_desktop.backup import container
from fulian_desktop.backup.service import take_backup
from fulian_desktop.cli.main import main
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.security.audit import entry_hash, verify_chain
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import AuditEntry, AuditHead
from fulian_desktop.store.store import Store
from fulian_desktop.sync.anchors import AUDIT_ACTION_BROKEN, flagged_stations
from fulian_desktop.sync.exchange import ImportResult, export_bundle, import_bundle
from fulian_desktop.sync.identity import identity
from tests.support.stores import DISTRICT, PASSPHRASE, build_org, new_store, on_postgres
from tests.support.sync_stations import Stations, make_stations

pytestmark = pytest.mark.skipif(on_postgres(), reason="raw tampering of a SQLCipher store's audit tables")


# --- the attacker's tools: plain SQL with the database key --------------------------------------------

def head(store: Store) -> tuple[int, str]:
    with store.uow() as uow:
        row = uow.s.execute(select(AuditHead.last_seq, AuditHead.last_hash)).one()
    return row[0], row[1]


def truncate(store: Store, keep: int) -> None:
    """Delete every entry after `keep` and make the stored head say the chain ends there."""
    with store.engine.begin() as conn:
        last = conn.execute(text("select hash from audit_log where seq = :s"), {"s": keep}).scalar_one()
        conn.execute(text("delete from audit_log where seq > :s"), {"s": keep})
        conn.execute(text("update audit_head set last_seq = :s, last_hash = :h where id = 1"), {"s": keep, "h": last})


def rewrite(store: Store, seq: int) -> None:
    """Change who entry `seq` names and recompute the hash of every entry from there, and the head."""
    with Session(store.engine) as s, s.begin():
        entries = s.execute(select(AuditEntry).where(AuditEntry.seq >= seq - 1)
                            .order_by(AuditEntry.seq)).scalars().all()
        prev = entries[0].hash if seq > 1 else "0" * 64
        for e in entries[1:] if seq > 1 else entries:
            if e.seq == seq:
                e.actor_name, e.detail = "无此人", {"note": "改写后的记录"}
            e.prev_hash = prev
            e.hash = prev = entry_hash(seq=e.seq, id=e.id, at=e.at, actor_id=e.actor_id, actor_name=e.actor_name,
                                       action=e.action, entity=e.entity, entity_id=e.entity_id, case_id=e.case_id,
                                       owner_unit_id=e.owner_unit_id, detail=e.detail, prev_hash=e.prev_hash)
        s.execute(text("update audit_head set last_hash = :h where id = 1"), {"h": prev})


def chain_alone_passes(store: Store) -> None:
    """The "before" fact: the store's own chain check cannot see either attack."""
    with store.uow() as uow:
        report = verify_chain(uow.s)
    assert report.ok, report.problem


def work(store: Store, n: int, title: str = "家暴求助") -> None:
    """Ordinary audited work: cases opened at the store's own unit."""
    actor = system_actor(store)
    with store.uow() as uow:
        ident = identity(uow)
        unit = ident.unit_id if ident else None
    for i in range(n):
        with store.uow(write=True) as uow:
            cases.create_case(uow, actor, cases.NewCase(title=f"{title}{i + 1}", kind=CaseKind.PETITION, unit_id=unit))


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, root: Path,
            *argv: str) -> tuple[int, str]:
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    code = main(["--data-dir", str(root), *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def up(stations: Stations) -> ImportResult:
    """The village's next bundle, imported at the district."""
    data, _ = export_bundle(stations.village, system_actor(stations.village), stations.unit(DISTRICT))
    return import_bundle(stations.district, system_actor(stations.district), data)


@pytest.fixture
def desk(tmp_path: Path):  # noqa: ANN201
    """A district desk that never synced (its signing key is made for its first backup)."""
    store = new_store(tmp_path / "desk").store
    build_org(store)
    work(store, 3)
    yield store, tmp_path / "desk"
    store.close()


@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    made = make_stations(tmp_path)
    yield made
    made.close()


# --- against a backup ------------------------------------------------------------------------------

def test_truncated_chain_is_caught_against_a_backup_at_the_command_line(desk, tmp_path, capsys, monkeypatch) -> None:
    store, root = desk
    backup = tmp_path / "周五备份.fbk"
    code, out = run_cli(capsys, monkeypatch, root, "backup", "--to", str(backup))
    assert code == 0 and "审计检查点：第" in out, out
    signed_seq = json.loads(zipfile.ZipFile(backup).read(container.MANIFEST))[container.CHECKPOINT]["seq"]
    work(store, 2, "夜间查阅")
    code, out = run_cli(capsys, monkeypatch, root, "audit", "verify", "--against", str(backup))
    assert code == 0 and "接续该检查点" in out, out

    truncate(store, signed_seq - 4)              # the last entries go, and the head is fixed to match
    chain_alone_passes(store)
    code, out = run_cli(capsys, monkeypatch, root, "audit", "verify")
    assert code == 0 and "校验通过" in out       # today's check alone: nothing to see

    code, out = run_cli(capsys, monkeypatch, root, "audit", "verify", "--against", str(backup))
    assert code == 1, out
    assert "不再接续检查点" in out
    assert f"检查点：第 {signed_seq} 条审计记录" in out and backup.name in out
    assert f"第一条缺失或被改动的记录：第 {signed_seq - 3} 条（原记录写于" in out


def test_recomputed_chain_is_caught_against_a_backup_naming_the_first_changed_entry(desk, tmp_path, capsys,
                                                                                   monkeypatch) -> None:
    store, root = desk
    backup = tmp_path / "备份.fbk"
    take_backup(store, system_actor(store), backup, key=store.key)
    work(store, 1)
    rewrite(store, 3)                            # an early entry changed, every hash after it recomputed
    chain_alone_passes(store)
    assert run_cli(capsys, monkeypatch, root, "audit", "verify")[0] == 0

    code, out = run_cli(capsys, monkeypatch, root, "audit", "verify", "--against", str(backup), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False and data["first_bad_seq"] == 3
    assert "重新计算" in data["problem"]


def test_a_checkpoint_edited_in_a_backup_is_refused(desk, tmp_path, capsys, monkeypatch) -> None:
    """Someone lowers the checkpoint in a copied manifest to whitewash a cut: its signature no longer holds."""
    store, root = desk
    backup = tmp_path / "备份.fbk"
    take_backup(store, system_actor(store), backup, key=store.key)
    edited = tmp_path / "改过的备份.fbk"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == container.MANIFEST:
                manifest = json.loads(data)
                manifest[container.CHECKPOINT]["seq"] -= 2
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    code, out = run_cli(capsys, monkeypatch, root, "audit", "verify", "--against", str(edited))
    assert code == 1 and "签名无效" in out


def test_entries_after_the_last_checkpoint_are_what_a_key_holder_can_still_hide(desk, tmp_path) -> None:
    """Stated plainly in docs/guarantees.md: work done after the last checkpoint that left the machine
    can be cut away unseen. This pins that statement (it must change if the guarantee grows)."""
    from fulian_desktop.anchors import verify as audit_anchor

    store, _root = desk
    backup = tmp_path / "备份.fbk"
    take_backup(store, system_actor(store), backup, key=store.key)
    signed = head(store)[0] - 1                  # the backup's own entry came after the copy
    work(store, 2)
    truncate(store, signed)
    check = audit_anchor.verify_against(store, audit_anchor.checkpoint_in_file(backup))
    assert check.report.ok


# --- against a bundle the station sent ---------------------------------------------------------------

@pytest.mark.parametrize("attack", ["truncate", "rewrite"])
def test_attacks_are_caught_against_a_bundle_the_station_sent(stations: Stations, tmp_path, capsys, monkeypatch,
                                                              attack: str) -> None:
    village = stations.village
    work(village, 3)
    data, _ = export_bundle(village, system_actor(village), stations.unit(DISTRICT))
    bundle = tmp_path / "up.fsync"
    bundle.write_bytes(data)
    code, out = run_cli(capsys, monkeypatch, tmp_path / "village", "audit", "verify", "--against", str(bundle))
    assert code == 0 and "发往望城区的同步包" in out, out

    signed = head(village)[0] - 1                # the export's own entry follows its checkpoint
    truncate(village, signed - 3) if attack == "truncate" else rewrite(village, 2)
    chain_alone_passes(village)
    code, out = run_cli(capsys, monkeypatch, tmp_path / "village", "audit", "verify", "--against", str(bundle))
    assert code == 1, out
    assert f"检查点：第 {signed} 条审计记录" in out
    assert (f"第一条缺失或被改动的记录：第 {signed - 2} 条" in out) if attack == "truncate" else ("重新计算" in out)


# --- at the district: the kept checkpoint, and the flag ---------------------------------------------

@pytest.mark.parametrize("attack", ["truncate", "rewrite"])
def test_district_flags_a_station_whose_chain_was_rewritten(stations: Stations, tmp_path, capsys, monkeypatch,
                                                            attack: str) -> None:
    district, village = stations.district, stations.village
    work(village, 3)
    first = up(stations)
    assert first.anchor_problem is None
    kept = head(village)[0] - 1

    truncate(village, kept - 3) if attack == "truncate" else rewrite(village, 2)
    chain_alone_passes(village)
    work(village, 2, "之后的工作")               # the station carries on as if nothing happened
    second = up(stations)
    assert second.applied                        # its records still arrive: the flag is for people to act on
    assert second.anchor_problem and "警告：郭亮村的审计链不再接续" in second.message

    with district.uow() as uow:
        flags = flagged_stations(uow)
        logged = uow.s.execute(select(AuditEntry.detail)
                               .where(AuditEntry.action == AUDIT_ACTION_BROKEN)).scalars().all()
    assert [f.name for f in flags] == ["郭亮村"] and flags[0].anchor.seq == kept
    assert len(logged) == 1 and logged[0]["station"] == "郭亮村"

    code, out = run_cli(capsys, monkeypatch, tmp_path / "district", "audit", "verify")
    assert code == 1 and "郭亮村" in out and "不再接续" in out
    code, out = run_cli(capsys, monkeypatch, tmp_path / "district", "sync", "peer", "list")
    assert code == 0 and "郭亮村" in out and "审计链异常" in out


def test_a_bundle_without_a_checkpoint_after_one_with_is_flagged(stations: Stations) -> None:
    """Leaving the checkpoint out (an edited program at the station) does not escape the check."""
    from fulian_desktop.sync import anchors

    district, village = stations.district, stations.village
    work(village, 1)
    up(stations)
    original = anchors.HEADER_FIELD
    work(village, 1)
    try:
        anchors.HEADER_FIELD = "nothing"     # the station's program writes no checkpoint
        data, _ = export_bundle(village, system_actor(village), stations.unit(DISTRICT))
    finally:
        anchors.HEADER_FIELD = original
    result = import_bundle(district, system_actor(district), data)
    assert result.anchor_problem and "没有审计检查点" in result.anchor_problem


def test_honest_rounds_keep_every_station_unflagged(stations: Stations, capsys, monkeypatch, tmp_path) -> None:
    """No false alarm: stations and the district exchange bundles both ways, with work in between,
    a bundle lost on the way and one sent twice."""
    district, town, village = stations.district, stations.town, stations.village
    for round_ in range(3):
        work(village, 2, f"第{round_}轮村")
        work(town, 1, f"第{round_}轮镇")
        lost, _ = export_bundle(village, system_actor(village), stations.unit(DISTRICT))
        up, _ = export_bundle(village, system_actor(village), stations.unit(DISTRICT))   # the first never arrived
        for result in (import_bundle(district, system_actor(district), up),
                       import_bundle(district, system_actor(district), up),
                       import_bundle(district, system_actor(district),
                                     export_bundle(town, system_actor(town), stations.unit(DISTRICT))[0]),
                       import_bundle(village, system_actor(village),
                                     export_bundle(district, system_actor(district), stations.unit("郭亮村"))[0]),
                       import_bundle(town, system_actor(town),
                                     export_bundle(district, system_actor(district), stations.unit("高塘岭街道"))[0])):
            assert result.anchor_problem is None, result.message
        assert lost
    with district.uow() as uow:
        assert flagged_stations(uow) == []
    code, out = run_cli(capsys, monkeypatch, tmp_path / "district", "audit", "verify")
    assert code == 0 and "警告" not in out


def test_station_checks_its_chain_against_what_the_district_keeps(stations: Stations) -> None:
    """`--against server`: the checkpoint the district kept for this station (here the district's store
    object stands in for the server connection)."""
    from fulian_desktop.anchors import verify as audit_anchor

    district, village = stations.district, stations.village
    work(village, 2)
    up(stations)
    mine = audit_anchor.station_id(village)
    assert audit_anchor.verify_against(village, audit_anchor.checkpoint_at_district(district, mine)).report.ok
    rewrite(village, 2)
    chain_alone_passes(village)
    check = audit_anchor.verify_against(village, audit_anchor.checkpoint_at_district(district, mine))
    assert not check.report.ok and check.source == "区服务器保存的本站最新检查点"
