"""Independent jobs shared out between this process and forked copies of it.

For work that is all computing, with its libraries already imported, such as
drawing several charts once matplotlib is loaded: a fork shares the imported
libraries at no cost, and each process takes the next job as soon as it is
free, so one long job and several short ones still end together.

A copy only helps. Each job is marked done when it succeeds; any job a copy
could not finish (it failed, or was stopped) is run again here, so its error
is raised where the caller can report it.

The jobs to take are numbers in a pipe, and each process reads the next one
when it is free; the copies write back the numbers of the jobs they did.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
from collections.abc import Callable, Iterator, Sequence

Job = Callable[[], object]

_NUMBER = struct.Struct("<I")
# The job numbers are all written before anyone reads them: no more than any system's pipe holds.
_MOST_SHARED = 4096


def share_out(jobs: Sequence[Job], processes: int) -> None:
    """Run every job, here and in up to processes - 1 forked copies of this process.

    Put the longest jobs first: each process takes them in order.
    """
    copies = min(processes, len(jobs)) - 1
    if copies < 1 or not hasattr(os, "fork"):
        for job in jobs:
            job()
        return
    shared = jobs[:_MOST_SHARED]
    done = _share(shared, copies)
    for number, job in enumerate(shared):
        if number not in done:
            job()  # a copy failed at it: here its error, if any, reaches the caller
    for job in jobs[_MOST_SHARED:]:
        job()


def _share(jobs: Sequence[Job], copies: int) -> set[int]:
    """Run jobs here and in `copies` forked copies; the numbers of those that were done."""
    to_take, to_give = os.pipe()
    os.write(to_give, b"".join(_NUMBER.pack(number) for number in range(len(jobs))))
    os.close(to_give)  # the copies read to the end of the pipe, and stop there
    reports, to_report = os.pipe()
    children: list[int] = []
    try:
        try:
            for _ in range(copies):
                pid = os.fork()
                if pid == 0:
                    os.close(reports)
                    _copy(jobs, to_take, to_report)  # never returns
                children.append(pid)
        finally:
            os.close(to_report)  # the copies hold theirs: the reports end when the last copy does
        done = set()
        for number in _numbers(to_take, one_at_a_time=True):
            jobs[number]()
            done.add(number)
        done.update(_numbers(reports))  # until every copy has ended
        return done
    except BaseException:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        raise
    finally:
        os.close(to_take)
        os.close(reports)
        for pid in children:
            os.waitpid(pid, 0)


def _numbers(pipe: int, one_at_a_time: bool = False) -> Iterator[int]:
    """Job numbers read from a pipe until it ends: one per read where others read it too, so
    each number goes to one process; otherwise as many at a time as there are."""
    while chunk := os.read(pipe, _NUMBER.size if one_at_a_time else 4096 * _NUMBER.size):
        yield from (number for (number,) in _NUMBER.iter_unpack(chunk))


def _copy(jobs: Sequence[Job], to_take: int, to_report: int) -> None:
    """A forked copy's life: work until no job is left, then end without running this process's
    exit handlers (they belong to the process it was copied from)."""
    status = 1
    try:
        for number in _numbers(to_take, one_at_a_time=True):
            jobs[number]()
            os.write(to_report, _NUMBER.pack(number))
        status = 0
    except BaseException:  # noqa: BLE001, S110 - the job is left undone, and redone by the parent
        pass
    finally:
        os._exit(status)
