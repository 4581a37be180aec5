"""Every site rule and wall phrase the extractor knows, in one place.

General rules come first (readability's text-density scoring, trafilatura's
boilerplate model); a site gets a row here only where its article-body
element is stable and a general rule misses it (WeChat hides `#js_content`
until scripts run, so density scorers skip it). The body selector's text is
used as is when it holds at least `MIN_RULE_CHARS` characters.
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
    SiteRule("toutiao.com", "div.article-content article, div.article-content"),
    SiteRule("baijiahao.baidu.com", "div.article-content, div[data-testid=article]"),
    SiteRule("thepaper.cn", "div.news_txt, div[class*=cententWrap]"),
    SiteRule("sina.com.cn", "div#artibody, div.article#article"),
    SiteRule("sohu.com", "article#mp-editor, article.article"),
    SiteRule("163.com", "div.post_body, div#endText"),
    SiteRule("qq.com", "div.content-article, div#Cnt-Main-Article-QQ"),
    SiteRule("huxiu.com", "div#article-content, div.article__content"),
    SiteRule("36kr.com", "div.articleDetailContent"),
    SiteRule("guancha.cn", "div.all-txt"),
)
MIN_RULE_CHARS = 50

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
