"""Core: what every stage reads: the languages, the document's declared shape, the inline markup
allow-list (the only way source text becomes HTML), the URL scheme, the build mode, the caches."""
