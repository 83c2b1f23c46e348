"""Start-up: one instance, unlock the store, log in, show the main window."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QDialog

from fulian_desktop.domain.errors import FulianError, KeyUnavailable, StoreError, WrongKey
from fulian_desktop.security.no_core_dumps import disable_core_dumps
from fulian_desktop.store.paths import StorePaths, resolve_data_dir
from fulian_desktop.store.store import Store, open_store

from . import i18n, theme
from .accounts.login import ChangePasswordDialog, LoginDialog
from .accounts.unlock import UnlockDialog
from .errors import message_of, messages

if TYPE_CHECKING:
    from .main_window import MainWindow

# Start-up imports only what the login window needs; the main window's modules are imported
# while the password is checked (ui.preload), so the login window appears sooner.


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fulian-desktop", description="幸福号 桌面程序")
    parser.add_argument("--data-dir", help="数据存储所在文件夹（也可用环境变量 FULIAN_DATA_DIR）")
    parser.add_argument("--demo", action="store_true", help="打开演示数据存储（首次使用时自动生成）")
    parser.add_argument("--demo-cases", type=int, default=3000, help="演示数据的案件数（默认 3000）")
    parser.add_argument("--lang", choices=["zh", "en"], help="界面语言")
    return parser.parse_args(argv)


def make_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("fulian")
    app.setApplicationName("fulian-desktop")
    i18n.install(i18n.chosen_language(lang))
    app.setApplicationDisplayName(i18n.tr("幸福号"))
    theme.apply(app)
    return app


def open_existing(data_dir: Path) -> Store | None:
    """Keyring first; otherwise ask for the passphrase (or the recovery code)."""
    try:
        return open_store(data_dir)
    except (KeyUnavailable, WrongKey) as exc:
        dialog = UnlockDialog(data_dir, message_of(exc))
        return dialog.store if dialog.exec() == QDialog.Accepted else None
    except StoreError as exc:  # a district desk: wrong password, server unreachable, TLS (issue 7)
        if not exc.code.startswith("server_"):
            raise
        from .setup.server_settings import reconnect

        return reconnect(data_dir, exc)


def login_flow(store: Store, note: str = "", username: str = ""):  # noqa: ANN201
    dialog = LoginDialog(store, note=note, username=username)
    if dialog.exec() != QDialog.Accepted or dialog.actor is None:
        return None
    actor = dialog.actor
    if actor.must_change_password:
        change = ChangePasswordDialog(store, actor)
        if change.exec() != QDialog.Accepted:
            return None
        actor = change.actor
    return actor


def build_main_window(store: Store, actor) -> "MainWindow":  # noqa: ANN001
    from fulian_desktop.services.accounts import orgunits

    from .idle import IdleWatcher
    from .main_window import MainWindow
    from .session import AppSession
    from .settings_store import idle_minutes
    from .tasks import TaskRunner

    tasks = TaskRunner()
    session = AppSession(store, tasks)
    session.set_actor(actor)
    with store.uow() as uow:
        unit = orgunits.get_unit(uow, actor.unit_id)
    window = MainWindow(session, unit_name=unit.name, unit_tier=unit.tier)
    tasks.setParent(window)
    session.setParent(window)
    watcher = IdleWatcher(window.lock, idle_minutes(store), window)
    QApplication.instance().installEventFilter(watcher)
    window.idle_watcher = watcher
    from .sync.auto_sync import AutoSync

    window.auto_sync = AutoSync(session, window)   # with the district server, at start and every N minutes
    window.auto_sync.attach(window)
    window.auto_sync.start()
    return window


def main(argv: list[str] | None = None) -> int:
    disable_core_dumps()   # before any key is unwrapped: a crash must not write the key to a core file
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(lang=args.lang)
    if args.lang:
        i18n.remember_language(args.lang)
    data_dir = resolve_data_dir(args.data_dir)
    if args.demo:
        from .demo_store import demo_data_dir

        data_dir = demo_data_dir(data_dir, args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / "fulian-desktop.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        messages.warn(None, i18n.tr("幸福号已在运行"),
                      i18n.tr("这个数据存储已被另一个幸福号窗口打开：\n{path}\n请切换到那个窗口。").format(path=data_dir))
        return 1
    try:
        store, note, username = _obtain_store(args, data_dir)
        if store is None:
            return 0
        actor = login_flow(store, note=note, username=username)
        if actor is None:
            store.close()
            return 0
        window = build_main_window(store, actor)
        window.show()
        code = app.exec()
        store.close()
        return code
    except FulianError as exc:
        messages.warn(None, i18n.tr("无法打开数据存储"), message_of(exc))
        return 1
    finally:
        lock.unlock()


def _obtain_store(args: argparse.Namespace, data_dir: Path) -> tuple[Store | None, str, str]:
    if args.demo:
        from .demo_store import open_or_create_demo

        return open_or_create_demo(data_dir, args.demo_cases)
    if not StorePaths(data_dir).exists():
        from .setup.setup_wizard import SetupWizard

        wizard = SetupWizard(data_dir)
        if wizard.exec() != QDialog.Accepted or wizard.store is None:
            return None, "", ""
        return wizard.store, wizard.done_message(), wizard.admin_username
    return open_existing(data_dir), "", ""


if __name__ == "__main__":
    sys.exit(main())
