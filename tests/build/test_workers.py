"""Work done in worker processes: results and errors come back as they were, and no process is left behind.

The tests set how many processes a build may use, so they run the same on one core and on many.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from briefing.build.pipeline import build
from briefing.build.workers import BuildWorkers, Worker, run_all, start_method
from briefing.errors import InputError
from briefing.files import atomic_write
from briefing.outline import OutlineError, Problem
from tests.build.test_publish import snapshot
from tests.conftest import DEFAULT_OUTLINE
from tests.validate_ooxml import findings_in

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
needs_fork = pytest.mark.skipif(start_method() != "fork", reason="copies of this process are made by fork")


def run_in_worker(work, imports: tuple[str, ...] = ()) -> object:
    with Worker(imports) as worker:
        return worker.submit(work).result()


# ------------------------------------------------------------------ results and errors


def _facts() -> tuple[int, bool]:
    return os.getpid(), "colorsys" in sys.modules


def test_a_job_runs_in_the_worker_which_imported_its_modules_first() -> None:
    assert "colorsys" not in sys.modules  # a module nothing here imports
    worker_pid, imported = run_in_worker(_facts, imports=("colorsys",))
    assert worker_pid != os.getpid() and imported
    assert "colorsys" not in sys.modules  # imported there, not here


def test_jobs_given_one_after_another_come_back_in_turn() -> None:
    with Worker() as worker:
        jobs = [worker.submit(_facts) for _ in range(3)]
        assert len({job.result() for job in jobs}) == 1  # the same process ran all three
        assert jobs[0].result() == jobs[0].result()


def test_a_worker_given_its_last_job_ends_by_itself_once_it_is_done() -> None:
    worker = Worker()
    assert worker.submit(os.getpid, last=True).result() != os.getpid()
    process = worker._process
    assert process is not None
    process.join(30)
    assert process.exitcode == 0  # ended on its own: closing it waits for nothing
    worker.close()


def test_here_the_job_runs_in_this_process_when_its_result_is_asked_for() -> None:
    worker = Worker(here=True)
    job = worker.submit(_facts)
    assert not job.done()
    assert job.result() == (os.getpid(), "colorsys" in sys.modules)


def _fails_with_every_problem() -> None:
    # Made from its problems, not from its message: pickled by its args alone, it cannot be made again.
    raise OutlineError([Problem(Path("outline.yaml"), 3, 1, ("theme",), "is wrong", "fix it"),
                        Problem(Path("outline.yaml"), 1, 1, ("meta",), "is missing")])


@pytest.mark.parametrize("here", [False, True], ids=["in a worker", "here"])
def test_an_error_with_its_own_constructor_comes_back_as_itself(here: bool) -> None:
    with Worker(here=here) as worker, pytest.raises(OutlineError) as caught:
        worker.submit(_fails_with_every_problem).result()
    assert caught.value.messages() == ["outline.yaml:1:1: meta: is missing",
                                       "outline.yaml:3:1: theme: is wrong (fix it)"]
    assert [problem.line for problem in caught.value.problems] == [1, 3]
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_real_outline_error_comes_back_the_same_from_a_forked_or_a_spawned_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    from briefing.build import workers
    from briefing.outline.source import read_source

    if method == "fork" and start_method() != "fork":
        pytest.skip("this process cannot fork safely")
    missing = tmp_path / "missing.yaml"
    with pytest.raises(OutlineError) as here:
        read_source(missing)
    monkeypatch.setattr(workers, "start_method", lambda: method)
    with Worker(("colorsys",)) as worker:
        assert worker.submit(os.getpid).result() != os.getpid()
        with pytest.raises(OutlineError) as there:
            worker.submit(partial(read_source, missing)).result()
    assert there.value.messages() == here.value.messages()
    assert there.value.problems == here.value.problems


def _fails_in_lxml() -> None:
    from lxml import etree

    etree.fromstring(b"<p:sldLayout")  # lxml's errors carry a log that cannot be pickled


def test_an_error_that_cannot_be_pickled_comes_back_as_a_stand_in_that_says_the_same() -> None:
    from lxml import etree

    with pytest.raises(etree.XMLSyntaxError) as here:
        _fails_in_lxml()
    with pytest.raises(Exception) as there:  # noqa: PT011 - what matters is what it says
        run_in_worker(_fails_in_lxml)
    assert type(there.value).__name__ == "XMLSyntaxError" and str(there.value) == str(here.value)
    assert "line 1" in str(there.value)
    assert "Traceback" in "".join(there.value.__notes__)  # the worker's, for --debug


def _fails_with_a_class_of_its_own() -> None:
    class TemplateLocked(InputError):  # defined here alone: it cannot be pickled, nor found by name
        pass

    raise TemplateLocked("deck.pptx: the template is locked; unlock it in PowerPoint")


def test_an_error_of_a_class_that_cannot_travel_comes_back_as_a_stand_in_that_says_the_same() -> None:
    with pytest.raises(InputError) as caught:
        run_in_worker(_fails_with_a_class_of_its_own)
    assert type(caught.value).__name__ == "TemplateLocked"
    assert caught.value.messages() == ["deck.pptx: the template is locked; unlock it in PowerPoint"]
    assert caught.value.exit_code == 2


def _dies() -> None:
    os._exit(3)


def test_a_worker_that_dies_is_reported_not_waited_for_forever() -> None:
    with pytest.raises(RuntimeError, match=r"ended without a result \(exit code 3\)"):
        run_in_worker(_dies)


def test_work_the_worker_cannot_unpickle_comes_back_as_an_error(capfd: pytest.CaptureFixture[str]) -> None:
    with Worker() as worker:  # started now: a function defined from here on exists only in this process
        def made_after_the_start() -> None:
            pass

        made_after_the_start.__qualname__ = "made_after_the_start"
        globals()["made_after_the_start"] = made_after_the_start  # pickled by name, found here only
        try:
            with pytest.raises(AttributeError, match="made_after_the_start"):
                worker.submit(made_after_the_start).result()
        finally:
            del globals()["made_after_the_start"]
    assert "Traceback" not in capfd.readouterr().err


# ------------------------------------------------------------------ ending workers


def _state(pid: int) -> str | None:
    """A process's state letter (Z: a zombie, never waited for), or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2]


def _writes_then_waits(destination: Path) -> None:
    with atomic_write(destination) as handle:
        handle.write(b"half")
        time.sleep(60)


@needs_proc
def test_a_worker_at_a_job_is_stopped_at_once_its_temporary_file_removed(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    worker = Worker()
    pid = worker.submit(os.getpid).result()
    job = worker.submit(partial(_writes_then_waits, tmp_path / "chart.png"))
    while not list(tmp_path.iterdir()):  # the temporary file is there: the job is under way
        time.sleep(0.01)
    started = time.monotonic()
    worker.close()  # as when the build fails, or is interrupted, meanwhile
    assert time.monotonic() - started < 5
    assert _state(pid) is None  # ended, and waited for
    assert list(tmp_path.iterdir()) == []
    assert capfd.readouterr().err == ""  # no traceback from the stopped worker
    with pytest.raises(RuntimeError, match="closed before"):
        job.result()


@needs_proc
@pytest.mark.parametrize("imports", [(), ("matplotlib.pyplot",)], ids=["idle", "importing"])
def test_a_worker_never_given_a_job_is_ended_quietly_at_once(imports: tuple[str, ...],
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    worker = Worker(imports)
    pid = worker._process.pid  # type: ignore[union-attr]
    assert _state(pid) not in (None, "Z")  # running
    worker.close()  # as when the outline turns out to be invalid, or to have no charts
    assert _state(pid) is None
    assert capfd.readouterr().err == ""


def _stopped_as_it_ends() -> int:
    """A last job that makes the stop land at the worst moment: as the worker ends, its job done, at the
    very call that turns the stop's handler off or holds stops back, whichever the worker makes (as the
    parent's stop did, by chance, in a busy build)."""
    turn_off, hold = signal.signal, signal.pthread_sigmask

    def restore_and_stop() -> None:
        signal.signal, signal.pthread_sigmask = turn_off, hold  # type: ignore[assignment]
        os.kill(os.getpid(), signal.SIGTERM)  # its handler runs before the next line does

    def stop_then_turn_off(signum: int, handler: object) -> object:
        if signum == signal.SIGTERM and handler in (signal.SIG_DFL, signal.SIG_IGN):
            restore_and_stop()
        return turn_off(signum, handler)  # type: ignore[arg-type]

    def stop_then_hold(how: int, mask: object) -> object:
        if how == signal.SIG_BLOCK and signal.SIGTERM in mask:  # type: ignore[operator]
            restore_and_stop()
        return hold(how, mask)  # type: ignore[arg-type]

    signal.signal, signal.pthread_sigmask = stop_then_turn_off, stop_then_hold  # type: ignore[assignment]
    return os.getpid()


def test_a_worker_stopped_as_it_ends_by_itself_ends_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    worker = Worker()
    assert worker.submit(_stopped_as_it_ends, last=True).result() != os.getpid()
    worker.close()  # whose own stop may find it still ending, and end it
    assert worker._process.exitcode in (0, -signal.SIGTERM)  # type: ignore[union-attr]
    assert capfd.readouterr().err == ""


@needs_proc
def test_a_worker_dropped_unclosed_is_waited_for() -> None:
    worker = Worker()
    pid = worker.submit(os.getpid).result()
    del worker
    gc.collect()
    assert _state(pid) is None


# ------------------------------------------------------------------ sharing jobs out


def _record(folder: Path, name: str, seconds: float = 0.0) -> None:
    """A job: waits, then notes which process did it."""
    time.sleep(seconds)
    (folder / name).write_text(str(os.getpid()))


def _done_by(folder: Path) -> dict[str, int]:
    return {path.name: int(path.read_text()) for path in folder.iterdir()}


@needs_fork
def test_every_job_is_done_once_and_the_processes_share_them(tmp_path: Path) -> None:
    names = [f"job{n}" for n in range(6)]
    run_all([partial(_record, tmp_path, name, 0.05) for name in names], processes=2)
    done = _done_by(tmp_path)
    assert sorted(done) == names
    assert os.getpid() in done.values()
    assert len(set(done.values())) == 2  # a copy took some


def test_one_process_does_the_jobs_here_in_order() -> None:
    order: list[int] = []
    run_all([partial(order.append, n) for n in range(4)], processes=1)
    assert order == [0, 1, 2, 3]


def _fails_in_a_copy(parent: int, folder: Path, name: str) -> None:
    if os.getpid() != parent:
        raise OutlineError([Problem(Path("outline.yaml"), 2, 1, ("charts", 0), "cannot be drawn")])
    _record(folder, name, 0.2)


@needs_fork
def test_an_error_in_a_copy_is_raised_here_as_itself(tmp_path: Path) -> None:
    with pytest.raises(OutlineError) as caught:
        run_all([partial(_fails_in_a_copy, os.getpid(), tmp_path, f"job{n}") for n in range(3)], processes=2)
    assert caught.value.messages() == ["outline.yaml:2:1: charts[0]: cannot be drawn"]


def _fails_here_or_waits(parent: int, folder: Path, name: str) -> None:
    if os.getpid() == parent:
        raise ValueError("no such statistic")
    _record(folder, name, 30)


@needs_fork
def test_an_error_here_is_raised_and_the_busy_copies_are_stopped(tmp_path: Path) -> None:
    # The copy takes the first job and waits half a minute; this process fails the next at once.
    started = time.monotonic()
    with pytest.raises(ValueError, match="no such statistic"):
        run_all([partial(_fails_here_or_waits, os.getpid(), tmp_path, f"job{n}") for n in range(2)], processes=2)
    assert time.monotonic() - started < 10  # stopped, not waited for
    assert not list(tmp_path.iterdir())


# ------------------------------------------------------------------ a build's workers


# A build in a fresh interpreter, reporting which of the heavy libraries its own process imported.
_BUILD_AND_REPORT = """
import sys
from pathlib import Path
from briefing.build.pipeline import build
from briefing.build.workers import BuildWorkers
out = Path(sys.argv[2])
report = build(Path(sys.argv[1]), out, workers=BuildWorkers(processes=int(sys.argv[3])))
print(len(report.outputs), 'matplotlib' in sys.modules, 'pptx' in sys.modules)
"""


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_a_build_draws_its_charts_and_writes_its_deck_in_workers_unless_it_has_one_process(
        minimal_outline: Path, processes: int) -> None:
    out = minimal_outline.parent / "build"

    def build_here() -> list[str]:
        result = subprocess.run([sys.executable, "-c", _BUILD_AND_REPORT, str(minimal_outline), str(out),
                                 str(processes)], capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    in_workers = str(processes == 1)  # whether a library is imported here
    assert build_here() == ["2", in_workers, in_workers]
    assert findings_in(out) == []
    assert len(list((out / ".cache").glob("chart-*.png"))) == 2  # drawn, and kept for the next build
    # The charts cached: matplotlib is not imported at all, python-pptx in the deck's worker.
    (out / "mini.docx").unlink()
    assert build_here() == ["2", "False", in_workers]


def test_no_chart_worker_is_started_before_the_outline_has_charts_to_draw(tmp_path: Path) -> None:
    """Was: started on a guess (no chart cached), it cost an outline without charts 0.2 s to stop on every build."""
    with BuildWorkers(processes=2) as workers:
        assert children_of(os.getpid()) and workers._charts is None
        assert not workers.charts().here  # started when the pipeline asks for it


def _can_share_out() -> tuple[bool, str]:
    import briefing.charts.style  # noqa: F401 - matplotlib, and numpy under it, as when drawing

    return "matplotlib" in sys.modules, start_method()


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_the_charts_worker_stays_one_thread_so_it_can_fork_copies_to_share_the_drawing(tmp_path: Path) -> None:
    with BuildWorkers(processes=2) as workers:
        assert workers.charts().submit(_can_share_out).result() == (True, "fork")


def test_the_same_files_whatever_the_number_of_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738540800")
    folders = {processes: tmp_path / str(processes) for processes in (1, 2, 4)}
    for processes, out in folders.items():
        build(DEFAULT_OUTLINE, out, every_audience=True, workers=BuildWorkers(processes))
    charts = {path.name: path.read_bytes() for path in (folders[1] / ".cache").glob("chart-*.png")}
    assert charts
    for out in folders.values():
        assert snapshot(out) == snapshot(folders[1])
        assert {path.name: path.read_bytes() for path in (out / ".cache").glob("chart-*.png")} == charts


# ------------------------------------------------------------------ the command, as a user runs it


# The command as the console script runs it, with a number of cores set and perhaps a failure put
# into a job; then the processes it has not waited for, listed before the interpreter's exit
# handlers (which would wait for them) run.
_COMMAND = """
import os, sys
from pathlib import Path

cores, failure = sys.argv.pop(1), sys.argv.pop(1)
os.cpu_count = lambda: int(cores)
if failure:
    import briefing.build.jobs
    from tests.build import test_workers
    briefing.build.jobs.render_deck = getattr(test_workers, failure)

def children():
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        state, parent = text[text.rindex(")") + 2:].split()[:2]
        if int(parent) == os.getpid():
            found.append(f"{stat.parent.name} {state}")
    return found

from briefing.cli import run
sys.argv[0] = "briefing"
try:
    run()
finally:
    sys.stderr.write(f"children at exit: {children()}\\n")
"""
ROOT = Path(__file__).resolve().parents[2]


def command(*args: str, cores: int = 2, failure: str = "", cwd: Path | None = None) -> subprocess.Popen[str]:
    """briefing ARGS in a session of its own, so that whatever it starts can be found by its session."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.Popen([sys.executable, "-c", _COMMAND, str(cores), failure, *args], cwd=cwd,
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def finished(process: subprocess.Popen[str], seconds: float = 120) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"still running after {seconds} s")
    return process.returncode, out, err


# Fields of /proc/PID/stat after the command's name: state, parent, process group, session.
_PARENT, _SESSION = 1, 3


def _processes_whose(field: int, value: int) -> list[str]:
    """'PID (name)' of every process whose stat field (counted after the name) is value."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if int(text[text.rindex(")") + 2:].split()[field]) == value:
            found.append(text[: text.rindex(")") + 1])
    return found


def in_session(session: int) -> list[str]:
    """The processes of a session: a worker its first process did not wait for would still be there."""
    return _processes_whose(_SESSION, session)


def children_of(pid: int) -> list[str]:
    return _processes_whose(_PARENT, pid)


def assert_nothing_left(process: subprocess.Popen[str], err: str) -> None:
    assert "children at exit: []" in err, err  # every worker waited for: none left, not even a zombie
    assert in_session(process.pid) == []  # and none orphaned


def deck_fails_with_every_problem(*args: object) -> None:
    _fails_with_every_problem()


def deck_fails_in_lxml(*args: object) -> None:
    _fails_in_lxml()


@needs_proc
@pytest.mark.parametrize("failure", ["deck_fails_with_every_problem", "deck_fails_in_lxml"])
def test_an_error_in_a_worker_reaches_the_user_as_it_does_from_this_process(minimal_outline: Path,
                                                                             failure: str) -> None:
    said = {}
    for cores in (1, 2):  # 1: the deck is written in the command's own process
        # -q: no progress lines, which come or not with how long the build has taken.
        process = command("build", str(minimal_outline), "-o", str(minimal_outline.parent / "build"), "-q",
                          cores=cores, failure=failure)
        code, out, err = finished(process)
        assert_nothing_left(process, err)
        said[cores] = (code, out, err)
    assert said[2] == said[1]
    code, _, err = said[2]
    if failure == "deck_fails_with_every_problem":
        assert code == 2
        assert err.splitlines()[:2] == ["outline.yaml:1:1: meta: is missing",
                                        "outline.yaml:3:1: theme: is wrong (fix it)"]
    else:
        assert code == 1
        assert err.startswith("briefing: internal error: XMLSyntaxError: Namespace prefix p"), err
    assert "Traceback" not in err and "AttributeError" not in err


@needs_proc
def test_a_build_and_a_refused_build_leave_no_process(minimal_outline: Path) -> None:
    process = command("build", str(minimal_outline), "-o", str(minimal_outline.parent / "build"))
    code, out, err = finished(process)
    assert code == 0 and "wrote" in out, err
    assert_nothing_left(process, err)
    minimal_outline.write_text(minimal_outline.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    process = command("build", str(minimal_outline), "-o", str(minimal_outline.parent / "build"))
    code, _, err = finished(process)  # refused while the workers import their libraries
    assert code == 2 and "unknown_key" in err, err
    assert_nothing_left(process, err)


@needs_proc
@pytest.mark.parametrize(("signal_number", "to_group"), [
    (signal.SIGINT, True),  # Ctrl+C: the whole foreground process group
    (signal.SIGINT, False),
    (signal.SIGTERM, False),
], ids=["Ctrl+C", "SIGINT", "SIGTERM"])
def test_an_interrupted_build_stops_its_workers_and_leaves_no_process_or_temporary_file(
        tmp_path: Path, signal_number: int, to_group: bool) -> None:
    out = tmp_path / "out"
    process = command("build", str(DEFAULT_OUTLINE), "-o", str(out), cores=3)
    deadline = time.monotonic() + 60
    while not children_of(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # the workers importing their libraries, or at their jobs
    if to_group:
        os.killpg(process.pid, signal_number)
    else:
        process.send_signal(signal_number)
    code, _, err = finished(process)
    assert code == 130, err
    assert err.startswith("briefing: interrupted; earlier outputs are unchanged\n"), err
    assert "Traceback" not in err
    assert_nothing_left(process, err)
    assert not list(out.rglob("*.tmp"))


@needs_proc
def test_watch_never_starts_a_process_and_leaves_none_when_stopped(minimal_outline: Path) -> None:
    process = command("watch", "outline.yaml", "-o", "out", cwd=minimal_outline.parent)
    try:
        built = minimal_outline.parent / "out" / "mini.docx"
        deadline = time.monotonic() + 90
        while not built.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert built.exists(), "the first build did not finish"
        first = built.stat().st_mtime_ns
        assert children_of(process.pid) == []  # the build ran in the watch's own process
        edited = minimal_outline.read_text(encoding="utf-8").replace("第一条要点", "第一条要点，改过")
        minimal_outline.write_text(edited, encoding="utf-8")
        while built.stat().st_mtime_ns == first and time.monotonic() < deadline:
            time.sleep(0.05)
        assert built.stat().st_mtime_ns != first, "no rebuild after the edit"
        assert children_of(process.pid) == []
    finally:
        os.killpg(process.pid, signal.SIGINT)
        code, _, err = finished(process)
    assert code == 0, err
    assert "stopped watching" in err
    assert_nothing_left(process, err)
