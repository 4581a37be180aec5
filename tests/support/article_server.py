"""Placeholder: the local article server fixture (owned by the fetching work)."""
