"""The user manual inside the program (F1): one Chinese HTML page per role in resources/manual/, with the common
chapters (login, locking, switching user on a shared desk PC, keys) in common.html, and screenshots in img/."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from fulian_desktop.domain.enums import Role

from .i18n import tr

MANUAL = Path(__file__).resolve().parent.parent / "resources" / "manual"


def manual_page(role: Role | None) -> Path:
    """The manual page of `role`; the common chapters for no role or a role without a page of its own."""
    page = MANUAL / f"{role.value}.html" if role is not None else MANUAL / "common.html"
    return page if page.is_file() else MANUAL / "common.html"


class ManualWindow(QDialog):
    def __init__(self, role: Role | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("幸福号 · 用户手册"))
        self.browser = QTextBrowser(objectName="manual_browser")
        self.browser.setOpenLinks(True)
        self.browser.setSearchPaths([str(MANUAL)])
        self.browser.setSource(QUrl.fromLocalFile(str(manual_page(role))))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 700)
