"""One case on screen: header, in-place editing, workflow actions, and tabs (当事人, 时间线, 历史 …).

Later capabilities add a tab with one line in `_build_tabs`: `self.tabs.addTab(widget, "标题")`.
Opening the case is an audited view, so it runs in a write unit of work. Its clocks, pending
approvals, referrals and intake records are read alongside (`case_actions_data.load_extras`); every
action goes through one `ActionRunner`, after which the whole page reloads. The countdown chips are
refreshed every minute.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.domain.errors import ConflictError
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.cases import cases, history
from fulian_desktop.services.cases.history import PartyRecord
from fulian_desktop.services.cases.views import CaseDetail, PartyView

from ..documents.document_preview import add_print_button
from .party_dialog import PartyDialog
from ..errors import error_text, messages, present_error
from ..i18n import tr, tr_as
from ..session import AppSession
from .approval_bar import ApprovalBar
from .case_actions import CaseActionsBar
from .case_actions_data import CaseExtras, load_clocks, load_extras
from ..common.case_actions_runner import ActionRunner
from ..clocks.case_clocks_panel import CaseClocksPanel
from .case_edit_form import CaseEditForm, values_of
from .case_header import CaseHeader
from ..counselling.counselling_tab import build_counselling_tab
from ..crisis.crisis_tab import build_crisis_tab
from ..attachments.evidence_tab import install_evidence_tab
from ..common.lazy_tab import LazyTab
from ..mediation.mediation_tab import build_mediation_tab
from .case_history import CaseHistoryPanel
from .case_timeline import CaseTimeline
from ..common.conflict_bar import ConflictBar
from ..common.guard import while_alive
from ..intake.intake_records import IntakeRecordsPanel
from .party_panel import PartyPanel
from ..referral.referral_panel import ReferralPanel

CLOCK_REFRESH_MS = 60_000


class CaseViewPage(QWidget):
    sig_title = Signal(str)
    """(case number) — emitted when the case has loaded, for the tab text."""
    sig_loaded = Signal(object)
    """(CaseDetail) — a version of the case is on screen (after opening, reloading or saving)."""
    sig_saved = Signal(object)
    """(CaseDetail) — the case's own fields were saved."""
    sig_extras_loaded = Signal(object)
    """(CaseExtras) — clocks, pending approvals, referrals and intake records are on screen."""

    def __init__(self, session: AppSession, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.editing = False
        self.base: dict[str, Any] = {}      # the values the edit started from
        self.base_version: int | None = None
        self.my_changes: dict[str, Any] = {}  # kept aside after a conflict, to re-apply
        self._saving = False
        self._reloading_latest = False
        self.party_dialog: PartyDialog | None = None
        self.extras: CaseExtras | None = None
        self._extras_generation = 0
        self._clock_refresh_busy = False
        self.runner = ActionRunner(session, self, case_id)
        self.runner.sig_changed.connect(self._action_done)
        self._build()
        self._build_tabs()
        session.sig_actor_changed.connect(self._on_actor_changed)
        # Its parties and files are edited in dialogs and tabs that announce it; the page then reloads.
        session.changes.subscribe(self, {"party", "attachments"}, self.load, case_id=case_id)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_REFRESH_MS)
        self.clock_timer.timeout.connect(self.refresh_clocks)
        self.clock_timer.start()
        self.load()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = CaseHeader(self)
        self.edit_button = QPushButton(tr("编辑"), objectName="case_edit")
        self.edit_button.setToolTip(tr("修改案件名称、类别、简要案情和标记（Ctrl+E）"))
        self.edit_button.clicked.connect(self.start_edit)
        self.save_button = QPushButton(tr("保存"), objectName="case_save")
        self.save_button.setToolTip(tr("保存修改（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(tr("取消"), objectName="case_cancel")
        self.cancel_button.clicked.connect(self.cancel_edit)
        for button in (self.edit_button, self.save_button, self.cancel_button):
            self.header.actions.addWidget(button)
        self.print_button = add_print_button(self)  # 打印/导出: preview, print, save as
        self.actions_bar = CaseActionsBar(self.session, self.runner, self.case_id, self)
        self.approval_bar = ApprovalBar(self.session, self.runner, self)
        self.form = CaseEditForm(self)
        self.form.sig_changed.connect(self._update_buttons)
        self.conflict = ConflictBar(self)
        self.conflict.sig_reload.connect(self.reload_latest)
        self.conflict.sig_restore.connect(self.restore_mine)
        self.message = QLabel(objectName="case_message")
        self.message.setStyleSheet("color:#b3261e")
        self.message.hide()
        self.tabs = QTabWidget(objectName="case_tabs")

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.approval_bar)
        layout.addWidget(self.conflict)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.form.hide()
        for keys, slot in (("Ctrl+E", self.start_edit), ("Ctrl+S", self.save)):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _build_tabs(self) -> None:
        self.parties = PartyPanel(self)
        self.parties.sig_add.connect(self.add_party)
        self.parties.sig_edit.connect(self.edit_party)
        self.timeline = CaseTimeline(self)
        self.history = CaseHistoryPanel(self.session, self.case_id, self)
        self.tabs.addTab(self.parties, tr("当事人"))
        self.tabs.addTab(self.timeline, tr("时间线"))
        self.tabs.addTab(self.history, tr("历史"))
        self.clocks = CaseClocksPanel(self.session, self.runner, self)
        self.referrals = ReferralPanel(self.session, self.runner, self.case_id, self)
        self.intakes = IntakeRecordsPanel(self)
        self.tabs.addTab(self.clocks, tr("时限"))
        self.tabs.addTab(self.referrals, tr_as("转介", "标签页"))
        self.tabs.addTab(self.intakes, tr("接待记录"))
        # The heavier tabs are built, and read their (audited) data, only when first shown.
        self.mediation = LazyTab(lambda: build_mediation_tab(self.session, self.case_id, self.load), self)
        self.tabs.addTab(self.mediation, tr("调解"))
        self.crisis = LazyTab(lambda: build_crisis_tab(self.session, self.case_id, self._action_done), self)
        self.tabs.addTab(self.crisis, tr("危机干预"))
        self.evidence = install_evidence_tab(self)  # 证据材料; files dropped on the page land there
        self.counselling = None
        actor = self.session.actor
        if actor is not None and can(actor, Permission.SEE_COUNSELLING):  # only for those who may read notes
            self.counselling = LazyTab(
                lambda: build_counselling_tab(self.session, self.case_id, self._action_done), self)
            self.tabs.addTab(self.counselling, tr("心理疏导"))
        self._update_buttons()

    def _on_actor_changed(self, _actor: object) -> None:
        self._update_buttons()
        self.actions_bar.update_buttons()
        self.clocks.update_buttons()
        self.referrals.update_buttons()

    def _may_edit(self) -> bool:
        actor = self.session.actor
        return actor is not None and can(actor, Permission.CASE_EDIT)

    def _update_buttons(self) -> None:
        loaded = self.detail is not None
        self.edit_button.setVisible(not self.editing)
        self.edit_button.setEnabled(loaded and self._may_edit())
        self.save_button.setVisible(self.editing)
        self.save_button.setEnabled(self.editing and not self._saving and bool(self.form.values()["title"]))
        self.cancel_button.setVisible(self.editing)
        self.cancel_button.setEnabled(not self._saving)
        self.parties.set_editable(loaded and self._may_edit())

    # --- loading -----------------------------------------------------------------------------------
    def load(self) -> None:
        self.session.write(cases.get_case, self.case_id, on_done=while_alive(self, self._loaded),
                           on_error=while_alive(self, self._load_failed))
        self.load_extras()

    def load_extras(self) -> None:
        """Clocks, pending approvals, referrals and intake records (a later call wins over an earlier one)."""
        self._extras_generation += 1
        generation = self._extras_generation
        self.session.read(load_extras, self.case_id,
                          on_done=while_alive(self, lambda extras: self._extras_loaded(generation, extras)),
                          on_error=while_alive(self, lambda exc: self._extras_failed(generation, exc)))

    def _extras_loaded(self, generation: int, extras: CaseExtras) -> None:
        if generation != self._extras_generation:
            return
        self.extras = extras
        self.actions_bar.set_clocks(extras.clocks)
        self.actions_bar.set_approvals(extras.approvals)
        self.approval_bar.set_approvals(extras.approvals)
        self.clocks.set_clocks(extras.clocks, extras.approvals)
        self.referrals.set_referrals(extras.referrals)
        self.intakes.set_intakes(extras.intakes)
        self.sig_extras_loaded.emit(extras)

    def _extras_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._extras_generation:
            return
        # Inline, not a box: when the case itself cannot be opened, that error is shown already.
        what = error_text(exc, tr("请稍后重试。"))
        self.message.setText(tr("时限、审批、转介和接待记录未能加载：{what}").format(what=what))
        self.message.show()

    def refresh_clocks(self) -> None:
        """The minute tick: re-read the clocks so countdowns and colours follow the time."""
        if self._clock_refresh_busy or self.detail is None:
            return
        self._clock_refresh_busy = True
        generation = self._extras_generation
        self.session.read(load_clocks, self.case_id,
                          on_done=while_alive(self, lambda views: self._clocks_refreshed(generation, views)),
                          on_error=while_alive(self, lambda _exc: setattr(self, "_clock_refresh_busy", False)))

    def _clocks_refreshed(self, generation: int, views: tuple) -> None:
        self._clock_refresh_busy = False
        if generation != self._extras_generation:
            return  # a full reload is under way and brings newer data
        self.actions_bar.set_clocks(views)
        self.clocks.set_clocks(views)

    def _action_done(self, notice: str) -> None:
        self.actions_bar.show_notice(notice)
        self.load()
        self.mediation.reload()  # closing or reopening changes what may be recorded

    def _loaded(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.message.hide()
        self.header.set_detail(detail)
        self.actions_bar.set_detail(detail)
        self.referrals.set_detail(detail)
        self.parties.set_parties(detail.parties)
        self.timeline.set_events(detail.events)
        self.history.reload()
        if self._reloading_latest:
            # The user asked for the latest version: show it in the form, their edits kept aside.
            self._reloading_latest = False
            self.base, self.base_version = values_of(detail), detail.version
            self.form.set_values(self.base)
            self.conflict.show_reloaded(detail.version)
        self._update_buttons()
        self.sig_title.emit(detail.row.case_no)
        self.sig_loaded.emit(detail)

    def _load_failed(self, exc: BaseException) -> None:
        self._reloading_latest = False
        if self.detail is None:
            self.header.case_no.setText(tr("无法打开案件"))
            self.message.setText(error_text(exc, tr("案件未能打开。")))
            self.message.show()
        present_error(self, exc)
        self._update_buttons()

    # --- editing the case --------------------------------------------------------------------------
    def start_edit(self) -> None:
        if self.editing or self.detail is None or not self._may_edit():
            return
        self.base, self.base_version = values_of(self.detail), self.detail.version
        self.form.set_values(self.base)
        self._set_editing(True)
        self.form.title.setFocus()
        self.form.title.selectAll()

    def _set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.header.set_editing(editing)
        self.form.setVisible(editing)
        # No workflow step while the case's fields are being edited (the step would outdate the edit).
        self.actions_bar.setEnabled(not editing)
        self.approval_bar.setEnabled(not editing)
        if not editing:
            self.conflict.clear()
            self.my_changes = {}
        self._update_buttons()

    def is_dirty(self) -> bool:
        case_dirty = self.editing and bool(self.form.changes(self.base))
        dialog = self.party_dialog
        return case_dirty or (dialog is not None and dialog.isVisible() and dialog.is_dirty())

    def save(self) -> None:
        if not self.editing or self._saving:
            return
        changes = self.form.changes(self.base)
        if not changes:
            self._set_editing(False)
            return
        self._saving = True
        self._update_buttons()
        self.session.write(cases.update_case, self.case_id, self.base_version, changes,
                           on_done=while_alive(self, self._saved), on_error=while_alive(self, self._save_failed))

    def _saved(self, detail: CaseDetail) -> None:
        self._saving = False
        self._set_editing(False)
        self._loaded(detail)
        self.sig_saved.emit(detail)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        present_error(self, exc)  # the input stays in the form, as typed
        if isinstance(exc, ConflictError):
            self.conflict.show_conflict(tr("该案件"))
        self._update_buttons()

    def reload_latest(self) -> None:
        """After a conflict: load the latest version into the form; the user's changes are kept to restore."""
        self.my_changes = self.form.changes(self.base)
        self._reloading_latest = True
        self.load()

    def restore_mine(self) -> None:
        """Re-apply the user's changes on top of the latest version (saved against that version)."""
        self.form.set_values({**self.base, **self.my_changes})
        self.my_changes = {}
        self.conflict.clear()
        self._update_buttons()

    def cancel_edit(self) -> None:
        if self._saving:
            return
        if self.form.changes(self.base) and not messages.confirm(self, tr("放弃修改"), tr("放弃对案件信息的修改吗？")):
            return
        self._set_editing(False)

    # --- parties -----------------------------------------------------------------------------------
    def add_party(self) -> None:
        self._open_party_dialog(None)

    def edit_party(self, party: PartyView) -> None:
        if party.redacted:
            messages.warn(self, tr("无权修改"), tr("该当事人的联系方式保密，您的角色无权查看或修改其信息。"))
            return
        self.session.read(history.party_record, party.id, on_done=while_alive(self, self._open_party_dialog),
                          on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _open_party_dialog(self, record: PartyRecord | None) -> None:
        dialog = PartyDialog(self.session, self.case_id, record, self)
        dialog.finished.connect(lambda _code: setattr(self, "party_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.party_dialog = dialog
        dialog.open()

    # --- closing -----------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        if not self.is_dirty():
            return True
        return messages.confirm(self, tr("未保存的修改"), tr("有未保存的修改，确定关闭吗？"))
