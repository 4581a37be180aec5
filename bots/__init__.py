"""Platform adapters (Slack, Discord, console) around the `summarizer` core."""
