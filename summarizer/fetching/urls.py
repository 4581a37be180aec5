"""Links in chat messages: find them, judge them, and reduce them to a cache key.

Input: chat text or one URL. Output: URLs as strings. Nothing here touches the
network; `InvalidURL` is the only failure (from `require_http_url`).

- `find_links` reads Slack's `<https://x|label>` and Discord's `<https://x>`
  wrappers as well as bare links. A bare link ends at whitespace, at the first
  non-ASCII character (a URL pasted as text is ASCII; Chinese prose often follows
  it with no space) and loses trailing punctuation, so "见https://a.cn/x。" and
  "(https://a.cn/x)." both give "https://a.cn/x".
- `normalize_url` makes the key two shares of one article agree on: lower-case
  scheme and host, no default port, no fragment, no tracking parameters (the
  tables below). WeChat article links keep only the four parameters that name
  the article.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from summarizer.errors import InvalidURL

__all__ = [
    "article_links",
    "find_links",
    "is_article_candidate",
    "normalize_url",
    "public_link",
    "require_http_url",
    "strip_userinfo",
]

_SCHEMES = {"http": 80, "https": 443}
_TRACKING_PARAMS = frozenset(
    {"spm", "from", "scene", "srcid", "timestamp", "wxshare", "share_token", "fbclid",
     "gclid", "igshid", "isappinstalled", "mc_cid", "mc_eid", "clicktime", "enterid"}
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "sharer_", "share_")
_WECHAT_HOST = "mp.weixin.qq.com"
_WECHAT_KEYS = ("__biz", "mid", "idx", "sn")
_CHAT_HOSTS = ("slack.com", "discord.com", "discordapp.com", "discordapp.net", "discord.gg")
_MEDIA_EXTENSIONS = frozenset(
    {"png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "ico", "tif", "tiff", "heic", "avif",
     "mp4", "m4v", "mov", "webm", "mkv", "avi", "flv", "wmv", "mp3", "m4a", "wav", "ogg",
     "oga", "flac", "aac", "opus", "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz",
     "zst", "dmg", "exe", "apk", "iso"}
)  # fmt: skip

_WRAPPED = re.compile(r"<(https?://[^<>|\s]+)(?:\|[^<>]*)?>", re.IGNORECASE)
_BARE = re.compile(r"(?i:https?)://[!#-;=?-_a-~]+")  # printable ASCII but quotes, <, >, `
_TRAILING = ".,;:!?'*_~}"
_PAIRS = {")": "(", "]": "["}


def require_http_url(url: str) -> SplitResult:
    """Parse an absolute http(s) URL with a host, or raise `InvalidURL`."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise InvalidURL(url) from exc
    blank = any(c.isspace() or not c.isprintable() for c in parts.netloc)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname or blank:
        raise InvalidURL(url)
    return parts


def strip_userinfo(url: str) -> str:
    """`url` without its `user:password@`, so pasted credentials are never shown, stored or sent.

    httpx would send them as Basic auth; a digest would publish them in its site
    line and button. Left unchanged when there are none or `url` cannot be parsed.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def public_link(url: str | None) -> str | None:
    """An http(s) URL fit for a button or an embed (credentials removed), else None.

    A front matter `url: javascript:alert(1)` or `not a url` is no link at all.
    """
    if not url:
        return None
    try:
        require_http_url(url)
    except InvalidURL:
        return None
    return strip_userinfo(url.strip())


def normalize_url(url: str) -> str:
    """The cache and dedupe key for `url`; raises `InvalidURL` for non-http(s) input."""
    parts = require_http_url(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != _SCHEMES[scheme]:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((scheme, netloc, parts.path or "/", _clean_query(host, parts.query), ""))


def _clean_query(host: str, query: str) -> str:
    pieces = [p for p in query.split("&") if p]
    if host == _WECHAT_HOST and any(_key(p) == "__biz" for p in pieces):
        by_key = {_key(p): p for p in pieces}
        return "&".join(by_key[k] for k in _WECHAT_KEYS if k in by_key)
    return "&".join(p for p in pieces if not _is_tracking(_key(p)))


def _key(piece: str) -> str:
    return unquote_plus(piece.split("=", 1)[0])


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def find_links(text: str) -> list[str]:
    """The http(s) links in a chat message, in order of appearance, without repeats."""
    found: list[tuple[int, str]] = []
    for match in _WRAPPED.finditer(text):
        found.append((match.start(), match.group(1).replace("&amp;", "&")))
    unwrapped = _WRAPPED.sub(lambda m: " " * len(m.group(0)), text)
    for match in _BARE.finditer(unwrapped):
        found.append((match.start(), _trim(match.group(0))))
    links: list[str] = []
    seen: set[str] = set()
    for _, link in sorted(found):
        key = _dedupe_key(link)
        if key is not None and key not in seen:
            seen.add(key)
            links.append(link)
    return links


def _trim(link: str) -> str:
    """Drop punctuation that ends the sentence, keeping balanced brackets (Wikipedia)."""
    while link and (link[-1] in _TRAILING or link[-1] in _PAIRS):
        closer = link[-1]
        if closer in _PAIRS and link.count(_PAIRS[closer]) >= link.count(closer):
            break
        link = link[:-1]
    return link


def _dedupe_key(link: str) -> str | None:
    try:
        return normalize_url(link)
    except InvalidURL:
        return None


def is_article_candidate(url: str) -> bool:
    """False for links to the chat platforms themselves and to media or archive files."""
    try:
        parts = require_http_url(url)
    except InvalidURL:
        return False
    host = (parts.hostname or "").rstrip(".")
    if any(host == chat or host.endswith("." + chat) for chat in _CHAT_HOSTS):
        return False
    last = unquote_plus(parts.path).rsplit("/", 1)[-1]
    extension = last.rsplit(".", 1)[-1].lower() if "." in last else ""
    return extension not in _MEDIA_EXTENSIONS


def article_links(text: str) -> list[str]:
    """The links in a chat message worth summarising, in order, without repeats."""
    return [strip_userinfo(link) for link in find_links(text) if is_article_candidate(link)]
