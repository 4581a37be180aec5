"""Fetching: a URL in, the page's bytes decoded to text out.

The only network I/O of the core lives here (`fetch`), behind the SSRF guard
(`netguard`); `urls` finds and normalises links, `charset` decodes bytes, `pdf`
reads PDF documents.
"""
