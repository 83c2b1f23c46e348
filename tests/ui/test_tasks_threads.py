"""Work run off the UI thread must never end a Qt object's life in the pool thread: Qt objects are
deleted only on the thread they live on, and a deletion anywhere else is a native crash, not an error.
(Seen as intermittent segfaults and aborts in the UI suite while pool threads were finishing.)"""
from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject

from ui import tasks
from ui.tasks import TaskRunner


class Probe(QObject):
    """Records on which thread its Python side dies."""

    def __init__(self, deaths: list[str]) -> None:
        super().__init__()
        self.deaths = deaths

    def slow(self, seconds: float = 0.3) -> str:
        time.sleep(seconds)
        return "done"

    def __del__(self) -> None:
        self.deaths.append(threading.current_thread().name)


UI_THREAD = threading.main_thread().name


def test_a_dialog_dropped_while_its_work_runs_dies_on_the_ui_thread(qtbot):  # noqa: ANN001
    runner = TaskRunner()
    deaths: list[str] = []
    results: list[str] = []
    probe = Probe(deaths)
    runner.run(probe.slow, on_done=results.append)   # the work is a bound method: it holds the probe
    del probe                                          # the window closes; only the work holds it now
    qtbot.waitUntil(lambda: results == ["done"], timeout=10_000)
    qtbot.waitUntil(lambda: bool(deaths), timeout=5_000)
    assert deaths == [UI_THREAD]
    shiboken6.delete(runner)


def test_results_and_errors_made_in_the_pool_die_on_the_ui_thread(qtbot):  # noqa: ANN001
    runner = TaskRunner()
    deaths: list[str] = []
    outcomes: list[str] = []

    def make() -> Probe:
        return Probe(deaths)

    def fail() -> None:
        raise ValueError(Probe(deaths))    # the error (and its traceback) carries a Qt object

    runner.run(make, on_done=lambda probe: outcomes.append("made"))
    runner.run(fail, on_error=lambda exc: outcomes.append("failed"))
    qtbot.waitUntil(lambda: sorted(outcomes) == ["failed", "made"], timeout=10_000)
    qtbot.waitUntil(lambda: len(deaths) == 2, timeout=5_000)
    assert deaths == [UI_THREAD, UI_THREAD]
    shiboken6.delete(runner)


def test_a_runner_deleted_while_its_work_runs_drops_the_result_quietly(qtbot):  # noqa: ANN001
    users_before = tasks._collector.users
    runner = TaskRunner()
    deaths: list[str] = []
    delivered: list[object] = []
    probe = Probe(deaths)
    started = threading.Event()

    def work(probe: Probe, progress: tasks.Progress) -> Probe:
        started.set()
        time.sleep(0.2)
        progress(1, 2)           # reported after the runner is gone: nobody to show it to, no crash
        return probe

    runner.run(work, probe, on_done=delivered.append, progress_label="…")
    del probe                                 # only the work holds it now
    assert started.wait(5)
    runner.pool.setExpiryTimeout(-1)
    # A closing window deletes its runner; Qt waits for the pool's threads while the work still runs.
    shiboken6.delete(runner)
    qtbot.waitUntil(lambda: bool(deaths), timeout=10_000)
    assert deaths == [UI_THREAD]
    assert delivered == []                   # its window is gone: the result is not delivered
    qtbot.waitUntil(lambda: tasks._collector.users == users_before, timeout=5_000)  # automatic GC back as it was


def test_a_page_closed_before_its_answer_arrives_is_not_called(qtbot):  # noqa: ANN001
    """A session's runner outlives its pages: a page deleted while its read runs must not get the answer (its
    method, or a lambda holding it, would reach deleted widgets: "Internal C++ object already deleted" in the
    sync page's teardown)."""
    from PySide6.QtWidgets import QTableWidget, QWidget

    class Page(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.table = QTableWidget(self)
            self.rows: list[int] = []

        def loaded(self, n: int) -> None:
            self.table.setRowCount(n)
            self.rows.append(n)

    runner = TaskRunner()                      # the session's, not the page's
    answered: list[str] = []
    gone, open_page = Page(), Page()
    runner.run(time.sleep, 0.3, on_done=lambda _r: gone.loaded(3), on_error=lambda e: answered.append("error"))
    runner.run(time.sleep, 0.3, on_done=lambda _r: answered.append("other"))
    runner.run(time.sleep, 0.3, on_done=lambda _r: open_page.loaded(2))
    method_page = Page()
    runner.run(lambda: 4, on_done=method_page.loaded)
    shiboken6.delete(gone)                     # closed while its work runs
    shiboken6.delete(method_page)
    qtbot.waitUntil(lambda: answered == ["other"] and open_page.rows == [2], timeout=10_000)
    qtbot.wait(100)
    assert answered == ["other"] and open_page.rows == [2]
    shiboken6.delete(runner)
