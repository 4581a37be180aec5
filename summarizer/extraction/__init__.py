"""Extraction: a page's HTML in, an `Article` (main text, metadata) out.

`extractor.extract` chooses the main text; `metadata` reads title, author,
site and date; `site_rules` holds the few page shapes no general method sees;
`source` turns pasted text, Markdown or HTML into an `Article`.
"""
