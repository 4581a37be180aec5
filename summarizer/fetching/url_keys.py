"""The key two shares of one article agree on, and the URL as it goes on the wire.

Input: one http(s) URL as found in chat. Output: strings. No network.

- `wire_url` is the URL a fetch sends: the host in punycode (IDNA, UTS #46),
  non-ASCII characters and spaces of path, query and fragment percent-encoded as
  UTF-8, existing escapes kept. `https://baike.baidu.com/item/北京市` fetches
  `/item/%E5%8C%97%E4%BA%AC%E5%B8%82`, never a cut `/item/`.
- `normalize_url` is the share form (shown in roundups, stored with a share):
  the wire URL with lower-case scheme and host, no default port, no share or
  tracking parameters (`TRACKING_PARAMS`, `TRACKING_PREFIXES`, `SITE_TRACKING`),
  the remaining parameters sorted and each name and value re-encoded from its
  decoded form (so `sn=a%3D%3D` and `sn=a==` agree), and no fragment unless it
  is a client-side route (`#/…`, `#!/…`: sina and other single-page sites name
  the article there, so dropping it would collapse every article to the root).
- `link_key` is the cache, claim and "already summarised" key: `normalize_url`
  with the scheme folded to https (an http and an https share of one article
  are one article).

WeChat article links (`__biz`, `mid`, `idx`, `sn`) keep only those four
parameters, in that order: every other one is share noise.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, quote, unquote_plus, urlsplit, urlunsplit

import idna

from summarizer.errors import InvalidURL

__all__ = [
    "SITE_TRACKING",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "link_key",
    "normalize_url",
    "require_http_url",
    "wire_url",
]

_DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = frozenset(
    {"spm", "from", "scene", "srcid", "timestamp", "wxshare", "share_token", "fbclid",
     "gclid", "dclid", "msclkid", "igshid", "isappinstalled", "mc_cid", "mc_eid",
     "clicktime", "enterid", "_hsenc", "_hsmi", "yclid", "mkt_tok"}
)  # fmt: skip
"""Parameters that only say who shared a link, from where, or which ad was clicked."""
TRACKING_PREFIXES = ("utm_", "sharer_", "share_")
SITE_TRACKING: dict[str, frozenset[str]] = {
    # toutiao share links: logging, share session and source app, never the article.
    "toutiao.com": frozenset({"log_from", "wid", "req_id", "tt_from", "share_uid", "upstream_biz",
                              "use_new_style", "app", "timestamp"}),
    # baijiahao: the search-result referrer ("wfr=spider") and the device ("for=pc").
    "baijiahao.baidu.com": frozenset({"wfr", "for"}),
    # X / Twitter share sheet: s = share source client, t = share tracking token.
    "x.com": frozenset({"s", "t", "ref_src", "ref_url"}),
    "twitter.com": frozenset({"s", "t", "ref_src", "ref_url"}),
    # Medium: source = where the reader came from (e.g. "rss----…").
    "medium.com": frozenset({"source", "sk"}),
    # Bloomberg: srnd = referral campaign, sref/leadsource = subscription funnel.
    "bloomberg.com": frozenset({"srnd", "sref", "leadsource", "embedded-checkout"}),
    "zhihu.com": frozenset({"utm_psn", "share_code"}),
    "weibo.com": frozenset({"weibo_id", "dt_dapp"}),
}  # fmt: skip
"""Per-site share parameters, for a host or any of its subdomains."""
_WECHAT_HOST = "mp.weixin.qq.com"
_WECHAT_KEYS = ("__biz", "mid", "idx", "sn")
_SAFE = "!#$%&'()*+,/:;=?@[]~"
_QUERY_SAFE = "!$'()*,/:;@~"
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def require_http_url(url: str) -> SplitResult:
    """Parse an absolute http(s) URL with a host, or raise `InvalidURL`."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise InvalidURL(url) from exc
    blank = any(c.isspace() or not c.isprintable() for c in parts.netloc)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname or blank:
        raise InvalidURL(url)
    return parts


def wire_url(url: str) -> str:
    """`url` as an ASCII URL a client sends: punycode host, UTF-8 percent-encoding."""
    parts = require_http_url(url)
    netloc = _rebuild_netloc(parts, _ascii_host(parts))
    return urlunsplit(
        (parts.scheme, netloc, _encode(parts.path), _encode(parts.query), _encode(parts.fragment))
    )


def normalize_url(url: str) -> str:
    """The share form of `url` (see the module docstring); `InvalidURL` for non-http(s)."""
    parts = require_http_url(url)
    scheme = parts.scheme.lower()
    host = _ascii_host(parts)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    path = _upper_escapes(_encode(parts.path)) or "/"
    query = _clean_query(host, parts.query)
    return urlunsplit((scheme, netloc, path, query, _route(parts.fragment)))


def link_key(url: str) -> str:
    """The cache and dedupe key: `normalize_url`, with http and https as one."""
    key = normalize_url(url)
    return "https" + key[4:] if key.startswith("http:") else key


def _ascii_host(parts: SplitResult) -> str:
    host = (parts.hostname or "").rstrip(".")
    if host.isascii() or ":" in host:
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        return host.encode("idna").decode("ascii")


def _rebuild_netloc(parts: SplitResult, host: str) -> str:
    userinfo = parts.netloc.rpartition("@")[0]
    port = f":{parts.port}" if parts.port is not None else ""
    bracketed = f"[{host}]" if ":" in host else host
    return f"{userinfo + '@' if userinfo else ''}{bracketed}{port}"


def _encode(text: str) -> str:
    return quote(text, safe=_SAFE)


def _upper_escapes(text: str) -> str:
    return _ESCAPE.sub(lambda m: m.group(0).upper(), text)


def _route(fragment: str) -> str:
    """A client-side route (`#/a/1`, `#!/a/1`) names the page; any other fragment does not."""
    return _encode(fragment) if fragment.startswith(("/", "!/")) else ""


def _clean_query(host: str, query: str) -> str:
    pairs = [_decoded(piece) for piece in query.split("&") if piece]
    names = {name for name, _ in pairs}
    if host == _WECHAT_HOST and "__biz" in names:
        by_name = dict(pairs)
        kept = [(name, by_name[name]) for name in _WECHAT_KEYS if name in by_name]
    else:
        noise = _site_noise(host)
        kept = sorted((p for p in pairs if not _is_tracking(p[0], noise)), key=lambda p: p[0])
    return "&".join(_pair(name, value) for name, value in kept)


def _decoded(piece: str) -> tuple[str, str | None]:
    name, sep, value = piece.partition("=")
    return unquote_plus(name), unquote_plus(value) if sep else None


def _pair(name: str, value: str | None) -> str:
    encoded = quote(name, safe=_QUERY_SAFE)
    return encoded if value is None else f"{encoded}={quote(value, safe=_QUERY_SAFE + '=')}"


def _site_noise(host: str) -> frozenset[str]:
    noise: frozenset[str] = frozenset()
    for site, params in SITE_TRACKING.items():
        if host == site or host.endswith("." + site):
            noise |= params
    return noise


def _is_tracking(name: str, site_noise: frozenset[str]) -> bool:
    lowered = name.lower()
    return (
        lowered in TRACKING_PARAMS or lowered in site_noise or lowered.startswith(TRACKING_PREFIXES)
    )
