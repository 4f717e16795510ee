"""How the tool must refuse an input: exit 2, the file named, no traceback, nothing written.

Both commands are run as a user runs them (the click command, in this
process): `validate` must call the input invalid where `build` refuses it.
"""

from __future__ import annotations

import gc
import signal
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main


def run(*args: str) -> tuple[int, str]:
    """(exit code, what was printed) of a command."""
    # The command sets what a process of its own would keep: the tests' process gets its own back.
    on_sigterm = signal.getsignal(signal.SIGTERM)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        gc.unfreeze()  # 'build' freezes what it has imported, which in a process of its own lives until the exit
        signal.signal(signal.SIGTERM, on_sigterm)  # every command turns SIGTERM into an interrupt
    return result.exit_code, result.output


def refused(outline: Path, named: str, *build_options: str, where: str | None = None) -> str:
    """Check that validate (for files the outline names) and build refuse, naming `named`; build's message.

    where: the outline's key path the problem is placed at ('theme.logo'), with its file:line:col.
    """
    out = outline.parent / "build"
    commands = [["build", str(outline), "-o", str(out), "--force", *build_options]]
    if not build_options:  # files on the command line are build's alone
        commands.insert(0, ["validate", str(outline)])
    message = ""
    for command in commands:
        code, message = run(*command)
        assert code == 2, f"{command[0]}: exit {code}\n{message}"
        assert "Traceback" not in message and "internal error" not in message, message
        assert named in message, message
        if where is not None:
            assert f"{outline}:" in message and f": {where}: " in message, message
    assert not out.exists() or not [path for path in out.iterdir() if path.name != ".cache"], "an output was written"
    return message
