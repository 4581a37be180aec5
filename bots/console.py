"""The console adapter: a terminal chat that shows digests the way a chat would.

With no platform tokens, `digestbot run` starts here: it digests the bundled
huxiu.com sample at once, then answers what the user gives it through the
same answer policy as Slack and Discord (links, the floor for pasted text,
the language check, polite refusals):
- a path to an existing file is read as that file: `.html`/`.htm` and `.pdf` as
  documents, anything else as text (Markdown front matter included);
- a single line that is a link is answered at once;
- pasted text ends with a line holding only `.`, with Ctrl-D, or with an empty
  line right after a line ending in sentence punctuation (an empty line after a
  heading or a cut line does not end it, so a pasted article stays one article).
`roundup` (or 汇总) prints a roundup of the session. End of input quits.
"""

from __future__ import annotations

import asyncio
import sys
from importlib import resources
from pathlib import Path

from bots import answers
from bots.answers import Answer, AnswerPolicy
from bots.config import Settings
from bots.console_session import ROUNDUP_WORDS, Session
from bots.phrasebook import Lang, Phrase, failure_line, say
from bots.results import Digested, Failure, Reading
from bots.service import DigestService
from bots.terminal import print_markdown, print_notice
from summarizer.fetching.fetch import Page
from summarizer.fetching.urls import find_links
from summarizer.render.markdown import render_markdown
from summarizer.render.roundup_markdown import render_roundup_markdown

__all__ = ["PROMPT", "SAMPLE", "run_console", "show"]

SAMPLE = "huxiu-118050-internet-plus-film.md"
PROMPT = (
    "Paste a link, a file path, or an article (end it with a line holding only '.', "
    "or an empty line after a sentence, or Ctrl-D); `roundup` sums up this session; "
    "Ctrl-D on an empty prompt quits:"
)
_SENTENCE_END = tuple('.!?。！？…"”』」)）')
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
        session = Session()
        while (message := await asyncio.to_thread(_read_message)) is not None:
            if message.strip().lower() in ROUNDUP_WORDS:
                print_markdown(render_roundup_markdown(session.roundup()))
                continue
            given, lang = await _answer(service, policy, message)
            session.remember(given)
            show(given, lang)
    finally:
        await service.close()


async def _answer(
    service: DigestService, policy: AnswerPolicy, message: str
) -> tuple[list[Answer], Lang]:
    path = _file(message)
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


def _read_message() -> str | None:
    """One message: a link, a path or `roundup` on its own line, or pasted lines (see above)."""
    print(PROMPT, file=sys.stderr)
    lines: list[str] = []
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        if not lines and _single(line.strip()):
            return line.strip()
        if line.strip() == ".":
            if lines:
                return "\n".join(lines)
            continue
        if not line.strip() and (not lines or lines[-1].rstrip().endswith(_SENTENCE_END)):
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)
    return "\n".join(lines) if lines else None


def _single(line: str) -> bool:
    """A line that is a message by itself: `roundup`, a path to a file, or one link."""
    if line.lower() in ROUNDUP_WORDS or _file(line) is not None:
        return True
    return bool(line) and find_links(line) == [line]


def _file(text: str) -> Path | None:
    """The existing file `text` names; a pasted sentence too long for a file name is not one."""
    if "\n" in text.strip():
        return None
    try:
        path = Path(text.strip()).expanduser()
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None
