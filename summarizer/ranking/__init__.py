"""Ranking: sentences in, the TL;DR, key points, quotes and keywords out."""
