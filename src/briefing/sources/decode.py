"""Bytes to text: by a byte-order mark, the charset the server or the page declares, UTF-8, then GB18030.

GB18030 (a superset of GBK and GB2312) is the usual encoding of Chinese text saved on Windows; it is
tried last, and kept only when what it decodes is mostly Chinese, since many byte strings that are not
Chinese at all decode as GB18030 too.
"""

from __future__ import annotations

import codecs
import re

from briefing.sources.errors import SourceError
from briefing.sources.lines import cjk_share

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# <meta charset="gbk">, or <meta http-equiv="Content-Type" content="text/html; charset=gbk">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_REACH = 4096  # a page declares its charset near its start (HTML says within the first 1024 bytes)
# Charsets read as the superset browsers read them as.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
              "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}
_MOSTLY_CHINESE = 0.5


def declared_in_page(data: bytes) -> str | None:
    """The charset a web page's <meta> declares, if it declares one."""
    found = _META_CHARSET.search(data[:_META_REACH])
    return found.group(1).decode("ascii").lower() if found else None


def _codec(charset: str | None) -> str | None:
    """The codec Python knows `charset` by (read as its superset), or None for a name it does not know."""
    if not charset:
        return None
    charset = _SUPERSETS.get(charset.strip().lower(), charset.strip().lower())
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def decode(data: bytes, name: str, *, declared: str | None = None) -> str:
    """The text of `data`, or a SourceError naming `name` that says how to save it.

    declared: the charset the server or the page gives, tried first.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    for codec in dict.fromkeys(filter(None, (_codec(declared), "utf-8"))):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and cjk_share(text) >= _MOSTLY_CHINESE:
        return text
    if declared and _codec(declared) is None:
        besides = f" (it declares '{declared}', a charset briefing does not know)"
    elif declared and _codec(declared) != "utf-8":
        besides = f", nor {declared} as it declares"
    else:
        besides = ""
    raise SourceError(f"{name} is not UTF-8 text{besides}, nor Chinese text in GB18030; "
                      "open it in a text editor and save it as UTF-8")
