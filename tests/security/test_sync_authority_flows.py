"""What a station below may legitimately send up still travels (referrals it accepts, a case it referred away
and edited while offline), and what it may not hide inside a bundle is refused: attachment contents that are
not what their hash says, reference rows that would plant a case, and payloads that inflate without bound."""
from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from sqlalchemy import select, update

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import new_id, utcnow
from fulian_desktop.store.models import Case
from fulian_desktop.store.models_evidence import AttachmentChunk
from fulian_desktop.store.models_sync import SyncPeer
from fulian_desktop.sync import bundle as bundle_mod
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.bundle import FORMAT, seal, seal_compressed
from fulian_desktop.sync.errors import BundleDamaged, BundleTooLarge
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.identity import identity
from tests.support.stores import TOWN_A, VILLAGE_A1, VILLAGE_A2, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, owner_of, staffed_stations


@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    st = staffed_stations(tmp_path)
    yield st
    st.close()



def test_a_case_the_town_assigns_down_is_accepted_and_worked_on_at_the_village(stations: Stations) -> None:
    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case = cases.create_case(uow, jie, cases.NewCase(title="街道交办的案件", kind=CaseKind.MEDIATION)).row.id
        referral = referrals.refer_to_tier(uow, jie, case, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.accept(uow, cun, referral.id, "村里接收")
    with st.village.uow(write=True) as uow:
        version = uow.s.get(Case, case).version
        cases.update_case(uow, cun, case, version, {"summary": "已上门了解情况。"})
    # The case, its records and the referral's answer are the village's to send now.
    up = deliver(st.village, st.district, st.org.district)
    assert up.applied and up.conflicts == 0
    assert owner_of(st.district, case) == st.unit(VILLAGE_A1)
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    assert owner_of(st.town, case) == st.unit(VILLAGE_A1)


def test_a_case_referred_up_and_taken_over_meanwhile_arrives_as_a_conflict(stations: Stations) -> None:
    """The village edits, offline, a case the town has meanwhile accepted, and the town's bundle reaches the
    district first: the village's version waits as a conflict; it neither refuses the bundle nor overwrites."""
    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        case = cases.create_case(uow, cun, cases.NewCase(title="村里上报的案件", kind=CaseKind.MEDIATION)).row.id
        referral = referrals.refer_to_tier(uow, cun, case, st.unit(TOWN_A), "需要街道协调。")
    assert deliver(st.village, st.district, st.org.district).applied
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    with st.town.uow(write=True) as uow:
        referrals.accept(uow, jie, referral.id, "街道接收")
    with st.village.uow(write=True) as uow:
        version = uow.s.get(Case, case).version
        cases.update_case(uow, cun, case, version, {"summary": "村里补充的情况。"})
    assert deliver(st.town, st.district, st.org.district).applied
    late = deliver(st.village, st.district, st.org.district)
    assert late.applied and late.conflicts == 1
    assert owner_of(st.district, case) == st.unit(TOWN_A)


def test_attachment_contents_must_match_their_hash(stations: Stations) -> None:
    st = stations
    cun = first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        case = cases.create_case(uow, cun, cases.NewCase(title="有证据的案件", kind=CaseKind.PETITION)).row.id
        view = attachments.attach(uow, cun, case, io.BytesIO(b"%PDF-1.4 real evidence"), doc_type="证据材料",
                                  filename="证据.pdf")
    with st.village.uow(write=True) as uow:   # the stored bytes swapped, the hash kept
        uow.s.execute(update(AttachmentChunk).values(data=b"%PDF-1.4 forged evidence"))
    before = fingerprint(st.district)
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    with pytest.raises(SenderOverreach, match="附件内容与其校验值或大小不符"):
        import_bundle(st.district, system_actor(st.district), data)
    after = fingerprint(st.district)
    assert {k: v for k, v in after.items() if not k.startswith("audit")} == \
        {k: v for k, v in before.items() if not k.startswith("audit")}
    assert view.sha256 not in repr(after["attachment_blob"])


def _sealed_by_village(st: Stations, payload: dict | bytes) -> bytes:
    """A bundle signed with the village's own key, as its holder could make one by hand."""
    with st.village.uow() as uow:
        ident = identity(uow)
        peer = uow.s.execute(select(SyncPeer).where(SyncPeer.unit_id == st.org.district)).scalar_one()
        header = {"format": FORMAT, "bundle_id": new_id(), "created_at": utcnow().isoformat(),
                  "sender_station": ident.station_id, "sender_unit": ident.unit_id, "sender_name": "郭亮村",
                  "receiver_station": peer.station_id, "receiver_unit": peer.unit_id, "receiver_name": peer.name,
                  "from_seq": 0, "to_seq": 10**6, "ack": 0, "ack_audit": 0}
        sign, box = ident.sign_private, peer.box_public
    if isinstance(payload, dict):
        return seal(header, payload, sign_private=sign, receiver_box_public=box)
    return seal_compressed(header, payload, sign_private=sign, receiver_box_public=box)


def test_a_case_planted_as_a_reference_row_is_refused(stations: Stations) -> None:
    """References are inserted where missing: a forged one is checked like any new record."""
    st = stations
    cols = [c.name for c in Case.__table__.columns]
    row = {c: None for c in cols}
    row.update(id=new_id(), case_no="（2026）新信字第1号X", case_year=2026, case_seq=1, kind="petition", title="伪造",
               tier="village", status="registered", owner_unit_id=st.unit(VILLAGE_A2), urgency="normal",
               major_incident=False, involves_minor=False, domestic_violence=False, version=1,
               opened_at=utcnow().isoformat(), created_at=utcnow().isoformat(), updated_at=utcnow().isoformat())
    data = _sealed_by_village(st, {"changes": {}, "refs": {"case_file": [[row[c] for c in cols]]}, "blobs": []})
    with pytest.raises(SenderOverreach, match="新康村") as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert row["id"] in str(refused.value)
    with st.district.uow() as uow:
        assert uow.s.get(Case, row["id"]) is None


def test_a_bundle_that_inflates_without_bound_is_refused_while_inflating(stations: Stations) -> None:
    """About 300 KB that would inflate to 300 MB: refused once the inflated part passes the limit."""
    st = stations
    packer = zlib.compressobj(9)
    parts = [packer.compress(b'{"changes": {}, "pad": "')]
    block = b"a" * (1 << 20)
    parts += [packer.compress(block) for _ in range(300)]
    parts.append(packer.compress(b'"}') + packer.flush())
    bomb = b"".join(parts)
    assert len(bomb) < 1 << 20
    before = fingerprint(st.district)
    with pytest.raises(BundleTooLarge, match="解压后超过") as refused:
        import_bundle(st.district, system_actor(st.district), _sealed_by_village(st, bomb))
    assert "已拒绝导入" in str(refused.value)
    assert fingerprint(st.district) == before


def test_row_and_file_limits_are_clear(stations: Stations, monkeypatch) -> None:  # noqa: ANN001
    st = stations
    with st.village.uow(write=True) as uow:
        for i in range(3):
            cases.create_case(uow, system_actor(st.village), cases.NewCase(
                title=f"案件{i}", kind=CaseKind.PETITION, unit_id=st.unit(VILLAGE_A1)))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    monkeypatch.setattr(bundle_mod, "MAX_ROWS", 2)
    with pytest.raises(BundleTooLarge, match="超过一次导入的上限 2 条"):
        import_bundle(st.district, system_actor(st.district), data)
    monkeypatch.setattr(bundle_mod, "MAX_BUNDLE_BYTES", 1000)
    with pytest.raises(BundleTooLarge, match="同步包过大"):
        import_bundle(st.district, system_actor(st.district), data)


def test_a_signed_payload_laid_out_wrongly_is_refused_with_a_message(stations: Stations) -> None:
    st = stations
    before = fingerprint(st.district)
    for payload in ({"changes": {"case_file": {"rows": "not a list"}}},
                    {"changes": {"case_file": {"rows": [[1, 2, 3]]}}},
                    {"changes": {}, "refs": {"person": [None]}},
                    {"changes": {}, "audit": [{"seq": "1"}]}):
        with pytest.raises(BundleDamaged, match="格式不正确"):
            import_bundle(st.district, system_actor(st.district), _sealed_by_village(st, payload))
    assert fingerprint(st.district) == before
