"""Backups in the GUI: the administrator's reminder banner, "back up now", and backing up on exit."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.backup import service, status
from fulian_desktop.domain import clock
from fulian_desktop.security.permissions import Permission, can

from ..errors import messages, present_error
from ..i18n import tr
from ..session import AppSession

ON_EXIT_KEY = "backup/on_exit"
KEEP_AUTOMATIC = 5
_EXIT_HOOKED: set[int] = set()


def back_up_on_exit_enabled() -> bool:
    return QSettings().value(ON_EXIT_KEY, False, type=bool)


def is_admin(session: AppSession) -> bool:
    return session.actor is not None and can(session.actor, Permission.SETTINGS_MANAGE)


def current_status(session: AppSession) -> status.BackupStatus | None:
    store = session.store
    if store.paths is None:
        return None
    return status.backup_status(store.paths, store.store_id)


def _take(session: AppSession, target: Path) -> service.BackupResult:
    store, actor = session.store, session.actor
    assert actor is not None
    return service.take_backup(store, actor, target, key=service.backup_key(store))


def automatic_backup(session: AppSession) -> service.BackupResult | None:
    """Back up into the data folder's backups/ and keep the newest few automatic copies."""
    store = session.store
    if store.paths is None or not is_admin(session):
        return None
    store.paths.backups.mkdir(exist_ok=True, mode=0o700)
    stamp = clock.now_utc().strftime("%Y%m%dT%H%M%SZ")
    result = _take(session, store.paths.backups / f"auto-{stamp}.fbk")
    for old in sorted(store.paths.backups.glob("auto-*.fbk"))[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return result


def _exit_backup(session: AppSession) -> None:
    if not back_up_on_exit_enabled():  # read at exit: the switch may have changed meanwhile
        return
    try:
        automatic_backup(session)
    except Exception:  # noqa: BLE001 - never keep the program from closing
        pass


class BackupBanner(QLabel):
    """Shown to an administrator when the last verified backup is older than 7 days (or there is none)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="backup_banner")
        self.session = session
        self.setWordWrap(True)
        self.setStyleSheet("background:#fff3cd;color:#6b4e00;border:1px solid #e0c36a;padding:6px;")
        self.refresh()
        app = QCoreApplication.instance()
        if app is not None and is_admin(session) and id(session) not in _EXIT_HOOKED:
            _EXIT_HOOKED.add(id(session))  # one backup on exit however many banners were made
            app.aboutToQuit.connect(lambda: _exit_backup(session))  # a function: the page may be gone by then

    def refresh(self) -> None:
        # Demo stores hold invented data: no nagging there.
        st = current_status(self.session) if is_admin(self.session) and not self.session.store.demo else None
        self.setVisible(bool(st and st.overdue))
        if st and st.overdue:
            self.setText(tr("备份提醒：") + st.message)



class BackupBox(QGroupBox):
    """Settings page: status, "back up now…", and the back-up-on-exit switch (this computer)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("备份"), parent, objectName="backup_box")
        self.session = session
        self.banner = BackupBanner(session)
        self.state = QLabel(objectName="backup_state")
        self.state.setWordWrap(True)
        self.now_button = QPushButton(tr("立即备份(&B)…"), objectName="backup_now")
        self.now_button.clicked.connect(self.back_up_now)
        self.on_exit = QCheckBox(tr("退出程序时自动备份到数据文件夹（保留最近 5 份）"), objectName="backup_on_exit")
        self.on_exit.setChecked(back_up_on_exit_enabled())
        self.on_exit.toggled.connect(lambda on: QSettings().setValue(ON_EXIT_KEY, bool(on)))
        row = QHBoxLayout()
        row.addWidget(self.now_button)
        row.addWidget(self.on_exit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.state)
        layout.addLayout(row)
        self.setVisible(is_admin(session))
        self.show_state()

    def show_state(self) -> None:
        st = current_status(self.session)
        if st is None:
            self.state.setText(tr("此数据存储没有本机数据文件夹，无法备份。"))
            return
        when = st.last_verified_at.astimezone().strftime("%Y-%m-%d %H:%M") if st.last_verified_at else tr("无")
        self.state.setText(tr("上次经过校验的备份：{when}").format(when=when))
        self.banner.refresh()

    def back_up_now(self, target: str | None = None) -> None:
        if not target:
            stamp = clock.now_local().strftime("%Y%m%d-%H%M")
            target, _ = QFileDialog.getSaveFileName(self, tr("备份到"), f"幸福号备份-{stamp}.fbk",
                                                    tr("幸福号备份 (*.fbk)"))
        if not target:
            return
        self.now_button.setEnabled(False)
        self.session.tasks.run(_take, self.session, Path(target), on_done=self._done, on_error=self._failed,
                               progress_label=None)

    def _done(self, result: service.BackupResult) -> None:
        self.now_button.setEnabled(True)
        self.show_state()
        text = tr("已备份到 {file}（{cases} 件案件），并已校验。").format(
            file=str(result.path), cases=result.counts.get("case_file", 0))
        messages.info(self, tr("备份完成"), text if result.verified else tr("备份已写出，但校验未通过，请重新备份。"))

    def _failed(self, exc: BaseException) -> None:
        self.now_button.setEnabled(True)
        present_error(self, exc)
