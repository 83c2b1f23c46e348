"""Counselling through the services on real stores: notes only for counsellors and supervisors, never in a
general view, every read audited; the counsellor's appointments."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, history, search
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.counselling.counselling import CounsellingForm
from fulian_desktop.store.models import AuditEntry, CaseEvent
from tests.support.stores import TOWN_A, VILLAGE_A1, VILLAGE_B1, add_user, build_org, first_login, new_store

NOTES = "来访者自述长期失眠，提到曾有轻生念头，对丈夫酗酒后的辱骂感到绝望"
NOTES_2 = "情绪较上次平稳，已与母亲恢复联系"


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "coun", Role.COUNSELLOR, org.units[TOWN_A], display_name="周老师")
    add_user(store, "coun_b", Role.COUNSELLOR, org.units[VILLAGE_B1])
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    actors = {name: first_login(store, name) for name in ("coun", "coun_b", "med", "rec", "sup")}
    yield store, actors
    store.close()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def _case(store, actor, title="王某某婚姻家庭心理疏导") -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.COUNSELLING)).row.id


def _session(store, actor, case_id, held, notes=NOTES, nxt=None,  # noqa: ANN001, ANN202
             form=CounsellingForm.FACE_TO_FACE):
    with store.uow(write=True) as uow:
        return counselling.add_session(uow, actor, case_id, held, form, notes, nxt)


def test_notes_are_for_counsellors_and_supervisors_only(world) -> None:  # noqa: ANN001
    store, a = world
    case_id = _case(store, a["med"])
    added = _session(store, a["coun"], case_id, at("2026-03-02 15:00"), nxt=at("2026-03-09 15:00"))
    assert added.counsellor_name == "周老师" and added.form_label == "面谈" and added.notes == NOTES

    for who in ("med", "rec"):
        with pytest.raises(PermissionDenied):
            _session(store, a[who], case_id, at("2026-03-03 15:00"), notes="调解员想写的记录")
        with pytest.raises(PermissionDenied):
            with store.uow(write=True) as uow:
                counselling.counselling_sessions(uow, a[who], case_id)
    with pytest.raises(PermissionDenied):                 # a counsellor of another town: out of scope
        with store.uow(write=True) as uow:
            counselling.counselling_sessions(uow, a["coun_b"], case_id)

    for who in ("coun", "sup"):
        with store.uow(write=True) as uow:
            (seen,) = counselling.counselling_sessions(uow, a[who], case_id)
        assert seen.notes == NOTES and seen.next_appointment == at("2026-03-09 15:00")
    with store.uow() as uow:                              # the number of sessions is no secret
        assert counselling.session_count(uow, a["med"], case_id) == 1
    with pytest.raises(RuntimeError):                     # an audited read in a read-only unit is a bug
        with store.uow() as uow:
            counselling.counselling_sessions(uow, a["sup"], case_id)

    with store.uow() as uow:
        views = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "counselling_session",
                                                       AuditEntry.action == "view")).scalars().all()
        assert [v.actor_name for v in views] == ["周老师（coun）", "sup（sup）"]
        assert all(v.detail == {"count": 1, "ids": [added.id]} for v in views)
        assert verify_chain(uow.s).ok


def test_notes_never_appear_in_the_case_timeline_history_or_search(world) -> None:  # noqa: ANN001
    store, a = world
    case_id = _case(store, a["med"])
    _session(store, a["coun"], case_id, at("2026-03-02 15:00"), nxt=at("2026-03-09 15:00"))
    _session(store, a["sup"], case_id, at("2026-03-09 15:00"), notes=NOTES_2, form="phone")
    with store.uow(write=True) as uow:
        counselling.counselling_sessions(uow, a["sup"], case_id)

    for who in ("med", "rec", "coun", "sup"):             # everyone, even those who may read the notes
        with store.uow(write=True) as uow:
            detail = cases.get_case(uow, a[who], case_id)
        timeline = "\n".join(e.summary for e in detail.events)
        assert "心理疏导（面谈，2026-03-02 15:00，周老师）；下次预约 2026-03-09 15:00" in timeline
        assert "心理疏导（电话" in timeline
        with store.uow() as uow:
            past = history.case_history(uow, a[who], case_id)
        shown = "\n".join(f"{e.summary} {[(c.label, c.old, c.new) for c in e.changes]}" for e in past)
        for text in (timeline, shown):
            assert "失眠" not in text and "轻生" not in text and "母亲" not in text

    with store.uow() as uow:                              # the stored event and audit data as well
        raw = [str(e.data) + e.summary for e in uow.s.execute(select(CaseEvent)).scalars()]
        raw += [str(e.detail) for e in uow.s.execute(select(AuditEntry)).scalars()]
        creates = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "counselling_session",
                                                         AuditEntry.action == "create")).scalars().all()
        assert not any("失眠" in r or "轻生" in r or "母亲" in r for r in raw)
        assert creates[0].detail["notes_length"] == len(NOTES) and "notes" not in creates[0].detail
        assert search.free_text(uow, a["sup"], "失眠") == []
        assert verify_chain(uow.s).ok


def test_session_input_is_checked(world) -> None:  # noqa: ANN001
    store, a = world
    case_id = _case(store, a["coun"])
    for kwargs in ({"form": "video"}, {"notes": "   "}, {"nxt": at("2026-03-01 15:00")},
                   {"held": datetime(2026, 3, 2, 15, 0)}):
        args = {"held": at("2026-03-02 15:00"), "notes": NOTES, "nxt": None, "form": "face_to_face", **kwargs}
        with pytest.raises(ValidationError):
            _session(store, a["coun"], case_id, args["held"], notes=args["notes"], nxt=args["nxt"],
                     form=args["form"])
    with store.uow(write=True) as uow:
        assert counselling.counselling_sessions(uow, a["coun"], case_id) == []


def test_appointments_for_the_counsellors_home(world) -> None:  # noqa: ANN001
    store, a = world
    one, two, three = _case(store, a["coun"], "甲"), _case(store, a["med"], "乙"), _case(store, a["sup"], "丙")
    _session(store, a["coun"], one, at("2026-03-02 15:00"), nxt=at("2026-03-09 15:00"))
    _session(store, a["coun"], one, at("2026-03-09 15:10"), nxt=at("2026-03-16 10:00"))   # kept the first
    _session(store, a["coun"], two, at("2026-03-04 09:00"), nxt=at("2026-03-11 09:00"))
    _session(store, a["sup"], three, at("2026-03-04 09:00"), nxt=at("2026-03-12 09:00"))   # someone else's

    with store.uow() as uow:
        week = counselling.appointments(uow, a["coun"], a["coun"].user_id, date(2026, 3, 9), date(2026, 3, 16))
        everything = counselling.appointments(uow, a["coun"], None, date(2026, 3, 1), date(2026, 3, 31),
                                              include_superseded=True)
        narrow = counselling.appointments(uow, a["coun"], a["coun"].user_id, date(2026, 3, 16), date(2026, 3, 16))
        by_sup = counselling.appointments(uow, a["sup"], a["coun"].user_id, date(2026, 3, 1), date(2026, 3, 31))
        all_for_sup = counselling.appointments(uow, a["sup"], None, date(2026, 3, 1), date(2026, 3, 31))
    assert [(x.case_title, x.at) for x in week] == [("乙", at("2026-03-11 09:00")), ("甲", at("2026-03-16 10:00"))]
    assert not hasattr(week[0], "notes") and week[0].last_form == CounsellingForm.FACE_TO_FACE
    assert [(x.case_title, x.superseded) for x in everything] == [("甲", True), ("乙", False), ("甲", False)]
    assert [x.at for x in narrow] == [at("2026-03-16 10:00")]
    assert [x.case_title for x in by_sup] == ["乙", "甲"]
    assert [x.case_title for x in all_for_sup] == ["乙", "丙", "甲"]

    with pytest.raises(PermissionDenied):                 # a counsellor sees only their own
        with store.uow() as uow:
            counselling.appointments(uow, a["coun"], a["sup"].user_id, date(2026, 3, 1), date(2026, 3, 31))
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            counselling.appointments(uow, a["med"], a["med"].user_id, date(2026, 3, 1), date(2026, 3, 31))
    with store.uow() as uow:                              # the home screen: today and the next six days
        home = counselling.upcoming_appointments(uow, a["coun"], now=at("2026-03-10 08:00"))
    assert [x.case_title for x in home] == ["乙", "甲"]
    assert home[0].at - at("2026-03-10 08:00") < timedelta(days=7)


def test_notes_never_reach_the_printed_case_file(world, tmp_path: Path) -> None:  # noqa: ANN001
    """Even a supervisor, who may read the notes, prints a 卷宗 without them."""
    import subprocess

    from fulian_desktop.documents.api import DocumentKind, Recipient, render

    store, a = world
    case_id = _case(store, a["med"])
    _session(store, a["coun"], case_id, at("2026-03-02 15:00"), nxt=at("2026-03-09 15:00"))
    with store.uow(write=True) as uow:
        pdf = render(uow, a["sup"], case_id, DocumentKind.CASE_FILE, Recipient.FILE)
    path = tmp_path / "case_file.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")
    assert "王某某婚姻家庭心理疏导" in text                # the case itself is printed
    for secret in ("失眠", "轻生", "酗酒后的辱骂"):
        assert secret not in text
