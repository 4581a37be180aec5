"""Made-up stories for roundup tests: each with words of its own, so none merge by accident."""

from __future__ import annotations

from decimal import Decimal

from summarizer.models import Digest, Figure


def word(n: int) -> str:
    """A made-up word of its own for every n."""
    letters = ""
    while True:
        n, digit = divmod(n, 100)
        letters += "bcdfghjklmnpqrstvwxz"[digit // 5] + "aeiou"[digit % 5]
        if n == 0:
            return letters


def story(n: int) -> Digest:
    """Story `n`: "Headline NN", a long TL;DR of its own words, one money figure."""
    own = [word(1000 + n * 12 + i) for i in range(12)]
    sentence = " ".join(own).capitalize() + ". " + " ".join(reversed(own)) + "."
    money = Figure(
        text=f"${n + 10} million",
        value=Decimal((n + 10) * 10**6),
        unit="USD",
        kind="money",
        context=f"{own[0]} raised ${n + 10} million",
    )
    url = f"https://site{n % 7}.example/story-{n}"
    return Digest(
        tldr=" ".join([sentence] * 3),
        key_points=[sentence],
        figures=[money],
        keywords=own[:3],
        title=f"Headline {n:02d}",
        url=url,
        site=url.split("/")[2],
    )
