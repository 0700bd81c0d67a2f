"""Stage 7, the site: load and check the sources, put every page and file together, what MkDocs'
configuration takes from the data, the site folder under `mkdocs serve`."""
