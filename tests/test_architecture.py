"""Architecture rules: the core knows no platform, its public surface is pinned.

Checked on the source (the AST of every module), so a lazy import inside a
function counts as much as one at the top of a file.
"""

from __future__ import annotations

import ast
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
    for name in PUBLIC_API:
        assert getattr(summarizer, name) is not None


def test_the_core_never_reads_the_environment() -> None:
    for module in CORE_MODULES:
        source = module.read_text(encoding="utf-8")
        assert "os.environ" not in source and "getenv" not in source, module.name
