"""Stage 6, exports: what is published beside the pages: the Akoma Ntoso XML, the PDFs, the
search indexes and their synonyms."""
