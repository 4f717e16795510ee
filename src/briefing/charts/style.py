"""matplotlib set up once: headless backend, the bundled Chinese font, literal text.

Figures are made as matplotlib.figure.Figure, never through pyplot: no
global figure state to close, and pyplot's import is not paid.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402

from briefing.fonts import SANS_FAMILY, sans_path  # noqa: E402
from briefing.outline.model import Locale  # noqa: E402

DPI = 220
WIDTH_IN = 6.4  # the text width of an A4 page with 2.2 cm margins


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    font_manager.fontManager.addfont(str(sans_path()))


def configure(locale: Locale) -> None:
    """Chinese text in the bundled Noto Sans SC, never DejaVu Sans (it has no Chinese).

    An English outline is set in DejaVu Sans, which matplotlib ships, with Noto
    Sans SC behind it for any Chinese character it contains.
    """
    _register_fonts()
    families = [SANS_FAMILY] if locale is Locale.ZH_CN else ["DejaVu Sans", SANS_FAMILY]
    matplotlib.rcParams.update(
        {
            "font.family": families,
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
