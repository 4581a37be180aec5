"""Grouping digests by what they are about: token overlap, no model.

Input: digests. Output: groups of their indexes, in first-seen order.
A digest is reduced to a set of tokens — content words of its title, TL;DR
and keywords (jieba for Chinese, stemmed English) plus its figures' exact
values — and two digests are compared by the Jaccard index of those sets.
Shared figures count because two reports of the same story quote the same
numbers even when they word everything else differently. Never fails; an
empty digest simply matches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.models import Digest
from summarizer.text.tokens import content_tokens

__all__ = ["STORY_THRESHOLD", "TOPIC_THRESHOLD", "cluster", "digest_tokens", "jaccard"]

STORY_THRESHOLD = 0.3
"""Overlap above which two digests are taken to report the same story."""
TOPIC_THRESHOLD = 0.08
"""Overlap above which two stories are put under one topic."""


def digest_tokens(digest: Digest) -> frozenset[str]:
    """The tokens a digest is compared by: words of title, TL;DR, keywords; figure values."""
    text = " ".join([digest.title or "", digest.tldr, *digest.keywords])
    figures = {f"#{figure.value.normalize()}{figure.unit or ''}" for figure in digest.figures}
    return frozenset(content_tokens(text, digest.lang)) | figures


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def cluster(token_sets: Sequence[frozenset[str]], *, threshold: float) -> list[list[int]]:
    """Indexes grouped greedily: each joins the group it overlaps most on average.

    A set joins the existing group whose mean Jaccard with it is highest, if
    that mean reaches `threshold`; otherwise it starts a group. Averaging (not
    the best single match) keeps one broad article from chaining unrelated
    stories together. Order is kept: groups by first member, members by index.
    """
    groups: list[list[int]] = []
    for index, tokens in enumerate(token_sets):
        best, best_score = None, threshold
        for group in groups:
            score = sum(jaccard(tokens, token_sets[i]) for i in group) / len(group)
            if score >= best_score:
                best, best_score = group, score
        if best is None:
            groups.append([index])
        else:
            best.append(index)
    return groups
