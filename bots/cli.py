"""The `digestbot` command: summarize, extract, run (console/Slack/Discord).

The one place that reads files, standard input and the environment for the
core; every failure becomes one human line on stderr and a non-zero exit.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from bots.config import Settings
from bots.logs import configure_logging
from bots.terminal import print_markdown, print_text
from summarizer import Article, summarize
from summarizer.errors import DigestbotError, InputTooLarge
from summarizer.extraction.source import parse_source
from summarizer.fetching.charset import decode_text
from summarizer.fetching.urls import find_links
from summarizer.render.markdown import render_markdown
from summarizer.text.tokens import warm_up

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Faithful digests of articles.")
MAX_FILE_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class Failure(Exception):
    """A failure already phrased for the user."""


def load(source: str, settings: Settings) -> Article | str:
    """What SOURCE names: a URL (fetched), `-` (stdin), or a file."""
    if find_links(source) == [source.strip()]:
        return asyncio.run(_fetch(source.strip(), settings))
    if source == "-":
        return _decode(sys.stdin.buffer.read(MAX_FILE_BYTES + 1))
    path = Path(source)
    if not path.is_file():
        raise Failure(f"no such file: {source}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputTooLarge(f"{path.stat().st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Failure(f"cannot read {source}: {exc.strerror}") from exc
    if path.suffix.lower() in HTML_SUFFIXES:
        from summarizer.extraction.extractor import extract  # heavy; only HTML needs it

        return extract(data, url=None)
    return _decode(data)


def _decode(data: bytes) -> str:
    """Text from bytes: UTF-8, else the page charset rules (GBK text files)."""
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLarge(f"more than {MAX_FILE_BYTES:,} bytes")
    return decode_text(data)  # a BOM first (UTF-16 is half NULs), then the binary check


async def _fetch(url: str, settings: Settings) -> Article:
    from summarizer.fetching.fetch import fetch_article, make_client  # heavy; only links need it

    async with make_client(settings.fetch_settings()) as client:
        return await fetch_article(url, client=client, settings=settings.fetch_settings())


def _extract(html: str) -> Article:
    from summarizer.extraction.extractor import extract  # heavy; only HTML needs it

    return extract(html)


def _fail(message: str) -> None:
    typer.echo(f"digestbot: {message}", err=True)
    raise typer.Exit(1)


def _settings(*, quiet: bool = False) -> Settings:
    """Settings from the environment; one-shot commands log only errors unless asked.

    Their failure is already the one line they print ("blocked host" needs no
    second, JSON-formatted, line).
    """
    settings = Settings()
    explicit = "log_level" in settings.model_fields_set
    configure_logging(settings.log_level if explicit or not quiet else "ERROR")
    return settings


@app.command("summarize")
def summarize_command(
    source: Annotated[
        str, typer.Argument(help="A file (.md .txt .html), '-' for stdin, or a URL.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the digest as JSON.")] = False,
    lang: Annotated[str | None, typer.Option(help="Override language detection: zh or en.")] = None,
    points: Annotated[int, typer.Option(min=1, max=10, help="Number of key points.")] = 3,
) -> None:
    """Print a digest of an article."""
    if lang not in (None, "zh", "en"):
        _fail("--lang must be zh or en")
    settings = _settings(quiet=True)
    try:
        loaded = load(source, settings)
        article = loaded if isinstance(loaded, Article) else parse_source(loaded)
        warm_up(settings.data_dir)  # after the input checks: a bad file fails fast
        digest = summarize(article, lang=lang, max_points=points)  # type: ignore[arg-type]
    except (DigestbotError, Failure) as exc:
        _fail(exc.user_message() if isinstance(exc, DigestbotError) else str(exc))
        return
    if as_json:
        typer.echo(json.dumps(digest.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_markdown(render_markdown(digest))


@app.command("extract")
def extract_command(
    source: Annotated[str, typer.Argument(help="An HTML file, '-' for stdin, or a URL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Print what was extracted from a page: metadata and main text."""
    settings = _settings(quiet=True)
    try:
        loaded = load(source, settings)
        article = loaded if isinstance(loaded, Article) else _extract(loaded)
    except (DigestbotError, Failure) as exc:
        _fail(exc.user_message() if isinstance(exc, DigestbotError) else str(exc))
        return
    if as_json:
        typer.echo(json.dumps(asdict(article), ensure_ascii=False, indent=2))
        return
    for key in ("title", "site", "author", "published", "url"):
        value = getattr(article, key)
        if value:
            print_text(f"{key}: {value}")
    print_text("\n" + article.text)  # page text, so no terminal control sequences


@app.command("run")
def run_command() -> None:
    """Start the bot for whatever is configured; with no tokens, the console adapter."""
    settings = _settings()
    if settings.slack_bot_token is not None or settings.slack_client_id is not None:
        from bots.slackbot.cli import run_slack

        run_slack(http=settings.slack_app_token is None, port=3000)
    elif settings.discord_token is not None:
        from bots.discordbot.cli import run_discord

        run_discord()
    else:
        if "log_level" not in settings.model_fields_set:
            configure_logging("ERROR")  # before the imports: alembic logs as it loads
        from bots.console import run_console

        asyncio.run(run_console(settings))


@app.command("slack")
def slack_command(
    http: Annotated[
        bool, typer.Option("--http", help="Serve HTTP instead of Socket Mode.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port for HTTP mode.")] = 3000,
) -> None:
    """Run the Slack app (Socket Mode when SLACK_APP_TOKEN is set, else HTTP)."""
    _settings()
    from bots.slackbot.cli import run_slack

    run_slack(http=http, port=port)


@app.command("discord")
def discord_command() -> None:
    """Run the Discord bot (DISCORD_TOKEN)."""
    _settings()
    from bots.discordbot.cli import run_discord

    run_discord()


@app.command("worker")
def worker_command() -> None:
    """Answer durable jobs from the Redis queue (DIGESTBOT_QUEUE=redis); scale it apart."""
    settings = _settings()
    from bots.queue_worker import run_worker

    run_worker(settings)


def main() -> None:
    """Console-script entry point."""
    logging.captureWarnings(True)
    app()


__all__ = ["app", "main"]
