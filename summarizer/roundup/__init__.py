"""Roundups: many digests in, one grouped overview out."""
