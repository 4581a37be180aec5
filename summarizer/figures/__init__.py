"""Figures: numbers with units found in the text, normalised, and the key ones picked."""
