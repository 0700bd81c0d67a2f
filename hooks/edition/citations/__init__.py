"""Citations: the model of every citable unit (model.py) and each format made from it, one module
each (bibtex, ris, csl, legal forms, the <head> metadata as data). Plain data and pure functions:
the pages render them (HTML lives in overrides/edition/), the site writes the files."""
