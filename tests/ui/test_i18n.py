"""UI text goes through Qt's translation system: Chinese by default, the shipped English selectable.

Widgets built after `ui.i18n.install("en")` show English; after `install("zh")` Chinese again. The shipped
translation is complete, and every tr()/QT_TRANSLATE_NOOP literal in ui/ has an English text with the same
{placeholders}.
"""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from tests.support.stores import TOWN_A, add_user, build_org, first_login, new_store
from ui import i18n
from ui.session import AppSession
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fulian_en.ts"
QM = ROOT / "resources" / "translations" / "fulian_en.qm"
PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)")


@pytest.fixture(autouse=True)
def chinese_afterwards(qapp):  # noqa: ANN001, ANN201
    """Whatever a test installs, the other tests see Chinese again."""
    yield
    i18n.install("zh")


@pytest.fixture
def world(qtbot, tmp_path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "lihua", Role.MEDIATOR, org.units[TOWN_A], display_name="李华")
    actor = first_login(store, "lihua")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(
            title="王某某婚姻纠纷", kind=CaseKind.MEDIATION, category="婚姻家庭")).row.id
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    yield session, case_id
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=10_000)
    session.tasks.wait_idle()
    store.close()


def _form_labels(widget) -> list[str]:  # noqa: ANN001
    form = widget.findChild(QFormLayout)
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            texts.append(item.widget().text())
    return texts


def _build(qtbot, session: AppSession, case_id: str):  # noqa: ANN001, ANN202
    from ui.cases.party_dialog import PartyDialog
    from ui.cases.case_view import CaseViewPage
    from ui.intake.intake_form import IntakeFormPage

    dialog = PartyDialog(session, case_id)
    intake = IntakeFormPage(session)
    page = CaseViewPage(session, case_id)
    for widget in (dialog, intake, page):
        qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    intake_title = " ".join(label.text() for label in intake.findChildren(QLabel))
    return dialog, intake_title, page


def test_english_when_installed_and_chinese_again(qtbot, world) -> None:  # noqa: ANN001
    session, case_id = world
    assert i18n.install("en")
    dialog, intake_title, page = _build(qtbot, session, case_id)
    assert dialog.windowTitle() == "Add party"
    assert {"Name", "Role", "ID number", "Date of birth"} <= set(_form_labels(dialog))
    assert dialog.ok_button.text() == "Save"
    assert "Intake" in intake_title and "来访登记" not in intake_title
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs[:3] == ["Parties", "Timeline", "History"]
    assert page.edit_button.text() == "Edit"

    assert i18n.install("zh")
    dialog, intake_title, page = _build(qtbot, session, case_id)
    assert dialog.windowTitle() == "添加当事人"
    assert {"姓名", "角色", "身份证号", "出生日期"} <= set(_form_labels(dialog))
    assert "来访登记" in intake_title
    assert [page.tabs.tabText(i) for i in range(3)] == ["当事人", "时间线", "历史"]


def test_domain_labels_translate_at_display_time(qapp) -> None:  # noqa: ANN001
    from fulian_desktop.domain.enums import CaseStatus, PartyRole

    assert i18n.install("en")
    assert i18n.tr(PartyRole.RESPONDENT.label) == "Respondent"
    assert i18n.tr(CaseStatus.IN_PROGRESS.label) == "In progress"
    # 受理 is both the step (a button) and the status it leads to
    assert i18n.tr(CaseStatus.ACCEPTED.label) == "Accept"
    assert i18n.status_text(CaseStatus.ACCEPTED.label) == "Accepted"
    i18n.install("zh")
    assert i18n.tr(CaseStatus.IN_PROGRESS.label) == "办理中"
    assert i18n.status_text(CaseStatus.ACCEPTED.label) == "受理"


def _messages() -> list[tuple[str, str | None, str | None]]:
    root = ET.parse(TS).getroot()
    return [(m.findtext("source"), m.findtext("translation"), m.find("translation").get("type"))
            for m in root.iter("message")]


def test_shipped_translation_is_complete() -> None:
    assert QM.is_file() and QM.stat().st_size > 0
    messages = _messages()
    assert messages
    unfinished = [source for source, _text, kind in messages if kind in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    assert all(text for _source, text, _kind in messages)


def _literals_in_ui() -> set[str]:
    """Every string literal marked for lupdate: tr("…") and QT_TRANSLATE_NOOP("", "…")."""
    found: set[str] = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = node.args
            if node.func.id == "tr" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.add(args[0].value)
            elif node.func.id == "QT_TRANSLATE_NOOP" and len(args) == 2 and isinstance(args[1], ast.Constant):
                found.add(args[1].value)
    return found


def test_every_marked_text_has_english_with_the_same_placeholders() -> None:
    english = {source: text for source, text, _kind in _messages()}
    literals = _literals_in_ui()
    missing = sorted(text for text in literals if text not in english)
    assert missing == [], "run scripts/update-translations.sh and translate the new texts"
    mismatched = [(source, text) for source, text in english.items()
                  if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text or ""))]
    assert mismatched == []
