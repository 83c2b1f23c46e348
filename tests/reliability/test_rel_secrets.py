"""After a realistic session with distinctive personal data, none of it is readable in the store file, its
WAL and shared-memory files, temporary files, the data folder or the logs; the database key never is either.
Tampering with the audit log through a raw connection is caught by `fulian audit verify`, and a printed
PDF leaves an audit entry saying who printed what."""
from __future__ import annotations

import io
import logging
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, render
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security import audit
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import case_queries, cases, search
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.intake import intake
from fulian_desktop.store.engine import make_engine, sqlcipher_url
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.store import read_keyfile
from tests.reliability.rel_support import REPO, subprocess_env
from tests.support.stores import PASSPHRASE, VILLAGE_A1, add_user, all_files, build_org, first_login, leaks, new_store

NAME, PHONE, ADDRESS = "甄秘英", "13987650123", "秘密巷四三二一号"
ID_NUMBER = make_id_number("430122", date(1985, 5, 17), 730)   # even: a woman
NOTES = "疏导记录：她说丈夫曾威胁要烧掉房子"
SUMMARY = "案情摘要：被申请人长期酒后殴打申请人"
ATTACHMENT = "伤情照片说明：左臂淤青 ATTACH-7781".encode("utf-8")
PERSONAL = {"name": NAME, "phone": PHONE, "address": ADDRESS, "id number": ID_NUMBER, "notes": NOTES,
            "summary": SUMMARY, "attachment": ATTACHMENT}


def _needles(values: dict[str, str | bytes]) -> dict[str, bytes]:
    found = {}
    for label, value in values.items():
        raw = value if isinstance(value, bytes) else value.encode("utf-8")
        found[label] = raw
        if not isinstance(value, bytes):
            found[f"{label} (utf-16)"] = value.encode("utf-16-le")
    return found


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """A day at the desk: intake, a case with a protected victim, notes, an attachment, searches, a print.
    Shared by the tests below, in file order: the last one closes the store and tampers with it."""
    tmp_path = tmp_path_factory.mktemp("secrets")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    ours = [logging.getLogger(n) for n in ("fulian_desktop", "ui")]  # the application's own loggers, all levels
    levels = [logger.level for logger in ours]
    for logger in ours:
        logger.setLevel(logging.DEBUG)

    created = new_store(tmp_path / "data")
    store = created.store
    org = build_org(store)
    add_user(store, "cou", Role.COUNSELLOR, org.units[VILLAGE_A1])
    cou = first_login(store, "cou")
    with store.uow(write=True) as uow:
        visit = intake.register_contact(uow, cou, IntakeInput(
            name=NAME, channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request="要求保护，防止丈夫再次殴打",
            facts=SUMMARY, category="婚姻家庭", sub_category="家庭暴力", sex="female", id_number=ID_NUMBER,
            phone=PHONE, address=ADDRESS, received_at=clock.now_utc() - timedelta(hours=1)))
    with store.uow(write=True) as uow:
        detail = cases.create_case(uow, cou, cases.NewCase(title=f"{NAME}家暴求助", kind=CaseKind.MEDIATION,
                                                           summary=SUMMARY))
        cases.add_party(uow, cou, detail.row.id, PersonInput(name=NAME, phone=PHONE, address=ADDRESS,
                                                             id_number=ID_NUMBER), PartyRole.APPLICANT,
                        contact_confidential=True)
        counselling.add_session(uow, cou, detail.row.id, clock.now_utc() - timedelta(minutes=30),
                                "face_to_face", NOTES)
        attachments.attach(uow, cou, detail.row.id, io.BytesIO(ATTACHMENT), doc_type="medical",
                           filename="伤情.txt")
    with store.uow(write=True) as uow:
        assert case_queries.quick_search(uow, cou, NAME) and search.free_text(uow, cou, "烧掉房子") == []
        assert case_queries.find_by_phone(uow, cou, PHONE)
        pdf = render(uow, cou, detail.row.id, DocumentKind.CASE_FILE, purpose=PrintPurpose.PRINT)
    try:
        yield store, created, cou, detail.row.id, visit, pdf, temp, log_file, tmp_path
    finally:
        store.close()
        monkeypatch.undo()
        for logger, level in zip(ours, levels):
            logger.setLevel(level)
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_a_printed_pdf_is_audited_with_who_and_what(session) -> None:  # noqa: ANN001
    store, _created, cou, case_id, _visit, _pdf, _temp, _log, _tmp = session
    with store.uow() as uow:
        (entry,) = uow.s.execute(select(AuditEntry).where(AuditEntry.action == "print")).scalars()
        assert audit.verify_chain(uow.s).ok
        assert entry.actor_id == cou.user_id and cou.username in entry.actor_name
        assert entry.case_id == case_id and entry.detail["document"] == DocumentKind.CASE_FILE.value
        assert entry.detail["case_no"] and entry.detail["bytes"] > 1000


def test_no_personal_data_and_no_key_in_any_file_the_application_leaves(session) -> None:  # noqa: ANN001
    store, created, _cou, _case_id, _visit, pdf, temp, log_file, tmp_path = session
    root = tmp_path / "data"
    key = read_keyfile(root).unwrap("passphrase", PASSPHRASE)
    secrets = {"key (raw)": key, "key (hex)": key.hex(), "key (HEX)": key.hex().upper(),
               "passphrase": PASSPHRASE, "recovery code": created.recovery_code,
               "recovery code (compact)": created.recovery_code.replace("-", "")}
    needles = {**_needles(PERSONAL), **_needles(secrets)}
    from pypdf import PdfReader

    printed = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert NAME in printed  # the session really handled the data (the PDF is the user's own output)

    open_files = all_files(root)
    assert {p.name for p in open_files} >= {"fulian.db", "fulian.db-wal", "keystore.json"}
    assert leaks(open_files + all_files(temp) + [log_file], needles) == []
    store.close()
    closed = all_files(root) + all_files(temp) + [log_file]
    assert leaks(closed, needles) == []
    assert all_files(temp) == [], "temporary files were left behind"


def test_a_changed_audit_entry_is_caught_by_fulian_audit_verify(session) -> None:  # noqa: ANN001
    store, _created, _cou, _case_id, _visit, _pdf, _temp, _log, tmp_path = session
    root = tmp_path / "data"
    store.close()
    assert _verify(root).returncode == 0
    key = read_keyfile(root).unwrap("passphrase", PASSPHRASE)
    engine = make_engine(sqlcipher_url(root / "fulian.db", key.hex()))
    try:
        with engine.begin() as conn:  # someone with the key hides who printed the case file
            seq = conn.execute(text("select seq from audit_log where action = 'print' order by seq limit 1")).scalar()
            conn.execute(text("update audit_log set actor_name = '系统' where seq = :seq"), {"seq": seq})
    finally:
        engine.dispose()
    done = _verify(root)
    assert done.returncode == 1
    assert f"第 {seq} 条" in done.stdout and "篡改" in done.stdout, done.stdout + done.stderr


def _verify(root: Path) -> subprocess.CompletedProcess:
    env = {**subprocess_env(), "FULIAN_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "fulian_desktop", "--data-dir", str(root), "audit", "verify"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)

