"""Runs core work off the UI thread and hands results back on it.

Usage: `tasks.run(fn, args..., on_done=..., on_error=...)`. `fn` runs in a pool thread;
callbacks run on the UI thread. Long work can report progress and be cancelled through
the `Progress` object passed as its `progress` keyword.

Two rules keep Qt objects from dying in a pool thread (a native crash, not a Python error):
- Python's cyclic collector does not run in a pool thread while work is in flight (see
  _UiThreadGarbageCollector);
- the pool thread never holds the last reference to anything it was given or made: the work, its
  arguments and its result or exception are handed to the UI thread, which drops them (a bound
  method of a closed dialog, for one, would otherwise delete that dialog in the pool thread). The
  thread reports to a relay that lives as long as the application, never to the runner, which a
  closing window may be deleting at that very moment.
"""
from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import threading
import weakref
from typing import Any, Callable, Iterator

import shiboken6
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


class _Job:
    """One piece of work between the UI thread and a pool thread. Only the UI thread empties it."""

    __slots__ = ("runner_key", "task_id", "call", "ok", "payload")

    def __init__(self, runner_key: int, task_id: int, call: tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]) -> None:
        self.runner_key, self.task_id, self.call = runner_key, task_id, call
        self.ok = False
        self.payload: object = None


def _work(job: _Job) -> None:
    """In a pool thread. Its own references are gone before the relay hears of the job."""
    fn, args, kwargs = job.call
    try:
        job.payload, job.ok = fn(*args, **kwargs), True
    except BaseException as exc:  # noqa: BLE001 - handed to the error presenter
        job.payload, job.ok = exc, False
    del fn, args, kwargs
    _relay.finished(job)


class _Relay(QObject):
    """Carries finished work and progress from pool threads to the UI thread. Created once, on the UI
    thread, and never deleted, so a pool thread always has a live object to signal."""

    sig_wake = Signal()
    sig_progress = Signal(int, int, int, int)
    """(runner key, task id, done, total)."""

    def __init__(self) -> None:
        super().__init__()
        self.done: collections.deque[_Job] = collections.deque()   # append/popleft are atomic
        self.runners: weakref.WeakValueDictionary[int, TaskRunner] = weakref.WeakValueDictionary()
        self.keys = itertools.count(1)
        self.sig_wake.connect(self._drain, Qt.QueuedConnection)
        self.sig_progress.connect(self._progress, Qt.QueuedConnection)

    def finished(self, job: _Job) -> None:  # pool thread
        self.done.append(job)
        self.sig_wake.emit()

    @Slot()
    def _drain(self) -> None:
        while self.done:
            job = self.done.popleft()
            call, ok, payload = job.call, job.ok, job.payload
            job.call, job.payload = None, None  # type: ignore[assignment]
            runner = self._runner(job.runner_key)
            try:
                if runner is not None:
                    runner._deliver(job.task_id, ok, payload)
            finally:
                del call, payload   # dropped here, on the UI thread, whatever the callback did
                _collector.release()

    @Slot(int, int, int, int)
    def _progress(self, runner_key: int, task_id: int, done: int, total: int) -> None:
        runner = self._runner(runner_key)
        if runner is not None:
            runner._show_progress(task_id, done, total)

    def _runner(self, key: int) -> "TaskRunner | None":
        runner = self.runners.get(key)
        return runner if runner is not None and shiboken6.isValid(runner) else None


_relay: _Relay


def _the_relay() -> _Relay:
    global _relay
    try:
        return _relay
    except NameError:
        _relay = _Relay()
        return _relay


class Progress:
    """Given to long work: `if not progress(done, total): stop`."""

    def __init__(self, runner_key: int, task_id: int) -> None:
        self._key, self._id = runner_key, task_id
        self.cancelled = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        _relay.sig_progress.emit(self._key, self._id, done, total)
        return not self.cancelled.is_set()


def _callback_alive(callback: Callable[..., Any] | None) -> bool:
    """False when the callback belongs to a Qt object already deleted: a method of a page, or a lambda that
    captured one (its closure's Qt objects)."""
    if callback is None:
        return True
    owners = [getattr(callback, "__self__", None)]
    owners += [_contents(cell) for cell in getattr(callback, "__closure__", None) or ()]
    return all(shiboken6.isValid(owner) for owner in owners if isinstance(owner, QObject))


def _contents(cell: Any) -> Any:
    try:
        return cell.cell_contents
    except ValueError:      # a closure variable not yet bound
        return None


def _dropped(_payload: object) -> None:
    """Stands in for the callbacks of a closed window."""


class TaskRunner(QObject):
    sig_busy = Signal(bool)
    """True while any task is running (for a status-bar spinner)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        relay = _the_relay()
        self._key = next(relay.keys)
        relay.runners[self._key] = self
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]] = {}
        self._dialogs: dict[int, QProgressDialog] = {}
        _collector.acquire()  # and for the runner's life: threads it started may still be winding down
        self.destroyed.connect(_collector.release)

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, progress_label: str | None = None,
            parent: QWidget | None = None, **kwargs: Any) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        if progress_label is not None:
            progress = Progress(self._key, task_id)
            kwargs["progress"] = progress
            dialog = QProgressDialog(progress_label, tr("取消"), 0, 0, parent)
            dialog.setWindowTitle(tr("请稍候"))
            dialog.setWindowModality(Qt.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(progress.cancelled.set)
            self._dialogs[task_id] = dialog
        if len(self._callbacks) == 1:
            self.sig_busy.emit(True)
        job = _Job(self._key, task_id, (fn, args, kwargs))
        _collector.acquire()   # released on the UI thread once the job is delivered (or its runner is gone)
        self.pool.start(lambda: _work(job))
        return task_id

    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        if not (_callback_alive(on_done) and _callback_alive(on_error)):
            # The window that asked has closed (a session's runner outlives its pages): its answer is dropped,
            # as a runner's own deletion drops it. Calling it would reach deleted widgets.
            on_done = on_error = _dropped
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
