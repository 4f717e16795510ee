"""Every source that cannot be read is refused with a message naming it and saying what to do (exit status 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from briefing.errors import InputError
from briefing.sources import read as read_module
from briefing.sources.read import SourceError, read_article, read_article_bytes

ARTICLE_ZH = "城市公交线路调整方案公布\n\n3 月 4 日，市交通运输局公布了新一轮公交线路调整方案，共涉及 28 条线路。\n"


def refusal(path: Path | str) -> str:
    """The message a source is refused with; it names the source."""
    with pytest.raises(SourceError) as raised:
        read_article(path)
    assert isinstance(raised.value, InputError) and raised.value.exit_code == 2
    message = str(raised.value)
    assert str(path) in message, message
    return message


def test_a_missing_file(tmp_path: Path) -> None:
    assert "no such file; check the path" in refusal(tmp_path / "article.txt")


def test_a_folder(tmp_path: Path) -> None:
    assert "is a folder; pass the article's file in it" in refusal(tmp_path)


def test_a_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the system refuses a file without read permission (which root, running these tests, never meets)."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_ZH, encoding="utf-8")

    def denied(file: object, mode: str = "r") -> object:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(read_module, "open", denied, raising=False)
    assert "Permission denied (check its permissions" in refusal(path)


@pytest.mark.parametrize(("name", "advice"), [
    ("report.pdf", "copy the article's text into a .txt file"),
    ("report.doc", "save it as a Word document (.docx)"),
    ("data.csv", "save the article's text as .txt or .md"),
])
def test_a_format_briefing_does_not_read_says_which_it_does(tmp_path: Path, name: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"anything")
    message = refusal(path)
    assert f"does not read '{path.suffix}' files" in message and advice in message
    assert ".html" in message and ".md" in message and ".docx" in message and ".txt" in message


@pytest.mark.parametrize(("name", "content"), [
    ("empty.txt", b""),
    ("menus.txt", "首页\n新闻\n体育\n版权所有 © 2025".encode()),
    ("headings.md", b"# Title\n\n## One\n\n## Two\n"),
    ("navigation.html", b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"),
])
def test_no_article_text(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    message = refusal(path)
    assert message.startswith(f"no article text found in {path}: ")
    assert message.endswith("; save the article's text as .txt or .md")


def test_an_empty_word_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert "no article text found" in refusal(path)


def test_text_in_no_encoding_briefing_knows(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("Café crème, déjà vu: the résumé of a naïve façade.\n".encode("cp1252"))
    assert "is not UTF-8 text, nor Chinese text in GB18030; open it in a text editor and save it as UTF-8" in (
        refusal(path))


def test_chinese_text_saved_as_gb18030_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE_ZH.encode("gb18030"))
    article = read_article(path)
    assert (article.title, article.blocks[0].text[:7]) == ("城市公交线路调整方案公布", "3 月 4 日")


def test_a_page_whose_declared_charset_is_wrong_or_unknown() -> None:
    page = "<html><head><meta charset='{}'></head><body><p>Café crème, déjà vu: a naïve façade.</p></body></html>"
    message = str(pytest.raises(SourceError, read_article_bytes, page.format("klingon").encode("cp1252"),
                                "page.html").value)
    assert "it declares 'klingon', a charset briefing does not know" in message
    # Declared windows-1252 and written so: read.
    article = read_article_bytes(page.format("windows-1252").encode("cp1252"), "page.html")
    assert article.blocks[0].text == "Café crème, déjà vu: a naïve façade."


@pytest.mark.parametrize(("content", "says"), [
    (b"This is plain text with a .docx name.", "is not a Word .docx file (it is not a zip package)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "is an old Word document (.doc), not a .docx"),
])
def test_what_is_not_a_docx(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    message = refusal(path)
    assert says in message and "save it as a Word document (.docx)" in message


def test_a_zip_that_is_no_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("notes.txt", "not a document")
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    assert "is not a Word document that briefing can read" in refusal(path)


def test_a_file_without_a_suffix_is_known_by_its_content(tmp_path: Path) -> None:
    (tmp_path / "page").write_bytes(b"<!DOCTYPE html><html><head><title>Ferry</title></head><body><article>"
                                    b"<p>The harbour authority announced on Monday that ferries will run every "
                                    b"20 minutes from April 1, up from every 30 minutes.</p></article></body></html>")
    (tmp_path / "note").write_text(ARTICLE_ZH, encoding="utf-8")
    assert read_article(tmp_path / "page").title == "Ferry"
    assert read_article(tmp_path / "note").title == "城市公交线路调整方案公布"
