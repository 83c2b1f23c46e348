"""The Qt binding must not leak: PySide6 6.12.0 lost a reference to None on every call that returns
nothing, so a long working day at the desk ended in an abort (none_dealloc)."""
import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_do_not_leak_none(qtbot) -> None:  # noqa: ANN001
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("幸福号")
    assert abs(sys.getrefcount(None) - before) < 50
