"""Runs core work off the UI thread and hands results back on it.

Usage: `tasks.run(fn, args..., on_done=..., on_error=...)`. `fn` runs in a pool thread;
callbacks run on the UI thread. Long work can report progress and be cancelled through
the `Progress` object passed as its `progress` keyword.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import threading
from typing import Any, Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from .i18n import tr


class _UiThreadGarbageCollector:
    """Python's cyclic garbage collector runs in whichever thread allocates when a threshold trips.
    In a pool thread it may destroy Qt widgets caught in reference cycles there, off the UI thread:
    a crash (seen as a segfault "Garbage-collecting" inside orgunits.list_units on a worker). So
    while Python threads work beside Qt, automatic collection is off and the UI thread collects on
    a timer, generation by generation as Python would (Anki's desktop client does the same)."""

    INTERVAL_MS = 250

    def __init__(self) -> None:
        self.users = 0
        self.was_enabled = True
        self.timer: QTimer | None = None

    def acquire(self) -> None:
        self.users += 1
        if self.users > 1:
            return
        self.was_enabled = gc.isenabled()
        gc.disable()
        app = QCoreApplication.instance()
        if app is not None:
            self.timer = QTimer(app)
            self.timer.setInterval(self.INTERVAL_MS)
            self.timer.timeout.connect(self.collect)
            self.timer.start()

    def release(self, *_args: object) -> None:
        self.users = max(0, self.users - 1)
        if self.users:
            return
        if self.timer is not None:
            self.timer.stop()
            self.timer.deleteLater()
            self.timer = None
        self.collect()
        if self.was_enabled:
            gc.enable()

    @staticmethod
    def collect() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] < thresholds[0]:
            return
        generation = 2 if counts[2] >= thresholds[2] else 1 if counts[1] >= thresholds[1] else 0
        gc.collect(generation)


_collector = _UiThreadGarbageCollector()


@contextlib.contextmanager
def ui_thread_gc() -> Iterator[None]:
    """Around work in another Python thread started from the UI thread (see _UiThreadGarbageCollector)."""
    _collector.acquire()
    try:
        yield
    finally:
        _collector.release()


class Progress:
    """Given to long work: `if not progress(done, total): stop`."""

    def __init__(self, runner: "TaskRunner", task_id: int) -> None:
        self._runner, self._id = runner, task_id
        self.cancelled = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        self._runner.sig_progress.emit(self._id, done, total)
        return not self.cancelled.is_set()


class TaskRunner(QObject):
    sig_result = Signal(int, bool, object)
    """(task id, succeeded, result or exception) — emitted from the worker thread."""
    sig_progress = Signal(int, int, int)
    """(task id, done, total)."""
    sig_busy = Signal(bool)
    """True while any task is running (for a status-bar spinner)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]] = {}
        self._dialogs: dict[int, QProgressDialog] = {}
        self.sig_result.connect(self._deliver, Qt.QueuedConnection)
        self.sig_progress.connect(self._show_progress, Qt.QueuedConnection)
        _collector.acquire()  # garbage is collected on the UI thread while this runner's threads exist
        self.destroyed.connect(_collector.release)

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, progress_label: str | None = None,
            parent: QWidget | None = None, **kwargs: Any) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        if progress_label is not None:
            progress = Progress(self, task_id)
            kwargs["progress"] = progress
            dialog = QProgressDialog(progress_label, tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(progress.cancelled.set)
            self._dialogs[task_id] = dialog
        if len(self._callbacks) == 1:
            self.sig_busy.emit(True)

        def work() -> None:
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to the error presenter
                self.sig_result.emit(task_id, False, exc)
            else:
                self.sig_result.emit(task_id, True, result)

        self.pool.start(work)
        return task_id

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        dialog = self._dialogs.pop(task_id, None)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        if not self._callbacks:
            self.sig_busy.emit(False)
        if ok:
            if on_done:
                on_done(payload)
        elif on_error:
            on_error(payload)  # type: ignore[arg-type]
        else:
            from .errors import present_error

            present_error(None, payload)  # type: ignore[arg-type]

    @Slot(int, int, int)
    def _show_progress(self, task_id: int, done: int, total: int) -> None:
        dialog = self._dialogs.get(task_id)
        if dialog is not None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, total))

    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait_idle(self, timeout_ms: int = 30_000) -> None:
        """For tests and shutdown: let running work finish."""
        self.pool.waitForDone(timeout_ms)
