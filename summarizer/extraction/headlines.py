"""A page title reduced to the article's headline (no site name, channel or "(图)"),
and a site name that is a name, not a copyright line.

Input: a title candidate (`<h1>`, og:title, `<title>`) and the site's name when
the page gives one. Output: the headline, or None when the candidate is only
the site's name (issue 12: "痞客邦 PIXNET" as a blog post's title).

`<title>` usually appends the site and its channels ("…_新闻频道_中国青年网",
"…-搜狐财经", "… - 维基百科，自由的百科全书", "… | Reuters"). A trailing segment
is dropped only when it names a site — it is the page's site name or holds a
site word (网, 频道, 新闻, 日报, .com, News…) — and so are short channel names
just before a dropped one; a headline that itself has a separator
("两万字长文 | 月亮的100个故事") keeps it.
"""

from __future__ import annotations

import re

__all__ = ["headline", "site_name"]

MAX_SITE_CHARS = 30
MAX_CHANNEL_CHARS = 6
_SEPARATOR = re.compile(r"\s*(?:_{1,2}|-{2}|\s[-–—|]\s|｜|\||(?<=[\u4e00-\u9fff）)”」！？。])-)\s*")
# One "_" closing a Chinese title is the site's or channel's ("…信息平台_振兴东北").
_UNDERSCORE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff）)”」！？。])_([\u4e00-\u9fff]{2,8})$")
_PICTURES = re.compile(r"\s*[(（](?:组|多|高清)?图[)）]\s*$")
_SITE_WORDS = re.compile(
    r"网|频道|新闻|首页|日报|晚报|时报|报$|百科|财经|在线|门户|资讯|中心|博客|论坛"
    r"|\.com|\.cn|\.net|\.org|News|Times|Post|Journal|Reuters|Online|Magazine|Blog|Wikipedia",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[\W_]+")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")  # icon-font glyphs pasted into <title>


def headline(candidate: str, site: str | None) -> str | None:
    """`candidate` without the site's name; None when nothing but the site is left."""
    title = " ".join(_PRIVATE_USE.sub("", candidate).split())
    if _is_site(title, site, whole=True):
        return None
    if site and title.endswith(" " + site):  # "土豆不“土” 土豆无“土” 松花江网"
        title = title[: -len(site)].rstrip(" -–—|｜_")
    parts = _SEPARATOR.split(title)
    cut = len(parts)
    while cut > 1 and _is_site(parts[cut - 1], site, whole=False):
        cut -= 1
    while len(parts) > cut > 1 and len(parts[cut - 1]) <= MAX_CHANNEL_CHARS:
        cut -= 1  # a channel before the site: "…_商贸_产业资讯_新浪网"
    parts = parts[:cut]
    kept = title[: title.rfind(parts[-1]) + len(parts[-1])] if len(parts) > 1 else parts[0]
    return _PICTURES.sub("", _UNDERSCORE_TAIL.sub("", kept)).strip() or None


def _is_site(text: str, site: str | None, *, whole: bool) -> bool:
    letters = _LETTERS.sub("", text.lower())
    if site and letters and letters == _LETTERS.sub("", site.lower()):
        return True
    return not whole and len(text) <= MAX_SITE_CHARS and bool(_SITE_WORDS.search(text))


MAX_SITE_NAME_CHARS = 40
# A copyright line or a software vendor's ("2001-2013 Comsenz Inc.", Discuz forums).
_COPYRIGHT = re.compile(
    r"©|\(c\)|copyright|all rights reserved|版权所有|版权|powered by"
    r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\b(?:Inc|Ltd|LLC|GmbH)\b\.?$",
    re.IGNORECASE,
)


def site_name(raw: str | None) -> str | None:
    """The site's name; None for a copyright or vendor line ("Copyright © 2017 Sohu.com…",
    issue 12; "2001-2013 Comsenz Inc.", the editor's reading of unlabelled pages)."""
    name = " ".join((raw or "").split())
    if not name or _COPYRIGHT.search(name) or len(name) > MAX_SITE_NAME_CHARS:
        return None
    return name
