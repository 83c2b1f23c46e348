"""Evidence and attachments through the services on real encrypted stores: contents never plain on disk,
the size limit refuses before anything is written, the same file is stored once, every opening is audited,
sensitive records need the right, and other units cannot see the case's files at all."""
from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop.domain.attachments import CHUNK_SIZE, AttachmentType
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.accounts import auth, settings
from fulian_desktop.services.cases import cases
from fulian_desktop.services.attachments.attachment_blobs import blob_chunks
from fulian_desktop.store.models import AuditEntry, AuditHead, CaseEvent
from fulian_desktop.store.models_evidence import Attachment, AttachmentBlob, AttachmentChunk
from tests.support.evidence_files import MARKER, MARKER_CN, jpeg_bytes, pdf_bytes
from tests.support.stores import (
    TOWN_A, VILLAGE_A1, VILLAGE_A2, add_user, all_files, build_org, first_login, leaks, new_store,
)

@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    created = new_store(tmp_path / "data")
    store = created.store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    add_user(store, "sup", Role.SUPERVISOR, org.units[TOWN_A], display_name="陈督导")
    add_user(store, "far", Role.MEDIATOR, org.units[VILLAGE_A2], display_name="郑调解")
    actors = {name: first_login(store, name) for name in ("med", "sup", "far")}
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actors["med"], cases.NewCase(title="王秀兰家庭暴力求助",
                                                                       kind=CaseKind.CRISIS)).row.id
        party_id = cases.add_party(uow, actors["med"], case_id, PersonInput(name="王秀兰", sex="female"),
                                   PartyRole.VICTIM).id
    yield store, actors, case_id, party_id, tmp_path
    store.close()


def _attach(store, actor, case_id, source, doc_type=AttachmentType.EVIDENCE, **kw):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return attachments.attach(uow, actor, case_id, source, doc_type=doc_type, **kw)


def _counts(store) -> dict[str, object]:  # noqa: ANN001
    with store.uow() as uow:
        counts: dict[str, object] = {m.__name__: uow.s.execute(select(func.count()).select_from(m)).scalar_one()
                                     for m in (Attachment, AttachmentBlob, AttachmentChunk, AuditEntry, CaseEvent)}
        head = uow.s.get(AuditHead, 1)
        counts["audit head"] = (head.last_seq, head.last_hash)
    return counts


@pytest.mark.sqlite_only   # about the SQLCipher files themselves
def test_contents_are_never_plain_on_disk(world) -> None:  # noqa: ANN001
    store, a, case_id, party_id, tmp = world
    photo, report = tmp / "伤情照片.jpg", tmp / "诊断证明.pdf"
    photo.write_bytes(jpeg_bytes())
    report.write_bytes(pdf_bytes())
    assert MARKER in photo.read_bytes() and MARKER in report.read_bytes()   # the needles really are there
    jpg = _attach(store, a["med"], case_id, photo, description="左臂淤青，2026年3月2日拍摄",
                  target_kind="party", target_id=party_id)
    pdf = _attach(store, a["sup"], case_id, report, AttachmentType.MEDICAL)
    assert (jpg.media_type, jpg.target_label, jpg.size) == ("image/jpeg", "王秀兰", photo.stat().st_size)
    assert pdf.media_type == "application/pdf" and pdf.sensitive
    photo.unlink()
    report.unlink()
    data = tmp / "data"
    needles = {"marker": MARKER, "chinese marker": MARKER_CN}
    # While the store is open: the database, its -wal and -shm, the key file, anything else in the folder.
    assert any(p.name.endswith("-wal") for p in all_files(data))
    assert leaks(all_files(data), needles) == []
    with store.uow(write=True) as uow:        # and the contents do come back whole
        assert attachments.open_attachment(uow, a["sup"], pdf.id).data == pdf_bytes()
        assert MARKER_CN in attachments.open_attachment(uow, a["sup"], jpg.id).data
    store.close()
    assert leaks(all_files(data), needles) == []


def test_a_file_over_the_limit_is_refused_before_anything_is_written(world) -> None:  # noqa: ANN001
    store, a, case_id, _party, tmp = world
    big = tmp / "监控录像.pdf"
    with big.open("wb") as f:                 # 60 MB (sparse: quick to make)
        f.write(b"%PDF-1.4\n")
        f.truncate(60 * 1024 * 1024)
    before = _counts(store)
    with pytest.raises(ValidationError) as refused:
        _attach(store, a["med"], case_id, big)
    assert refused.value.code == "attachment_too_large"
    assert "60.0 MB" in refused.value.message and "50 MB" in refused.value.message
    assert _counts(store) == before
    with big.open("rb") as stream, pytest.raises(ValidationError):   # a stream is measured the same way
        _attach(store, a["med"], case_id, stream)
    assert _counts(store) == before

    # The limit is a setting: at 1 MB a 2 MB photo is refused, a small one accepted.
    with store.uow(write=True) as uow:
        settings.put(uow, auth.system_actor(store), "attachment_max_mb", 1)
    with pytest.raises(ValidationError, match="1 MB"):
        _attach(store, a["med"], case_id, io.BytesIO(jpeg_bytes(2 * CHUNK_SIZE)), filename="照片.jpg")
    _attach(store, a["med"], case_id, io.BytesIO(jpeg_bytes(300_000)), filename="照片.jpg")
    with pytest.raises(ValidationError, match="空文件"):
        _attach(store, a["med"], case_id, io.BytesIO(b""), filename="空.txt")


def test_the_same_file_attached_twice_is_stored_once(world) -> None:  # noqa: ANN001
    store, a, case_id, party_id, tmp = world
    photo = tmp / "照片.jpg"
    photo.write_bytes(jpeg_bytes())
    first = _attach(store, a["med"], case_id, photo)
    with photo.open("rb") as stream:
        second = _attach(store, a["med"], case_id, stream, AttachmentType.SCAN, filename="再次上传.jpg",
                         target_kind="party", target_id=party_id)
    assert first.sha256 == second.sha256 and first.id != second.id
    with store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(AttachmentBlob)).scalar_one() == 1
        assert uow.s.execute(select(func.count()).select_from(AttachmentChunk)).scalar_one() == 3   # 2.01 MiB
        assert b"".join(blob_chunks(uow, first.sha256)) == photo.read_bytes()
        listed = attachments.list_attachments(uow, a["med"], case_id)
    assert [v.filename for v in listed] == ["照片.jpg", "再次上传.jpg"]
    assert [v.doc_type_label for v in listed] == ["证据材料", "扫描件"]

    # Removing one keeps the contents for the other; the removal is audited and on the timeline.
    with store.uow(write=True) as uow:
        attachments.remove_attachment(uow, a["med"], first.id, reason="重复上传")
    with store.uow(write=True) as uow:
        assert [v.id for v in attachments.list_attachments(uow, a["med"], case_id)] == [second.id]
        assert attachments.open_attachment(uow, a["med"], second.id).data == photo.read_bytes()
        with pytest.raises(Exception, match="已被移除"):
            attachments.open_attachment(uow, a["med"], first.id)
        events = [e.summary for e in uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id)).scalars()]
        deletes = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "attachment",
                                                         AuditEntry.action == "delete")).scalars().all()
    assert "移除证据材料：照片.jpg（原因：重复上传）" in events
    assert [d.entity_id for d in deletes] == [first.id]


def test_viewing_writes_an_audit_entry(world) -> None:  # noqa: ANN001
    store, a, case_id, _party, tmp = world
    view = _attach(store, a["med"], case_id, io.BytesIO(pdf_bytes()), AttachmentType.POLICE_WARNING,
                   filename="告诫书.pdf")
    with store.uow(write=True) as uow:
        attachments.open_attachment(uow, a["sup"], view.id)
    with store.uow(write=True) as uow:
        copy = attachments.export_for_viewer(uow, a["med"], view.id)
    with store.uow() as uow:
        entries = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "attachment",
                                                         AuditEntry.entity_id == view.id)
                                .order_by(AuditEntry.seq)).scalars().all()
        seen = [(e.action, e.actor_name, (e.detail or {}).get("purpose"), e.case_id) for e in entries]
        assert verify_chain(uow.s).ok
    assert [s[:3] for s in seen] == [
        ("create", "周调解（med）", None), ("view", "陈督导（sup）", "preview"),
        ("export", "周调解（med）", "system_viewer")]
    assert all(s[3] == case_id for s in seen)
    with pytest.raises(RuntimeError), store.uow() as uow:   # an audited read in a read-only unit is a bug
        attachments.open_attachment(uow, a["med"], view.id)

    # The viewer's copy: a private folder, the right bytes, gone afterwards.
    with copy:
        assert copy.path.name == "告诫书.pdf" and copy.path.read_bytes() == pdf_bytes()
        assert stat.S_IMODE(copy.directory.stat().st_mode) == 0o700
        assert not str(copy.path).startswith(str(tmp / "data"))
    assert copy.removed and not copy.path.exists() and not copy.directory.exists()


def test_a_mediator_cannot_open_a_medical_report_but_a_supervisor_can(world) -> None:  # noqa: ANN001
    store, a, case_id, _party, _tmp = world
    # The mediator files the report she was handed; medical records are sensitive by default.
    report = _attach(store, a["med"], case_id, io.BytesIO(pdf_bytes()), AttachmentType.MEDICAL,
                     filename="王秀兰诊断证明.pdf", description="湘雅医院骨科诊断：左尺骨骨折")
    assert report.sensitive and report.restricted and report.filename == "（敏感材料）"
    photo = _attach(store, a["sup"], case_id, io.BytesIO(jpeg_bytes(50_000)), filename="伤情.jpg", sensitive=True)
    with store.uow(write=True) as uow:
        listed = {v.id: v for v in attachments.list_attachments(uow, a["med"], case_id)}
        assert listed[report.id].description is None and listed[report.id].doc_type_label == "医疗记录"
        assert listed[photo.id].restricted
        for attachment_id in (report.id, photo.id):
            with pytest.raises(PermissionDenied) as denied:
                attachments.open_attachment(uow, a["med"], attachment_id)
            assert denied.value.code == "no_sensitive_right" and "查看敏感证据材料" in denied.value.message
            with pytest.raises(PermissionDenied):
                attachments.export_for_viewer(uow, a["med"], attachment_id)
            with pytest.raises(PermissionDenied):
                attachments.remove_attachment(uow, a["med"], attachment_id)
    with store.uow(write=True) as uow:
        seen = {v.id: v for v in attachments.list_attachments(uow, a["sup"], case_id)}
        assert seen[report.id].filename == "王秀兰诊断证明.pdf" and not seen[report.id].restricted
        assert attachments.open_attachment(uow, a["sup"], report.id).data == pdf_bytes()
        events = [e.summary for e in uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id)).scalars()]
    assert "添加医疗记录：敏感材料（" in " ".join(events) and "诊断证明" not in " ".join(events)


def test_another_unit_cannot_list_or_open_the_case_files(world) -> None:  # noqa: ANN001
    store, a, case_id, _party, _tmp = world
    view = _attach(store, a["med"], case_id, io.BytesIO(jpeg_bytes(40_000)), filename="照片.jpg")
    with store.uow(write=True) as uow:
        for call in (lambda: attachments.list_attachments(uow, a["far"], case_id),
                     lambda: attachments.open_attachment(uow, a["far"], view.id),
                     lambda: attachments.export_for_viewer(uow, a["far"], view.id),
                     lambda: attachments.remove_attachment(uow, a["far"], view.id)):
            with pytest.raises(PermissionDenied) as refused:
                call()
            assert refused.value.code in ("out_of_scope", "no_permission")
        with pytest.raises(PermissionDenied):
            attachments.attach(uow, a["far"], case_id, io.BytesIO(b"x"), doc_type="证据材料", filename="a.txt")
    with store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "attachment", AuditEntry.actor_name.like("%far%"))).scalar_one() == 0


def test_targets_must_belong_to_the_case(world) -> None:  # noqa: ANN001
    store, a, case_id, party_id, _tmp = world
    with store.uow(write=True) as uow:
        other = cases.create_case(uow, a["med"], cases.NewCase(title="另一案件", kind=CaseKind.MEDIATION)).row.id
        stranger = cases.add_party(uow, a["med"], other, PersonInput(name="李某", sex="male"),
                                   PartyRole.APPLICANT).id
    with pytest.raises(ValidationError, match="不属于本案件"):
        _attach(store, a["med"], case_id, io.BytesIO(b"abc"), filename="a.txt", target_kind="party",
                target_id=stranger)
    with pytest.raises(ValidationError, match="未知的材料类型"):
        _attach(store, a["med"], case_id, io.BytesIO(b"abc"), "身份证", filename="a.txt")
    plain = _attach(store, a["med"], case_id, io.BytesIO(b"abc"), "身份证明", filename="../../etc/身份证.txt",
                    target_kind="party", target_id=party_id)
    assert (plain.filename, plain.media_type, plain.doc_type) == ("身份证.txt", "text/plain", AttachmentType.ID_PROOF)
