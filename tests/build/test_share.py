"""Jobs shared out among forked copies of this process: each done once, failures reported here."""

from __future__ import annotations

import os
import time
from functools import partial
from pathlib import Path

import pytest

from briefing.build.share import share_out


def _record(folder: Path, name: str, seconds: float = 0.0) -> None:
    """A job: waits, then notes which process did it."""
    time.sleep(seconds)
    (folder / name).write_text(str(os.getpid()))


def _done_by(folder: Path) -> dict[str, int]:
    return {path.name: int(path.read_text()) for path in folder.iterdir()}


def test_every_job_is_done_once_and_the_processes_share_them(tmp_path: Path) -> None:
    names = [f"job{n}" for n in range(6)]
    share_out([partial(_record, tmp_path, name, 0.05) for name in names], processes=2)
    done = _done_by(tmp_path)
    assert sorted(done) == names
    assert os.getpid() in done.values()
    assert len(set(done.values())) == 2  # a copy took some


def test_one_process_does_the_jobs_here_in_order(tmp_path: Path) -> None:
    order: list[int] = []
    share_out([partial(order.append, n) for n in range(4)], processes=1)
    assert order == [0, 1, 2, 3]


def _only_here(parent: int, folder: Path, name: str) -> None:
    if os.getpid() != parent:
        raise RuntimeError("fails in a copy")
    _record(folder, name)


def test_a_job_a_copy_fails_is_done_again_here(tmp_path: Path) -> None:
    jobs = [partial(_only_here, os.getpid(), tmp_path, f"job{n}") for n in range(4)]
    share_out(jobs, processes=2)
    assert _done_by(tmp_path) == {f"job{n}": os.getpid() for n in range(4)}


def _fails_here_or_waits(parent: int, folder: Path, name: str) -> None:
    if os.getpid() == parent:
        raise ValueError("no such statistic")
    _record(folder, name, 30)


def test_an_error_here_is_raised_and_the_busy_copies_are_stopped(tmp_path: Path) -> None:
    # Whichever job this process takes fails at once; the copy, busy with the other for half a
    # minute, is stopped rather than waited for.
    jobs = [partial(_fails_here_or_waits, os.getpid(), tmp_path, f"job{n}") for n in range(2)]
    with pytest.raises(ValueError, match="no such statistic"):
        share_out(jobs, processes=2)
    assert not list(tmp_path.iterdir())
