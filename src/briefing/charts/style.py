"""matplotlib set up once: headless backend, the bundled Chinese font, literal text."""

from __future__ import annotations

from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

from briefing.fonts import SANS_FAMILY, sans_path  # noqa: E402

DPI = 220
WIDTH_IN = 6.4  # the text width of an A4 page with 2.2 cm margins


@lru_cache(maxsize=1)
def configure() -> None:
    """Use the bundled Noto Sans SC everywhere; never DejaVu Sans, which has no Chinese."""
    font_manager.fontManager.addfont(str(sans_path()))
    plt.rcParams.update(
        {
            "font.family": [SANS_FAMILY],
            "font.size": 9,
            # '$' in a label is a dollar sign, not the start of a formula.
            "text.parse_math": False,
            "axes.unicode_minus": False,
            "svg.hashsalt": "briefing",
            "savefig.dpi": DPI,
        }
    )


def hex_color(value: str) -> str:
    return f"#{value}"
