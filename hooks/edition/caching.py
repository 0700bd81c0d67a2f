"""Work MkDocs would repeat within one process, done once.

MkDocs makes a new Jinja environment for every build, and static-i18n builds each language as
a build of its own: every theme template (Material's, the overrides, the sitemap) was compiled
twice per `mkdocs build` and twice again on every save under `mkdocs serve`, a sixth of the build.
Jinja's bytecode cache, kept here for the life of the process, compiles each template once.
Entries are keyed by template name and checked against a checksum of the template's source, so
an edited template (overrides/ under `mkdocs serve`) is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(BytecodeCache):
    """Compiled templates in memory."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()
