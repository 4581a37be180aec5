"""The `digestbot` command: summarize, extract, run (console/Slack/Discord).

The one place that reads files, standard input and the environment for the
core; every failure becomes one human line on stderr and a non-zero exit:
2 for a configuration or start-up error (the line names the setting), 1 for
anything else the user asked that could not be done.

What reading local input and printing to a terminal needs (front matter,
charset detection, Markdown rendering, rich) is imported by the commands that
use it: `digestbot slack|discord|worker` start from this module too, and those
imports were 6 MB of each server process (README, Load).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Coroutine
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import ValidationError

import summarizer
from bots.config import ConfigError, Settings, describe
from bots.logs import configure_logging
from summarizer import Article
from summarizer.errors import DigestbotError, InputTooLarge
from summarizer.fetching.urls import find_links

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Faithful digests of articles.")
MAX_FILE_BYTES = 5 * 1024 * 1024
EXIT_CONFIG = 2
_T = TypeVar("_T")
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
    from summarizer.fetching.charset import decode_text  # local I/O: see the module docstring

    if len(data) > MAX_FILE_BYTES:
        raise InputTooLarge(f"more than {MAX_FILE_BYTES:,} bytes")
    return decode_text(data)  # a BOM first (UTF-16 is half NULs), then the binary check


async def _fetch(url: str, settings: Settings) -> Article:
    from summarizer.fetching.fetch import make_client
    from summarizer.fetching.reading import fetch_article  # heavy; only links need it

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
    if not quiet:  # a bot starts: a bad database URL is a configuration error now, not later
        from bots.storage.database import database_url

        database_url(settings)
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
    from bots.terminal import print_markdown  # local I/O: see the module docstring
    from summarizer.extraction.source import parse_source
    from summarizer.render.markdown import render_markdown

    try:
        loaded = load(source, settings)
        article = loaded if isinstance(loaded, Article) else parse_source(loaded)
        # The core is loaded here, not at import: `digestbot slack|discord|worker` start
        # from this module and their main processes never summarise (README, Load).
        from summarizer.text.tokens import warm_up

        warm_up(settings.data_dir)  # after the input checks: a bad file fails fast
        digest = summarizer.summarize(article, lang=lang, max_points=points)  # type: ignore[arg-type]
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
    from bots.terminal import print_text  # local I/O: see the module docstring

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
    host: Annotated[
        str, typer.Option(help="Address for HTTP mode (127.0.0.1 behind a local proxy).")
    ] = "0.0.0.0",
) -> None:
    """Run the Slack app (Socket Mode when SLACK_APP_TOKEN is set, else HTTP)."""
    _settings()
    from bots.slackbot.cli import run_slack

    run_slack(http=http, port=port, host=host)


@app.command("discord")
def discord_command() -> None:
    """Run the Discord bot (DISCORD_TOKEN)."""
    if _settings().discord_token is None:
        raise ConfigError("DISCORD_TOKEN is not set (the bot token of your Discord application)")
    from bots.discordbot.cli import run_discord

    run_discord()


@app.command("worker")
def worker_command(
    platform: Annotated[
        str, typer.Option(help="Whose jobs: slack or discord (one stream each).")
    ] = "slack",
) -> None:
    """Answer durable jobs from the Redis queue (DIGESTBOT_QUEUE=redis); scale it apart."""
    settings = _settings()
    from bots.queue_worker import run_worker

    run_worker(settings, platform=platform)


@app.command("check")
def check_command() -> None:
    """Check the configuration without starting a bot: tokens, database, Redis, schema."""
    settings = _settings(quiet=True)
    from bots.checks import run_checks  # the database drivers load only here

    checks = asyncio.run(run_checks(settings))
    for check in checks:
        typer.echo(check.line())
    if not all(check.ok for check in checks):
        raise typer.Exit(EXIT_CONFIG)


Platform = Annotated[str, typer.Option(help="slack or discord.")]


@app.command("purge")
def purge_command(
    channel: Annotated[
        str | None, typer.Option(help="Also delete everything kept about this channel.")
    ] = None,
    platform: Platform = "slack",
) -> None:
    """Apply the retention settings now (expired digests and claims, old shares)."""
    settings = _settings(quiet=True)
    from bots.privacy import purge_now

    removed = _on_store(purge_now(settings, platform=platform, channel=channel))
    for what, count in removed.items():
        typer.echo(f"{what}: {count}")


@app.command("export")
def export_command(
    channel: Annotated[str, typer.Option(help="The channel id (e.g. C0123 or a Discord id).")],
    platform: Platform = "slack",
) -> None:
    """Print everything kept about one channel (settings and shares) as JSON."""
    settings = _settings(quiet=True)
    from bots.privacy import export_channel

    exported = _on_store(export_channel(settings, platform=platform, channel=channel))
    typer.echo(json.dumps(exported, ensure_ascii=False, indent=2))


def _on_store(work: Coroutine[Any, Any, _T]) -> _T:
    """Run a maintenance command's work; the database being away is one line, exit 1."""
    from bots.storage import StoreUnavailable

    try:
        return asyncio.run(work)
    except StoreUnavailable as exc:
        _fail(str(exc))
        raise AssertionError("unreachable") from exc


def main() -> None:
    """Console-script entry point; a configuration error is one line and exit status 2."""
    logging.captureWarnings(True)
    try:
        app()
    except ValidationError as exc:
        _config_failure(describe(exc))
    except ConfigError as exc:
        _config_failure(str(exc))


def _config_failure(message: str) -> None:
    typer.echo(f"digestbot: {message}", err=True)
    sys.exit(EXIT_CONFIG)


__all__ = ["app", "main"]
