"""The document's declared shape (document.yml's `components`), which the parse, the tree and every
page read: its components, the one holding the numbered provisions, the levels they may be."""

from __future__ import annotations

from dataclasses import dataclass

# The printed masthead's lines, in order: what a [masthead] block holds, the tree's preface, the
# walk's masthead division and every page that prints it.
MASTHEAD_ROLES = ("organ", "distribution", "date", "original")
# The hierarchical elements a level of numbered provisions may be (document.yml's components' levels).
LEVELS = ("article", "chapter", "section", "paragraph")


def holder_of(shape: tuple[Component, ...]) -> Component:
    """The component of a declared shape that holds the parts and numbered provisions (the Plan)."""
    return next(component for component in shape if component.holds_provisions)


@dataclass(frozen=True)
class Component:
    """One component of the document's declared shape (document.yml's `components`): a letter, an
    annex, an enclosure... Its block in the sources, its Akoma Ntoso doc, where it is attached."""

    block: str  # the source block ([letter]) and the AKN doc's @name: "letter", "annex", "plan"
    akn: str  # the FRBR component: "main", "annex_1", "enclosure_1"
    url: str  # its page: "letter/"
    label: str  # the labels.yml key naming it: "letter"
    attached_to: str = ""  # the block of the component it is an attachment of; "" for the document
    cite: str = ""  # the labels.yml key naming it in a citation, after its title; "": the symbol
    levels: tuple[str, ...] = ()  # AKN elements of the numbered provisions' levels, if it holds them
    level_labels: tuple[str, ...] = ()  # the labels.yml key naming each level ("section"); default: levels

    @property
    def holds_provisions(self) -> bool:
        return bool(self.levels)

    def level_label(self, depth: int) -> str:
        """The labels.yml key naming a provision of this depth: 'paragraph', 'section', 'article'."""
        return (self.level_labels or self.levels)[depth]
