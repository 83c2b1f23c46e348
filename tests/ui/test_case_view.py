"""The case screen on a real encrypted store: header, parties with live validation, editing, conflicts, history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, history
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import TOWN_A, TOWN_B, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.case_view import CaseViewPage
from ui.session import AppSession
from ui.tasks import TaskRunner

VICTIM_ID = make_id_number("430122", date(1988, 5, 12), 124)
RESPONDENT_ID = make_id_number("430122", date(1985, 11, 3), 315)
NEW_RESPONDENT_ID = make_id_number("430122", date(1986, 2, 14), 317)  # male, born 1986-02-14


@dataclass
class World:
    store: Store
    actor: Actor
    case_id: str
    victim_id: str
    respondent_id: str
    org_units: dict[str, str]


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "lihua", Role.MEDIATOR, org.units[TOWN_A], display_name="李华")
    actor = first_login(store, "lihua")
    with store.uow(write=True) as uow:
        detail = cases.create_case(uow, actor, cases.NewCase(
            title="王某某家庭暴力求助", kind=CaseKind.MEDIATION, category="婚姻家庭", sub_category="家庭暴力",
            summary="来访人称丈夫多次酒后殴打。"))
        case_id = detail.row.id
        victim = cases.add_party(uow, actor, case_id, PersonInput(
            name="王秀兰", sex="female", id_number=VICTIM_ID, phone="13807310001",
            address="望城区郭亮村七组12号", marital_status="married"), PartyRole.VICTIM, contact_confidential=True)
        respondent = cases.add_party(uow, actor, case_id, PersonInput(
            name="张建军", sex="male", id_number=RESPONDENT_ID, phone="0731-88123456",
            address="望城区新康村三组", marital_status="married", occupation="司机"), PartyRole.RESPONDENT)
        cases.add_party(uow, actor, case_id, PersonInput(name="张小雨", sex="female", birth_date=date(2015, 3, 8)),
                        PartyRole.MINOR_CHILD)
    with store.uow(write=True) as uow:
        cases.update_case(uow, actor, case_id, detail.version, {"domestic_violence": True, "involves_minor": True})
    yield World(store, actor, case_id, victim.id, respondent.id, org.units)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


def _session(qtbot, store: Store, actor: Actor) -> AppSession:  # noqa: ANN001
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    session.set_actor(actor)
    return session


@pytest.fixture
def session(qtbot, world: World):  # noqa: ANN001, ANN201
    session = _session(qtbot, world.store, world.actor)
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=10_000)
    session.tasks.wait_idle()


def _open(qtbot, session: AppSession, case_id: str) -> CaseViewPage:  # noqa: ANN001
    page = CaseViewPage(session, case_id)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.detail is not None and bool(page.history.entries), timeout=10_000)
    return page


@pytest.fixture
def page(qtbot, session: AppSession, world: World) -> CaseViewPage:  # noqa: ANN001
    return _open(qtbot, session, world.case_id)


def _row_of(page: CaseViewPage, name: str) -> int:
    return next(i for i, p in enumerate(page.parties.model.parties) if p.name == name)


def _cell(page: CaseViewPage, row: int, column: str) -> str:
    from ui.cases.party_table import COLUMNS

    col = [key for key, _ in COLUMNS].index(column)
    return page.parties.model.index(row, col).data()


def _double_click_party(qtbot, page: CaseViewPage, name: str):  # noqa: ANN001, ANN202
    table = page.parties.table
    rect = table.visualRect(page.parties.model.index(_row_of(page, name), 1))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.party_dialog is not None and page.party_dialog.isVisible(), timeout=10_000)
    return page.party_dialog


# --- opening ---------------------------------------------------------------------------------------

def test_opening_shows_header_parties_and_emits_the_case_number(qtbot, session, world):  # noqa: ANN001
    page = CaseViewPage(session, world.case_id)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_title, timeout=10_000) as title:
        page.show()
    case_no = title.args[0]
    assert case_no.startswith("（") and "婚调字第1号" in case_no
    assert page.header.case_no.text() == case_no
    assert "王某某家庭暴力求助" in page.header.title.text()
    assert "高塘岭街道" in page.header.meta.text() and "李华" in page.header.meta.text()
    tags = [label.text() for label in page.header.findChildren(type(page.header.title)) if label.objectName()
            .startswith("tag_")]
    assert "家庭暴力" in tags and "涉及未成年人" in tags and "重大案事件" not in tags
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())][:3] == ["当事人", "时间线", "历史"]
    assert page.parties.model.rowCount() == 3
    assert _cell(page, _row_of(page, "张建军"), "id_number") == RESPONDENT_ID
    assert page.timeline.rowCount() == len(page.detail.events)
    assert page.timeline.item(0, 2).text().startswith("登记案件")  # oldest first, newest last


def test_a_confidential_victims_contacts_read_baomi_for_a_role_without_the_right(qtbot, world):  # noqa: ANN001
    add_user(world.store, "zhao", Role.RECEPTION, world.org_units[TOWN_A], display_name="赵接待")
    session = _session(qtbot, world.store, first_login(world.store, "zhao"))
    page = _open(qtbot, session, world.case_id)
    row = _row_of(page, "王秀兰")
    assert _cell(page, row, "phone") == "（保密）"
    assert _cell(page, row, "address") == "（保密）"
    assert _cell(page, row, "id_number") == VICTIM_ID[:6] + "********" + VICTIM_ID[-4:]  # birth date hidden
    page.parties.sig_edit.emit(page.parties.model.party_at(row))
    assert page.party_dialog is None
    assert messages.recorded[-1][0] == "无权修改"
    qtbot.waitUntil(lambda: not session.tasks.busy())


# --- the party dialog ------------------------------------------------------------------------------

def test_party_edit_checks_the_id_number_as_typed_then_saves_a_valid_one(qtbot, page, world):  # noqa: ANN001
    dialog = _double_click_party(qtbot, page, "张建军")
    id_field = dialog.findChild(type(dialog.id_number), "party_id_number")
    error = dialog.findChild(type(dialog.status), "error_id_number")
    assert dialog.findChild(type(dialog.name), "party_name").text() == "张建军"
    assert dialog.occupation.text() == "司机" and dialog.marital_status.currentData() == "married"

    wrong_check = NEW_RESPONDENT_ID[:-1] + ("1" if NEW_RESPONDENT_ID[-1] != "1" else "2")
    id_field.clear()
    qtbot.keyClicks(id_field, wrong_check)  # digits are fine for keyClicks
    assert "校验位" in error.text() and f"应为 {NEW_RESPONDENT_ID[-1]}" in error.text()
    assert error.isVisible()
    assert id_field.property("validation") == "error" and "border" in id_field.styleSheet()
    assert not dialog.ok_button.isEnabled()

    id_field.setText(NEW_RESPONDENT_ID)
    assert error.text() == "湖南省长沙市望城县"  # the place the number names, shown beside it
    assert id_field.property("validation") == ""
    assert dialog.sex.currentData() == "male"
    assert dialog.birth_date.date().toPython() == date(1986, 2, 14)
    assert dialog.ok_button.isEnabled()

    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.party_dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: _cell(page, _row_of(page, "张建军"), "id_number") == NEW_RESPONDENT_ID, timeout=10_000)
    row = _row_of(page, "张建军")
    assert _cell(page, row, "birth_date") == "1986-02-14"
    with world.store.uow() as uow:
        record = history.party_record(uow, world.actor, world.respondent_id)
    assert record.id_number == NEW_RESPONDENT_ID
    assert record.occupation == "司机" and record.marital_status == "married"  # not erased by the edit


def test_a_sex_that_contradicts_the_id_is_an_error_to_resolve_before_saving(qtbot, page):  # noqa: ANN001
    dialog = _double_click_party(qtbot, page, "张建军")
    dialog.sex.setCurrentIndex(dialog.sex.findData("female"))
    label = dialog.findChild(type(dialog.status), "error_sex")
    assert "性别与身份证号不符" in label.text()
    assert dialog.fields["sex"].severity == "error"     # one sex per person: never saved beside another
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_phone_and_name_errors_sit_beside_their_fields(qtbot, page):  # noqa: ANN001
    dialog = _double_click_party(qtbot, page, "张建军")
    dialog.phone.setText("1380731")
    assert "11 位" in dialog.findChild(type(dialog.status), "error_phone").text()
    dialog.phone.setText("13907310002")
    assert dialog.findChild(type(dialog.status), "error_phone").text() == ""
    dialog.name.clear()
    assert dialog.findChild(type(dialog.status), "error_name").text() == "请填写姓名。"
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_adding_a_party_typed_in_chinese(qtbot, page, world):  # noqa: ANN001
    page.parties.add_button.click()
    qtbot.waitUntil(lambda: page.party_dialog is not None and page.party_dialog.isVisible())
    dialog = page.party_dialog
    assert not dialog.ok_button.isEnabled()  # no name yet
    assert dialog.findChild(type(dialog.status), "error_name").text() == ""  # not shouted before typing
    type_chinese(dialog.findChild(type(dialog.name), "party_name"), "刘芳")
    type_chinese(dialog.findChild(type(dialog.address), "party_address"), "望城区白沙洲街道马桥河村")
    dialog.role.setCurrentIndex(dialog.role.findData(PartyRole.AGENT.value))
    dialog.findChild(type(dialog.confidential), "party_confidential").setChecked(True)
    qtbot.keyClicks(dialog.phone, "13712345678")
    assert dialog.name.text() == "刘芳" and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(page.session.changes.sig_changed, timeout=10_000) as changed:
        dialog.ok_button.click()
    assert changed.args[0].kinds() == {"case", "party"} and changed.args[0].case_ids == {page.case_id}
    qtbot.waitUntil(lambda: any(p.name == "刘芳" for p in page.parties.model.parties), timeout=10_000)
    row = _row_of(page, "刘芳")
    assert _cell(page, row, "role") == PartyRole.AGENT.label
    assert _cell(page, row, "note") == "联系方式保密"
    assert _cell(page, row, "address") == "望城区白沙洲街道马桥河村"  # the mediator may see it


def test_a_stale_party_save_keeps_the_dialog_open_with_the_input(qtbot, page, world):  # noqa: ANN001
    dialog = _double_click_party(qtbot, page, "张建军")
    with world.store.uow(write=True) as uow:  # someone else saves first
        record = history.party_record(uow, world.actor, world.respondent_id)
        cases.update_party(uow, world.actor, record.id, record.person_version, PersonInput(
            name="张建军", sex="male", id_number=RESPONDENT_ID, phone="13500000000"))
    dialog.address.setText("望城区新康村五组")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: any(title == "保存冲突" for title, _ in messages.recorded), timeout=10_000)
    assert dialog.isVisible() and page.party_dialog is dialog
    assert dialog.address.text() == "望城区新康村五组"
    assert dialog.conflict.isVisible()
    dialog.conflict.reload_button.click()
    qtbot.waitUntil(lambda: dialog.phone.text() == "13500000000", timeout=10_000)
    dialog.conflict.restore_button.click()
    assert dialog.address.text() == "望城区新康村五组"
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.party_dialog is None, timeout=10_000)


# --- editing the case ------------------------------------------------------------------------------

def test_edit_and_save_the_case(qtbot, page, world):  # noqa: ANN001
    with qtbot.waitActive(page, timeout=5_000):  # shortcuts only reach the active window
        page.activateWindow()
    page.parties.table.setFocus()
    qtbot.keyClick(page.parties.table, Qt.Key_E, Qt.ControlModifier)
    assert page.editing and page.form.isVisible() and page.save_button.isVisible()
    page.form.title.clear()
    type_chinese(page.form.title, "王秀兰家暴求助")
    page.form.flags["major_incident"].setChecked(True)
    assert page.confirm_close() is True  # dirty: it asks (the test answers yes) …
    assert messages.recorded[-1] == ("未保存的修改", "有未保存的修改，确定关闭吗？")
    messages.auto_answer = False
    assert page.confirm_close() is False  # … and "no" keeps the tab open
    messages.auto_answer = True
    with qtbot.waitSignal(page.sig_saved, timeout=10_000):
        qtbot.keyClick(page.form.title, Qt.Key_S, Qt.ControlModifier)
    assert not page.editing
    assert page.header.title.text() == "王秀兰家暴求助"
    assert any(label.text() == "重大案事件" for label in page.header.findChildren(type(page.header.title))
               if label.objectName() == "tag_major_incident")
    qtbot.waitUntil(lambda: any(e.summary == "修改案件信息" and any(c.field == "title" for c in e.changes)
                                for e in page.history.entries), timeout=10_000)
    texts = _history_texts(page)
    assert "案件名称：由“王某某家庭暴力求助”改为“王秀兰家暴求助”" in texts
    assert "重大案事件：由“否”改为“是”" in texts
    messages.recorded.clear()
    assert page.confirm_close() and messages.recorded == []  # nothing unsaved: no question


def test_a_stale_case_save_shows_the_conflict_and_keeps_the_typed_title(qtbot, page, world):  # noqa: ANN001
    page.edit_button.click()
    page.form.title.clear()
    type_chinese(page.form.title, "我输入的新名称")
    with world.store.uow(write=True) as uow:  # a colleague saves first
        latest = cases.get_case(uow, world.actor, world.case_id)
        cases.update_case(uow, world.actor, world.case_id, latest.version, {"title": "同事改的名称"})
    page.save_button.click()
    qtbot.waitUntil(lambda: any(title == "保存冲突" for title, _ in messages.recorded), timeout=10_000)
    conflict = next(text for title, text in messages.recorded if title == "保存冲突")
    assert "已被其他用户修改" in conflict
    assert page.editing and page.form.title.text() == "我输入的新名称"
    assert page.conflict.isVisible() and page.conflict.reload_button.isVisible()
    with world.store.uow() as uow:
        assert cases.fetch_case_rows(uow, world.actor, [world.case_id])[0].title == "同事改的名称"

    page.conflict.reload_button.click()
    qtbot.waitUntil(lambda: page.form.title.text() == "同事改的名称", timeout=10_000)
    assert page.conflict.restore_button.isVisible()
    page.conflict.restore_button.click()
    assert page.form.title.text() == "我输入的新名称"
    with qtbot.waitSignal(page.sig_saved, timeout=10_000):
        page.save_button.click()
    assert page.header.title.text() == "我输入的新名称"


def test_history_shows_which_person_fields_changed_but_not_their_values(qtbot, page, world):  # noqa: ANN001
    dialog = _double_click_party(qtbot, page, "张建军")
    dialog.phone.setText("13912345678")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: any(e.summary == "修改当事人信息：张建军" for e in page.history.entries), timeout=10_000)
    texts = _history_texts(page)
    assert "联系电话：已修改（个人信息内容不记入历史）" in texts
    assert not any("13912345678" in t or "88123456" in t for t in texts)
    assert any(e.action_label == "查看" for e in page.history.entries)
    page.history.include_views.setChecked(False)
    qtbot.waitUntil(lambda: all(e.action != "view" for e in page.history.entries), timeout=10_000)


def _history_texts(page: CaseViewPage) -> list[str]:
    tree = page.history.tree
    texts = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        texts.append(item.text(3))
        texts.extend(item.child(j).text(3) for j in range(item.childCount()))
    return texts


# --- the history service ---------------------------------------------------------------------------

def test_case_history_is_scoped_like_the_case(world):  # noqa: ANN001
    add_user(world.store, "other", Role.MEDIATOR, world.org_units[TOWN_B])
    outsider = first_login(world.store, "other")
    with world.store.uow() as uow:
        entries = history.case_history(uow, world.actor, world.case_id)
        assert entries[0].summary.startswith("登记案件 （") and entries[0].action_label == "新增"
        assert entries[1].summary == "添加当事人：王秀兰（受害人）"
        assert all(e.actor_name == "李华（lihua）" for e in entries)
        flags = next(e for e in entries if e.action == "update")
        assert {c.label: (c.old, c.new) for c in flags.changes} == {"家庭暴力": ("否", "是"),
                                                                    "涉及未成年人": ("否", "是")}
        with pytest.raises(PermissionDenied):
            history.case_history(uow, outsider, world.case_id)
        with pytest.raises(PermissionDenied):
            history.party_record(uow, outsider, world.victim_id)
