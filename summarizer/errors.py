"""Every failure digestbot reports, as one tree, each with a user-facing line.

    DigestbotError
    ├── InputError              the text or file given is not something to summarise
    │   ├── EmptyInput          nothing but whitespace
    │   ├── BinaryInput         bytes that are not text
    │   ├── InputTooLarge       over the size limit
    │   ├── NoSentences         text, but no sentence to pick
    │   └── UnsupportedLanguage neither Chinese nor English (German, Japanese…)
    └── FetchError              a link could not be turned into an article
        ├── InvalidURL          not an http(s) URL we can parse
        ├── Blocked             a private/loopback/metadata address (SSRF guard)
        ├── Unreachable         DNS or connection failure
        ├── Timeout             the host was too slow
        ├── TooLarge            the body exceeded the size limit
        ├── HTTPStatus          the server answered 4xx/5xx
        ├── NotAnArticle        images, video, archives, home pages, link lists
        ├── Walled              paywall, login, consent or verification wall
        └── Unreadable          no text could be decoded (mojibake, empty page)
    └── WorkError               the reading was stopped before it finished
        ├── TooComplex          over the time or memory budget of a job
        ├── WorkLost            the worker process died mid-job (OOM, crash, kill)
        └── Restarting          the bot is shutting down

Adapters show `error.user_message(lang)`: one line, in the requester's
language, never a traceback. The messages live here and nowhere else.
"""

from __future__ import annotations

import re
from typing import ClassVar

DETAIL_CHARS = 100
_MARKUP = re.compile(r"[^\w .,;:%/+'=?&#~-]|_")  # brackets, parentheses, *, _, `, |, <, >, controls


class DigestbotError(Exception):
    """Base of every error digestbot explains to a user."""

    en: ClassVar[str] = "Something went wrong while reading this."
    zh: ClassVar[str] = "读取时出了点问题。"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.en)
        self.detail = detail

    def __reduce__(self) -> tuple[type[DigestbotError], tuple[str]]:
        # Errors cross from worker processes to the event loop by pickling.
        return type(self), (self.detail,)

    def user_message(self, lang: str = "en") -> str:
        """One friendly line for chat, in Chinese when `lang` is "zh"."""
        detail = shown_detail(self.detail)
        if lang == "zh":
            return f"{self.zh}（{detail}）" if detail else self.zh
        return f"{self.en} ({detail})" if detail else self.en


def shown_detail(detail: str) -> str:
    """`detail` made inert for a chat line: one line, no markup or link syntax, shortened.

    Details can carry text from outside (a URL someone pasted, a header a server
    sent); in chat, `[x](https://…)`, `<…|…>` or a bare `https://` would be a live link.
    """
    text = _MARKUP.sub("", " ".join(detail.split())).replace("://", ":\u200b//")
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


class InputError(DigestbotError):
    en = "I couldn't summarise that input."
    zh = "无法摘要这段输入。"


class EmptyInput(InputError):
    en = "There is no text to summarise."
    zh = "没有可摘要的文字。"


class BinaryInput(InputError):
    en = "That looks like a binary file, not text."
    zh = "这看起来是二进制文件，不是文字。"


class InputTooLarge(InputError):
    en = "That is too long to summarise."
    zh = "内容太长，无法摘要。"


class NoSentences(InputError):
    en = "I found no sentences to summarise."
    zh = "没有找到可以摘要的句子。"


class UnsupportedLanguage(InputError):
    en = "I can only summarise Chinese and English text, sorry."
    zh = "抱歉，我只能摘要中文和英文的文字。"


class FetchError(DigestbotError):
    en = "Couldn't read this article."
    zh = "无法读取这篇文章。"


class InvalidURL(FetchError):
    en = "That is not a link I can open."
    zh = "这个链接无法打开。"


class Blocked(FetchError):
    en = "That address is private or not allowed, so I won't fetch it."
    zh = "该地址属于内网或不被允许，已拒绝访问。"


class Unreachable(FetchError):
    en = "Couldn't reach the site."
    zh = "无法连接到该网站。"


class Timeout(FetchError):
    en = "The site took too long to answer."
    zh = "网站响应超时。"


class TooLarge(FetchError):
    en = "The page is too large to read."
    zh = "页面太大，无法读取。"


class HTTPStatus(FetchError):
    en = "The site answered with an error."
    zh = "网站返回了错误。"

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(detail or f"HTTP {status}")
        self.status = status

    def __reduce__(self) -> tuple[type[HTTPStatus], tuple[int, str]]:  # type: ignore[override]
        return type(self), (self.status, self.detail)


class NotAnArticle(FetchError):
    en = "That link is not an article."
    zh = "该链接不是文章。"


class Walled(FetchError):
    en = "Couldn't read this article: it is behind a paywall, login or verification page."
    zh = "无法读取这篇文章：它需要付费、登录或验证。"


class Unreadable(FetchError):
    en = "Couldn't read this article: no readable text."
    zh = "无法读取这篇文章：没有可读的文字。"


class WorkError(DigestbotError):
    en = "I couldn't finish reading this; please try again."
    zh = "没能读完，请再试一次。"


class TooComplex(WorkError):
    en = "That page is too complex to read."
    zh = "这个页面太复杂，无法读取。"


class WorkLost(WorkError):
    en = "I couldn't finish reading that page; please try again."
    zh = "没能读完这个页面，请再试一次。"


class Restarting(WorkError):
    en = "I'm restarting; please ask again in a minute."
    zh = "我正在重启，请稍后再问一次。"


__all__ = [
    "BinaryInput",
    "Blocked",
    "DigestbotError",
    "EmptyInput",
    "FetchError",
    "HTTPStatus",
    "InputError",
    "InputTooLarge",
    "InvalidURL",
    "NoSentences",
    "NotAnArticle",
    "Restarting",
    "Timeout",
    "TooComplex",
    "TooLarge",
    "Unreachable",
    "Unreadable",
    "UnsupportedLanguage",
    "Walled",
    "WorkError",
    "WorkLost",
    "shown_detail",
]
