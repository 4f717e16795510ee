"""Work run in a forked process: its result and its failures come back to the parent."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.build.beside import Beside
from briefing.build.helpers import CACHE_FOLDER, Helpers
from briefing.errors import InputError
from briefing.outline.source import read_source
from tests.validate_ooxml import findings_in


def run_beside(work, modules: tuple[str, ...] = ()) -> object:
    with Beside(modules) as beside:
        beside.give(work)
        return beside.result()


def _child_facts() -> tuple[int, bool]:
    return os.getpid(), "colorsys" in sys.modules


def test_the_result_comes_back_from_the_child_which_imported_its_modules_first() -> None:
    assert "colorsys" not in sys.modules  # a module nothing here imports
    child, imported = run_beside(_child_facts, modules=("colorsys",))
    assert child != os.getpid() and imported
    assert "colorsys" not in sys.modules  # imported there, not here


def _fails() -> None:
    raise InputError("deck.pptx: the template has no slide masters")


def test_an_error_in_the_child_is_raised_in_the_parent_with_its_message() -> None:
    with pytest.raises(InputError, match="has no slide masters"):
        run_beside(_fails)


def _fails_in_lxml() -> None:
    from lxml import etree

    etree.fromstring(b"<p:sldLayout")  # lxml's errors carry a log that cannot be pickled


def _fails_with_every_problem() -> None:
    from pathlib import Path

    from briefing.outline import OutlineError, Problem

    # Pickles, but cannot be made again from its message alone: it is made from its problems.
    raise OutlineError([Problem(Path("outline.yaml"), 3, 1, ("theme",), "is wrong", "fix it")])


def test_an_error_that_cannot_travel_comes_back_as_what_it_said() -> None:
    with pytest.raises(RuntimeError, match=r"^XMLSyntaxError: .*line 1") as caught:
        run_beside(_fails_in_lxml)
    assert "cannot pickle" not in str(caught.value)
    assert "Traceback" in "".join(caught.value.__notes__)  # for --debug, as before
    with pytest.raises(InputError) as caught:
        run_beside(_fails_with_every_problem)
    assert caught.value.messages() == ["outline.yaml:3:1: theme: is wrong (fix it)"]


def _dies() -> None:
    os._exit(3)


def test_a_child_that_dies_is_reported_not_waited_for_forever() -> None:
    with pytest.raises(RuntimeError, match="ended without a result"):
        run_beside(_dies)


def test_a_child_never_given_work_is_ended_with_the_build_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    beside: Beside[None] = Beside(modules=("json",))
    child = beside._pid
    assert child is not None
    os.kill(child, 0)  # it is running
    beside.close()  # as when the outline turns out to be invalid
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # ended, and waited for
    assert capfd.readouterr().err == ""  # no traceback from the stopped child


def _niceness() -> int:
    return os.nice(0)


def test_a_child_that_can_wait_runs_at_a_lower_priority() -> None:
    with Beside(nice=5) as beside:
        beside.give(_niceness)
        assert beside.result() == os.nice(0) + 5


def test_without_fork_the_work_runs_here_when_asked_for() -> None:
    beside: Beside[int] = Beside(fork=False)
    beside.give(os.getpid)
    assert beside.result() == os.getpid()


# A build in a fresh interpreter, reporting which of the heavy libraries its own process imported.
_BUILD_AND_REPORT = """
import sys
from pathlib import Path
from briefing.build.pipeline import build
report = build(Path(sys.argv[1]), Path(sys.argv[2]))
print(len(report.outputs), 'matplotlib' in sys.modules, 'pptx' in sys.modules)
"""


def test_a_single_build_draws_its_charts_and_writes_its_deck_in_helpers(minimal_outline) -> None:
    out = minimal_outline.parent / "build"

    def build_here() -> list[str]:
        result = subprocess.run([sys.executable, "-c", _BUILD_AND_REPORT, str(minimal_outline), str(out)],
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    # First build: the charts were drawn, and the deck written, by helpers; neither library was imported here.
    assert build_here() == ["2", "False", "False"]
    assert findings_in(out) == []
    assert len(list((out / ".cache").glob("chart-*.png"))) == 2  # drawn by the helper, kept for the next build
    # Charts cached: the deck's helper alone, and still neither library here.
    assert build_here() == ["2", "False", "False"]


def test_the_deck_helper_gives_way_only_while_charts_are_drawn(minimal_outline, tmp_path) -> None:
    def deck_helper_niceness() -> int:
        with Helpers.start(read_source(minimal_outline), tmp_path) as helpers:
            helpers.deck.give(_niceness)
            return helpers.deck.result()

    assert deck_helper_niceness() > os.nice(0)  # no charts yet: theirs is the longer job
    (tmp_path / CACHE_FOLDER).mkdir()
    (tmp_path / CACHE_FOLDER / "chart-timeline-0123.png").write_bytes(b"")
    assert deck_helper_niceness() == os.nice(0)  # charts cached: the deck is the longest job


def test_work_the_child_cannot_unpickle_comes_back_as_an_error(capfd: pytest.CaptureFixture[str]) -> None:
    with Beside() as beside:  # forked now, so a function defined from here on exists only in this process
        def made_after_the_fork() -> None:
            pass

        made_after_the_fork.__qualname__ = "made_after_the_fork"
        globals()["made_after_the_fork"] = made_after_the_fork  # pickled by name, found here only
        try:
            beside.give(made_after_the_fork)
            with pytest.raises(AttributeError, match="made_after_the_fork"):
                beside.result()
        finally:
            del globals()["made_after_the_fork"]
    assert "Traceback" not in capfd.readouterr().err
