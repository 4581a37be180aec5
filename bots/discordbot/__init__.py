"""The Discord adapter: slash command, message context menu and pasted links → digest embeds.

Thin by design: a Discord event becomes a `DigestService` call, the outcome is
rendered by `summarizer.render.embed` and sent with mentions disabled; every
failure becomes one friendly line in the requester's language.
"""
