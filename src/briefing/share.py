"""Independent jobs shared out between this process and forked copies of it.

For work that is all computing, with its libraries already imported, such as
drawing several charts once matplotlib is loaded: a fork shares the imported
libraries at no cost, and each process takes the next job as soon as it is
free, so one long job and several short ones still end together.

A copy only helps. Each job is marked done when it succeeds; any job a copy
could not finish (it failed, or was stopped) is run again here, so its error
is raised where the caller can report it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence


def share_out(jobs: Sequence[Callable[[], object]], processes: int) -> None:
    """Run every job, here and in up to processes - 1 forked copies of this process.

    Put the longest jobs first: each process takes them in order.
    """
    copies = min(processes, len(jobs)) - 1
    if copies < 1 or not hasattr(os, "fork"):
        for job in jobs:
            job()
        return
    board = _Board(len(jobs))
    children = []
    try:
        for _ in range(copies):
            pid = os.fork()
            if pid == 0:
                _copy(jobs, board)  # never returns
            children.append(pid)
        _work(jobs, board)
    except BaseException:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        raise
    finally:
        for pid in children:
            os.waitpid(pid, 0)
    for index, job in enumerate(jobs):
        if not board.is_done(index):
            job()  # a copy failed at it: here its error, if any, reaches the caller


class _Board:
    """Shared memory, seen by the forked copies as by this process: the next job to take, and
    which jobs are done."""

    def __init__(self, count: int):
        self.count = count
        self._next = multiprocessing.Value("i", 0)
        self._done = multiprocessing.Array("b", count, lock=False)

    def take(self) -> int | None:
        """The index of a job no process has taken yet, if any."""
        with self._next.get_lock():
            index = self._next.value
            self._next.value += 1
        return index if index < self.count else None

    def mark_done(self, index: int) -> None:
        self._done[index] = 1

    def is_done(self, index: int) -> bool:
        return bool(self._done[index])


def _work(jobs: Sequence[Callable[[], object]], board: _Board) -> None:
    while (index := board.take()) is not None:
        jobs[index]()
        board.mark_done(index)


def _copy(jobs: Sequence[Callable[[], object]], board: _Board) -> None:
    """A forked copy's life: work until no job is left, then end without running this process's
    exit handlers (they belong to the process it was copied from)."""
    status = 1
    try:
        _work(jobs, board)
        status = 0
    except BaseException:  # noqa: BLE001, S110 - the job is left undone, and redone by the parent
        pass
    finally:
        os._exit(status)
