#!/usr/bin/env python3
"""Benchmark of the briefing command line: prints medians over several runs.

Run from the repository root:

    python benchmarks/run.py            # 5 runs per row, scaling to 2000 slides
    python benchmarks/run.py --quick    # 3 runs per row, scaling to 1000 slides

Every measured command runs in a fresh Python process: a tiny wrapper
(``python -c`` calling ``briefing.cli.run``, which is all the ``briefing``
console script does) that prints its own peak RSS when it exits. Wall time
is taken by this script around the whole child process, so interpreter start
and imports are included. Only the standard library and the project's own
dependencies (PyYAML, python-pptx, and briefing itself) are used.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FULL_TARGETS = (10, 100, 1000, 2000)
QUICK_TARGETS = (10, 100, 1000)

# Runs one briefing command in-process and reports its peak memory on stderr.
# RUSAGE_CHILDREN covers the worker processes of 'build --all'.
WRAPPER = r"""
import resource, sys
from briefing.cli import run
sys.argv[0] = "briefing"
try:
    run()
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"\nBENCH_MAXRSS_KB {own} {kids}\n")
"""
_RSS_LINE = re.compile(r"^BENCH_MAXRSS_KB (\d+) (\d+)$", re.MULTILINE)
_SLIDES = re.compile(r"\((\d+) slides")
_PAGES = re.compile(r"\((\d+) pages")
_REFERENCE = re.compile(r"\{[a-z0-9][a-z0-9_-]*\}")
_FIRST_PROSE = re.compile(r"^(\s*prose:\s*\n\s*-\s+)", re.MULTILINE)


class BenchError(RuntimeError):
    """A measured command failed; the row says so instead of a number."""


# -- running and measuring ------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One child process: its wall time, peak RSS and output."""

    seconds: float
    maxrss_kb: int
    stdout: str


@dataclass
class Sample:
    """Several runs of the same thing, summarised by their median."""

    label: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        seconds = [run.seconds for run in self.runs]
        return min(seconds), max(seconds)

    @property
    def rss_mib(self) -> float:
        return statistics.median(run.maxrss_kb for run in self.runs) / 1024

    def last_count(self, pattern: re.Pattern[str]) -> int | None:
        """A number the CLI printed in the last run, e.g. its slide count."""
        found = pattern.search(self.runs[-1].stdout) if self.runs else None
        return int(found.group(1)) if found else None


def run_process(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one child process, which must succeed."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise BenchError(f"'{' '.join(command[-4:])}' exited {done.returncode}: {' | '.join(tail)}")
    return seconds, done


def run_cli(args: list[str], cwd: Path = REPO) -> Run:
    """`briefing ARGS` in a fresh process, with its peak RSS (largest of it and its children)."""
    seconds, done = run_process([sys.executable, "-c", WRAPPER, *args], cwd)
    found = _RSS_LINE.search(done.stderr)
    maxrss = max(int(found.group(1)), int(found.group(2))) if found else 0
    return Run(seconds, maxrss, done.stdout)


def measure(label: str, runs: int, once: Callable[[int], Run], note: str = "") -> Sample:
    """`runs` measurements of once(i); progress goes to stderr."""
    print(f"  measuring {label} ...", file=sys.stderr, flush=True)
    sample = Sample(label, note=note)
    for index in range(runs):
        sample.runs.append(once(index))
    return sample


def fresh_dir(root: Path, name: str) -> Path:
    """A new, empty folder under root (an output folder without any build/.cache)."""
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=root))


# -- the machine ----------------------------------------------------------------------------


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_version(name: str) -> str:
    """An installed distribution's version, or 'missing'."""
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, if the system has them."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def interpreter_start() -> float:
    """Wall seconds to start and stop this Python doing nothing."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def compile_briefing() -> None:
    """Cache briefing's bytecode, as installing it would: with PYTHONDONTWRITEBYTECODE set (or in a
    fresh checkout), every measured process would otherwise compile the modules it imports."""
    import compileall

    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def print_machine(runs: int, outline: Path) -> None:
    """The header: what ran where."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {package_version(name)}"
                         for name in ("briefing", "python-docx", "python-pptx", "msgspec", "matplotlib"))
    print("briefing benchmark")
    print(f"  CPU:      {cpu_model()} ({os.cpu_count()} cores, {usable} usable)")
    print(f"  Python:   {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}")
    print(f"  packages: {versions}")
    print(f"  outline:  {outline}")
    print(f"  load:     {load_average()} at start (other work on the machine skews the times)")
    print(f"  start:    {interpreter_start():.3f} s for 'python -c pass' (median of 5): the floor under every row,"
          " .pth files in site-packages included")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("  note:     PYTHONDONTWRITEBYTECODE is set: briefing's own modules were compiled once up front "
              "(as pip does on install); any other module without a cached .pyc is compiled again in every process")
    print(f"  runs:     {runs} per row; times are wall seconds of a fresh process (imports included), "
          "median [min-max]")
    print()


# -- printing tables ------------------------------------------------------------------------


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """A plain-text table with columns sized to their contents."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print(title)
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    print(flush=True)


def sample_row(sample: Sample) -> list[str]:
    """label | median | min-max | peak RSS | note."""
    low, high = sample.spread
    rss = f"{sample.rss_mib:.0f}" if sample.rss_mib else "-"
    return [sample.label, f"{sample.median:.3f}", f"{low:.3f}-{high:.3f}", rss, sample.note]


def failed_row(label: str, error: Exception) -> list[str]:
    return [label, "FAILED", "", "", str(error)[:160]]


SAMPLE_HEADER = ["what", "median s", "min-max s", "peak RSS MiB", "note"]


# -- the everyday commands (rows 1 to 6) ----------------------------------------------------


def cold_build(outline: Path, root: Path, runs: int) -> Sample:
    """1. `briefing build` into a fresh output folder (no .cache) each run."""
    return measure("cold build", runs,
                   lambda i: run_cli(["build", str(outline), "-o", str(fresh_dir(root, "cold"))]),
                   note="fresh output folder, no .cache")


def warm_folder(outline: Path, root: Path, name: str) -> Path:
    """An output folder that one untimed build has filled, cache included."""
    out = fresh_dir(root, name)
    run_cli(["build", str(outline), "-o", str(out)])
    return out


def unchanged_rebuild(outline: Path, root: Path, runs: int) -> Sample:
    """2. `briefing build` again into the same folder, nothing changed."""
    out = warm_folder(outline, root, "unchanged")
    return measure("rebuild, nothing changed", runs,
                   lambda i: run_cli(["build", str(outline), "-o", str(out)]),
                   note="same output folder, cache warm")


def copy_outline(outline: Path, root: Path) -> Path:
    """The outline copied into its own folder, with the files it names: its logo and its sources' copies."""
    folder = fresh_dir(root, "edited")
    copy = folder / outline.name
    shutil.copy2(outline, copy)
    data = yaml.load(outline.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sources = [(data.get("meta") or {}).get("source") or {}, *(data.get("sources") or [])]
    named = [(data.get("theme") or {}).get("logo"), *(source.get("file") for source in sources)]
    for name in filter(None, named):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(outline.parent / name, folder / name)
    return copy


def edit_prose(original: str, number: int) -> str:
    """The outline text with its first prose paragraph changed (differently for each number)."""
    edited, count = _FIRST_PROSE.subn(lambda m: f"{m.group(1)}（第{number}次修改）", original, count=1)
    if not count:
        raise BenchError("the outline has no 'prose:' list to edit")
    return edited


def edited_rebuild(outline: Path, root: Path, runs: int) -> Sample:
    """3. Edit one prose paragraph of a copy, then rebuild into its warm output folder."""
    copy = copy_outline(outline, root)
    original = copy.read_text(encoding="utf-8")
    out = warm_folder(copy, root, "edited-out")

    def once(index: int) -> Run:
        copy.write_text(edit_prose(original, index + 1), encoding="utf-8")
        return run_cli(["build", str(copy), "-o", str(out)])

    return measure("rebuild after a prose edit", runs, once, note="one paragraph changed, cache warm")


_BUILT_IN = re.compile(r"built in (\d+\.\d+) s")


def watch_rebuild(outline: Path, root: Path, runs: int) -> Sample:
    """3b. `briefing watch` on a copy: edit one prose paragraph, read the rebuild time the
    watcher prints. The note gives the wall time from the save to that line, which adds
    watchfiles' debounce (50 ms) to the rebuild itself."""
    copy = copy_outline(outline, root)
    original = copy.read_text(encoding="utf-8")
    out = fresh_dir(root, "watch-out")
    command = [sys.executable, "-u", "-c", WRAPPER, "watch", str(copy), "-o", str(out)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def next_build(timeout: float = 60) -> tuple[float, str]:
        deadline = time.perf_counter() + timeout
        while (left := deadline - time.perf_counter()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if found := _BUILT_IN.search(line):
                return float(found.group(1)), line
        raise BenchError("briefing watch printed no 'built in' line in time")

    walls: list[float] = []

    def once(index: int) -> Run:
        time.sleep(0.3)  # a separate change for the watcher
        saved = time.perf_counter()
        copy.write_text(edit_prose(original, index + 1), encoding="utf-8")
        seconds, line = next_build()
        walls.append(time.perf_counter() - saved)
        return Run(seconds, 0, line)

    try:
        next_build()  # the first, full build (charts drawn)
        sample = measure("rebuild inside briefing watch", runs, once)
    finally:
        process.terminate()
        process.wait(timeout=10)
    sample.note = (f"one paragraph changed; time the watcher reports; save to output "
                   f"{statistics.median(walls):.2f} s (incl. debounce); RSS not measured")
    return sample


def validate(outline: Path, runs: int) -> Sample:
    """4. `briefing validate`."""
    return measure("validate", runs, lambda i: run_cli(["validate", str(outline)]))


def help_text(runs: int) -> Sample:
    """5. `briefing --help`."""
    return measure("--help", runs, lambda i: run_cli(["--help"]))


def audience_names(outline: Path) -> list[str]:
    """The audience profiles an outline defines, in order."""
    data = yaml.load(outline.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    return [audience["name"] for audience in data.get("audiences") or []]


def every_audience(outline: Path, root: Path, runs: int) -> Sample:
    """6a. `briefing build --all` (one process and its workers: the charts' and the decks')."""
    return measure("build --all", runs,
                   lambda i: run_cli(["build", str(outline), "--all", "-o", str(fresh_dir(root, "all"))]),
                   note="one command; charts, decks and documents each in a process of their own; fresh folder")


def each_audience(outline: Path, root: Path, runs: int, names: list[str]) -> Sample:
    """6b. `briefing build --audience NAME`, one process per audience, one after another."""

    def once(index: int) -> Run:
        out = fresh_dir(root, "each")
        parts = [run_cli(["build", str(outline), "--audience", name, "-o", str(out)]) for name in names]
        return Run(sum(p.seconds for p in parts), max(p.maxrss_kb for p in parts), "".join(p.stdout for p in parts))

    return measure(f"--audience x{len(names)}, in turn", runs, once,
                   note=f"{len(names)} processes in sequence, one fresh folder shared (later ones reuse its .cache)")


def everyday_commands(outline: Path, root: Path, runs: int) -> Sample | None:
    """Rows 1 to 6 as one table; returns the cold build (for the pandoc comparison)."""
    steps: list[tuple[str, Callable[[], Sample]]] = [
        ("cold build", lambda: cold_build(outline, root, runs)),
        ("rebuild, nothing changed", lambda: unchanged_rebuild(outline, root, runs)),
        ("rebuild after a prose edit", lambda: edited_rebuild(outline, root, runs)),
        ("rebuild inside watch", lambda: watch_rebuild(outline, root, runs)),
        ("validate", lambda: validate(outline, runs)),
        ("--help", lambda: help_text(runs)),
    ]
    names = audience_names(outline)
    if names:
        steps += [("build --all", lambda: every_audience(outline, root, runs)),
                  ("--audience, in turn", lambda: each_audience(outline, root, runs, names))]
    samples: dict[str, Sample] = {}
    rows = []
    for label, step in steps:
        try:
            samples[label] = step()
            rows.append(sample_row(samples[label]))
        except BenchError as error:
            rows.append(failed_row(label, error))
    cold = samples.get("cold build")
    if cold:
        rows[0][-1] += f"; {cold.last_count(_SLIDES)} slides, {cold.last_count(_PAGES)} pages"
    print_table("Everyday commands", SAMPLE_HEADER, rows)
    print_audience_ratio(samples.get("build --all"), samples.get("--audience, in turn"), names)
    return cold


def print_audience_ratio(together: Sample | None, in_turn: Sample | None, names: list[str]) -> None:
    """How much faster --all is than building the audiences one process at a time."""
    if not names:
        print("No audiences in the outline: --all versus --audience skipped.\n")
    elif together and in_turn:
        print(f"--all versus each audience in its own process ({', '.join(names)}): "
              f"{in_turn.median:.2f} s / {together.median:.2f} s = {in_turn.median / together.median:.2f}x "
              f"(>1 means --all is faster)\n")


# -- generated outlines (row 7) -------------------------------------------------------------


def text_pool(outline: Path) -> tuple[list[str], list[str]]:
    """Real points and paragraphs to fill generated outlines with ({id} references removed)."""
    fallback_points = ["The ban took effect the day after the service stopped",
                       "About two million creators relied on the platform for income",
                       "Rival short-video services moved quickly to attract users"]
    fallback_prose = [" ".join(fallback_points) + ". " + "The article's claims are its own and unverified. " * 3]
    try:
        data = yaml.load(outline.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (OSError, yaml.YAMLError):
        return fallback_points, fallback_prose
    parts = [p for s in data.get("sections") or [] for p in (s, *(s.get("subsections") or []))]
    points = [_REFERENCE.sub("若干", t) for p in parts for t in p.get("points") or []]
    prose = [_REFERENCE.sub("若干", t) for p in parts for t in p.get("prose") or []]
    return points or fallback_points, prose or fallback_prose


def generated_outline(sections: int, pool: tuple[list[str], list[str]]) -> dict:
    """An outline following the schema: N sections of 4 points and 2 prose paragraphs each.

    The locale is 'en' because zh-CN heading numbers (一、 … 九十九、) stop at 99 sections;
    the text is the default outline's, so it is measured and wrapped like real content.
    """
    points, prose = pool

    def pick(items: list[str], start: int, count: int) -> list[str]:
        return [items[(start + k) % len(items)] for k in range(count)]

    return {
        "meta": {
            "title": f"Generated briefing: {sections} sections",
            "date": "2025-02-03",
            "locale": "en",
            "output": "scaling",
            "source": {"id": "generated", "title": "An outline generated by benchmarks/run.py"},
        },
        "summary": pick(points, 0, 3),
        "sections": [
            {
                "id": f"s{n}",
                "title": f"Part {n + 1}: {points[n % len(points)][:14]}",
                "points": pick(points, n * 4, 4),
                "prose": pick(prose, n * 2, 2),
                "tags": [f"topic-{n % 5}"],
            }
            for n in range(sections)
        ],
    }


def write_outline(data: dict, folder: Path, name: str) -> Path:
    """The outline as YAML in folder."""
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")
    return path


def planned_slides(path: Path) -> int:
    """How many slides the deck of an outline gets, from the planner (in this process)."""
    from briefing.build.pipeline import load
    from briefing.deck.plan import plan_deck

    return len(plan_deck(load(path)).slides)


def sections_for(targets: tuple[int, ...], pool: tuple[list[str], list[str]], root: Path) -> dict[int, int]:
    """Section counts that give about each target's slides, from a straight line through two probes."""
    small, large = 20, 200
    counts = {n: planned_slides(write_outline(generated_outline(n, pool), root, f"probe-{n}")) for n in (small, large)}
    per_section = (counts[large] - counts[small]) / (large - small)
    fixed = counts[small] - per_section * small
    return {target: max(1, round((target - fixed) / per_section)) for target in targets}


@dataclass
class ScalePoint:
    target: int
    sections: int
    outline: Path
    sample: Sample | None = None
    error: str = ""


def scaling_series(targets: tuple[int, ...], source: Path, root: Path, runs: int) -> list[ScalePoint]:
    """7. Cold builds of generated outlines of growing size."""
    pool = text_pool(source)
    folder = fresh_dir(root, "generated")
    points = [ScalePoint(t, n, write_outline(generated_outline(n, pool), folder, f"slides-{t}"))
              for t, n in sections_for(targets, pool, folder).items()]
    for point in points:
        try:
            point.sample = measure(f"generated ~{point.target} slides", runs,
                                   lambda i, p=point: run_cli(["build", str(p.outline), "-o",
                                                               str(fresh_dir(root, "scale"))]))
        except BenchError as error:
            point.error = str(error)
    print_scaling(points)
    return points


def print_scaling(points: list[ScalePoint]) -> None:
    """slides, pages, seconds, ms per slide and peak RSS for each generated outline."""
    header = ["target", "sections", "slides", "pages", "median s", "min-max s", "ms/slide", "peak RSS MiB"]
    rows = []
    for point in points:
        if point.sample is None:
            rows.append([f"~{point.target}", str(point.sections), "FAILED", point.error[:120], "", "", "", ""])
            continue
        sample = point.sample
        slides = sample.last_count(_SLIDES) or 0
        low, high = sample.spread
        rows.append([f"~{point.target}", str(point.sections), str(slides), str(sample.last_count(_PAGES)),
                     f"{sample.median:.2f}", f"{low:.2f}-{high:.2f}",
                     f"{1000 * sample.median / slides:.1f}" if slides else "-", f"{sample.rss_mib:.0f}"])
    print_table("Scaling: cold builds of generated outlines (N sections x 4 points + 2 paragraphs, locale en)",
                header, rows)


# -- pandoc (row 8) -------------------------------------------------------------------------


def markdown_escape(text: str) -> str:
    """Text that pandoc's Markdown reads back literally."""
    return re.sub(r"([\\`*_\[\]<>#|~^$@{}])", r"\\\1", " ".join(text.split()))


def part_markdown(part, title: str, level: int) -> Iterator[str]:
    """One section or sub-section: heading, bullet points, paragraphs, quotes."""
    yield f"{'#' * level} {markdown_escape(title)}\n"
    if part.points:
        yield "\n".join(f"- {markdown_escape(p)}" for p in part.points) + "\n"
    for paragraph in part.prose:
        yield markdown_escape(paragraph) + "\n"
    for quote in part.quotes:
        yield f"> {markdown_escape(quote.text)}\n>\n> -- {markdown_escape(quote.speaker)}\n"


def outline_markdown(outline_file: Path) -> str:
    """The outline's text content as Markdown: title, summary, headings, points, paragraphs, quotes."""
    from briefing.build.pipeline import load

    outline = load(outline_file)
    meta = outline.meta
    header = ["---", f"title: {json.dumps(meta.title, ensure_ascii=False)}"]
    if meta.subtitle:
        header.append(f"subtitle: {json.dumps(meta.subtitle, ensure_ascii=False)}")
    header += [f"date: {json.dumps(str(meta.date))}", f"lang: {meta.locale.value}", "---", ""]
    blocks = ["# Summary\n", "\n".join(f"- {markdown_escape(s)}" for s in outline.summary) + "\n"]
    for section in outline.sections:
        blocks += part_markdown(section, section.title, 1)
        for sub in section.subsections:
            blocks += part_markdown(sub, sub.title, 2)
    return "\n".join(header) + "\n".join(blocks)


def pptx_slides(path: Path) -> int:
    """Slides in a .pptx, read back with python-pptx."""
    from pptx import Presentation

    return len(Presentation(str(path)).slides)


def pandoc_build(markdown: Path, suffix: str, runs: int, root: Path) -> Sample:
    """`pandoc FILE.md -o OUT.suffix`: docx with a table of contents; pptx with a title slide per
    section and a slide per block of content, as briefing's deck has (--slide-level=2)."""
    extra = ["--toc"] if suffix == "docx" else ["--slide-level=2"]

    def once(index: int) -> Run:
        target = fresh_dir(root, "pandoc") / f"out.{suffix}"
        seconds, _ = run_process(["pandoc", str(markdown), "-o", str(target), *extra], root)
        slides = f"({pptx_slides(target)} slides" if suffix == "pptx" else ""
        return Run(seconds, 0, slides)

    return measure(f"pandoc -> {suffix}", runs, once)


def pandoc_comparison(cases: list[tuple[str, Path, Sample | None]], root: Path, runs: int) -> None:
    """8. The same content through pandoc, next to briefing's cold build."""
    if shutil.which("pandoc") is None:
        print("pandoc is not on PATH: the pandoc comparison is skipped "
              "(Debian: apt-get install -y pandoc).\n")
        return
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    header = ["content", "briefing s", "slides", "pandoc docx s", "pandoc pptx s", "pandoc slides",
              "pandoc total s", "briefing/pandoc"]
    rows = []
    for name, outline, briefing in cases:
        if briefing is None:
            continue
        try:
            markdown = fresh_dir(root, "markdown") / "outline.md"
            markdown.write_text(outline_markdown(outline), encoding="utf-8")
            docx, pptx = (pandoc_build(markdown, suffix, runs, root) for suffix in ("docx", "pptx"))
        except BenchError as error:
            rows.append([name, f"{briefing.median:.2f}", "", "FAILED", str(error)[:100], "", "", ""])
            continue
        total = docx.median + pptx.median
        rows.append([name, f"{briefing.median:.2f}", str(briefing.last_count(_SLIDES)), f"{docx.median:.2f}",
                     f"{pptx.median:.2f}", str(pptx.last_count(_SLIDES)), f"{total:.2f}",
                     f"{briefing.median / total:.1f}x"])
    print_table(f"briefing versus {version} on the same text as Markdown (cold build vs docx + pptx; "
                "pandoc draws no charts, timelines, key figures or notes)", header, rows)


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="runs per row (default 5, or 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="3 runs and a scaling series up to 1000 slides")
    parser.add_argument("--outline", type=Path, default=Path("outline.yaml"),
                        help="outline for the everyday commands (default ./outline.yaml)")
    parser.add_argument("--targets", type=lambda s: tuple(int(t) for t in s.split(",")), default=None,
                        help="slide counts of the scaling series, e.g. 10,100 (default 10,100,1000,2000)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (3 if args.quick else 5)
    args.targets = args.targets or (QUICK_TARGETS if args.quick else FULL_TARGETS)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    outline = args.outline if args.outline.exists() else REPO / "outline.yaml"
    outline = outline.resolve()
    compile_briefing()
    print_machine(args.runs, outline)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        root = Path(temp)
        cold = everyday_commands(outline, root, args.runs)
        points = scaling_series(args.targets, outline, root, args.runs)
        cases = [(f"{outline.name}", outline, cold),
                 *((f"generated ~{p.target} slides", p.outline, p.sample) for p in points)]
        pandoc_comparison(cases, root, args.runs)
    print(f"benchmark finished in {time.perf_counter() - started:.0f} s; load average now {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
