"""Reading an http(s) address, from pages served by a local http.server on 127.0.0.1 (no internet):
charsets, redirects, and a message that says what to do for every failure."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from briefing.sources import fetch
from briefing.sources.read import SourceError, read_article
from tests.conftest import FIXTURES
from tests.sources.site import Routes, serving

PAGE = (FIXTURES / "sources" / "bus-routes.zh.html").read_bytes()
# The same article as an old Chinese site serves it: GBK, its charset in the page or the header alone.
GBK_PAGE = PAGE.decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">').encode("gb18030")
GBK_BARE = PAGE.decode("utf-8").replace('<meta charset="utf-8">', "").encode("gb18030")
# A page that names no address of its own, to be known by where it was found.
NO_ADDRESS = PAGE.replace(b'<link rel="canonical" href="https://news.example.cn/local/2025/0304/bus.html">', b"")
TEXT = ("城市公交线路调整方案公布\n发布时间：2025-03-04\n"
        "3 月 4 日，市交通运输局公布了新一轮公交线路调整方案，共涉及 28 条线路。\n")

ROUTES: Routes = {
    "/bus.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/gbk-in-page": (200, {"Content-Type": "text/html"}, GBK_PAGE),
    "/gbk-in-header": (200, {"Content-Type": "text/html; charset=GBK"}, GBK_BARE),
    "/moved": (302, {"Location": "/no-address"}, b""),
    "/no-address": (200, {"Content-Type": "text/html; charset=utf-8"}, NO_ADDRESS),
    "/bus.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, TEXT.encode()),
    "/forbidden": (403, {"Content-Type": "text/html"}, b"<h1>Forbidden</h1>"),
    "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
    "/slow": (200, {"Content-Type": "text/html"}, PAGE),
}


# The User-Agents the site is asked with, by the site's address, as it receives them.
AGENTS: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The address of a local site serving ROUTES."""
    with serving(ROUTES) as (address, agents):
        AGENTS[address] = agents
        yield address


def refusal(address: str) -> str:
    with pytest.raises(SourceError) as raised:
        read_article(address)
    assert raised.value.exit_code == 2
    message = str(raised.value)
    assert message.startswith(address), message
    return message


def test_a_page_at_an_address(site: str) -> None:
    article = read_article(f"{site}/bus.html")
    assert (article.location, article.title, article.url, article.publisher) == (
        f"{site}/bus.html", "城市公交线路调整方案公布", "https://news.example.cn/local/2025/0304/bus.html",
        "示例资讯网")
    assert article.blocks[1].text == "一、调整的原因"
    assert "briefing/" in AGENTS[site][-1]


@pytest.mark.parametrize("path", ["/gbk-in-page", "/gbk-in-header"])
def test_a_page_decoded_by_the_charset_it_or_its_server_declares(site: str, path: str) -> None:
    article = read_article(site + path)
    assert article.title == "城市公交线路调整方案公布"
    assert article.blocks[0].text.startswith("3 月 4 日，市交通运输局公布了新一轮公交线路调整方案")


def test_a_redirect_is_followed_and_the_page_known_by_where_it_ended(site: str) -> None:
    article = read_article(f"{site}/moved")
    assert (article.location, article.url) == (f"{site}/moved", f"{site}/no-address")
    assert article.title == "城市公交线路调整方案公布"


def test_plain_text_at_an_address(site: str) -> None:
    article = read_article(f"{site}/bus.txt")
    assert (article.title, article.url, len(article.blocks)) == ("城市公交线路调整方案公布", f"{site}/bus.txt", 1)


def test_a_missing_page(site: str) -> None:
    message = refusal(f"{site}/gone.html")
    assert "HTTP 404" in message and "check the address" in message and "save the page" in message


def test_a_site_that_refuses(site: str) -> None:
    message = refusal(f"{site}/forbidden")
    assert "HTTP 403" in message and "save the page (.html) and pass the saved file" in message


def test_what_is_not_a_web_page(site: str) -> None:
    message = refusal(f"{site}/report.pdf")
    assert "gives application/pdf" in message and "save the article's text as .txt or .md" in message


def test_a_page_too_large(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    assert "larger than" in refusal(f"{site}/bus.html")


def test_a_site_that_does_not_answer_in_time(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.3)
    message = refusal(f"{site}/slow")
    assert "no answer within 0.3 s" in message and "save the page" in message


def test_a_host_that_does_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name lookup fails as it does for a mistyped host, without asking a name server."""
    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    message = refusal("https://news.example.invalid/bus.html")
    assert "cannot find the site" in message and "check the address" in message


def test_a_server_that_is_not_there() -> None:
    with socket.socket() as probe:  # a port nothing listens on, once the probe lets it go
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "refused the connection" in refusal(f"http://127.0.0.1:{port}/bus.html")
