"""The paper register (来访登记簿) at the desk, for an office that keeps one (setting 本处登记簿): after each save
the day's register line is previewed and printed with one key (Enter), to paste into the book; and the whole
day's register is printed from the desk's footer (当日登记簿)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from fulian_desktop.documents.api import PrintPurpose, render_day_register, render_register_line
from fulian_desktop.services.intake.desk_register import keeps_paper_register

from ..i18n import tr
from ..session import AppSession
from .receipt_dialog import DeskPrintDialog, PrinterFactory


def paper_register_kept(session: AppSession) -> bool:
    """Whether this office keeps a paper register (read when a contact is saved: the setting may change)."""
    with session.store.uow() as uow:
        return keeps_paper_register(uow)


class RegisterLineDialog(DeskPrintDialog):
    """The line of the day's register for the contact just saved (its 序号 of the day)."""

    def __init__(self, session: AppSession, intake_id: str, printer_factory: PrinterFactory | None = None,
                 parent: QWidget | None = None) -> None:
        self.intake_id = intake_id
        super().__init__(session, "register_line", tr("当日登记簿：本次登记"), tr("打印登记簿这一行(&P)（回车）"),
                         f"来访登记簿-{intake_id[:8]}.pdf", printer_factory, parent)

    def render_call(self, purpose: PrintPurpose) -> tuple[Callable[..., bytes], tuple]:
        return render_register_line, (self.intake_id,)

    def preferred_size(self) -> QSize:
        return QSize(820, 320)

    def waiting_text(self) -> str:
        return tr("正在生成登记簿的这一行…")

    def ready_text(self, pages: int) -> str:
        return tr("按回车打印这一行，贴入本处纸质登记簿。")

    def failed_text(self) -> str:
        return tr("登记簿的这一行未能生成。")


class DayRegisterDialog(DeskPrintDialog):
    """当日登记簿: every contact of the day at this office."""

    def __init__(self, session: AppSession, day: date, printer_factory: PrinterFactory | None = None,
                 parent: QWidget | None = None) -> None:
        self.day = day
        super().__init__(session, "day_register", tr("当日登记簿 {day}").format(day=day.isoformat()),
                         tr("打印当日登记簿(&P)（回车）"), f"来访登记簿-{day.isoformat()}.pdf", printer_factory, parent)

    def render_call(self, purpose: PrintPurpose) -> tuple[Callable[..., bytes], tuple]:
        return render_day_register, (self.day,)

    def preferred_size(self) -> QSize:
        return QSize(1000, 760)

    def waiting_text(self) -> str:
        return tr("正在生成当日登记簿…")

    def ready_text(self, pages: int) -> str:
        return tr("按回车打印当日登记簿（共 {pages} 页）。").format(pages=pages)

    def failed_text(self) -> str:
        return tr("当日登记簿未能生成。")


__all__ = ["DayRegisterDialog", "RegisterLineDialog", "paper_register_kept"]
