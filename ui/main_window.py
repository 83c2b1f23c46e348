"""The main window: navigation, tabs, menus, toolbar, status bar, lock screen. Wiring only.

One navigation: the pages are in the list on the left only; the tab bar above the work area holds the open cases
(documents), and is hidden while none is open."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QProgressDialog,
    QSplitter, QStackedWidget, QStyle, QTabWidget, QToolBar, QWidget,
)

from fulian_desktop.domain.enums import Tier

from .errors import messages
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

        self.nav = NavigationList()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(200)
        for spec in self.specs:
            self.nav.addItem(QListWidgetItem(spec.title))
        self.nav.currentRowChanged.connect(self.show_page)
        self.nav.itemClicked.connect(self._nav_chosen)
        self.nav.itemActivated.connect(self._nav_chosen)
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
        self.lock_screen.sig_log_out.connect(self.log_out)
        self.replacement: MainWindow | None = None  # the next user's window after 切换用户
        self.stack = QStackedWidget()
        self.stack.addWidget(workspace)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._update_tab_bar()
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
            self.tabs.setTabVisible(at, False)  # a page is reached from the list on the left, never a tab
        self.tabs.setCurrentIndex(at)
        page.setVisible(True)  # setTabVisible(False) hides the page itself too; shown, it is the work area
        self._update_tab_bar()

    def _sync_nav(self, index: int) -> None:
        """Highlight the page shown in the tabs (none for a case tab), so clicking it again shows it."""
        widget = self.tabs.widget(index)
        row = next((i for i, spec in enumerate(self.specs) if self.pages.get(spec.key) is widget), -1)
        if row != self.nav.currentRow():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def _nav_chosen(self, item: QListWidgetItem) -> None:
        row = self.nav.row(item)
        if self.tabs.currentWidget() is not self.pages.get(self.specs[row].key):
            self.show_page(row)

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
        self._update_tab_bar()

    def _update_tab_bar(self) -> None:
        """The tab bar holds the open cases only: hidden while there is none."""
        self.tabs.tabBar().setVisible(bool(self.case_tabs))

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
        self._update_tab_bar()

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
        self._update_toolbar()
        self.lock_screen.prepare(self.session.actor)
        self.session.set_actor(None)
        self._update_status()

    def unlock(self, actor) -> None:  # noqa: ANN001
        previous = self.lock_screen.actor
        if previous is None or actor.user_id != previous.user_id or actor.role != previous.role:
            self._hand_over(actor)
            return
        self.session.set_actor(actor)
        self.menuBar().setEnabled(True)
        self._set_actions_enabled(True)
        self._update_toolbar()
        self.stack.setCurrentIndex(0)
        self._update_status()
        dialogs, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in dialogs:
            if not shiboken6.isValid(dialog):
                continue
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

    def switch_user(self) -> None:
        """切换用户: the screen locks (this user's screens kept, hidden) and any user may log in; another user gets
        a window of her own."""
        self.lock()
        self.lock_screen.prepare(None, anyone=True)

    def log_out(self) -> None:
        """注销: the open cases close (unsaved input is asked about first; from the lock screen it is dropped: the
        next user must not see it) and the lock screen waits for any user."""
        if not self.is_locked():
            for view in list(self.case_tabs.values()):
                if hasattr(view, "confirm_close") and not view.confirm_close():
                    return
            self.lock()
        self._close_everything_open()
        self.lock_screen.actor = None
        self.lock_screen.prepare(None, anyone=True)
        self._update_status()

    def _close_everything_open(self) -> None:
        for dialog in self._hidden_dialogs:
            if shiboken6.isValid(dialog):
                dialog.close()
        self._hidden_dialogs = []
        for view in list(self.case_tabs.values()):
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.deleteLater()
        self.case_tabs.clear()
        self._update_tab_bar()

    def _hand_over(self, actor) -> None:  # noqa: ANN001
        """Another user logged in on the lock screen: her own window (her pages, her unit) replaces this one."""
        from .app import build_main_window

        self._close_everything_open()
        window = build_main_window(self.session.store, actor)
        window.setGeometry(self.geometry())
        window.show()
        self.replacement = window
        HANDED_OVER.append(window)  # kept alive: nothing else holds the new window
        if self in HANDED_OVER:
            HANDED_OVER.remove(self)
        self.idle_watcher_stop()
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.close()

    def idle_watcher_stop(self) -> None:
        watcher = getattr(self, "idle_watcher", None)
        if watcher is not None:
            QApplication.instance().removeEventFilter(watcher)
            watcher.timer.stop()

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
        self.verify_action = QAction(tr("核验文书(&V)…"), self, triggered=self.show_verify)
        for action in (self.verify_action, lock, close_tab, quit_action):
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
        self.find_action = find
        account = self.menuBar().addMenu(tr("账户(&A)"))
        self.change_password_action = QAction(tr("修改密码(&P)…"), self, triggered=self.change_password)
        self.switch_user_action = QAction(tr("切换用户(&U)"), self, shortcut=QKeySequence("Ctrl+Shift+L"),
                                          triggered=self.switch_user)
        self.log_out_action = QAction(tr("注销(&O)"), self, triggered=self.log_out)
        for action in (self.change_password_action, self.switch_user_action, self.log_out_action):
            account.addAction(action)
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        self.manual_action = QAction(tr("用户手册(&M)"), self, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents),
                                     triggered=self.show_manual)
        help_menu.addAction(self.manual_action)
        self.addActions([lock, close_tab, quit_action, find, self.switch_user_action, self.manual_action])
        # While locked nothing but 退出 works (Ctrl+W, Ctrl+2 … would act on hidden case screens); the lock screen
        # has its own 切换用户, 修改密码 and 注销.
        self._lockable_actions = [a for a in file_menu.actions() + go_menu.actions() + account.actions()
                                  if a is not quit_action]

    def _build_toolbar(self) -> None:
        """The role's everyday steps, with icons: 新建来访, 查找, 转介, 调解, 打印 (those the role has)."""
        bar = QToolBar(tr("常用操作"), self, objectName="main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        style = self.style()
        keys = [spec.key for spec in self.specs]
        self.toolbar_actions: dict[str, QAction] = {}

        def add(key: str, text: str, icon: QStyle.StandardPixmap, slot, tip: str) -> None:  # noqa: ANN001
            action = QAction(style.standardIcon(icon), text, self, triggered=slot)
            action.setToolTip(tip)
            bar.addAction(action)
            self.toolbar_actions[key] = action
            self._lockable_actions.append(action)

        if "intake" in keys:
            add("intake", tr("新建来访"), QStyle.SP_FileIcon, lambda: self.go_to("intake"), tr("来访登记（Ctrl+N）"))
        if "unit_cases" in keys or "my_cases" in keys:
            add("find", tr("查找"), QStyle.SP_FileDialogContentsView, self.find_case, tr("按案号、姓名或标题查找案件（Ctrl+F）"))
        if "inbox" in keys:
            add("refer", tr("转介"), QStyle.SP_ArrowForward, lambda: self.go_to("inbox"), tr("转介收件箱：接收、退回、跟进转介"))
        if "mediation_calendar" in keys:
            add("mediate", tr("调解"), QStyle.SP_FileDialogDetailedView, lambda: self.go_to("mediation_calendar"),
                tr("调解日程：安排和记录调解"))
        if "unit_cases" in keys or "my_cases" in keys:
            add("print", tr("打印"), QStyle.SP_DialogSaveButton, self.print_current, tr("打印或导出当前案件的文书"))
        self.addToolBar(Qt.TopToolBarArea, bar)
        bar.setVisible(bool(self.toolbar_actions))  # an administrator's window has no such steps: no empty strip
        self.toolbar = bar
        self.tabs.currentChanged.connect(self._update_toolbar)
        self._update_toolbar()

    def _update_toolbar(self, *_args) -> None:  # noqa: ANN002
        if "print" in getattr(self, "toolbar_actions", {}):
            self.toolbar_actions["print"].setEnabled(not self.is_locked() and self._current_case() is not None)

    def _current_case(self) -> QWidget | None:
        widget = self.tabs.currentWidget()
        return widget if widget in self.case_tabs.values() else None

    def go_to(self, key: str) -> QWidget | None:
        """Show a navigation page, as a click on it in the list does."""
        keys = [spec.key for spec in self.specs]
        if key not in keys:
            return None
        row = keys.index(key)
        self.nav.setCurrentRow(row)
        self.show_page(row)
        return self.pages.get(key)

    def find_case(self) -> None:
        """查找: the case list (the unit's, else her own) with the cursor in its search box."""
        keys = [spec.key for spec in self.specs]
        self.go_to("unit_cases" if "unit_cases" in keys else "my_cases")
        self._focus_search()

    def print_current(self) -> None:
        view = self._current_case()
        button = getattr(view, "print_button", None)
        if button is not None and button.isEnabled():
            button.click()

    def change_password(self) -> None:
        from .accounts.login import ChangePasswordDialog

        actor = self.session.actor
        if actor is None:
            return
        dialog = ChangePasswordDialog(self.session.store, actor, self, forced=False)
        if dialog.exec() == QDialog.Accepted:
            self.session.set_actor(dialog.actor)
            messages.info(self, tr("修改密码"), tr("密码已修改。下次登录和解锁请用新密码。"))

    def show_verify(self) -> None:
        """核验文书: a paper's code typed or scanned, or its PDF, checked against the papers this store issued."""
        from .documents.verify_dialog import VerifyDialog

        if self.session.actor is None:
            return
        if getattr(self, "verify_dialog", None) is None or not shiboken6.isValid(self.verify_dialog):
            self.verify_dialog = VerifyDialog(self.session, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        self.verify_dialog.code.setFocus()

    def show_manual(self) -> None:
        """F1: the user manual of her role, inside the program."""
        from .manual import ManualWindow

        actor = self.session.actor or self.lock_screen.actor
        if getattr(self, "manual", None) is None or not shiboken6.isValid(self.manual):
            self.manual = ManualWindow(actor.role if actor else None, self)
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()

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
        else:  # after 注销: nobody's name stays on the screen
            self.status_user.setText(tr("未登录"))
        store = self.session.store
        kind = tr("已加密") if store.backend == "sqlite" else tr("服务器（加密连接）")
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
        auto_sync = getattr(self, "auto_sync", None)   # ui/sync/auto_sync.py, set by build_main_window
        if auto_sync is not None:
            auto_sync.stop()
        self.session.tasks.wait_idle(10_000)
        if self in HANDED_OVER:
            HANDED_OVER.remove(self)
        super().closeEvent(event)


class NavigationList(QListWidget):
    """The list of pages. While a case is shown no page is current; the list taking the keyboard focus then (Tab,
    or a click beside the rows) must not make its first page current, which would show it over the case."""

    def focusInEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        self.blockSignals(True)
        super().focusInEvent(event)
        self.setCurrentRow(-1)
        self.blockSignals(False)


HANDED_OVER: list[MainWindow] = []
"""Windows opened for the next user on a shared desk PC (nothing else holds them); each leaves when closed."""


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    """True if `widget` (a window of its own, such as a dialog) was opened from `window`."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
