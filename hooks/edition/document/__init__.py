"""Stage 2, the document: each language's Akoma Ntoso-vocabulary tree, built once from the parse,
and the one walk of it that every later stage reads (divisions and passages in reading order)."""
