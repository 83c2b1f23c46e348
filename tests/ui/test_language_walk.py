"""One language on screen: every page of every role, a case with each of its tabs, the party dialog and the lock
screen, walked in Chinese and in English on a demo store. The Chinese screens show no English word (keys such as
Ctrl and product names aside), the English screens no Chinese character (names and other data aside: units,
people, case titles, what a user typed)."""
from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow, QTableView, QTabWidget,
    QTreeView, QWidget,
)
from sqlalchemy import select

from fulian_desktop.domain.idnumber import id_region
from fulian_desktop.domain.risk import Relationship, risk_set

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import Case, OrgUnit, Person, UserAccount
from fulian_desktop.store.store import Store
from tests.support.stores import new_store
from ui import i18n
from ui.errors import messages

TIMEOUT = 20_000
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z]{2,}")
# Words a Chinese screen may show: keys on the keyboard, file formats, product and standard names.
LATIN_ALLOWED = {"Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab", "Del", "PDF", "Excel", "xlsx", "pdf", "csv", "PNG",
                 "SQLite", "SQLCipher", "PostgreSQL", "TLS", "JSON", "UTF", "USB", "ID", "KB", "MB", "GB",
                 "PgUp", "PgDn", "Home", "End", "Space", "Backspace", "Ins", "Up", "Down", "Left", "Right",
                 "English",  # a language's own name in the language chooser
                 "https",  # the scheme of an address to type as it is (the district's sync service)
                 "zhangmin"}  # an example user name (user names are Latin letters)
# Chinese an English screen may show: a language's own name, a word to type as it is (匿名 for "anonymous").
HAN_ALLOWED = {"中文", "匿名", "(休)", "(班)"}
COMMAND = re.compile(r"fulian(?: [a-z][a-z-]*)+")  # a command line to type, quoted in a hint
CASE_NO = re.compile(r"[（(]\d{4}[)）][\u4e00-\u9fff]+第\d+号")  # a case number (an example in a hint)
INTAKE_NOTES: tuple[str, ...] = ()  # the intake form's notes and categories are walked like the rest


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[str]]]:
    store = new_store(tmp_path_factory.mktemp("walk") / "store").store
    generate_demo(store, cases=120, seed=5)
    with store.uow() as uow:
        data = set(uow.s.execute(select(OrgUnit.name)).scalars())
        data |= set(uow.s.execute(select(UserAccount.display_name)).scalars())
        data |= set(uow.s.execute(select(Person.name)).scalars())
        data |= set(uow.s.execute(select(Case.title)).scalars())
        data |= set(uow.s.execute(select(Case.case_no)).scalars())
        data |= set(uow.s.execute(select(Case.summary)).scalars())
        data |= set(uow.s.execute(select(UserAccount.username)).scalars())
        # the place an ID number names, shown beside it (GB/T 2260 names are data, in Chinese in both languages)
        data |= {id_region(number[:6], int(number[6:10])).name for number in
                 uow.s.execute(select(Person.id_number).where(Person.id_number.is_not(None))).scalars()
                 if len(number) == 18}
    data.add(str(store.paths.root))
    yield store, sorted((d for d in data if d), key=len, reverse=True)
    store.close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, qapp):  # noqa: ANN001, ANN202
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])
    yield
    i18n.install("zh")


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what a user reads on `root` as shown: labels, buttons, group titles, tab names, hints,
    table headers, combo items, menus, the window title. Field contents and table cells are data, not read."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = type(w).__name__
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
            if w.objectName() not in INTAKE_NOTES:
                yield name + ".tooltip", w.toolTip()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
        elif isinstance(w, QLineEdit):
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, QComboBox) and not w.isEditable() and w.objectName() not in INTAKE_NOTES:
            for i in range(w.count()):
                yield name, w.itemText(i)
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            for section in range(header.count()):
                if not header.isSectionHidden(section):
                    yield name + ".header", str(w.model().headerData(section, Qt.Horizontal, Qt.DisplayRole) or "")
    if isinstance(root, QMainWindow):
        yield "window", root.windowTitle()
        for action in root.menuBar().actions():
            yield "menu", action.text()
            for sub in action.menu().actions() if action.menu() else []:
                yield "menu", sub.text()


def _without_data(text: str, data: list[str]) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))  # rich text: the tags are not read, &nbsp; is a space
    text = CASE_NO.sub(" ", COMMAND.sub(" ", text))
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def _foreign(lang: str, text: str, data: list[str]) -> list[str]:
    clean = _without_data(text, data)
    if lang == "zh":
        return [w for w in WORD.findall(clean) if w not in LATIN_ALLOWED and not re.fullmatch(r"F\d+", w)]
    for allowed in HAN_ALLOWED:
        clean = clean.replace(allowed, " ")
    return HAN.findall(clean)


class Walk:
    def __init__(self, qtbot, store: Store, data: list[str], lang: str) -> None:  # noqa: ANN001
        self.qtbot, self.store, self.data, self.lang = qtbot, store, data, lang
        self.found: dict[str, set[str]] = {}

    def check(self, screen: str, root: QWidget) -> None:
        for where, text in _texts(root):
            if text and _foreign(self.lang, text, self.data):
                self.found.setdefault(text, set()).add(f"{screen} ({where})")

    def settle(self, window) -> None:  # noqa: ANN001
        self.qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=TIMEOUT)
        self.qtbot.wait(30)
        self.qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=TIMEOUT)

    def window_for(self, username: str):  # noqa: ANN201
        from ui.app import build_main_window

        window = build_main_window(self.store, auth.login(self.store, username, DEMO_PASSWORD))
        self.qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        self.qtbot.waitExposed(window)
        return window

    def close(self, window) -> None:  # noqa: ANN001
        self.settle(window)
        window.idle_watcher.timer.stop()
        window.close()


def _users(store: Store) -> list[tuple[str, str]]:
    with store.uow() as uow:
        rows = uow.s.execute(select(UserAccount.role, UserAccount.username)
                             .where(UserAccount.active.is_(True), UserAccount.deleted_at.is_(None))
                             .order_by(UserAccount.username)).all()
    first: dict[str, str] = {}
    for role, username in rows:
        first.setdefault(role, username)
    return sorted(first.items())


def _walk(qtbot, store: Store, data: list[str], lang: str) -> dict[str, set[str]]:  # noqa: ANN001
    assert i18n.install(lang)
    walk = Walk(qtbot, store, data, lang)
    for role, username in _users(store):
        window = walk.window_for(username)
        try:
            for row, spec in enumerate(window.specs):
                window.nav.setCurrentRow(row)
                window.show_page(row)
                walk.settle(window)
                walk.check(f"{role}/{spec.key}", window)
            if role == "supervisor":
                _walk_review_cells(walk, window)
                _walk_case(walk, window)
            if role == "system_admin":
                _walk_admin_dialogs(walk, window)
            window.lock()
            walk.check(f"{role}/lock", window)
        finally:
            QApplication.processEvents()
            window.unlock(auth.login(store, username, DEMO_PASSWORD))
            walk.close(window)
    return walk.found


def _walk_admin_dialogs(walk: Walk, window) -> None:  # noqa: ANN001
    from ui.accounts.login import ChangePasswordDialog, LoginDialog

    for name, dialog in (("login", LoginDialog(walk.store, username="admin")),
                         ("change password", ChangePasswordDialog(walk.store, window.session.actor, forced=True))):
        walk.check(name, dialog)
        dialog.deleteLater()
    from ui.accounts.admin_units import UnitsPage
    from ui.accounts.admin_users import UsersPage

    pages = [p for p in window.pages.values() if p is not None]
    users = next((w for p in pages for w in [p, *p.findChildren(UsersPage)] if isinstance(w, UsersPage)), None)
    assert users is not None
    dialog = users.open_add_dialog()
    walk.check("add user", dialog)
    dialog.reject()
    units = next((w for p in pages for w in [p, *p.findChildren(UnitsPage)] if isinstance(w, UnitsPage)), None)
    assert units is not None
    walk.qtbot.waitUntil(lambda: bool(units.units), timeout=TIMEOUT)
    units.tree.expandToDepth(0)
    town = units.tree.topLevelItem(0).child(0)
    if town is not None:
        units.tree.setCurrentItem(town)
    village = units.open_add_village()
    if village is not None:
        walk.check("add village", village)
        village.reject()


def _walk_review_cells(walk: Walk, window) -> None:  # noqa: ANN001
    """The review queue's cells that the program writes (why a case waits, when it is due), not the case's data."""
    from ui.review.review_table import QueueModel

    models = [m for p in window.pages.values() if p is not None for m in p.findChildren(QueueModel)]
    assert models and any(m.rowCount() for m in models)
    for model in models:
        for key in ("reasons", "status", "detail", "due"):
            column = model.column_of(key)
            for row in range(model.rowCount()):
                text = str(model.index(row, column).data() or "")
                if text and _foreign(walk.lang, text, walk.data):
                    walk.found.setdefault(text, set()).add(f"review queue ({key})")


def _walk_case(walk: Walk, window) -> None:  # noqa: ANN001
    with walk.store.uow() as uow:
        case_id = uow.s.execute(select(Case.id).where(Case.domestic_violence.is_(True)).limit(1)).scalar_one()
    window.open_case(case_id)
    view = window.tabs.currentWidget()
    walk.qtbot.waitUntil(lambda: view.detail is not None, timeout=TIMEOUT)
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        walk.settle(window)
        walk.check(f"case/{i}", window)
    parties = [p for p in view.parties.model.parties if not p.redacted]
    if parties:
        view.edit_party(parties[0])
        walk.qtbot.waitUntil(lambda: view.party_dialog is not None and view.party_dialog.isVisible(), timeout=TIMEOUT)
        walk.check("party dialog", view.party_dialog)
        view.party_dialog.reject()
    _walk_danger_assessment(walk, window, case_id)


def _walk_danger_assessment(walk: Walk, window, case_id: str) -> None:  # noqa: ANN001
    """The dialog the intake desk opens, once for each relationship's question set: every question, its tooltip,
    the notice, and — with every item ticked — the red flags named in the result and the override offered."""
    from ui.crisis.danger_assessment_dialog import DangerAssessmentDialog

    for rel in Relationship:
        dialog = DangerAssessmentDialog(window.session, case_id, "", i18n.tr("家庭暴力"), rel, window)
        walk.qtbot.addWidget(dialog)
        assert dialog.form.boxes and dialog.form.relationship == rel
        walk.check(f"danger assessment/{rel.value}", dialog)
        lesser = next(code for code, item in risk_set(rel).items_by_code.items() if not item.red_flag)
        dialog.form.boxes[lesser].setChecked(True)
        dialog.form.override.setCurrentIndex(dialog.form.override.count() - 1)   # professional judgement: 高
        assert dialog.form.override_level() is not None
        walk.check(f"danger assessment/{rel.value} override", dialog)
        for box in dialog.form.boxes.values():
            box.setChecked(True)
        assert dialog.form.forced.text() and dialog.form.forced.isVisibleTo(dialog)
        walk.check(f"danger assessment/{rel.value} all ticked", dialog)
        dialog.reject()
        dialog.deleteLater()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_speaks_one_language(qtbot, demo, lang) -> None:  # noqa: ANN001
    store, data = demo
    found = _walk(qtbot, store, data, lang)
    report = "\n".join(f"{text!r}: {sorted(where)[:3]}" for text, where in sorted(found.items()))
    assert not found, f"{len(found)} texts in the other language:\n{report}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_reason_in_the_review_queue_reads_in_the_screen_language(qapp, lang) -> None:  # noqa: ANN001
    """The 情况 cell for each kind of reason (the demo's queue shows only some): the clock or approval and the day,
    in one language; in Chinese exactly the service's own line."""
    from datetime import date

    from fulian_desktop.services.cases.review import QueueNote, Reason
    from ui.review.review_table import note_text

    assert i18n.install(lang)
    notes = {QueueNote(Reason.MAJOR): "重大案事件",
             QueueNote(Reason.OVERDUE, "信访办结", day=date(2026, 3, 2)): "信访办结已于 2026-03-02 到期",
             QueueNote(Reason.DUE_SOON, "保护令作出期限", day=date(2026, 3, 4)): "保护令作出期限 2026-03-04 到期",
             QueueNote(Reason.APPROVAL, "结案", who="李督导"): "李督导申请结案",
             QueueNote(Reason.IDLE, day=date(2026, 1, 5)): "最后进展 2026-01-05"}
    for note, chinese in notes.items():
        text = note_text(note)
        assert "2026" in text or note.reason in (Reason.MAJOR, Reason.APPROVAL)
        if lang == "zh":
            assert text == chinese
        else:
            assert not _foreign("en", text, ["李督导"]), text


def test_a_long_question_wraps_between_words_and_chinese_stays_whole(qapp) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.crisis.risk_form import wrapped

    font = QFont(qapp.font())
    english = "Are you frail or bedridden, relying for care on the person who hits you, with no one else to help?"
    lines = wrapped(english, font, 300).split("\n")
    assert len(lines) > 1 and " ".join(lines) == english
    assert all(QFontMetrics(font).horizontalAdvance(line) <= 300 for line in lines)
    chinese = "您是否行动不便或卧床，吃饭、吃药、看病都要靠打您的这个人，身边没有别人可以求助？"
    assert wrapped(chinese, font, 100) == chinese
