"""The main window: navigation, tabs, menus, status bar, lock screen. Wiring only."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QProgressDialog,
    QSplitter, QStackedWidget, QTabWidget, QWidget,
)

from fulian_desktop.domain.enums import Tier

from .i18n import tr
from .lock_screen import LockScreen
from .navigation import PageSpec, pages_for
from .cases.case_list import CaseListPage
from .session import AppSession


class MainWindow(QMainWindow):
    def __init__(self, session: AppSession, *, unit_name: str = "", unit_tier: Tier | None = None) -> None:
        super().__init__()
        self.session = session
        self.unit_name = unit_name
        title = tr("幸福号 · 妇联维权与婚姻家庭纠纷调处平台")
        self.setWindowTitle(title + (tr("（演示数据）") if session.store.demo else ""))
        self.specs: list[PageSpec] = pages_for(session)
        self.pages: dict[str, QWidget] = {}
        self.case_tabs: dict[str, QWidget] = {}
        self._hidden_dialogs: list[QWidget] = []  # hidden by lock(), shown again by unlock()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(200)
        for spec in self.specs:
            self.nav.addItem(QListWidgetItem(spec.title))
        self.nav.currentRowChanged.connect(self.show_page)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._sync_nav)
        workspace = QSplitter()
        workspace.addWidget(self.nav)
        workspace.addWidget(self.tabs)
        workspace.setStretchFactor(0, 0)
        workspace.setStretchFactor(1, 1)
        workspace.setCollapsible(0, False)
        # As wide as the longest page title (no empty band between the navigation and the tabs).
        metrics = self.nav.fontMetrics()
        nav_width = max([metrics.horizontalAdvance(spec.title) for spec in self.specs] + [0]) + 40
        nav_width = min(max(nav_width, metrics.horizontalAdvance(tr("本单位案件")) + 40), self.nav.maximumWidth())
        self.nav.setMinimumWidth(nav_width)  # wide filter rows must not squeeze the page names away
        workspace.setSizes([nav_width, 10_000])
        self.lock_screen = LockScreen(session, self)
        self.lock_screen.sig_unlocked.connect(self.unlock)
        self.stack = QStackedWidget()
        self.stack.addWidget(workspace)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status_bar()
        self.nav.setCurrentRow(0)
        self._restore_geometry()

    # --- pages and tabs -------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.specs):
            return
        spec = self.specs[index]
        page = self.pages.get(spec.key)
        if page is None:
            page = spec.factory(self.session)
            self.pages[spec.key] = page
            for opener in ([page] if hasattr(page, "sig_open_case") else []) + page.findChildren(CaseListPage):
                opener.sig_open_case.connect(self.open_case)
            if hasattr(page, "sig_nav_title"):  # e.g. "审核队列 (12)"
                page.sig_nav_title.connect(lambda text, i=index, p=page: (
                    self.nav.item(i).setText(text), self.tabs.setTabText(self.tabs.indexOf(p), text)))
        at = self.tabs.indexOf(page)
        if at < 0:
            at = self.tabs.addTab(page, spec.title)
            self.tabs.tabBar().setTabButton(at, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.setCurrentIndex(at)

    def _sync_nav(self, index: int) -> None:
        """Highlight the page shown in the tabs (none for a case tab), so clicking it again shows it."""
        widget = self.tabs.widget(index)
        row = next((i for i, spec in enumerate(self.specs) if self.pages.get(spec.key) is widget), -1)
        if row != self.nav.currentRow():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def page(self, key: str) -> QWidget | None:
        return self.pages.get(key)

    def open_case(self, case_id: str) -> None:
        from .cases.case_view import CaseViewPage

        view = self.case_tabs.get(case_id)
        if view is None:
            view = CaseViewPage(self.session, case_id)
            view.sig_title.connect(lambda text, v=view: self.tabs.setTabText(self.tabs.indexOf(v), text))
            self.case_tabs[case_id] = view
            self.tabs.addTab(view, tr("案件"))
        self.tabs.setCurrentWidget(view)

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self.pages.values():
            return
        if hasattr(widget, "confirm_close") and not widget.confirm_close():
            return
        self.tabs.removeTab(index)
        for key, view in list(self.case_tabs.items()):
            if view is widget:
                del self.case_tabs[key]
        widget.deleteLater()

    # --- locking --------------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every case screen (kept as they are, unsaved input included) until the user logs in again.

        Dialogs opened from the window (a party being edited …) are windows of their own: they are
        hidden too, with their input, and shown again on unlock."""
        if self.stack.currentWidget() is self.lock_screen:
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and _owned_by(w, self)
                                and not isinstance(w, (QMessageBox, QProgressDialog))]
        for dialog in self._hidden_dialogs:
            if isinstance(dialog, QDialog):  # finished while hidden (a save under way): it stays closed
                dialog.finished.connect(lambda _r, d=dialog: self._forget_hidden(d))
            dialog.hide()
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self._set_actions_enabled(False)
        self.lock_screen.prepare(self.session.actor)
        self.session.set_actor(None)
        self._update_status()

    def unlock(self, actor) -> None:  # noqa: ANN001
        self.session.set_actor(actor)
        self.menuBar().setEnabled(True)
        self._set_actions_enabled(True)
        self.stack.setCurrentIndex(0)
        self._update_status()
        dialogs, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in dialogs:
            if not shiboken6.isValid(dialog):
                continue
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

    def _forget_hidden(self, dialog: QWidget) -> None:
        if dialog in self._hidden_dialogs:
            self._hidden_dialogs.remove(dialog)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in self._lockable_actions:
            action.setEnabled(enabled)

    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    # --- chrome ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        lock = QAction(tr("锁定(&L)"), self, shortcut=QKeySequence("Ctrl+L"), triggered=self.lock)
        close_tab = QAction(tr("关闭当前标签"), self, shortcut=QKeySequence("Ctrl+W"),
                            triggered=lambda: self._close_tab(self.tabs.currentIndex()))
        quit_action = QAction(tr("退出(&Q)"), self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        for action in (lock, close_tab, quit_action):
            file_menu.addAction(action)
        go_menu = self.menuBar().addMenu(tr("转到(&G)"))
        for index, spec in enumerate(self.specs):
            action = QAction(spec.title, self, triggered=lambda _=False, i=index: (self.nav.setCurrentRow(i),
                                                                                  self.show_page(i)))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            go_menu.addAction(action)
        find = QAction(tr("搜索案件"), self, shortcut=QKeySequence("Ctrl+F"), triggered=self._focus_search)
        go_menu.addAction(find)
        self.addActions([lock, close_tab, quit_action, find])
        # While locked nothing but 退出 works (Ctrl+W, Ctrl+2 … would act on hidden case screens).
        self._lockable_actions = [a for a in file_menu.actions() + go_menu.actions() if a is not quit_action]

    def _focus_search(self) -> None:
        page = self.tabs.currentWidget()
        lists = ([page] if isinstance(page, CaseListPage) else []) + (page.findChildren(CaseListPage) if page else [])
        visible = [p for p in lists if p.isVisible()]
        if visible:
            visible[0].search.setFocus()
            visible[0].search.selectAll()

    def _build_status_bar(self) -> None:
        self.status_user = QLabel()
        self.status_store = QLabel()
        self.status_lock = QLabel()
        for label in (self.status_user, self.status_store, self.status_lock):
            label.setContentsMargins(10, 0, 10, 0)
            self.statusBar().addPermanentWidget(label)
        self.session.tasks.sig_busy.connect(self._show_busy)
        self._update_status()

    def _show_busy(self, busy: bool) -> None:
        # A bound method: Qt drops the connection when the window goes, a lambda would outlive it.
        self.statusBar().showMessage(tr("正在处理…") if busy else "", 0)

    def _update_status(self) -> None:
        actor = self.session.actor or self.lock_screen.actor
        if actor:
            self.status_user.setText(tr("用户：{name}（{role}）  单位：{unit}").format(
                name=actor.display_name, role=tr(actor.role.label), unit=self.unit_name))
        store = self.session.store
        kind = tr("SQLCipher 加密") if store.backend == "sqlite" else store.backend
        self.status_store.setText(tr("数据：{kind}").format(kind=kind) + (tr(" · 演示数据") if store.demo else ""))
        self.status_lock.setText(tr("已锁定") if self.is_locked() else tr("已解锁"))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def closeEvent(self, event) -> None:  # noqa: ANN001
        for view in list(self.case_tabs.values()):
            if hasattr(view, "confirm_close") and not view.confirm_close():
                event.ignore()
                return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.session.tasks.wait_idle(10_000)
        super().closeEvent(event)


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    """True if `widget` (a window of its own, such as a dialog) was opened from `window`."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
