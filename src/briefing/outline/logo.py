"""The logo: decoded in full before a build, and made into a PNG both writers and Office take.

A file that starts like an image can still be truncated, empty (0 x 0) or
twenty thousand pixels square; and real logos come as JPEGs python-docx
does not recognise (CMYK with an Adobe marker, no JFIF header). Decoding the
whole image here catches the first kind with the file's name, and
re-encoding it as an RGB(A) PNG, no larger than a cover needs, gives both
writers one kind of image they and every Office client handle.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from briefing.errors import AssetProblem
from briefing.outline.assets import Logo

# The largest image decoded (a 4000 x 4000 pixel logo is 16 million): bounds the time and memory a logo takes.
MAX_LOGO_PIXELS = 16_000_000
MAX_LOGO_BYTES = 20 * 1024 * 1024
# The logo is printed under 2 cm high: this many pixels on its longest side are plenty.
LOGO_SIDE_PX = 2048

_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
# What each kind of file starts with: a file that does not is not that kind at all.
_SIGNATURES = {"PNG": (b"\x89PNG\r\n\x1a\n",), "JPEG": (b"\xff\xd8\xff",), "GIF": (b"GIF87a", b"GIF89a")}
_RESAVE = "open it in an image editor and save it again as PNG"
_SCALE_DOWN = "scale it down; a logo is printed under 2 cm high"


def prepare_logo(path: Path, name: str) -> Logo:
    """The logo decoded, checked and re-encoded, or AssetProblem saying what is wrong with it."""
    kind = _FORMATS[path.suffix.lower()]
    with path.open("rb") as file:
        content = file.read(MAX_LOGO_BYTES + 1)  # no more, however large the file is or grows
    if len(content) > MAX_LOGO_BYTES:
        raise AssetProblem(f"'{name}' is larger than {MAX_LOGO_BYTES // 1024 // 1024} MiB, the limit for a logo",
                           _SCALE_DOWN)
    if not content.startswith(_SIGNATURES[kind]):
        raise AssetProblem(f"'{name}' is not really a {path.suffix.lower()} file (its content does not match)",
                           "give the file the extension of what it is, or save it as PNG")
    try:
        # Pillow warns of a decompression bomb above 89 million pixels and refuses above twice that:
        # both are beyond the limit here, and said as such.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content), formats=[kind])
        _check_size(image.size, name)
        image.verify()  # the whole file: chunks and checksums
        image = Image.open(io.BytesIO(content), formats=[kind])
        image.load()  # the whole picture: a truncated one fails here
        png, (width, height) = _as_png(image)
    except AssetProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AssetProblem(f"'{name}' has more than {MAX_LOGO_PIXELS:,} pixels, the limit for a logo",
                           _SCALE_DOWN) from None
    except UnidentifiedImageError:
        raise AssetProblem(f"'{name}' cannot be read as a {kind} image: it is empty, damaged or incomplete",
                           _RESAVE) from None
    except Exception as error:  # noqa: BLE001 - any failure to decode a user's file is that file's problem
        raise AssetProblem(f"'{name}' cannot be read as a {kind} image: it is damaged or incomplete ({error})",
                           _RESAVE) from None
    return Logo(path, png, width, height)


def _check_size(size: tuple[int, int], name: str) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise AssetProblem(f"'{name}' has no pixels ({width} x {height})", _RESAVE)
    if width * height > MAX_LOGO_PIXELS:
        raise AssetProblem(f"'{name}' is {width} x {height} pixels; a logo may have at most {MAX_LOGO_PIXELS:,} pixels",
                           _SCALE_DOWN)


def _as_png(image: Image.Image) -> tuple[bytes, tuple[int, int]]:
    """An RGB or RGBA PNG and its size, turned as its EXIF says, at most LOGO_SIDE_PX on its longest side."""
    image = ImageOps.exif_transpose(image)
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    # CMYK (an Adobe JPEG's inverted CMYK included), grey, palette and 16-bit images all become RGB(A).
    image = image.convert("RGBA" if transparent else "RGB")
    image.thumbnail((LOGO_SIDE_PX, LOGO_SIDE_PX), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, "PNG")  # no dates or other metadata: the same logo gives the same bytes
    return output.getvalue(), image.size
