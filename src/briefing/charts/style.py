"""matplotlib set up once: headless backend, the bundled Chinese font, literal text.

Figures are made as matplotlib.figure.Figure, never through pyplot: no
global figure state to close, and pyplot's import is not paid.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, BinaryIO

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402

from briefing.outline.model import Locale  # noqa: E402
from briefing.text.fonts import SANS_FAMILY, sans_path  # noqa: E402

DPI = 220


def bundled_font_entry() -> font_manager.FontEntry:
    """The bundled font as matplotlib's addfont() lists it (a test holds the two equal).

    Given rather than read: addfont opens the 8 MB file only to learn these, about 13 ms of a
    first build's longest path, and the font is opened again to draw anyway.
    """
    return font_manager.FontEntry(fname=str(sans_path()), name=SANS_FAMILY, style="normal", variant="normal",
                                  weight=400, stretch="normal", size="scalable")


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    font_manager.fontManager.ttflist.append(bundled_font_entry())


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
            # Hinting snaps glyphs to a screen's pixel grid: at print resolution it changes
            # nothing a reader sees, and the autohinter took a fifth of the time a timeline takes.
            "text.hinting": "no_hinting",
        }
    )
    # Open the fonts now (the Chinese one is 8 MB), once, rather than in each process that
    # draws a share of the charts.
    RendererAgg(1, 1, DPI).get_text_width_height_descent("中A", font_manager.FontProperties(), ismath=False)


def write_png(figure: Figure, handle: BinaryIO) -> None:
    """The figure as an opaque RGB PNG at DPI.

    savefig writes RGBA; charts have a white background, and without the alpha channel there is
    a quarter less to encode (about 20 ms of a first build) and to store. No 'Software' stamp,
    so an image depends only on its content; zlib's fastest level, as a chart's PNG shrinks by
    only 3% at the default one.
    """
    figure.set_dpi(DPI)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    rgba.convert("RGB").save(handle, format="png", dpi=(DPI, DPI), compress_level=1)


def hex_color(value: str) -> str:
    return f"#{value}"


def inch_canvas(size_in: tuple[float, float]) -> tuple[Figure, Any]:
    """A blank figure of this size whose axes measure inches from its top left corner, y downwards:
    for charts drawn as laid-out shapes and text (timelines, large figures) rather than plotted."""
    width, height = size_in
    figure = Figure(figsize=size_in)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.axis("off")
    return figure, axes
