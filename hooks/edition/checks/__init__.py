"""Stage 3, checks: the French words against the original, the two languages' alignment, the
site's address, the frozen list of published URLs."""
