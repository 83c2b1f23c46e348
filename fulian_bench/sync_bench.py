"""`fulian bench` rows for station sync: export and import of a bundle of 10,000 changed cases.

A district and a village station are built in a temporary folder (provisioned as in real use); the
village's cases are written with Core inserts and logged as changes, as a week of busy offline work would.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.accounts.setup import TownSpec, initialise
from fulian_desktop.store.base import new_id, utcnow
from fulian_desktop.store.models import Case, CaseEvent, OrgUnit
from fulian_desktop.store.models_sync import SyncChange
from fulian_desktop.store.store import create_store
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.provision import join_station, provision_station
from .timing import BenchRow

_KDF = KdfParams(1, 8192, 1)   # the stores are thrown away: key derivation is not what is measured
TARGET_MS = 10_000


def _changed_cases(store, unit_id: str, prefix: str, count: int) -> None:  # noqa: ANN001
    now = utcnow()
    cases, events, changes = [], [], []
    for i in range(count):
        cid = new_id()
        opened = now - timedelta(minutes=i)
        cases.append(dict(id=cid, case_no=f"（2026）{prefix}信字第{i + 1}号", case_year=2026, case_seq=i + 1,
                          kind="petition", title=f"测试案件{i + 1}", tier="village", status="registered",
                          summary="同步基准测试：离线一周登记的案件。", owner_unit_id=unit_id, opened_at=opened,
                          created_at=opened, updated_at=opened, version=1, urgency="normal",
                          major_incident=False, involves_minor=False, domestic_violence=False))
        eid = new_id()
        events.append(dict(id=eid, case_id=cid, kind="created", summary="登记案件", owner_unit_id=unit_id,
                           occurred_at=opened, created_at=opened, updated_at=opened, version=1))
        changes += [{"table_name": "case_file", "record_id": cid}, {"table_name": "case_event", "record_id": eid}]
    with store.uow(write=True) as uow:
        conn = uow.s.connection()
        conn.execute(insert(Case.__table__), cases)
        conn.execute(insert(CaseEvent.__table__), events)
        conn.execute(insert(SyncChange.__table__), changes)


def run(changed: int = 10_000) -> list[BenchRow]:
    workdir = Path(tempfile.mkdtemp(prefix="fulian-sync-bench-"))
    try:
        made = create_store(workdir / "district", passphrase="bench-pass-2026", use_keyring=False, kdf=_KDF)
        district = made.store
        initialise(district, district="望城区", case_prefix="望", admin_username="admin", admin_name="管理员",
                   admin_password="Bench-Admin-1", towns=(TownSpec("高塘岭街道", ("郭亮村",)),))
        package = provision_station(district, system_actor(district), "郭亮村", kdf=_KDF)
        village = create_store(workdir / "village", passphrase="bench-pass-2026", use_keyring=False, kdf=_KDF).store
        join_station(village, package.package, package.code)
        with village.uow() as uow:
            unit_id, prefix = uow.s.execute(select(OrgUnit.id, OrgUnit.case_prefix)
                                            .where(OrgUnit.name == "郭亮村")).one()
        _changed_cases(village, unit_id, prefix, changed)
        with district.uow() as uow:
            district_id = uow.s.execute(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None))).scalar_one()
        start, cpu = time.perf_counter(), time.process_time()
        data, result = export_bundle(village, system_actor(village), district_id)
        export_ms, export_cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        start, cpu = time.perf_counter(), time.process_time()
        imported = import_bundle(district, system_actor(district), data)
        import_ms, import_cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        assert imported.counts.get("case_file") == changed
        size_mb = len(data) / 2**20
        rows = [BenchRow(f"同步包导出（{changed:,} 件案件）", export_ms, target_ms=TARGET_MS,
                         note=f"{result.records:,} 条记录，签名+加密，{size_mb:.1f} MB，CPU {export_cpu / 1000:.1f} s",
                         extra={"cpu_ms": export_cpu}),
                BenchRow(f"同步包导入（{changed:,} 件案件）", import_ms, target_ms=TARGET_MS,
                         note=f"验签+解密+比对+写入+索引，一个事务，CPU {import_cpu / 1000:.1f} s",
                         extra={"cpu_ms": import_cpu})]
        village.close()
        district.close()
        return rows
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
