"""Sync bundles under faults: an import killed at random moments applies all or nothing, a damaged or
forged bundle is refused without changing anything, and a bundle carries no readable personal data."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import struct
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import Case
from fulian_desktop.store.models_sync import SyncAppliedBundle
from fulian_desktop.sync.bundle import MAGIC
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.reliability.rel_support import assert_sound, open_test_store, spawn
from tests.support.stores import VILLAGE_A1
from tests.support.sync_stations import fingerprint, make_stations

IMPORT_KILLS = 8
BUNDLE_CASES = 60
FUZZ_EXAMPLES = 50
SEED = 5
MARKERS = {"name": "甄同步", "phone": "13911112222", "address": "同步巷七号", "summary": "同步包里的案情摘要"}


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """A village that filed many cases, and the bundle it sends the district; the district store closed."""
    root = tmp_path_factory.mktemp("sync")
    st = make_stations(root)
    village = st.village
    actor = system_actor(village)
    unit = st.unit(VILLAGE_A1)
    for i in range(BUNDLE_CASES):
        with village.uow(write=True) as uow:
            case = cases.create_case(uow, actor, cases.NewCase(title=f"同步案件{i}", kind=CaseKind.MEDIATION,
                                                               unit_id=unit, summary=MARKERS["summary"]))
            cases.add_party(uow, actor, case.row.id, PersonInput(name=MARKERS["name"], phone=MARKERS["phone"],
                                                                 address=MARKERS["address"]), PartyRole.APPLICANT)
    data, _ = export_bundle(village, actor, st.org.district)
    bundle = root / "village-to-district.bundle"
    bundle.write_bytes(data)
    st.close()
    yield root / "district", bundle


def _cases(root: Path) -> tuple[int, int]:
    with open_test_store(root) as store:
        assert_sound(store)
        with store.uow() as uow:
            titles = uow.s.execute(select(func.count()).select_from(Case).where(Case.title.like("同步案件%"))).scalar()
            applied = uow.s.execute(select(func.count()).select_from(SyncAppliedBundle)).scalar()
    return titles, applied


def _import_seconds(district: Path, bundle: Path, scratch: Path) -> float:
    shutil.copytree(district, scratch)
    child = spawn("tests.reliability.crash_sync_import", str(scratch), str(bundle), stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == b"go", child.stderr.read().decode()[-2000:]
    started = time.monotonic()
    assert child.stdout.readline().strip() == b"done", child.stderr.read().decode()[-2000:]
    elapsed = time.monotonic() - started
    child.wait(timeout=30)
    child.stdout.close()
    child.stderr.close()
    assert _cases(scratch) == (BUNDLE_CASES, 1)
    shutil.rmtree(scratch)
    return elapsed


@pytest.mark.slow
def test_an_import_killed_at_random_moments_applies_the_whole_bundle_or_nothing(sent, tmp_path: Path) -> None:
    district, bundle = sent
    duration = _import_seconds(district, bundle, tmp_path / "timing")
    rng = random.Random(SEED)
    outcomes = {"nothing": 0, "all": 0}
    for cycle in range(IMPORT_KILLS):
        root = tmp_path / f"cycle{cycle}"
        shutil.copytree(district, root)
        child = spawn("tests.reliability.crash_sync_import", str(root), str(bundle), stdout=subprocess.PIPE)
        try:
            assert child.stdout.readline().strip() == b"go", child.stderr.read().decode()[-2000:]
            time.sleep(rng.uniform(0, duration * 1.2))
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=30)
            child.stdout.close()
            child.stderr.close()
        found = _cases(root)
        assert found in ((0, 0), (BUNDLE_CASES, 1)), f"half a bundle applied: {found}"
        outcomes["all" if found[1] else "nothing"] += 1
        with open_test_store(root) as store:  # importing again finishes the job, once
            result = import_bundle(store, system_actor(store), bundle.read_bytes())
            assert result.applied == (found[1] == 0)
        assert _cases(root) == (BUNDLE_CASES, 1)
        shutil.rmtree(root)
    print(f"\n{IMPORT_KILLS} kills during a {BUNDLE_CASES}-case import of ~{duration:.2f}s: {outcomes}")
    assert outcomes["nothing"] >= 1


def test_a_bundle_carries_no_readable_personal_data(sent) -> None:  # noqa: ANN001
    _district, bundle = sent
    data = bundle.read_bytes()
    for label, value in MARKERS.items():
        assert value.encode("utf-8") not in data, label
    assert b"\xe5\x90\x8c\xe6\xad\xa5" not in data  # "同步" in titles: the payload is sealed, not just hidden


# --- damaged and forged bundles ----------------------------------------------------------------------------

def _frame(header: object, rest: bytes) -> bytes:
    raw = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return MAGIC + struct.pack(">I", len(raw)) + raw + rest


def _split(data: bytes) -> tuple[dict, bytes]:
    (hlen,) = struct.unpack_from(">I", data, len(MAGIC))
    start = len(MAGIC) + 4
    return json.loads(data[start:start + hlen]), data[start + hlen:]


# Well-typed forgeries; ill-typed header values are tested on their own below.
bundle_damage = st.one_of(
    st.tuples(st.just("cut"), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.tuples(st.just("header"), st.sampled_from(["to_seq", "from_seq", "ack", "ack_audit"]),
              st.integers(-2, 10**12)),
    st.tuples(st.just("header"), st.sampled_from(["bundle_id", "sender_station", "receiver_station",
                                                  "receiver_name", "sender_name"]), st.text(max_size=40)),
    st.tuples(st.just("garbage"), st.binary(max_size=300)),
)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(how=bundle_damage)
def test_a_damaged_or_forged_bundle_is_refused_and_changes_nothing(sent, tmp_path_factory, how) -> None:  # noqa: ANN001
    district, bundle = sent
    root = tmp_path_factory.mktemp("fuzz-district")
    shutil.rmtree(root)
    shutil.copytree(district, root)
    data = bundle.read_bytes()
    if how[0] == "cut":
        data = data[: int(len(data) * how[1])]
    elif how[0] == "flip":
        spot = min(int(len(data) * how[1]), len(data) - 1)
        data = data[:spot] + bytes([data[spot] ^ how[2]]) + data[spot + 1:]
    elif how[0] == "header":  # a forger edits the plain-text header; the signature no longer matches
        header, rest = _split(data)
        data = _frame({**header, how[1]: how[2]}, rest)
    else:
        data = MAGIC + how[1]
    assume(data != bundle.read_bytes())  # an "edit" that changed nothing is the genuine bundle
    with open_test_store(root) as store:
        before = fingerprint(store)
        with pytest.raises(FulianError) as refused:
            import_bundle(store, system_actor(store), data)
        assert refused.value.message.strip()
        assert fingerprint(store) == before
    shutil.rmtree(root)


@pytest.mark.parametrize("field, value", [("to_seq", None), ("to_seq", "十"), ("from_seq", [1]),
                                          ("bundle_id", [1, 2]), ("sender_station", {"id": 1})])
def test_a_bundle_with_an_ill_typed_forged_header_is_refused(sent, tmp_path: Path, field: str, value) -> None:  # noqa: ANN001
    district, bundle = sent
    root = tmp_path / "district"
    shutil.copytree(district, root)
    header, rest = _split(bundle.read_bytes())
    with open_test_store(root) as store:
        before = fingerprint(store)
        with pytest.raises(FulianError) as refused:
            import_bundle(store, system_actor(store), _frame({**header, field: value}, rest))
        assert "已拒绝导入，数据未改变" in refused.value.message
        assert fingerprint(store) == before
