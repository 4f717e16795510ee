"""Work done in other processes, so the cores share a build.

A Worker is one process that imports its libraries as soon as it starts,
then runs the jobs it is given, one after another; each job's result, or
the error it raised, comes back when asked for. A build has two (see
BuildWorkers): one writes the decks and one draws the charts, which shares
the drawing out among copies of itself (run_all). Most of either job is
importing python-pptx or matplotlib, which the workers do while this process
reads the outline; this process composes the documents meanwhile.

How a worker starts: forked where that is safe, a fresh interpreter
elsewhere. A fork copies only the thread that calls it, and a lock another
thread held stays locked in the copy; so a worker is forked only on Linux,
and only from a process running a single thread (threads Python did not
start count too, such as watchfiles' watcher or OpenBLAS's pool). Otherwise
it is spawned, and imports its libraries afresh. `briefing watch` starts no
worker at all: its builds run in its own process, which has the libraries
loaded after the first, and nothing is forked while its watcher thread runs.

Errors come back as they were raised, whatever their constructor takes
(OutlineError(problems) keeps only its message in its args): each travels as
its class, its args and its attributes, and is made again without calling
the constructor. One that cannot travel even so comes back as a stand-in
with the same class name, message and exit code.

On Ctrl+C the whole process group gets SIGINT: workers ignore it, and the
build stops them with SIGTERM, which unwinds a job as an interrupt does (its
temporary files removed). Every worker is waited for when it is closed, so
none is left behind, whether the build succeeded, failed or was stopped.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
import weakref
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, Generic, Literal, Self, TypeVar

T = TypeVar("T")

# How long a stopped worker may take to unwind before it is killed.
_STOP_SECONDS = 10


class Job(Generic[T]):
    """A job given to a worker: its result, or the error it raised, once asked for."""

    def __init__(self, worker: Worker, work: Callable[[], T]):
        self._worker = worker
        self.work: Callable[[], T] | None = work  # until it has run
        self.outcome: tuple[bool, Any] | None = None  # (succeeded, its result or error)

    def done(self) -> bool:
        """Whether it has ended (a job run here: once its result was asked for)."""
        if not self._worker.here:
            self._worker.collect(self, block=False)
        return self.outcome is not None

    def result(self) -> T:
        """The job's result (the same one when asked again); an error it raised is raised here."""
        self._worker.collect(self, block=True)
        assert self.outcome is not None
        succeeded, value = self.outcome
        if not succeeded:
            raise value
        return value


class Worker:
    """One process that imports `imports` first, then runs the jobs it is given, one at a time.

    here=True: no process; each job runs in this process when its result is first asked for.
    environment: variables set in the worker before it imports anything.
    """

    def __init__(self, imports: Sequence[str] = (), here: bool = False,
                 environment: Mapping[str, str] | None = None):
        self._last: Job[Any] | None = None
        self._process: BaseProcess | None = None
        if here:
            return
        fork = start_method() == "fork"
        context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, tuple(imports), dict(environment or {})),
                                        name="briefing worker")
        with _sigterm_held():  # until the worker can unwind from it, however soon it is stopped
            self._process.start()
        theirs.close()  # the worker's now
        # Run by close(), or when the worker is dropped unclosed, or at exit: no worker is left behind.
        self._finalizer = weakref.finalize(self, _stop, self._process, self._connection)

    @property
    def here(self) -> bool:
        return self._process is None

    def submit(self, work: Callable[[], T], last: bool = False) -> Job[T]:
        """Give the worker a job: a picklable callable (a module-level function, or a partial of one).

        Sent once the job before it has ended: a worker is never sent a job while it may itself be
        blocked sending back a result. last: the worker ends once this job is done, so that closing
        it then waits for nothing.
        """
        if self._last is not None:
            self.collect(self._last, block=True)
        job = self._last = Job(self, work)
        if self._process is not None:
            with contextlib.suppress(BrokenPipeError):  # it died: reading the result says so
                self._connection.send_bytes(pickle.dumps((work, last), pickle.HIGHEST_PROTOCOL))
        return job

    def collect(self, job: Job[Any], block: bool) -> None:
        """Settle the job's outcome (Job calls this): run here, or read from the worker
        (block=False: only if it is in)."""
        if job.outcome is not None:
            return
        if self._process is None:
            job.outcome = _run(job.work)
        elif self._connection.closed:
            job.outcome = (False, RuntimeError("the worker was closed before the job's result was read"))
        elif block or self._connection.poll():
            try:
                job.outcome = pickle.loads(self._connection.recv_bytes())  # noqa: S301 - from our own worker
            except EOFError:
                self._process.join()
                job.outcome = (False, RuntimeError(
                    f"a worker process ended without a result (exit code {self._process.exitcode})"))
        if job.outcome is not None:
            job.work = None

    def close(self) -> None:
        """End the worker, and wait for it; one still at a job is stopped as an interrupted build is."""
        if self._process is not None:
            self._finalizer()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def start_method() -> Literal["fork", "spawn"]:
    """fork on Linux from a process running one thread; spawn otherwise (see the module's docstring)."""
    if sys.platform == "linux" and len(os.listdir("/proc/self/task")) == 1:
        return "fork"
    return "spawn"


def _stop(process: BaseProcess, connection: Connection) -> None:
    """End a worker by SIGTERM, which unwinds the job at work as an interrupt does, and wait for it."""
    connection.close()
    if process.exitcode is None:
        process.terminate()
        process.join(_STOP_SECONDS)
    if process.exitcode is None:  # stuck in a library call that never returns to the interpreter
        process.kill()
    process.join()


@contextlib.contextmanager
def _sigterm_held() -> Iterator[None]:
    """SIGTERM held back in this thread, and in a process started meanwhile until it unblocks it."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: a process is ended without a signal
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _run(work: Callable[[], T] | None) -> tuple[bool, Any]:
    assert work is not None
    try:
        return True, work()
    except Exception as error:  # noqa: BLE001 - raised by result(), as a worker's error would be
        return False, error


# ------------------------------------------------------------------ in the worker process


def _serve(connection: Connection, imports: tuple[str, ...], environment: dict[str, str]) -> None:
    """A worker's life: import, then run jobs until it is stopped, or the process that started it ends."""
    # Ctrl+C is the parent's to handle; it stops this process with SIGTERM, which unwinds the job
    # at work as an interrupt does, removing its temporary files.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _interrupt)
    # Stopped by the parent: the job unwound, and nobody waits for its result. The stop may come at
    # any moment, even while the worker is ending by itself, so nothing it raises is left outside this.
    with contextlib.suppress(KeyboardInterrupt):
        try:
            _serve_jobs(connection, imports, environment)
        finally:
            _hold_stops()  # on the way out a stop finds nothing to unwind


def _serve_jobs(connection: Connection, imports: tuple[str, ...], environment: dict[str, str]) -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # held back until now: see Worker
    os.environ.update(environment)
    for name in imports:
        # A module that fails to import fails the job that needs it, which reports the error properly.
        with contextlib.suppress(Exception):
            importlib.import_module(name)
        gc.freeze()  # it lives as long as the worker: no collection, during the next imports or after, walks it
    parent = multiprocessing.parent_process()
    assert parent is not None
    # Until a job comes, or the parent has ended without stopping this process (it was killed).
    while connection in wait([connection, parent.sentinel]):
        try:
            job = connection.recv_bytes()
        except EOFError:
            return
        outcome, last = _run_sent(job)
        connection.send_bytes(outcome)
        if last:
            return


def _interrupt(signum: int, frame: object) -> None:
    _hold_stops()  # once: the unwinding it starts is not interrupted again
    raise KeyboardInterrupt


def _hold_stops() -> None:
    """SIGTERM held back from now on, where signals can be (not on Windows, which ends a process without one).
    Held, not ignored or reset: a handler switched while a stop is arriving makes CPython print 'Signal 15
    ignored due to race condition', which a build must not show. The process is ending either way."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _run_sent(job: bytes) -> tuple[bytes, bool]:
    """The job run, and its outcome pickled to go back: (True, its result) or (False, its error);
    and whether it was the worker's last."""
    last = False
    try:
        work, last = pickle.loads(job)  # noqa: S301 - from the process that started us
        outcome: tuple[bool, object] = (True, work())
    except Exception as error:  # noqa: BLE001 - every failure goes back to the parent, to be raised there
        error.add_note(traceback.format_exc())  # shown by --debug
        outcome = (False, _travelling(error))
    try:
        return pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL), last
    except Exception as error:  # noqa: BLE001 - a result that cannot go back is itself the job's error
        return pickle.dumps((False, RuntimeError(f"a worker could not send back its result: {error}"))), last


def _travelling(error: Exception) -> _Remade | _StandIn:
    """The error, packed to be made again in the parent: whole if that gives it back with the same
    message, else as a stand-in."""
    remade = _Remade(error)
    try:
        arrived = pickle.loads(pickle.dumps(remade, pickle.HIGHEST_PROTOCOL))  # noqa: S301 - pickled just now
        if type(arrived) is type(error) and str(arrived) == str(error):
            return remade
    except Exception:  # noqa: BLE001, S110 - whatever fails, the stand-in goes instead
        pass
    return _StandIn(error)


class _Remade:
    """An error on its way back: its class, its args and those of its attributes that pickle,
    made again by _made_again."""

    def __init__(self, error: Exception):
        attributes = {name: value for name, value in vars(error).items() if _pickles(value)}
        self.parts = (type(error), error.__reduce__()[1], attributes)

    def __reduce__(self) -> tuple[Any, ...]:
        return _made_again, self.parts


def _pickles(value: object) -> bool:
    try:
        pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - whatever pickling raises
        return False
    return True


def _made_again(kind: type[Exception], args: tuple[Any, ...], attributes: dict[str, Any]) -> Exception:
    """The error, made without its constructor, which may want other arguments than the args it keeps."""
    error = kind.__new__(kind, *args)
    error.__dict__.update(attributes)
    return error


class _StandIn:
    """An error that cannot travel, as the user would have seen it: its class's name, its message
    and its exit code, on the nearest of InputError, BriefingError and Exception; made by _stand_in."""

    def __init__(self, error: Exception):
        from briefing.errors import BriefingError, InputError

        base = next(kind for kind in (InputError, BriefingError, Exception) if isinstance(error, kind))
        if isinstance(error, BriefingError):
            message, exit_code = "\n".join(error.messages()), error.exit_code
        else:
            message, exit_code = str(error), 1
        self.parts = (type(error).__name__, base, message, exit_code, getattr(error, "__notes__", []))

    def __reduce__(self) -> tuple[Any, ...]:
        return _stand_in, self.parts


def _stand_in(name: str, base: type[Exception], message: str, exit_code: int, notes: list[str]) -> Exception:
    error = type(name, (base,), {"exit_code": exit_code})(message)
    for note in notes:
        error.add_note(note)
    return error


# ------------------------------------------------------------------ sharing jobs out


def run_all(jobs: Sequence[Callable[[], object]], processes: int) -> None:
    """Run every job once: here, and in up to processes - 1 workers forked from this process as it is,
    its libraries loaded. The workers take the first jobs, this process the next ones meanwhile, and
    a worker the next job whenever it is free: put the longest first. Where this process cannot fork
    (a fresh interpreter would import the libraries again), every job runs here."""
    waiting = deque(jobs)
    copies = min(processes, len(jobs)) - 1 if start_method() == "fork" else 0
    with contextlib.ExitStack() as stack:
        workers = [stack.enter_context(Worker()) for _ in range(copies)]
        given: list[Job[object] | None] = [None] * len(workers)
        while waiting:
            for index, worker in enumerate(workers):
                job = given[index]
                if waiting and (job is None or job.done()):
                    if job is not None:
                        job.result()  # its error, if it failed, raised now
                    given[index] = worker.submit(waiting.popleft(), last=not waiting)
            if waiting:
                waiting.popleft()()
        for job in given:
            if job is not None:
                job.result()


# ------------------------------------------------------------------ a build's workers


class BuildWorkers:
    """The processes a build gives its side jobs: every target's decks to one, their charts to another."""

    def __init__(self, processes: int | None = None):
        """Start the decks' worker now, so it imports python-pptx while this process reads the outline.

        processes: how many may run at once (the cores, unless given). 1: none is started, and every
        job runs in the build's own process; otherwise the charts are shared out among that many.
        """
        self.processes = processes or os.cpu_count() or 1
        # The decks' worker starts now; the charts' only once the parsed outline has charts to draw
        # (charts()): started on a guess, it cost an outline without charts 0.2 s to stop again.
        self.decks = Worker(_DECK_MODULES, here=self.here)
        self._charts: Worker | None = None

    @property
    def here(self) -> bool:
        return self.processes < 2

    def charts(self) -> Worker:
        """The worker that draws the charts, started now if it has not been."""
        if self._charts is None:
            self._charts = Worker(here=True) if self.here else _chart_worker()
        return self._charts

    def close(self) -> None:
        self.decks.close()
        if self._charts is not None:
            self._charts.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()


# What each worker imports while this process reads the outline, the largest libraries first: each is
# frozen once imported, so the collections that importing the next one sets off need not walk it.
_DECK_MODULES = ("lxml.etree", "pptx", "briefing.build.jobs", "briefing.deck.plan", "briefing.deck.render")
_CHART_MODULES = ("numpy", "matplotlib", "briefing.charts.style", "briefing.charts")


def _chart_worker() -> Worker:
    # numpy, under matplotlib, does no linear algebra for a chart. Told to use one thread, OpenBLAS
    # starts none of its own: the worker stays a single thread, which run_all may fork.
    return Worker(_CHART_MODULES, environment={"OPENBLAS_NUM_THREADS": "1"})
