"""Screenshots of every screen, to look at: `python -m ui.screenshots OUTDIR [--cases N]`.

Saves PNGs (names sort in the order a user meets the screens) of the setup wizard's pages, the
login, password change and unlock dialogs, every navigation page of one demo user per role (the
first page is the role's home), the case list at N cases (default 100,000), every tab of a case
view, the party dialog with errors, the print preview and batch print dialogs, the lock screen and
the administration dialogs; then the same few screens again at 200 % (a second process with QT_SCALE_FACTOR=2) under OUTDIR/200pct.

Pages, roles and case tabs are discovered (`window.specs`, the demo store's users, `view.tabs`),
so screens added later are captured without editing this script. Run it under Xvfb, e.g.
`xvfb-run -a -s "-screen 0 1600x1000x24" python -m ui.screenshots /tmp/shots --cases 2000`;
without a display it uses Qt's offscreen platform. The demo store is built once per case count
(in the temp folder, or --store DIR) and reused by later runs.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

SECTIONS = ("wizard", "login", "unlock", "roles", "caselist", "caseview", "printing", "lock", "admin")
SCALED_SECTIONS = ("wizard", "login", "unlock", "caselist", "caseview", "printing", "lock")
ROLE_ORDER = ("reception", "mediator", "counsellor", "station_admin", "supervisor", "system_admin", "auditor")
WINDOW_SIZE = (1400, 860)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ui.screenshots", description="保存各界面的截图（PNG）")
    p.add_argument("outdir", type=Path)
    p.add_argument("--cases", type=int, default=100_000, help="演示数据的案件数（默认 100000）")
    p.add_argument("--store", type=Path, help="演示数据存储的文件夹（默认：临时文件夹，按案件数复用）")
    p.add_argument("--scale", type=float, default=1.0, help="界面缩放（QT_SCALE_FACTOR），默认 1")
    p.add_argument("--sections", default=",".join(SECTIONS), help="只截这些部分（逗号分隔）：" + ",".join(SECTIONS))
    p.add_argument("--no-scaled", action="store_true", help="不另存 200%% 缩放的截图")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "1"
    args.outdir.mkdir(parents=True, exist_ok=True)
    store_dir = args.store or Path(tempfile.gettempdir()) / f"fulian-screenshots-demo-{args.cases}"
    sections = [s for s in args.sections.split(",") if s]
    shooter = Shooter(args.outdir, store_dir, args.cases, sections)
    code = shooter.run()
    if args.scale == 1 and not args.no_scaled:
        print("200 %：", flush=True)
        scaled = subprocess.run([sys.executable, "-m", "ui.screenshots", str(args.outdir / "200pct"),
                                 "--cases", str(args.cases), "--store", str(store_dir), "--scale", "2",
                                 "--sections", ",".join(s for s in SCALED_SECTIONS if s in sections)])
        code = code or scaled.returncode
    return code


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"


class Shooter:
    def __init__(self, outdir: Path, store_dir: Path, cases: int, sections: list[str]) -> None:
        self.outdir, self.store_dir, self.cases, self.sections = outdir, store_dir, cases, sections
        self.saved: list[Path] = []
        self.failures: list[str] = []
        self.store = None
        self.settings_dir = tempfile.TemporaryDirectory(prefix="fulian-screenshots-settings-")

    # --- plumbing --------------------------------------------------------------------------------
    def run(self) -> int:
        from PySide6.QtCore import QSettings

        from .app import make_application

        # Remembered filters, column widths and geometry: a fresh set, never the user's own.
        for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
            QSettings.setPath(fmt, QSettings.UserScope, self.settings_dir.name)
        self.app = make_application()
        from .errors import messages

        messages.auto_answer = True  # a message box never blocks the run; it is recorded instead
        for section in self.sections:
            started = time.perf_counter()
            self._attempt(section, getattr(self, f"shoot_{section}"))
            print(f"  {section}: {time.perf_counter() - started:.1f} s", flush=True)
        if self.store is not None:
            self.wait_idle()
            self.store.close()
        print(f"{len(self.saved)} 张截图保存在 {self.outdir}", flush=True)
        for failure in self.failures:
            print("失败：" + failure, file=sys.stderr)
        if messages.recorded:
            print("程序显示过的消息：", *(f"  {t}：{m}" for t, m in messages.recorded), sep="\n")
        return 1 if self.failures else 0

    def _attempt(self, what: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - one broken screen must not stop the others
            self.failures.append(f"{what}\n{traceback.format_exc()}")

    def busy(self) -> bool:
        from .tasks import TaskRunner

        return any(runner.busy() for top in self.app.topLevelWidgets() for runner in top.findChildren(TaskRunner))

    def pump(self, ms: int = 30) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, condition: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("界面在限定时间内没有就绪")
            self.pump()

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Until no background work has run for a few rounds (a repaint may ask for more rows)."""
        deadline = time.perf_counter() + timeout
        quiet = 0
        while quiet < 4 and time.perf_counter() < deadline:
            self.pump()
            quiet = 0 if self.busy() else quiet + 1

    def save(self, name: str, widget) -> Path:  # noqa: ANN001
        """Settle, paint once (painting asks lazy models for their rows), settle, then grab."""
        widget.grab()
        self.wait_idle()
        path = self.outdir / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"无法保存 {path}")
        self.saved.append(path)
        print(f"  {path.name}", flush=True)
        return path

    def show(self, widget, size: tuple[int, int] | None = None):  # noqa: ANN001, ANN201
        if size:
            widget.resize(*size)
        widget.show()
        widget.raise_()
        self.wait_until(widget.isVisible)
        self.wait_idle()
        return widget

    # --- the demo store ----------------------------------------------------------------------------
    def demo_store(self):  # noqa: ANN201
        if self.store is not None:
            return self.store
        from sqlalchemy import func, select

        from fulian_demo import generate_demo
        from fulian_desktop.store.models import Case
        from fulian_desktop.store.paths import StorePaths
        from fulian_desktop.store.store import create_store

        from .demo_store import DEMO_KDF, DEMO_PASSPHRASE, DEMO_SEED, open_demo

        if StorePaths(self.store_dir).exists():
            store = open_demo(self.store_dir)
            with store.uow() as uow:
                have = uow.s.execute(select(func.count()).select_from(Case)).scalar_one()
            if have >= self.cases:
                self.store = store
                return store
            store.close()
            raise RuntimeError(f"{self.store_dir} 只有 {have} 件案件，请删除该文件夹或另指定 --store")
        print(f"正在生成演示数据存储（{self.cases:,} 件案件）：{self.store_dir}", flush=True)
        store = create_store(self.store_dir, passphrase=DEMO_PASSPHRASE, use_keyring=False, demo=True,
                             kdf=DEMO_KDF).store

        step = max(1, self.cases // 10)

        def progress(done: int, total: int) -> bool:
            if done == total or done // step != (done - 500) // step:
                print(f"  {done:,}/{total:,}", flush=True)
            return True

        generate_demo(store, cases=self.cases, seed=DEMO_SEED, progress=progress)
        self.store = store
        return store

    def users_by_role(self) -> list[tuple[str, str]]:
        """(role, username): the first active demo user of each role, district users first."""
        from sqlalchemy import case, select

        from fulian_desktop.store.models import OrgUnit, UserAccount

        tier_rank = case({"district": 0, "town": 1, "village": 2}, value=OrgUnit.tier, else_=3)
        with self.demo_store().uow() as uow:
            rows = uow.s.execute(select(UserAccount.role, UserAccount.username)
                                 .join(OrgUnit, OrgUnit.id == UserAccount.owner_unit_id)
                                 .where(UserAccount.active.is_(True), UserAccount.deleted_at.is_(None))
                                 .order_by(tier_rank, UserAccount.username)).all()
        first: dict[str, str] = {}
        for role, username in rows:
            first.setdefault(role, username)
        order = {role: i for i, role in enumerate(ROLE_ORDER)}
        return sorted(first.items(), key=lambda item: order.get(item[0], len(order)))

    def village_user(self) -> str | None:
        from sqlalchemy import func, select

        from fulian_desktop.store.models import Case, OrgUnit, UserAccount

        with self.demo_store().uow() as uow:
            return uow.s.execute(
                select(UserAccount.username).join(OrgUnit, OrgUnit.id == UserAccount.owner_unit_id)
                .join(Case, Case.owner_unit_id == OrgUnit.id).where(OrgUnit.tier == "village")
                .group_by(UserAccount.id).order_by(func.count(Case.id).desc()).limit(1)).scalar()

    def window_for(self, username: str):  # noqa: ANN201
        from fulian_demo import DEMO_PASSWORD
        from fulian_desktop.services.accounts import auth

        from .app import build_main_window

        store = self.demo_store()
        window = build_main_window(store, auth.login(store, username, DEMO_PASSWORD))
        return self.show(window, WINDOW_SIZE)

    def close_window(self, window) -> None:  # noqa: ANN001
        self.wait_idle()
        window.idle_watcher.timer.stop()
        window.close()
        window.deleteLater()
        self.pump()

    def go_to(self, window, key: str):  # noqa: ANN001, ANN201
        """Show a navigation page as a click on it does; wait for its data."""
        row = [spec.key for spec in window.specs].index(key)
        window.nav.setCurrentRow(row)
        if window.nav.currentRow() == row and window.tabs.currentWidget() is not window.page(key):
            window.show_page(row)
        page = window.page(key)
        self.wait_until(lambda: page is not None and page.isVisible())
        self.wait_idle()
        return page

    # --- sections ----------------------------------------------------------------------------------
    def shoot_wizard(self) -> None:
        from PySide6.QtWidgets import QCheckBox, QWizard

        from fulian_desktop.security.keyring_vault import KeyringVault

        from .demo_store import DEMO_KDF
        from .setup.setup_wizard import SetupWizard

        class NoKeyring(KeyringVault):  # this machine has no keyring: the passphrase page shows its fields
            def backend(self):  # noqa: ANN202
                return None

        folder = tempfile.TemporaryDirectory(prefix="fulian-screenshots-wizard-")
        wizard = SetupWizard(Path(folder.name) / "fulian-desktop", vault=NoKeyring(), kdf=DEMO_KDF)
        self.show(wizard)
        self.save("01-wizard-1-welcome", wizard)
        wizard.next()
        org = wizard.org_page
        for town, villages in (("高塘岭街道", ["郭亮村", "新康村", "高塘岭社区"]), ("白沙洲街道", ["马桥河社区"]),
                               ("乔口镇", ["柳林村", "团头湖村"])):
            item = org.add_town(town)
            for village in villages:
                org.add_village(item, village)
        org.tree.expandAll()
        self.save("01-wizard-2-org", wizard)
        wizard.next()
        admin = wizard.admin_page
        admin.name.setText("张敏")
        admin.password.setText("short")
        admin.again.setText("shorter")
        admin.validatePage()
        self.save("01-wizard-3-admin-errors", wizard)
        admin.password.setText("Admin-Start-1")
        admin.again.setText("Admin-Start-1")
        wizard.next()
        supervisor = wizard.supervisor_page
        supervisor.name.setText("李芳")
        supervisor.password.setText("Dudao-Start-2")
        supervisor.again.setText("Dudao-Start-2")
        wizard.next()
        self.wait_until(lambda: wizard.protection_page.keyring_available is not None)
        self.save("01-wizard-4-protection", wizard)
        wizard.protection_page.passphrase.setText("望城妇联 口令 2026!")
        wizard.protection_page.again.setText("望城妇联 口令 2026!")
        wizard.next()
        self.save("01-wizard-5-create", wizard)
        wizard.next()  # the commit page starts creating; it moves on by itself when done
        self.wait_until(lambda: wizard.currentPage() is wizard.recovery_page)
        self.save("01-wizard-6-recovery-code", wizard)
        wizard.findChild(QCheckBox, "recovery_saved").setChecked(True)
        wizard.button(QWizard.FinishButton).click()
        self.wizard_store = wizard.store
        self.wizard_folder = folder

    def shoot_login(self) -> None:
        from fulian_desktop.services.accounts import auth

        from .demo_store import DEMO_NOTE, DEMO_USERNAME
        from .accounts.login import ChangePasswordDialog, LoginDialog

        store = getattr(self, "wizard_store", None)
        if store is not None:  # the first login after the wizard, then the forced password change
            dialog = self.show(LoginDialog(store, note="数据存储已创建，请用刚才设置的管理员账号登录。", username="admin"))
            self.save("02-login-1-first-run", dialog)
            dialog.password.setText("wrong-password")
            dialog.try_login()
            self.save("02-login-2-wrong-password", dialog)
            dialog.close()
            actor = auth.login(store, "admin", "Admin-Start-1")
            change = self.show(ChangePasswordDialog(store, actor))
            change.old.setText("Admin-Start-1")
            change.new.setText("New-Secret-2")
            change.again.setText("New-Secret-3")
            change.try_change()
            self.save("02-login-3-forced-password-change", change)
            change.close()
        dialog = self.show(LoginDialog(self.demo_store(), note=DEMO_NOTE, username=DEMO_USERNAME))
        self.save("02-login-4-demo", dialog)
        dialog.close()

    def shoot_unlock(self) -> None:
        from .accounts.unlock import UnlockDialog

        folder = getattr(self, "wizard_folder", None)
        data_dir = Path(folder.name) / "fulian-desktop" if folder else self.store_dir
        if getattr(self, "wizard_store", None) is not None:
            self.wizard_store.close()
            self.wizard_store = None
        dialog = self.show(UnlockDialog(data_dir, "系统钥匙串中没有此数据存储的密钥，请输入口令打开。"))
        self.save("03-unlock-1-passphrase", dialog)
        dialog.secret.setText("not the passphrase")
        dialog.try_open()
        self.save("03-unlock-2-wrong-passphrase", dialog)
        dialog.toggle.click()
        self.save("03-unlock-3-recovery-code", dialog)
        dialog.close()

    def shoot_roles(self) -> None:
        """Every navigation page of one user per role; the first page is the role's home."""
        for r, (role, username) in enumerate(self.users_by_role(), start=1):
            window = self.window_for(username)
            try:
                for p, spec in enumerate(window.specs):
                    # _attempt calls the lambda at once: the loop variables are still the current ones.
                    self._attempt(f"{role} {spec.key}", lambda p=p, spec=spec: self.save(
                        f"1{r}-{_slug(role)}-{p:02d}-{_slug(spec.key)}", self._page_shot(window, spec.key)))  # noqa: B023
            finally:
                self.close_window(window)

    def _page_shot(self, window, key: str):  # noqa: ANN001, ANN201
        self.go_to(window, key)
        return window

    def shoot_caselist(self) -> None:
        window = self.window_for("dudao")
        try:
            page = self.go_to(window, "unit_cases")
            self.wait_until(lambda: page.model.rowCount() > 0 and page.model.row_at(0) is not None)
            self.save(f"20-case-list-1-{self.cases}", window)
            middle = page.model.rowCount() // 2
            page.table.scrollTo(page.model.index(middle, 0))
            page.table.selectRow(middle)
            self.wait_until(lambda: page.model.row_at(middle) is not None)
            self.save("20-case-list-2-scrolled", window)
            page.status.setCurrentIndex(page.status.findText("办理中"))
            self.wait_idle()
            self.save("20-case-list-3-filtered", window)
            page.clear_filters()
            self.wait_idle()
            row = page.model.row_at(0)
            page.search.setText(row.title[:2] if row else "王")
            page.apply()
            self.wait_idle()
            self.save("20-case-list-4-search", window)
        finally:
            self.close_window(window)
        username = self.village_user()
        if username:
            window = self.window_for(username)
            try:
                self.go_to(window, "unit_cases")
                self.save("20-case-list-5-village-user", window)
            finally:
                self.close_window(window)

    def _rich_case(self) -> str:
        """A case with several parties and flags, so the view has something on every tab."""
        from sqlalchemy import func, select

        from fulian_desktop.store.models import Case, CaseEvent, CaseParty

        with self.demo_store().uow() as uow:
            events = (select(CaseEvent.case_id, func.count().label("n")).group_by(CaseEvent.case_id).subquery())
            return uow.s.execute(
                select(Case.id).join(CaseParty, CaseParty.case_id == Case.id).join(events, events.c.case_id == Case.id)
                .where(Case.domestic_violence.is_(True)).group_by(Case.id)
                .order_by(func.count(CaseParty.id).desc(), events.c.n.desc()).limit(1)).scalar_one()

    def shoot_caseview(self) -> None:
        window = self.window_for("dudao")
        try:
            window.open_case(self._rich_case())
            view = window.tabs.currentWidget()
            self.wait_until(lambda: view.detail is not None)
            for i in range(view.tabs.count()):
                view.tabs.setCurrentIndex(i)
                tab = view.tabs.widget(i)
                name = type(tab.ensure_built() if hasattr(tab, "ensure_built") else tab).__name__   # a LazyTab by its content
                self._attempt(f"case tab {i}", lambda i=i, name=name: self.save(
                    f"30-case-view-{i + 1:02d}-{_slug(name)}", window))
            view.tabs.setCurrentIndex(0)
            view.start_edit()
            self.save("31-case-view-editing", window)
            view.cancel_edit()
            self._attempt("party dialog", lambda: self._party_dialog(view))
        finally:
            self.close_window(window)

    def _party_dialog(self, view) -> None:  # noqa: ANN001
        party = next(p for p in view.parties.model.parties if not p.redacted and p.id_number)
        view.edit_party(party)
        self.wait_until(lambda: view.party_dialog is not None and view.party_dialog.isVisible())
        dialog = view.party_dialog
        self.save("32-party-dialog-1", dialog)
        number = dialog.id_number.text()
        dialog.id_number.setText(number[:-1] + ("1" if number[-1] != "1" else "2"))
        dialog.phone.setText("1380731")
        dialog.name.clear()
        self.save("32-party-dialog-2-errors", dialog)
        dialog.reject()
        self.pump()

    def shoot_printing(self) -> None:
        """The 打印/导出 preview of a case (its first paper rendered) and the case list's 批量打印 dialog."""
        from PySide6.QtWidgets import QPushButton

        window = self.window_for("dudao")
        try:
            window.open_case(self._rich_case())
            view = window.tabs.currentWidget()
            self.wait_until(lambda: view.detail is not None)
            view.print_button.click()
            dialog = view.document_dialog
            self.wait_until(lambda: dialog.document.pageCount() > 0)
            self.save("33-print-preview", dialog)
            dialog.close()
            page = self.go_to(window, "unit_cases")
            self.wait_until(lambda: page.model.rowCount() > 0)
            page.findChild(QPushButton, "case_list_batch_print").click()
            self.save("34-batch-print", self.show(page.batch_dialog))
            page.batch_dialog.close()
        finally:
            self.close_window(window)

    def shoot_lock(self) -> None:
        mediator = next((u for role, u in self.users_by_role() if role == "mediator"), "dudao")
        window = self.window_for(mediator)
        try:
            self.go_to(window, "unit_cases")
            window.lock()
            self.save("40-lock-screen-1", window)
            window.lock_screen.password.setText("wrong-password")
            window.lock_screen.try_unlock()
            self.save("40-lock-screen-2-wrong-password", window)
        finally:
            self.close_window(window)

    def shoot_admin(self) -> None:
        """Administration pages with their dialogs open (the pages themselves are in the role section)."""
        admin = next((u for role, u in self.users_by_role() if role == "system_admin"), None)
        if admin is None:
            return
        window = self.window_for(admin)
        try:
            keys = [spec.key for spec in window.specs]
            if "users" in keys:
                page = self.go_to(window, "users")
                self.wait_until(lambda: page.table.rowCount() > 0)
                page.table.selectRow(0)
                self.save("50-admin-1-users", window)
                dialog = page.open_add_dialog()
                self.show(dialog)
                self.save("50-admin-2-add-user", dialog)
                dialog.reject()
            if "units" in keys:
                page = self.go_to(window, "units")
                self.wait_until(lambda: bool(page.units))
                page.tree.expandToDepth(0)
                town = page.tree.topLevelItem(0).child(0)
                if town is not None:
                    page.tree.setCurrentItem(town)
                self.save("50-admin-3-units", window)
                dialog = page.open_add_village()
                if dialog is not None:
                    self.show(dialog)
                    self.save("50-admin-4-add-village", dialog)
                    dialog.reject()
            if "settings" in keys:
                self.go_to(window, "settings")
                self.save("50-admin-5-settings", window)
        finally:
            self.close_window(window)


if __name__ == "__main__":
    sys.exit(main())
