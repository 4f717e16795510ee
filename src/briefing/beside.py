"""Work done in a process forked beside this one, so two cores share a build.

The child is forked as soon as the build starts and imports its libraries
while this process is still reading and validating the outline; it is then
given its work, pickled, and only the result comes back. Where the platform
cannot fork (or there is one core), or when asked not to, the work simply
runs in this process when its result is first asked for.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Generic, Self, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    def __init__(self, modules: tuple[str, ...] = (), fork: bool = True, nice: int = 0):
        """Fork now and import `modules` there; fork=False: run the work here when its result is asked for.

        nice: how much lower the child's CPU priority is (os.nice), for work that can wait.
        """
        self._work: Callable[[], T] | None = None
        self._done: tuple[T] | None = None  # the result, once there is one
        self._process: multiprocessing.process.BaseProcess | None = None
        self.forked = fork and (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
        if not self.forked:
            return
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe(duplex=True)
        # A daemon: if this process is stopped, the child goes with it.
        self._process = context.Process(target=_serve, args=(modules, nice, theirs, self._connection),
                                        daemon=True)
        self._process.start()
        theirs.close()  # the child holds its end now

    def give(self, work: Callable[[], T]) -> None:
        """The work to do: a picklable callable (a module-level function, or a partial of one)."""
        self._work = work
        if self._process is not None:
            self._connection.send(work)

    def result(self) -> T:
        """The work's result (the same one when asked again); an exception it raised is raised here."""
        if self._done is None:
            self._done = (self._result(),)
        return self._done[0]

    def _result(self) -> T:
        if self._process is None:
            assert self._work is not None, "result() before give()"
            return self._work()
        try:
            message = self._connection.recv()
        except EOFError:
            message = None  # it ended without sending one
        finally:
            self._process.join(timeout=1)  # it exits once it has sent its result (at once, if it died)
            exit_status = self._process.exitcode
            self.close()
        if message is None:
            raise RuntimeError(f"a build process ended without a result (exit status {exit_status})")
        succeeded, value = message
        if not succeeded:
            raise value
        return value

    def close(self) -> None:
        """End the child: it has ended itself once its result came; otherwise the build failed
        before it needed the result. A child still at work is stopped as an interrupted build
        is (its temporary files removed); one never given work is simply killed."""
        if self._process is None:
            return
        self._connection.close()
        if self._process.is_alive():
            if self._work is None:
                self._process.kill()
            else:
                self._process.terminate()
        self._process.join()
        self._process = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _serve(modules: tuple[str, ...], nice: int, connection: Connection, parents_end: Connection) -> None:
    parents_end.close()  # else this process would hold the pipe open itself and never see it end
    if nice:
        os.nice(nice)
    # Ctrl-C is the parent's to handle: it ends this process, by SIGTERM, which unwinds the work
    # as an interrupt does, removing its temporary files, and ends it without a word.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _import_then_work(modules, connection)
    except KeyboardInterrupt:
        pass
    finally:
        connection.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _import_then_work(modules: tuple[str, ...], connection: Connection) -> None:
    for name in modules:
        # A module that fails to import fails the work too, which reports the error properly.
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    try:
        work = connection.recv()
    except EOFError:
        return  # the build ended without work for this process
    except Exception as error:  # noqa: BLE001 - work that cannot be unpickled here fails like any other
        outcome: tuple[bool, object] = (False, error)
    else:
        try:
            outcome = (True, work())
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent to report
            error.add_note(traceback.format_exc())  # shown by --debug
            outcome = (False, error)
    with contextlib.suppress(OSError):  # the parent may have given up on it
        connection.send(outcome)
