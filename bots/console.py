"""The console adapter: a terminal chat that shows digests the way a chat would.

With no platform tokens, `digestbot run` starts here: it digests the bundled
huxiu.com sample at once, then answers what the user gives it through the
same answer policy as Slack and Discord (links, the floor for pasted text,
the language check, polite refusals):
- a path to an existing file is read as that file: `.html`/`.htm` and `.pdf` as
  documents, anything else as text (Markdown front matter included);
- a single line that is a link is answered at once;
- a paste is one message: on a terminal by bracketed paste, elsewhere by the
  rules of `bots.console_input` (a lone `.`, Ctrl-D, or an empty line right
  after a sentence ends it).
`roundup` (or 汇总) prints a roundup of the session. End of input quits.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from bots import answers
from bots.answers import Answer, AnswerPolicy
from bots.config import Settings
from bots.console_input import bracketed_paste, file_named, next_message
from bots.console_session import ROUNDUP_WORDS, Session
from bots.phrasebook import Lang, Phrase, failure_line, say
from bots.results import Digested, Failure, Reading
from bots.service import DigestService
from bots.terminal import print_markdown, print_notice
from summarizer.fetching.page import Page
from summarizer.render.markdown import render_markdown
from summarizer.render.roundup_markdown import render_roundup_markdown

__all__ = ["SAMPLE", "run_console", "show"]

SAMPLE = "huxiu-118050-internet-plus-film.md"
_DOCUMENTS = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf"}


def show(given: list[Answer], lang: Lang) -> None:
    """Print each digest, or its one line."""
    for answer in given:
        if isinstance(answer, Digested):
            print_markdown(render_markdown(answer.digest))
        elif isinstance(answer, answers.Failed):
            print_notice(answer.line)
        elif isinstance(answer, answers.Help):
            print_notice(say(Phrase.CONSOLE_HELP, lang))
        elif isinstance(answer, answers.Note):
            print_notice(answer.text)


async def run_console(settings: Settings) -> None:
    """Digest the sample, then answer pasted input until end of input."""
    service = DigestService(settings)
    await service.start()
    policy = AnswerPolicy(service)
    try:
        sample = resources.files("bots.samples").joinpath(SAMPLE).read_text(encoding="utf-8")
        show([_worded(await service.digest_text(sample), "zh")], "zh")
        with bracketed_paste(sys.stdin, sys.stderr) as pasting:
            await _converse(service, policy, pasting)
    finally:
        await service.close()


async def _converse(service: DigestService, policy: AnswerPolicy, pasting: bool) -> None:
    session = Session()
    while (message := await next_message(sys.stdin, sys.stderr, pasting=pasting)) is not None:
        if message.strip().lower() in ROUNDUP_WORDS:
            print_markdown(render_roundup_markdown(session.roundup()))
            continue
        given, lang = await _answer(service, policy, message)
        session.remember(given)
        show(given, lang)


async def _answer(
    service: DigestService, policy: AnswerPolicy, message: str
) -> tuple[list[Answer], Lang]:
    path = file_named(message)
    if path is not None:
        return [_worded(await _read_file(service, path), "en")], "en"
    request = answers.Request(answers.Trigger.SHORTCUT, answers.Message(message), None, None)
    reply = await policy.answer(request)
    return reply.answers, reply.lang


async def _read_file(service: DigestService, path: Path) -> Reading:
    kind = _DOCUMENTS.get(path.suffix.lower())
    if kind is not None:
        return await service.digest_document(Page("", kind, path.read_bytes()))
    return await service.digest_text(path.read_text(encoding="utf-8", errors="replace"))


def _worded(reading: Reading, lang: Lang) -> Answer:
    return (
        answers.Failed(None, failure_line(reading.error, lang))
        if isinstance(reading, Failure)
        else reading
    )
