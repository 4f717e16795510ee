"""An http(s) address: the page's bytes, where it ended up after redirects, its media type and charset.

Every failure is a SourceError that names the address and says what to do, which, when the site will
not give briefing the page, is to open it in a browser, save it, and pass the saved file.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from briefing import __version__
from briefing.sources.errors import SourceError

TIMEOUT_SECONDS = 15.0
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = f"briefing/{__version__} (drafts an outline from an article; Python urllib)"
SAVE_IT = "or open it in a browser, save the page (.html) and pass the saved file"


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # where the page was found, after any redirects
    media_type: str  # 'text/html', lower case, without parameters; '' when the server gives none
    charset: str | None  # the charset the server declares, if it declares one


def _http_error(url: str, error: urllib.error.HTTPError) -> SourceError:
    code = f"HTTP {error.code} {error.reason}".strip()
    if error.code in (404, 410):
        return SourceError(f"{url}: the site has no such page ({code}); check the address, {SAVE_IT}")
    if error.code in (401, 403, 407, 451):
        return SourceError(f"{url}: the site refused to give briefing the page ({code}); {SAVE_IT}")
    if error.code == 429 or error.code >= 500:
        return SourceError(f"{url}: the site could not give the page now ({code}); try again later, {SAVE_IT}")
    return SourceError(f"{url}: the site answered {code}; {SAVE_IT}")


def _connection_error(url: str, reason: object) -> SourceError:
    if isinstance(reason, socket.gaierror):
        return SourceError(f"{url}: cannot find the site (no such host name, or no connection to the internet); "
                           f"check the address and your connection, {SAVE_IT}")
    if isinstance(reason, TimeoutError):
        return SourceError(f"{url}: no answer within {TIMEOUT_SECONDS:g} s; try again later, {SAVE_IT}")
    if isinstance(reason, ConnectionRefusedError):
        return SourceError(f"{url}: the site refused the connection; check the address, {SAVE_IT}")
    if isinstance(reason, ssl.SSLError):
        return SourceError(f"{url}: no secure connection to the site ({reason}); {SAVE_IT}")
    return SourceError(f"{url}: cannot get the page ({reason}); {SAVE_IT}")


def fetch(url: str) -> Fetched:
    """The page at an http(s) address, redirects followed; a SourceError saying what went wrong otherwise."""
    # The scheme is http or https (read.py sends nothing else here), never file: or another.
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise _too_large(url)
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise _too_large(url)
            return Fetched(data, response.geturl(), response.headers.get_content_type().lower()
                           if response.headers.get("Content-Type") else "",
                           response.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        raise _http_error(url, error) from None
    except urllib.error.URLError as error:
        raise _connection_error(url, error.reason) from None
    except OSError as error:  # while reading: a timeout, a connection reset
        raise _connection_error(url, error) from None
    except (http.client.HTTPException, ValueError) as error:
        raise SourceError(f"{url}: cannot get the page ({error or type(error).__name__}); {SAVE_IT}") from None


def _too_large(url: str) -> SourceError:
    return SourceError(f"{url}: the page is larger than {MAX_BYTES // (1024 * 1024)} MB, too large for an article; "
                       f"save the article's text as .txt or .md and pass the file")
