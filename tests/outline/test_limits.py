"""The README's Limits say the limits the code enforces."""

from __future__ import annotations

from briefing.ooxml.templatefile import (
    MAX_TEMPLATE_BYTES,
    MAX_TEMPLATE_PARTS,
    MAX_TEMPLATE_UNPACKED_BYTES,
    MIN_TEXT_SIDE_CM,
)
from briefing.outline.limits import MAX_BARS_PER_CHART, MAX_EVENTS_PER_CHART
from briefing.outline.load import MAX_EXPANDED_TEXT_BYTES, MAX_NODES
from briefing.outline.logo import LOGO_SIDE_PX, MAX_LOGO_BYTES, MAX_LOGO_PIXELS
from briefing.outline.source import MAX_FILE_BYTES
from tests.conftest import ROOT

MIB = 1024 * 1024


def test_the_readme_states_each_limit() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    limits = readme[readme.index("### Limits"):readme.index("## Audiences")]
    rows = {row.split("|")[1].strip(): row for row in limits.splitlines() if row.startswith("| ")}
    assert f"| {MAX_FILE_BYTES // MIB} MiB, read once" in rows["the outline"]
    assert f"{MAX_NODES:,} values and {MAX_EXPANDED_TEXT_BYTES // MIB} MiB of text" in rows[
        "the outline with its aliases (`&`, `*`) expanded"]
    assert (f"at most {MAX_LOGO_BYTES // MIB} MiB and {MAX_LOGO_PIXELS:,} pixels" in rows["the logo"]
            and f"at most {LOGO_SIDE_PX} pixels a side" in rows["the logo"])
    assert (f"at most {MAX_TEMPLATE_BYTES // MIB} MiB, {MAX_TEMPLATE_PARTS:,} parts and "
            f"{MAX_TEMPLATE_UNPACKED_BYTES // MIB} MiB unpacked") in rows["a template"]
    assert f"at least {MIN_TEXT_SIDE_CM} × {MIN_TEXT_SIDE_CM} cm for text" in rows["a Word template's page"]
    assert (f"at most {MAX_BARS_PER_CHART} statistics, a timeline at most {MAX_EVENTS_PER_CHART} events"
            in rows["a chart"])
