"""The engine's door: every use of MkDocs, Material or mkdocs-static-i18n internals (template
markup, the search worker, the copied templates' digests). Only the hooks and the site stage
import it; tests/test_engine_contract.py checks each use against the installed packages."""
