"""Every site rule and wall phrase the extractor knows, in one place.

General methods come first (`summarizer.extraction.choose`); a site gets a
row here only where its article-body element is stable and the general
methods, measured on that site's pages, read it wrong:

- WeChat (mp.weixin.qq.com): the account name is only in `#js_name`
  (2 of 2 pages lose their author without it);
- NetEase (163.com): the platform's disclaimer sits in the article's own
  container after the text, and is prose, so density and readability keep it
  (character F1 0.960 without the rule, 1.0 with);
- Guancha (guancha.cn): the author's other posts follow the text in the
  same list item, as spans, not links (0.911 without, 1.0 with).

Eight more rules (toutiao, baijiahao, thepaper, sina, qq, sohu, huxiu, 36kr)
were removed: on the 12 pages of the first five the general methods read the
text as well or better without them (character F1 0.985 → 1.0 on a toutiao
page, 0.979 → 1.0 on a sina page, 0.98 → 1.0 and 0.930 → 0.948 on qq's, the
rest equal), and no page of the last three was ever measured. Each kept rule
has a page shaped like its site in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteRule:
    """CSS selectors for one site: `host` matches the host or any subdomain."""

    host: str
    body: str
    title: str | None = None
    author: str | None = None


SITE_RULES: tuple[SiteRule, ...] = (
    SiteRule("mp.weixin.qq.com", "#js_content", "#activity-name", "#js_name"),
    SiteRule("163.com", "div.post_body, div#endText"),
    SiteRule("guancha.cn", "div.all-txt"),
)

# Phrases that only a wall shows; matched in the page's visible text when the
# article text found is shorter than `WALL_MAX_CHARS` (a long article that merely
# mentions "subscribe" is still an article).
VERIFICATION_PHRASES = (
    "环境异常",
    "完成验证后即可继续访问",
    "请完成安全验证",
    "请输入验证码",
    "verify you are human",
    "checking your browser before accessing",
    "are you a robot",
)
PAYWALL_PHRASES = (
    "subscribe to continue reading",
    "subscribe to read",
    "to continue reading, subscribe",
    "this article is for subscribers",
    "log in to continue",
    "sign in to continue reading",
    "create a free account to continue",
    "付费阅读",
    "订阅后阅读全文",
    "开通会员后阅读",
    "登录后查看全文",
    "登录后阅读全文",
    "请登录后继续阅读",
)
CONSENT_PHRASES = (
    "we use cookies",
    "cookie consent",
    "manage your privacy choices",
    "accept all cookies",
)
JAVASCRIPT_PHRASES = (
    "enable javascript",
    "javascript is disabled",
    "javascript is required",
    "需要启用javascript",
    "请开启javascript",
)
WALL_MAX_CHARS = 600
# Cookie banners sit on ordinary articles too: a consent *wall* leaves almost no text.
CONSENT_MAX_CHARS = 200

# Below this many non-space characters a page has no article to summarise.
MIN_ARTICLE_CHARS = 80
# A page whose visible text is mostly link text, and whose main text is mostly
# paragraphs that are themselves links (headlines), is a home page or link list.
MAX_PAGE_LINK_DENSITY = 0.5
MAX_LINKED_SHARE = 0.5
