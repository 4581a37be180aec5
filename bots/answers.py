"""The one answer policy: from a chat message to the answers the bot gives, on every platform.

Adapters (Slack, Discord, console) translate a platform event into a `Request`
(who, where, which path — pasted, mention, command, shortcut, unfurl — and the
message: its text plus every place links hide: attachments, embeds, forwarded
copies), call `AnswerPolicy.answer`, and render the typed answers it returns.
They hold no rule of their own. The rules, once:

- **Links** come from `summarizer.fetching.urls.article_links` over the text
  and the hidden places, the same function on every path.
- **Cap**: at most `MAX_LINKS` links per message; one note says how many were
  skipped.
- **Claims**: each link of a message is claimed once (channel, message, link
  key), so platform retries, a message that also mentions the bot, and
  replicas answer it once. An explicit request (mention, shortcut, command) for
  a link digested in the channel within 24 h gets a `Pointer`; a pasted link
  does too, when it is the first to claim it.
- **Auto**: pasted links and unfurls are answered only where auto is on
  (`bots.channels.AUTO_DEFAULT`, the same on every platform).
- **Limits**: every path that reads counts once per message against the
  per-user and per-channel limits; over a limit, one polite note per window.
- **Not an article**: an explicit request with no link whose text is below
  the floor (`bots.languages.below_floor`), and any unknown sub-command, gets
  the `Help`, privately; text neither Chinese nor English gets a polite no.
- **Language** of the reply: the channel's setting, else the request's text,
  else the platform locale, else the first article's language, else English.
- **Permissions**: changing auto, language or a roundup schedule needs
  `Request.may_manage` (the adapter knows how the platform tells).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from enum import StrEnum

from bots.channels import ChannelSettings
from bots.chat_commands import Command, parse_command
from bots.languages import below_floor, locale_lang, request_lang, unsupported_language
from bots.limits import polite_refusal
from bots.phrasebook import Lang, Phrase, failure_line, say
from bots.results import (
    Answer,
    Digested,
    Failed,
    Failure,
    Help,
    Note,
    Pointer,
    Reading,
    Reply,
    RoundupAsked,
)
from bots.service import DigestService
from summarizer.fetching.urls import article_links, link_key

__all__ = [
    "MAX_LINKS",
    "Answer",
    "AnswerPolicy",
    "Failed",
    "Help",
    "Message",
    "Note",
    "Pointer",
    "Reply",
    "Request",
    "RoundupAsked",
    "Trigger",
]

MAX_LINKS = 5


class Trigger(StrEnum):
    PASTED = "pasted"
    MENTION = "mention"
    COMMAND = "command"
    SHORTCUT = "shortcut"
    UNFURL = "unfurl"


_AUTOMATIC = frozenset({Trigger.PASTED, Trigger.UNFURL})


@dataclass(frozen=True, slots=True)
class Message:
    """The message as typed (`text`), where else links hide, and its platform id (`ref`)."""

    text: str
    hidden: tuple[str, ...] = ()
    ref: str | None = None


async def _no_locale() -> str | None:
    return None


async def _nobody() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Request:
    """One message to answer: which path, where (settings channel), who, and platform hooks."""

    trigger: Trigger
    message: Message
    channel: str | None
    user: str | None
    locale: Callable[[], Awaitable[str | None]] = _no_locale
    may_manage: Callable[[], Awaitable[bool]] = _nobody
    reading: Callable[[], AbstractAsyncContextManager[None]] | None = None


class AnswerPolicy:
    """The rules above, over one `DigestService` (one platform)."""

    def __init__(self, service: DigestService, *, max_links: int = MAX_LINKS) -> None:
        self.service = service
        self.channels = service.channels
        self.max_links = max_links

    async def answer(self, request: Request) -> Reply:
        """Every answer to `request`, in the order to post them."""
        links = article_links(request.message.text, *request.message.hidden)
        if request.trigger in _AUTOMATIC and not links:
            return Reply("en")  # most messages: nothing to read, nothing stored or looked up
        settings = await self._settings(request.channel)
        if request.trigger in _AUTOMATIC and not settings.auto:
            return Reply(settings.lang or "en")
        lang = settings.lang or request_lang(request.message.text)
        if lang is None and request.trigger is not Trigger.UNFURL:
            lang = locale_lang(await request.locale())
        if request.trigger is Trigger.COMMAND:
            command = parse_command(request.message.text)
            if command.kind != "content":
                return await self._command(request, command, settings, lang or "en")
        if not links:
            return await self._text(request, lang)
        return await self._links(request, links, lang)

    async def delivered(self, request: Request, digested: Digested, ref: str | None) -> None:
        """The adapter posted `digested` at `ref`: remember the share (pointers, roundups)."""
        if request.channel is not None and digested.url is not None:
            title = digested.digest.title or digested.url
            await self.channels.record(
                request.channel, digested.url, user=request.user, ref=ref, title=title
            )

    async def _settings(self, channel: str | None) -> ChannelSettings:
        if channel is None:
            return ChannelSettings(auto=True, lang=None, schedule=None)
        return await self.channels.settings(channel)

    async def _text(self, request: Request, lang: Lang | None) -> Reply:
        text = request.message.text
        if below_floor(text):
            return self._help(lang or "en")
        if unsupported_language(text):
            return Reply(lang or "en", [Note(say(Phrase.UNSUPPORTED_LANGUAGE, lang or "en"))])
        refused = await self._refused(request, lang or "en")
        if refused is not None:
            return refused
        reading = await self._reading(request, [self.service.digest_text(text)])
        lang = lang or _article_lang(reading) or "en"
        return Reply(lang, [_worded(r, lang) for r in reading])

    async def _links(self, request: Request, links: list[str], lang: Lang | None) -> Reply:
        refused = await self._refused(request, lang or "en")
        if refused is not None:
            return refused
        planned = [await self._plan(request, url) for url in links[: self.max_links]]
        pending = [self.service.digest_url(url) for url in planned if isinstance(url, str)]
        readings = iter(await self._reading(request, pending) if pending else [])
        results = [next(readings) if isinstance(p, str) else p for p in planned if p is not None]
        lang = lang or _article_lang(results) or "en"
        answers: list[Answer] = [_worded(r, lang) for r in results]
        await self._record_failures(request, answers)
        if len(links) > self.max_links:
            skipped = len(links) - self.max_links
            answers.append(
                Note(say(Phrase.CAPPED, lang, max_links=self.max_links, skipped=skipped))
            )
        return Reply(lang, answers)

    async def _plan(self, request: Request, url: str) -> str | Pointer | None:
        """Read `url` (the url), point to its earlier digest, or stay quiet (claimed elsewhere)."""
        if request.trigger is Trigger.UNFURL or request.channel is None:
            return url
        first = True
        if request.message.ref is not None:
            key = f"link:{request.channel}:{request.message.ref}:{link_key(url)}"
            first = await self.channels.claim(key)
        earlier = await self.channels.previous_share(request.channel, url)
        explicit = request.trigger is not Trigger.PASTED
        if earlier is not None and earlier.message_ref and (first or explicit):
            return Pointer(url, earlier.message_ref)
        return url if first else None

    async def _reading(self, request: Request, work: Sequence[Awaitable[Reading]]) -> list[Reading]:
        indicator = request.reading() if request.reading else contextlib.nullcontext()
        async with indicator:
            return list(await asyncio.gather(*work))

    async def _refused(self, request: Request, lang: Lang) -> Reply | None:
        """None when within the limits; else a reply with one polite note (or none)."""
        refusal = await self.service.limits.check(
            self.service.metrics.platform, user=request.user, channel=request.channel
        )
        if refusal is None:
            return None
        self.service.metrics.outcome("rate_limited")
        return Reply(lang, [Note(polite_refusal(refusal, lang))] if refusal.tell else [])

    async def _record_failures(self, request: Request, answers: list[Answer]) -> None:
        if request.channel is None or request.trigger is Trigger.UNFURL:
            return
        for answer in answers:
            if isinstance(answer, Failed) and answer.url is not None:
                await self.channels.record(
                    request.channel, answer.url, user=request.user, ref=None, title=None
                )

    def _help(self, lang: Lang) -> Reply:
        return Reply(lang, [Help(say(Phrase.HELP, lang, max_links=self.max_links))])

    async def _command(
        self, request: Request, command: Command, settings: ChannelSettings, lang: Lang
    ) -> Reply:
        if command.kind == "help":
            return self._help(lang)
        if command.kind == "settings":
            return Reply(lang, [Note(_describe(settings, lang, self.max_links))])
        if command.changes and not await request.may_manage():
            return Reply(lang, [Note(say(Phrase.NOT_MANAGER, lang))])
        if command.kind == "roundup":
            return Reply(lang, [RoundupAsked(command.value)])
        assert request.channel is not None, "settings commands come from a channel"
        if command.kind == "auto":
            await self.channels.set_auto(request.channel, command.value == "on")
            return Reply(
                lang,
                [Note(say(Phrase.AUTO_ON if command.value == "on" else Phrase.AUTO_OFF, lang))],
            )
        new: Lang | None = (
            "zh" if command.value == "zh" else "en" if command.value == "en" else None
        )
        await self.channels.set_lang(request.channel, new)
        lang = new or lang
        if new is None:
            return Reply(lang, [Note(say(Phrase.LANG_AUTO, lang))])
        return Reply(lang, [Note(say(Phrase.LANG_SET, lang, language=_LANGUAGE_NAMES[new][lang]))])


_LANGUAGE_NAMES: dict[Lang, dict[Lang, str]] = {
    "zh": {"zh": "中文", "en": "Chinese"},
    "en": {"zh": "英文", "en": "English"},
}
_ON_OFF: dict[Lang, tuple[str, str]] = {"zh": ("开", "关"), "en": ("on", "off")}
_FOLLOW: dict[Lang, str] = {"zh": "跟随请求", "en": "follows each request"}


def _describe(settings: ChannelSettings, lang: Lang, max_links: int) -> str:
    on, off = _ON_OFF[lang]
    language = _LANGUAGE_NAMES[settings.lang][lang] if settings.lang else _FOLLOW[lang]
    schedule = settings.schedule.describe(lang) if settings.schedule else off
    return say(
        Phrase.SETTINGS, lang, auto=on if settings.auto else off, language=language,
        schedule=schedule, max_links=max_links,
    )  # fmt: skip


def _article_lang(results: list[Reading] | list[Reading | Pointer]) -> Lang | None:
    for result in results:
        if isinstance(result, Digested):
            return "zh" if result.digest.lang == "zh" else "en"
    return None


def _worded(result: Reading | Pointer, lang: Lang) -> Answer:
    if isinstance(result, Failure):
        return Failed(result.url, failure_line(result.error, lang))
    return result
