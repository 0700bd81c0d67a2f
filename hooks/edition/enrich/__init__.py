"""Stage 4, enrich: mentions of the register's entities and acronyms found in the walk's text,
and where each is used."""
