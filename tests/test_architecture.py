"""Architecture rules: the core knows no platform, its public surface is pinned.

Checked on the source (the AST of every module), so a lazy import inside a
function counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "summarizer"
PLATFORMS = ("bots", "slack_bolt", "slack_sdk", "discord")
PUBLIC_API = [
    "Article",
    "Digest",
    "DigestbotError",
    "FetchError",
    "FetchSettings",
    "Figure",
    "InputError",
    "Quote",
    "Sentence",
    "extract",
    "fetch_article",
    "make_client",
    "summarize",
]


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, anywhere in the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


CORE_MODULES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("module", CORE_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_imports_no_platform(module: Path) -> None:
    assert not imported_modules(module) & set(PLATFORMS)


@pytest.mark.parametrize("module", sorted((CORE / "render").glob("*.py")), ids=lambda p: p.name)
def test_renderers_import_no_sdk_and_no_network(module: Path) -> None:
    forbidden = {*PLATFORMS, "httpx", "aiohttp", "requests", "rich"}
    assert not imported_modules(module) & forbidden


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from slack_sdk import WebClient\n    import discord.ext\n")
    assert imported_modules(module) == {"slack_sdk", "discord"}


def test_the_public_api_is_pinned() -> None:
    assert summarizer.__all__ == PUBLIC_API


# What the README documents each name to be: a class, an exception or a function.
CLASSES = {"Article", "Digest", "FetchSettings", "Figure", "Quote", "Sentence"}
EXCEPTIONS = {"DigestbotError", "FetchError", "InputError"}
PRELUDES = [
    "",
    "import summarizer.extraction.extractor",
    "import summarizer.fetching.fetch",
    "from summarizer.extraction.extractor import extract",
]


@pytest.mark.parametrize("prelude", PRELUDES, ids=lambda p: p or "fresh")
def test_every_export_is_what_the_readme_says_in_any_import_order(prelude: str) -> None:
    """Checked in a fresh interpreter: a submodule imported first must not shadow a function.

    `summarizer.extract` was once the module `summarizer/extract.py`, not the
    function, whenever that module had been imported before the name was read.
    """
    script = f"""
import inspect
{prelude}
import summarizer
from summarizer import *  # noqa: F403
kinds = {{}}
for name in summarizer.__all__:
    obj = getattr(summarizer, name)
    kinds[name] = ("exception" if inspect.isclass(obj) and issubclass(obj, Exception)
                   else "class" if inspect.isclass(obj)
                   else "function" if inspect.isfunction(obj) else type(obj).__name__)
print(kinds)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    kinds = ast.literal_eval(result.stdout.strip())
    for name in PUBLIC_API:
        expected = "class" if name in CLASSES else "exception" if name in EXCEPTIONS else "function"
        assert kinds[name] == expected, name


def test_extract_is_callable_on_html() -> None:
    html = "<html><head><title>T</title></head><body><article><h1>T</h1>"
    html += "<p>" + "这是一段足够长的正文，用来检查抽取函数确实可以调用。" * 8 + "</p>"
    html += "</article></body></html>"
    article = summarizer.extract(html, url="https://example.com/a")
    assert isinstance(article, summarizer.Article)
    assert "抽取函数" in article.text


def test_the_core_never_reads_the_environment() -> None:
    for module in CORE_MODULES:
        source = module.read_text(encoding="utf-8")
        assert "os.environ" not in source and "getenv" not in source, module.name


WORKER_ONLY = ("trafilatura", "readability", "pypdf", "rjieba", "summarizer.pipeline")


def test_the_bots_main_processes_never_load_what_only_workers_run() -> None:
    """The process that acks and posts never extracts or summarises: its workers do.

    With the extractor, pypdf, the ranking and jieba's dictionary imported, a bot's
    main process was 60 MB larger (README, Load) — for code it never ran.
    """
    script = """
import sys
import bots.cli, bots.slackbot.cli, bots.discordbot, bots.queue_worker, bots.service
print(sorted(sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    loaded = set(ast.literal_eval(result.stdout.strip()))
    assert loaded.isdisjoint(WORKER_ONLY), sorted(loaded.intersection(WORKER_ONLY))
    # Loaded only when used: Alembic by a start that must migrate (bots.storage.migrate),
    # httpx by a process that fetches (DigestService._fetch), front matter (yaml) and
    # charset detection by the commands that read local input (bots.cli).
    assert loaded.isdisjoint({"alembic", "httpx", "yaml", "charset_normalizer"})
    assert "summarizer.render.blockkit" in loaded  # what the main process does need


def test_the_forkserver_preloads_what_workers_run(tmp_path: Path) -> None:
    """Workers fork from a forkserver that imported it all: they share those pages."""
    script = "import sys, bots.worker_preload; print(sorted(sys.modules))"
    env = {**os.environ, "DIGESTBOT_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-c", script]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True, env=env)
    assert set(WORKER_ONLY) <= set(ast.literal_eval(result.stdout.strip()))
