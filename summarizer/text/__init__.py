"""Text: language, sentences, clauses and tokens of an article's text."""
