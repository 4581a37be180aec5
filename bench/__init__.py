"""digestbot's benchmarks: summary quality (ROUGE), speed, key figures, extraction.

`python -m bench` runs them all; `python -m bench quality|speed|figures|extraction`
runs one. They read the corpora in `../shared/` and skip a set that is absent.
"""
