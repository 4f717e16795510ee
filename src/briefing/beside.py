"""One piece of work run in a forked process beside this one, so two cores share a build.

The deck needs nothing the document makes, so it is written in a child
process while this one draws the charts and writes the document. Forking
means the child starts with the outline and every import already in memory;
only the result crosses back, pickled. Where the platform cannot fork (or
there is one core), the work simply runs in this process when its result
is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    def __init__(self, work: Callable[[], T], fork: bool = True):
        """fork=False: run the work here, when its result is asked for (as where forking is impossible)."""
        self._work = work
        self._process: multiprocessing.process.BaseProcess | None = None
        if not fork or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # A daemon: if this process is stopped, the child goes with it.
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child holds the sending end now

    def result(self) -> T:
        """The work's result; an exception it raised is raised here."""
        if self._process is None:
            return self._work()
        try:
            succeeded, value = self._receive.recv()
        except EOFError:
            raise RuntimeError(f"a build process ended without a result (exit status {self._process.exitcode})") from None
        finally:
            self._receive.close()
            self._process.join()
        if not succeeded:
            raise value
        return value


def _run(work: Callable[[], object], send: Connection) -> None:
    try:
        send.send((True, work()))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent to report
        error.add_note(traceback.format_exc())  # shown by --debug
        send.send((False, error))
    finally:
        send.close()
