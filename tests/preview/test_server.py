"""briefing preview's server as a user runs it: only this machine, only what it made, a clear refusal for
a port in use, LibreOffice's pages in the background (or a word where it is missing), and nothing left
running after Ctrl+C."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import copy_default_outline
from tests.outline.test_validate import edit
from tests.preview.running import Preview, descendants, replace_file
from tests.refusals import run

WAIT_SECONDS = 120  # LibreOffice's first pages take ten seconds or so; a busy machine, more


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    return copy_default_outline(tmp_path)


def until(check, what: str):  # type: ignore[no-untyped-def]
    """check()'s first true answer, asked again until it comes; fails after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        answer = check()
        if answer:
            return answer
        time.sleep(0.1)
    raise AssertionError(f"no {what} after {WAIT_SECONDS} s")


def test_a_port_in_use_is_refused_with_what_to_do(outline: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, said = run("preview", str(outline), "--no-browser", "--port", str(port))
    assert code == 2, said
    assert f"port {port} on 127.0.0.1 is in use" in said and "--port 0" in said
    assert "Traceback" not in said


def test_a_missing_outline_or_audience_is_refused(outline: Path) -> None:
    code, said = run("preview", str(outline.with_name("nowhere.yaml")), "--no-browser", "--port", "0")
    assert code == 2 and "nowhere.yaml: no such file" in said, said
    code, said = run("preview", str(outline.parent), "--no-browser", "--port", "0")
    assert code == 2 and "is a folder, not an outline file" in said, said
    code, said = run("preview", str(outline), "--no-browser", "--port", "0", "--audience", "nobody")
    assert code == 2 and "no audience named 'nobody'" in said and "executive" in said, said


@pytest.mark.slow
def test_it_serves_this_machine_only_and_nothing_but_what_it_made(outline: Path) -> None:
    (outline.parent / "secret.txt").write_text("not for the page", encoding="utf-8")
    preview = Preview(outline.parent).started()
    try:
        assert preview.address.startswith("http://127.0.0.1:")
        status, page, kind = preview.get("")
        assert status == 200 and kind.startswith("text/html") and b"static/preview.js" in page
        assert "http" not in page.decode().replace(preview.address, "")  # no asset from the internet
        for asset, kind_wanted in (("static/preview.js", "text/javascript"), ("static/preview.css", "text/css"),
                                   ("static/font.otf", "font/otf")):
            status, _, kind = preview.get(asset)
            assert (status, kind.split(";")[0]) == (200, kind_wanted)
        for path in ("outline.yaml", "secret.txt", "static/../outline.yaml", "static/%2e%2e%2fsecret.txt",
                     "render/render-1/..%2F..%2Fsecret.txt", "render/../secret.txt", "static/preview.html",
                     "logo/0000.png", "render/render-1/slide-1.png"):
            status, body, _ = preview.get(path)
            assert status == 404 and b"not for the page" not in body, path
        # A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) gets nothing.
        rebound = urllib.request.Request(preview.address + "api/view",  # noqa: S310 - the test's local server
                                         headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(rebound, timeout=10)  # noqa: S310 - the test's own local server
        assert refused.value.code == 400
        view = preview.view()
        assert len(view["slides"]) == 27 and view["problems"] == []
        assert {audience["name"] for audience in view["audiences"]} == {"executive", "policy", "creators", "full"}
    finally:
        code, said = preview.stop()
    assert code == 0 and "stopped previewing" in said, said


@pytest.mark.slow
def test_a_broken_outline_at_the_start_is_shown_and_the_preview_comes_once_it_is_fixed(outline: Path) -> None:
    good = outline.read_text(encoding="utf-8")
    edit(outline, "sections:", "sections: [")
    preview = Preview(outline.parent).started()
    try:
        view = preview.view()
        assert view["slides"] == [] and view["problems"]
        assert view["problems"][0]["line"] > 0 and view["problems"][0]["text"]
        replace_file(outline, good)
        view = until(lambda: (found := preview.view())["slides"] and found, "preview once fixed")
        assert view["problems"] == [] and len(view["slides"]) == 27
    finally:
        code, said = preview.stop()
    assert code == 0, said
    assert "1 problem, shown on the page" in said, said


@pytest.mark.slow
def test_without_libreoffice_the_page_says_so(outline: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # a PATH where no LibreOffice or pdftoppm is found
    bare.mkdir()
    preview = Preview(outline.parent, environment={"PATH": str(bare)}).started()
    try:
        office = preview.view()["libreoffice"]
        assert office["state"] == "missing" and "LibreOffice is not installed" in office["message"]
        assert "apt-get install" in office["message"]
        assert all(slide["png"] is None for slide in preview.view()["slides"])
    finally:
        code, said = preview.stop()
    assert code == 0 and "note: LibreOffice is not installed" in said, said


@pytest.mark.libreoffice
def test_libreoffices_pages_replace_the_fast_view_and_a_changed_slide_goes_back_to_it(outline: Path) -> None:
    preview = Preview(outline.parent).started()
    try:
        view = until(lambda: (found := preview.view())["libreoffice"]["state"] == "ready" and found, "render")
        assert all(slide["png"] for slide in view["slides"]) and all(page["png"] for page in view["pages"])
        status, picture, kind = preview.get(view["slides"][0]["png"])
        assert status == 200 and kind == "image/png" and picture.startswith(b"\x89PNG")
        replace_file(outline, outline.read_text(encoding="utf-8").replace(
            "应用从美国谷歌应用商店下架，美国区网站不再显示视频", "只改了第五张幻灯片上的一条要点"))
        changed = until(lambda: (found := preview.view())["version"] > view["version"] and found, "update")
        assert "只改了第五张幻灯片上的一条要点" in changed["slides"][4]["text"]
        assert changed["slides"][4]["png"] is None  # its picture is of the old text: the fast view until the next
        assert [slide["png"] for slide in changed["slides"][5:]] == [slide["png"] for slide in view["slides"][5:]]
        again = until(lambda: (found := preview.view())["libreoffice"]["state"] == "ready" and found, "render")
        assert again["slides"][4]["png"] and again["slides"][4]["png"] != view["slides"][4]["png"]
    finally:
        code, said = preview.stop()
    assert code == 0, said


@pytest.mark.libreoffice
def test_ctrl_c_while_libreoffice_works_ends_it_and_leaves_nothing(outline: Path) -> None:
    preview = Preview(outline.parent).started()
    office = until(lambda: [name for name in descendants(preview.process.pid).values() if "soffice" in name],
                   "LibreOffice at work")
    folders = [path for path in Path("/tmp").glob("briefing-preview-*")
               if any(str(path) in line for line in _command_lines(preview.process.pid))]
    code, said = preview.stop()  # asserts that every process it started, LibreOffice's among them, is gone
    assert office and code == 0 and "stopped previewing" in said, said
    assert folders and not any(folder.exists() for folder in folders)  # its folder, LibreOffice's profile in it


def _command_lines(pid: int) -> list[str]:
    lines = []
    for child in descendants(pid):
        try:
            lines.append(Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return lines
