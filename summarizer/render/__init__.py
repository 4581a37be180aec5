"""Pure renderers: `Digest` → Markdown, JSON, Slack Block Kit, Discord embed.

No renderer imports a platform SDK; each enforces its platform's limits and
neutralises mentions an article may contain.
"""
