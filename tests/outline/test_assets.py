"""Files an outline names: inside its folder, present, and of the kind their name says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.build.pipeline import build
from briefing.outline import OutlineError, read_outline
from tests.conftest import FIXTURES
from tests.outline.test_validate import edit

PNG = (FIXTURES / "logo.png").read_bytes()


def with_logo(outline: Path, name: str) -> Path:
    return edit(outline, "sections:", f"theme:\n  logo: {name}\nsections:")


def logo_error(outline: Path) -> str:
    with pytest.raises(OutlineError) as caught:
        read_outline(outline)
    [message] = caught.value.messages()
    assert "theme.logo:" in message
    return message


def test_a_logo_beside_the_outline_is_on_the_cover(minimal_outline: Path, tmp_path: Path) -> None:
    (minimal_outline.parent / "assets").mkdir()
    (minimal_outline.parent / "assets" / "logo.png").write_bytes(PNG)
    with_logo(minimal_outline, "assets/logo.png")
    build(minimal_outline, tmp_path / "out")
    import docx

    document = docx.Document(str(tmp_path / "out" / "mini.docx"))
    assert len(document.inline_shapes) == 3  # the logo and two charts
    assert document.paragraphs[0]._p.xpath(".//pic:pic")  # first on the cover


@pytest.mark.parametrize("name", ["../logo.png", "/etc/passwd.png", "assets/../../logo.png"])
def test_paths_leaving_the_folder_are_refused(minimal_outline: Path, name: str) -> None:
    with_logo(minimal_outline, name)
    assert "outside the outline's folder" in logo_error(minimal_outline)


def test_a_symlink_out_of_the_folder_is_refused(minimal_outline: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "logo.png"
    elsewhere.write_bytes(PNG)
    os.symlink(elsewhere, minimal_outline.parent / "logo.png")
    with_logo(minimal_outline, "logo.png")
    assert "link to a file outside" in logo_error(minimal_outline)


def test_missing_and_mislabelled_files(minimal_outline: Path) -> None:
    with_logo(minimal_outline, "nope.png")
    assert "does not exist" in logo_error(minimal_outline)
    (minimal_outline.parent / "fake.png").write_text("not an image")
    edit(minimal_outline, "logo: nope.png", "logo: fake.png")
    assert "is not really a .png file" in logo_error(minimal_outline)
    edit(minimal_outline, "logo: fake.png", "logo: notes.txt")
    assert "is not a .png or .jpg or .jpeg or .gif file" in logo_error(minimal_outline)
