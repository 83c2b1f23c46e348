"""Callbacks from background work that may arrive after their widget was closed (a case tab shut
while it was loading): drop them instead of touching a deleted C++ object."""
from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        if shiboken6.isValid(owner):
            return fn(*args)
        return None

    return call
