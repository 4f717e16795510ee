"""The logo: every image a user may name either builds, in both outputs, or is refused by name.

Images are made with Pillow (or byte by byte where Pillow will not write
them: an empty PNG), as a user's files would be.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from briefing.outline.logo import LOGO_SIDE_PX, MAX_LOGO_PIXELS
from tests.conftest import FIXTURES
from tests.outline.test_validate import edit
from tests.refusals import refused, run

PNG = (FIXTURES / "logo.png").read_bytes()


def saved(image: Image.Image, kind: str, **options: object) -> bytes:
    output = io.BytesIO()
    image.save(output, kind, **options)
    return output.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def empty_png() -> bytes:
    """A PNG whose header says 0 x 0 pixels (Pillow refuses to write one)."""
    header = struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b"")


def without_jfif(jpeg: bytes) -> bytes:
    """The JPEG with its JFIF (APP0) segment taken out, as some cameras and tools write them."""
    assert jpeg[2:4] == b"\xff\xe0"
    length = int.from_bytes(jpeg[4:6], "big")
    stripped = jpeg[:2] + jpeg[4 + length:]
    assert b"JFIF" not in stripped[:32] and Image.open(io.BytesIO(stripped)).size
    return stripped


def with_logo(outline: Path, name: str, content: bytes | None) -> Path:
    if content is not None:
        (outline.parent / name).write_bytes(content)
    return edit(outline, "sections:", f"theme:\n  logo: {name}\nsections:")


BAD_LOGOS = {
    "truncated PNG": ("logo.png", lambda: PNG[: len(PNG) // 2], "damaged or incomplete"),
    "PNG signature only": ("logo.png", lambda: PNG[:8], "empty, damaged or incomplete"),
    "0 x 0 PNG": ("logo.png", empty_png, "empty, damaged or incomplete"),
    "PNG of 20000 x 20000 pixels": ("logo.png", lambda: saved(Image.new("1", (20000, 20000)), "PNG"),
                                    f"more than {MAX_LOGO_PIXELS:,} pixels"),
    "PNG just over the pixel limit": ("logo.png", lambda: saved(Image.new("1", (5000, 4000)), "PNG"),
                                      "is 5000 x 4000 pixels; a logo may have at most"),
    "truncated JPEG": ("logo.jpg", lambda: saved(Image.new("RGB", (400, 300), "navy"), "JPEG")[:300],
                       "damaged or incomplete"),
    "GIF that is text": ("logo.gif", lambda: b"GIF89a but then nothing an image has", "cannot be read as a GIF"),
}


@pytest.mark.parametrize("case", sorted(BAD_LOGOS))
def test_a_bad_logo_is_refused_by_name_and_place(minimal_outline: Path, case: str) -> None:
    name, make, expected = BAD_LOGOS[case]
    with_logo(minimal_outline, name, make())
    message = refused(minimal_outline, f"'{name}'", where="theme.logo")
    assert expected in message


def test_a_nul_in_the_logo_name_is_a_problem_not_a_crash(minimal_outline: Path) -> None:
    edit(minimal_outline, "sections:", 'theme:\n  logo: "logo\\0.png"\nsections:')
    message = refused(minimal_outline, "theme.logo", where="theme.logo")
    assert "is not a file name" in message


def test_a_folder_named_like_a_logo_is_refused(minimal_outline: Path) -> None:
    (minimal_outline.parent / "logo.png").mkdir()
    with_logo(minimal_outline, "logo.png", None)
    assert "is not a regular file" in refused(minimal_outline, "'logo.png'", where="theme.logo")


def logos_in(path: Path) -> list[Image.Image]:
    """The images a .docx or .pptx carries besides the charts."""
    with zipfile.ZipFile(path) as package:
        return [Image.open(io.BytesIO(package.read(name))) for name in package.namelist()
                if "/media/image" in name]


# JPEGs that real logos are, which python-docx does not recognise as they are.
GOOD_JPEGS = {
    "CMYK with an Adobe marker": lambda: saved(Image.new("CMYK", (300, 100), (0, 255, 255, 0)), "JPEG"),
    "no JFIF header": lambda: without_jfif(saved(Image.new("RGB", (300, 100), (200, 30, 30)), "JPEG")),
}


@pytest.mark.parametrize("case", sorted(GOOD_JPEGS))
def test_jpegs_real_logos_come_as_build_into_both_outputs(minimal_outline: Path, case: str) -> None:
    jpeg = GOOD_JPEGS[case]()
    with_logo(minimal_outline, "logo.jpg", jpeg)
    assert run("validate", str(minimal_outline))[0] == 0
    out = minimal_outline.parent / "build"
    code, message = run("build", str(minimal_outline), "-o", str(out))
    assert code == 0, message
    for output in ("mini.docx", "mini.pptx"):
        [logo] = logos_in(out / output)
        assert (logo.format, logo.mode, logo.size) == ("PNG", "RGB", (300, 100))
        red, green, blue = logo.getpixel((150, 50))
        assert red > 200 and green < 60 and blue < 60  # red, not the inverted colours of a misread CMYK


def test_a_large_logo_is_carried_at_a_size_a_cover_needs(minimal_outline: Path) -> None:
    with_logo(minimal_outline, "logo.png", saved(Image.new("RGBA", (4000, 1000), (0, 0, 255, 128)), "PNG"))
    out = minimal_outline.parent / "build"
    assert run("build", str(minimal_outline), "-o", str(out))[0] == 0
    [logo] = logos_in(out / "mini.pptx")
    assert (logo.mode, logo.size) == ("RGBA", (LOGO_SIDE_PX, LOGO_SIDE_PX // 4))  # transparency kept
