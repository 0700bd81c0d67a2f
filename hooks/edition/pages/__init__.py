"""Stage 5, pages: the data of every page of one language (and of its cite box), rendered by
the Jinja templates of overrides/edition/ with autoescape."""
