"""Reading a source into an Article: a file by its suffix (or, without one, by what its bytes look like),
an http(s) address by the media type the server gives.

Every refusal is a SourceError (exit status 2) that names the file or address and says what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from briefing.errors import SystemProblem
from briefing.sources.article import Article, Draft
from briefing.sources.assemble import finish
from briefing.sources.decode import declared_in_page, decode
from briefing.sources.errors import SourceError

__all__ = ["LoadedSource", "SourceError", "load_source", "read_article", "read_article_bytes"]

_ADDRESS = re.compile(r"(?i)https?://")
_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown",
             ".txt": "text", ".text": "text", ".docx": "word"}
_MEDIA_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown",
                "text/x-markdown": "markdown", "text/plain": "text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word"}
_UNTYPED = ("", "application/octet-stream")
KNOWN = "web pages (.html, .htm), Markdown (.md), Word documents (.docx), plain text (.txt) and http(s) addresses"
# What to do with a file of a kind briefing does not read.
_ADVICE = {".doc": "open it in Word and save it as a Word document (.docx)",
           ".rtf": "open it in Word and save it as a Word document (.docx)",
           ".odt": "save it as a Word document (.docx)",
           ".pages": "export it as a Word document (.docx)",
           ".pdf": "copy the article's text into a .txt file and pass that"}
MAX_FILE_BYTES = 50 * 1024 * 1024  # a long article with its pictures, in Word, is a few MB


def _sniffed(data: bytes) -> str:
    """The kind of a file without a suffix, by its first bytes: a zip is Word, markup a web page, else text."""
    if data.startswith(b"PK\x03\x04"):
        return "word"
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start else "text"


def _kind_by_name(data: bytes, name: str) -> str:
    suffix = PurePosixPath(urlsplit(name).path if _ADDRESS.match(name) else name).suffix.lower()
    if not suffix:
        return _sniffed(data)
    if suffix not in _SUFFIXES:
        advice = _ADVICE.get(suffix, "save the article's text as .txt or .md and pass that")
        raise SourceError(f"{name}: briefing does not read '{suffix}' files; it reads {KNOWN}; {advice}")
    return _SUFFIXES[suffix]


def _kind_by_media_type(data: bytes, url: str, media_type: str) -> str:
    if media_type in _UNTYPED or media_type == "text/plain":  # a Markdown file served as plain text, say
        suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
        return _SUFFIXES.get(suffix) or (_sniffed(data) if media_type in _UNTYPED else "text")
    if media_type not in _MEDIA_TYPES:
        raise SourceError(f"{url} gives {media_type}, not a web page or text that briefing reads ({KNOWN}); "
                          "save the article's text as .txt or .md and pass that")
    return _MEDIA_TYPES[media_type]


def _read(data: bytes, location: str, kind: str, *, url: str | None, charset: str | None = None) -> Article:
    """The Article of `data` read as `kind`; `location` is the path or address as given, named in messages."""
    draft: Draft
    if kind == "word":
        from briefing.sources.word import read_word

        draft = read_word(data, location)
    else:
        declared = charset or (declared_in_page(data) if kind == "html" else None)
        text = decode(data, location, declared=declared)
        if kind == "html":
            from briefing.sources.html import read_html

            draft = read_html(text, url)
        elif kind == "markdown":
            from briefing.sources.markdown import read_markdown

            draft = read_markdown(text)
        else:
            from briefing.sources.plaintext import read_text

            draft = read_text(text)
    draft.url = draft.url or url
    return finish(draft, location)


def read_article_bytes(data: bytes, name: str, *, url: str | None = None) -> Article:
    """The Article of a source's bytes; `name` (a file name or an address) gives its kind by its suffix
    and is named in messages; `url` is where the source was found, if the source does not say."""
    return _read(data, name, _kind_by_name(data, name), url=url)


def _file_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise SourceError(f"{path} is a folder; pass the article's file in it ({KNOWN})")
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file; check the path, or pass an http(s) address") from None
    except OSError as error:
        raise SourceError(f"cannot read {SystemProblem.describe(error, path)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, too large for an article; "
                          "save the article's text as .txt or .md and pass that")
    return data


@dataclass(frozen=True)
class LoadedSource:
    """A source as read: its article, its bytes (which a copy keeps), and the file and name of that copy."""

    article: Article
    data: bytes
    path: Path | None  # the file read, for a source on disk; None for an address
    name: str  # a file name its copy can have and be read again by: the file's own, or one for the address


def load_source(location: str | Path) -> LoadedSource:
    """The source at a path or an http(s) address, read (see the module's docstring)."""
    given = str(location)
    if isinstance(location, str) and _ADDRESS.match(given):
        from briefing.sources.fetch import fetch  # urllib and ssl: only for an address

        fetched = fetch(given)
        kind = _kind_by_media_type(fetched.data, given, fetched.media_type)
        article = _read(fetched.data, given, kind, url=fetched.url, charset=fetched.charset)
        return LoadedSource(article, fetched.data, None, _copy_name(fetched.url, kind))
    path = Path(given)
    data = _file_bytes(path)
    return LoadedSource(_read(data, given, _kind_by_name(data, given), url=None), data, path, path.name)


def read_article(location: str | Path) -> Article:
    """The Article at a path or an http(s) address."""
    return load_source(location).article


_KIND_SUFFIXES = {"html": ".html", "markdown": ".md", "text": ".txt", "word": ".docx"}


def _copy_name(url: str, kind: str) -> str:
    """A file name for a page's copy: the last part of its address, made safe, with its kind's suffix."""
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem or parts.hostname or "source"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:60] or "source"
    return stem + _KIND_SUFFIXES[kind]
