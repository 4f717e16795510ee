"""Work done in a process forked beside this one, so two cores share a build.

The child is forked as soon as the build starts and imports its libraries
while this process is still reading and validating the outline; it is then
given its work, pickled, and only the result comes back. Where the platform
cannot fork (or there is one core), or when asked not to, the work simply
runs in this process when its result is first asked for.

Built on os.fork and two pipes rather than multiprocessing, whose import
alone took 12 ms before the first helper could be forked.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO, Generic, Self, TypeVar

T = TypeVar("T")

# This process's ends of every helper's pipes: a helper forked later closes its copies, so that
# each pipe ends when this process closes it.
_OUR_ENDS: set[int] = set()


class Beside(Generic[T]):
    def __init__(self, modules: tuple[str, ...] = (), fork: bool = True, nice: int = 0):
        """Fork now and import `modules` there; fork=False: run the work here when its result is asked for.

        nice: how much lower the child's CPU priority is (os.nice), for work that can wait.
        """
        self._work: Callable[[], T] | None = None
        self._done: tuple[T] | None = None  # the result, once there is one
        self._pid: int | None = None
        self.forked = fork and (os.cpu_count() or 1) >= 2 and hasattr(os, "fork")
        if not self.forked:
            return
        work_read, work_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(work_write)
            os.close(result_read)
            _serve(modules, nice, work_read, result_write)  # never returns
        os.close(work_read)
        os.close(result_write)
        self._pid = pid
        self._to_child: BinaryIO = open(work_write, "wb")  # noqa: SIM115 - closed by _wait()
        self._from_child: BinaryIO = open(result_read, "rb")  # noqa: SIM115 - closed by _wait()
        _OUR_ENDS.update((work_write, result_read))

    def give(self, work: Callable[[], T]) -> None:
        """The work to do: a picklable callable (a module-level function, or a partial of one)."""
        self._work = work
        if self._pid is not None:
            with contextlib.suppress(BrokenPipeError):  # it died: result() says so
                pickle.dump(work, self._to_child, pickle.HIGHEST_PROTOCOL)
                self._to_child.flush()

    def result(self) -> T:
        """The work's result (the same one when asked again); an exception it raised is raised here."""
        if self._done is None:
            self._done = (self._result(),)
        return self._done[0]

    def _result(self) -> T:
        if self._pid is None:
            assert self._work is not None, "result() before give()"
            return self._work()
        try:
            message = pickle.load(self._from_child)
        except EOFError:
            message = None  # it ended without sending one
        finally:
            exit_status = self._wait()  # it exits once it has sent its result (at once, if it died)
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
        if self._pid is None:
            return
        with contextlib.suppress(OSError):  # a child that is gone may leave work unread
            os.kill(self._pid, signal.SIGKILL if self._work is None else signal.SIGTERM)
        self._wait()

    def _wait(self) -> int:
        """Close the pipes, wait for the child to end, and return its exit status."""
        assert self._pid is not None
        for end in (self._to_child, self._from_child):
            _OUR_ENDS.discard(end.fileno())
            with contextlib.suppress(OSError):
                end.close()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return os.waitstatus_to_exitcode(status)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _serve(modules: tuple[str, ...], nice: int, work_end: int, result_end: int) -> None:
    """The child's whole life; it ends the process rather than return into the parent's code."""
    try:
        for end in _OUR_ENDS:  # other helpers' pipes, which are the parent's alone
            with contextlib.suppress(OSError):
                os.close(end)
        if nice:
            os.nice(nice)
        # Ctrl-C is the parent's to handle: it ends this process, by SIGTERM, which unwinds the
        # work as an interrupt does, removing its temporary files, and ends it without a word.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _interrupt)
        with open(work_end, "rb") as incoming, open(result_end, "wb") as outgoing:
            _import_then_work(modules, incoming, outgoing)
    except KeyboardInterrupt:
        pass
    finally:
        os._exit(0)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _import_then_work(modules: tuple[str, ...], incoming: BinaryIO, outgoing: BinaryIO) -> None:
    for name in modules:
        # A module that fails to import fails the work too, which reports the error properly.
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    try:
        work = pickle.load(incoming)
    except EOFError:
        return  # the build ended without work for this process
    except Exception as error:  # noqa: BLE001 - work that cannot be unpickled here fails like any other
        outcome: tuple[bool, object] = (False, error)
    else:
        try:
            outcome = (True, work())
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent to report
            error.add_note(traceback.format_exc())  # shown by --debug
            outcome = (False, _sendable(error))
    try:
        message = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # noqa: BLE001 - a result or error that cannot be sent is itself an error
        message = pickle.dumps((False, RuntimeError(f"a build process could not send back its result: {error}")))
    with contextlib.suppress(OSError):  # the parent may have given up on it
        outgoing.write(message)


def _sendable(error: BaseException) -> BaseException:
    """The error itself if it comes through pickling whole; else a stand-in with its message and notes.

    Some errors cannot be pickled (lxml's carry a '_ListErrorLog'), or pickle but cannot be made
    again (a constructor that wants other arguments): either way the parent would report the
    pickling failure instead of what went wrong. The stand-in keeps the exit code: a
    BriefingError's class if it is one, and the message the user would have seen.
    """
    try:
        pickle.loads(pickle.dumps(error, pickle.HIGHEST_PROTOCOL))
        return error
    except Exception:  # noqa: BLE001 - whatever pickling raises, the stand-in goes instead
        pass
    from briefing.errors import BriefingError, InputError

    if isinstance(error, BriefingError):
        stand_in: BaseException = (InputError if isinstance(error, InputError) else BriefingError)(
            "\n".join(error.messages()))
    else:
        stand_in = RuntimeError(f"{type(error).__name__}: {error}")
    for note in getattr(error, "__notes__", []):
        stand_in.add_note(note)
    return stand_in
