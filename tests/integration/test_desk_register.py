"""来访登记簿: the day's paper register of an office, and the one-line slip printed at the desk after a save, read
back from the PDF (pdftotext) on a real encrypted store.

Village A1's desk, 7 December 2026 (China time): 09:05 刘桂兰 accepted (a petition case), 10:40 王小红 answered at
the desk, 15:20 欧阳娜娜 consultation. 6 December 23:30 (the day before) and a contact at village A2 are not on
A1's register of the 7th.
"""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.documents.api import PrintPurpose, render_day_register, render_register_line
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.accounts import auth, settings
from fulian_desktop.services.intake import desk_register, intake
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.store import Store
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store

DAY = date(2026, 12, 7)


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=LOCAL_TZ)


class Desk:
    def __init__(self, root: Path) -> None:
        self.store: Store = new_store(root).store
        org = build_org(self.store)
        add_user(self.store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
        add_user(self.store, "rec2", Role.RECEPTION, org.units[VILLAGE_A2])
        self.rec, self.rec2 = first_login(self.store, "rec"), first_login(self.store, "rec2")
        self.ids: dict[str, str] = {}

    def visit(self, key: str, who, name: str, when: datetime, decision: IntakeDecision,  # noqa: ANN001
              category: str | None = "婚姻家庭", sub: str | None = "家庭纠纷") -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            self.ids[key] = intake.register_contact(uow, who, IntakeInput(
                name=name, channel=Channel.VISIT, decision=decision, request="要求调解家庭矛盾",
                category=category, sub_category=sub, sex="female", received_at=when)).id

    def setting(self, key: str, value: bool) -> None:
        with self.store.uow(write=True) as uow:
            settings.put(uow, auth.system_actor(self.store), key, value)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    d = Desk(Path(tmp_path_factory.mktemp("register")) / "s")
    d.visit("eve", d.rec, "张前日", at(6, 23, 30), IntakeDecision.ANSWERED)
    d.visit("liu", d.rec, "刘桂兰", at(7, 9, 5), IntakeDecision.ACCEPT, sub="家庭暴力")
    d.visit("wang", d.rec, "王小红", at(7, 10, 40), IntakeDecision.ANSWERED)
    d.visit("other", d.rec2, "李别村", at(7, 11, 0), IntakeDecision.ANSWERED)
    d.visit("ouyang", d.rec, "欧阳娜娜", at(7, 15, 20), IntakeDecision.CONSULTATION, category=None, sub=None)
    yield d
    d.store.close()


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _pages(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def test_the_setting_is_off_until_the_office_keeps_a_paper_register(desk: Desk) -> None:
    with desk.store.uow() as uow:
        assert desk_register.keeps_paper_register(uow) is False
    desk.setting("paper_register", True)
    with desk.store.uow() as uow:
        assert desk_register.keeps_paper_register(uow) is True


def test_the_days_register_numbers_the_offices_contacts_of_that_day(desk: Desk, tmp_path: Path) -> None:
    with clock.frozen_at(at(7, 18, 0)), desk.store.uow(write=True) as uow:
        register = desk_register.day_register(uow, desk.rec, DAY)
        data = render_day_register(uow, desk.rec, DAY, purpose=PrintPurpose.PRINT)
    assert [(n.number, n.time_text, n.name, n.category, n.outcome) for n in register.lines] == [
        (1, "09:05", "刘桂兰", "婚姻家庭／家庭暴力", "受理"),
        (2, "10:40", "王小红", "婚姻家庭／家庭纠纷", "当场答复"),
        (3, "15:20", "欧阳娜娜", "未分类", "咨询")]
    assert register.lines[0].case_no and register.lines[1].case_no is None
    text = _text(data, tmp_path)
    flat = " ".join(text.split())
    for expected in ("来访登记簿", "郭亮村 2026年12月7日 共 3 条", "序号 时间 案号 姓名 事由 处理去向",
                     "刘桂兰", "09:05", register.lines[0].case_no, "当场答复", "欧阳娜娜", "15:20"):
        assert expected in flat, expected
    assert "张前日" not in text and "李别村" not in text
    lines = [line for line in text.splitlines() if line.strip()[:1].isdigit()]
    assert [line.split()[0] for line in lines][:3] == ["1", "2", "3"], text
    assert "841.89 x 595.276 pts (A4)" in _pages(data, tmp_path)   # A4 landscape


def test_the_slip_after_a_save_holds_only_that_line_with_its_number_of_the_day(desk: Desk, tmp_path: Path) -> None:
    with clock.frozen_at(at(7, 18, 0)), desk.store.uow(write=True) as uow:
        data = render_register_line(uow, desk.rec, desk.ids["wang"], purpose=PrintPurpose.PRINT)
        detail = uow.s.execute(select(AuditEntry.detail).where(AuditEntry.entity == "intake_register")
                               .order_by(AuditEntry.seq.desc())).scalars().first()
    flat = " ".join(_text(data, tmp_path).split())
    assert "郭亮村 来访登记簿 2026年12月7日" in flat
    assert "2 10:40 — 王小红 婚姻家庭／家庭纠纷 当场答复" in flat, flat
    assert "刘桂兰" not in flat and "欧阳娜娜" not in flat
    assert detail == {"document": "register_line", "day": "2026-12-07", "lines": [2], "bytes": len(data)}


def test_names_are_masked_when_lists_hide_names(desk: Desk, tmp_path: Path) -> None:
    desk.setting("mask_names_in_lists", True)
    try:
        with clock.frozen_at(at(7, 18, 0)), desk.store.uow(write=True) as uow:
            flat = " ".join(_text(render_day_register(uow, desk.rec, DAY), tmp_path).split())
    finally:
        desk.setting("mask_names_in_lists", False)
    assert "刘某某" in flat and "王某某" in flat and "欧阳某某" in flat
    assert "刘桂兰" not in flat and "王小红" not in flat


def test_another_village_cannot_print_this_offices_register(desk: Desk) -> None:
    with clock.frozen_at(at(7, 18, 0)), desk.store.uow(write=True) as uow:
        with pytest.raises(PermissionDenied):
            render_register_line(uow, desk.rec2, desk.ids["wang"])
        with pytest.raises(PermissionDenied):
            render_day_register(uow, desk.rec2, DAY, unit_id=desk.rec.unit_id)
        own = desk_register.day_register(uow, desk.rec2, DAY)
    assert [line.name for line in own.lines] == ["李别村"]
