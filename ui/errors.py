"""The one place that turns an exception into a message for the user."""
from __future__ import annotations

import logging
import traceback
from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from fulian_desktop.domain.errors import ConflictError, FulianError, PermissionDenied, ValidationError
from fulian_desktop.domain.message_catalogue import identify

from .i18n import tr

log = logging.getLogger(__name__)


class MessageService:
    """Message boxes behind a small seam, so tests can read and answer them."""

    def __init__(self) -> None:
        self.recorded: list[tuple[str, str]] = []
        self.auto_answer: bool | None = None  # tests set this to skip the modal box

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.recorded.append((title, text))
        if self.auto_answer is None:
            QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.recorded.append((title, text))
        if self.auto_answer is None:
            QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, *, safe_default: bool = True) -> bool:
        """是/否; with `safe_default` (the rule) 否 is the default button, so Enter never confirms a destructive
        step by accident."""
        self.recorded.append((title, text))
        if self.auto_answer is not None:
            return self.auto_answer
        box = confirm_box(parent, title, text, safe_default=safe_default)
        return box.exec() == QMessageBox.StandardButton.Yes


def confirm_box(parent: QWidget | None, title: str, text: str, *, safe_default: bool = True) -> QMessageBox:
    """The question box `MessageService.confirm` shows (built apart so tests can read its buttons)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    default = QMessageBox.StandardButton.No if safe_default else QMessageBox.StandardButton.Yes
    box.setDefaultButton(default)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box


messages = MessageService()


def message_of(exc: FulianError) -> str:
    """A domain error's message in the user's language (see `translated`)."""
    return translated(exc.message)


def translated(message: str) -> str:
    """A sentence of the core in the user's language: its catalogue template (fulian_desktop/domain/
    error_catalogue.py) translated and filled with the values of the Chinese original; the original itself in the
    Chinese UI, or when the sentence is not from the catalogue."""
    found = identify(message)
    if found is None:
        return message
    text = tr(found.template)
    if text == found.template:
        return message
    # A value that is itself a marked text (a status, a role, a step) is shown in the same language.
    params = {name: _value(value, message) for name, value in found.params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return message


def _value(value: str, within: str) -> str:
    """A field's value in the user's language when it is a marked text, a list of them (受理、不予受理), or a
    sentence of the catalogue; otherwise (a name, a number, a date) as it is."""
    if not value or value == within:
        return value
    if "、" in value:
        return ", ".join(_value(part, within) for part in value.split("、"))
    text = tr(value)
    return text if text != value else translated(value)


def _title(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return tr("输入有误")
    if isinstance(exc, ConflictError):
        return tr("保存冲突")
    if isinstance(exc, PermissionDenied):
        return tr("无权操作")
    return tr("操作未完成")


def error_text(exc: BaseException, fallback: str) -> str:
    """The sentence to show inline (a status line, a "could not load" label) for `exc`: a domain error's
    own Chinese message, or `fallback` for anything else — whose details go to the log, never to the screen.
    The one place that decides this; callers never look at an exception's text."""
    if isinstance(exc, FulianError):
        return message_of(exc)
    log.error("unexpected error: %s", "".join(traceback.format_exception(exc)))
    return fallback


def domain_message(exc: BaseException, field: str | None = None) -> str | None:
    """A domain error's message, to show beside the line or field it names; None for an unexpected error
    (then `present_error`), and with `field`, None unless the error names that field."""
    if not isinstance(exc, FulianError):
        return None
    if field is not None and exc.field != field:
        return None
    return message_of(exc)


def present_error(parent: QWidget | None, exc: BaseException,
                  fallback: Callable[[BaseException], str] | None = None) -> None:
    """Domain errors carry their own Chinese message; anything else is logged, never shown raw."""
    if isinstance(exc, FulianError):
        messages.warn(parent, _title(exc), message_of(exc))
        return
    log.error("unexpected error: %s", "".join(traceback.format_exception(exc)))
    text = fallback(exc) if fallback else tr("程序遇到意外错误，本次操作未完成，数据未改变。详细信息已记入日志。")
    messages.warn(parent, tr("意外错误"), text)
