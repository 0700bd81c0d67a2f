"""Enrich the text: find every mention of a registered entity and every acronym.

Pure functions over the document model and the register. The longest form wins at each
position ("Comité contre le terrorisme du Conseil de sécurité de l'ONU" is one mention),
forms never match inside a longer word, and headings get abbreviations but no links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from edition.core import urls
from edition.core.inline import plain, split
from edition.document.passages import CONTENT, Walk
from edition.sources.identity import Identity
from edition.sources.register import Entity, Register

WORD = re.compile(r"(?<!\w)[^\W_]+(?!\w)")


def acronym_like(text: str) -> list[str]:
    """Words with two capitals or digits, one capital at least, in any script: ONU, PfP, G8, ÉMA."""
    return [
        word
        for word in WORD.findall(text)
        if any(c.isupper() for c in word) and sum(c.isupper() or c.isdigit() for c in word) >= 2
    ]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[A-ZÀ-Ý])")


class EnrichError(ValueError):
    """Several problems at once: each line names file, line, provision and token."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Piece:
    """A piece of the document's text: where it is published and how to cite it."""

    text: str
    url: str  # language-neutral page URL
    anchor: str
    label: str  # "Paragraphe 16.4.2, alinéa 8"
    heading: bool  # a title: abbreviations, but no links
    lineno: int
    where: str  # for messages: "provision 16.4.2", "[annex]"
    number: str = ""  # the provision it is in ("16.4.2"), if any


def pieces(reading: Walk, identity: Identity, labels: dict[str, str]) -> list[Piece]:
    """Every piece of the document's text that is enriched, in reading order: the titles, the
    paragraphs and indents, the signatures (not the masthead, the labels, nor the numbers)."""
    holder = identity.holder
    out: list[Piece] = []
    for division, passage in reading.reading:
        text, line, where, role = passage.text, passage.lineno, division.where, passage.role
        if division.kind == "component":
            component = identity.component(division.key)
            url, name = component.url, labels[component.label]
            if role == "title":
                out.append(Piece(text, url, division.key, name, True, line, where))
            elif role in CONTENT:
                kind = labels["decision"] if role == "item" else labels["paragraph"].lower()
                out.append(Piece(text, url, passage.anchor, f"{name}, {kind} {passage.position}", False, line, where))
            elif role == "signature":
                out.append(Piece(text, url, passage.anchor, name, False, line, where))
        elif division.kind == "part":
            out.append(Piece(text, urls.part(division.key, holder.url), passage.anchor, plain(text), True, line, where))
        elif division.kind == "provision" and role != "num":
            url = urls.provision(division.key, holder.url)
            label = f"{labels[holder.level_label(division.depth)]} {division.key}"
            if role == "item":
                label = f"{label}, {labels['indent']} {passage.position}"
            out.append(Piece(text, url, passage.anchor, label, role == "heading", line, where, division.key))
    return out


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass
class Linker:
    """Finds the mentions and acronyms of one language's text."""

    register: Register
    lang: str

    def __post_init__(self) -> None:
        self.by_form = {form: e for e in self.register.entities.values() for form in e.forms[self.lang]}
        self.mention = re.compile(rf"(?<!\w)(?:{alternation(list(self.by_form))})(?!\w)")
        self.acronyms = self.register.acronyms(self.lang)
        self.acronym = re.compile(rf"(?<!\w)(?:{alternation(list(self.acronyms))})(?!\w)")
        # The same texts are enriched for several pages (single, parallel, full text, both views of a
        # part): what does not depend on the page is computed once per text.
        self.found: dict[str, list[tuple[int, int, Entity]]] = {}
        self.abbreviated: dict[str, Markup] = {}

    def matches(self, text: str) -> list[tuple[int, int, Entity]]:
        """Mentions in a piece of text (tags skipped): (start, end, entity), longest first."""
        if text not in self.found:
            self.found[text] = self.find_matches(text)
        return self.found[text]

    def find_matches(self, text: str) -> list[tuple[int, int, Entity]]:
        out = []
        offset = 0
        for is_tag, segment in split(text):
            if not is_tag:
                out += [
                    (offset + m.start(), offset + m.end(), self.by_form[m.group()])
                    for m in self.mention.finditer(segment)
                ]
            offset += len(segment)
        return out

    def abbreviate(self, text: str) -> Markup:
        """Source text (allowed inline tags) as HTML, every acronym in <abbr title="expansion">;
        a foreign acronym gets its own lang. Text is escaped, only allowed tags are kept."""
        if text not in self.abbreviated:
            self.abbreviated[text] = self.find_abbreviations(text)
        return self.abbreviated[text]

    def find_abbreviations(self, text: str) -> Markup:

        def one(word: str) -> Markup:
            entity = self.acronyms[word]
            origin = entity.acronym_lang(self.lang)
            shown = Markup('<span lang="{}">{}</span>').format(origin, word) if origin != self.lang else escape(word)
            return Markup('<abbr title="{}">{}</abbr>').format(entity.name[self.lang], shown)

        def acronyms_in(segment: str) -> Markup:
            out, position = [], 0
            for match in self.acronym.finditer(segment) if self.acronyms else ():
                out += [escape(segment[position : match.start()]), one(match.group())]
                position = match.end()
            out.append(escape(segment[position:]))
            return Markup("").join(out)

        return Markup("").join(Markup(seg) if is_tag else acronyms_in(seg) for is_tag, seg in split(text))

    def enrich(self, text: str, page_url: str, heading: bool = False) -> Markup:
        """The text as HTML: mentions linked to their entity page, acronyms explained."""
        if heading:
            return self.abbreviate(text)
        out, position = [], 0
        for start, end, entity in self.matches(text):
            out.append(self.abbreviate(text[position:start]))
            href = urls.relative(page_url, urls.entity(entity.ident))
            out.append(Markup('<a class="mention" href="{}">{}</a>').format(href, self.abbreviate(text[start:end])))
            position = end
        out.append(self.abbreviate(text[position:]))
        return Markup("").join(out)


@dataclass(frozen=True)
class Mention:
    entity: str
    piece: Piece
    sentence: str  # source text (inline tags allowed): the sentence, the mention in <strong>


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end], that part in <strong> (allowed inline markup:
    the enricher turns it into HTML, escaping the text)."""
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text) + 1]
    first = max(b for b in bounds if b <= start)
    last = min(b for b in bounds if b >= end)
    sentence = text[first:last].strip()
    inner_start, inner_end = start - first, end - first
    before, found, after = sentence[:inner_start], sentence[inner_start:inner_end], sentence[inner_end:]
    before, found, after = (plain(part) for part in (before, found, after))
    return f"{before}<strong>{found}</strong>{after}"


def find_mentions(linker: Linker, text_pieces: list[Piece]) -> dict[str, list[Mention]]:
    """Entity id -> its mentions, in document order (headings included, as citations)."""
    found: dict[str, list[Mention]] = {ident: [] for ident in linker.register.entities}
    for piece in text_pieces:
        for start, end, entity in linker.matches(piece.text):
            found[entity.ident].append(Mention(entity.ident, piece, sentence_around(piece.text, start, end)))
    return found


def find_acronyms(linker: Linker, text_pieces: list[Piece]) -> dict[str, list[Piece]]:
    """Acronym -> the pieces that use it, in document order (each piece once)."""
    used: dict[str, list[Piece]] = {acronym: [] for acronym in linker.acronyms}
    for piece in text_pieces:
        found = linker.acronym.finditer(plain(piece.text)) if linker.acronyms else ()
        for acronym in dict.fromkeys(m.group() for m in found):
            used[acronym].append(piece)
    return used


def check_text(linker: Linker, path: str, text_pieces: list[Piece], register_path: str) -> None:
    """Stop on an unknown acronym, a stale form or an entity the text never mentions."""
    problems = []
    known = set(linker.acronyms) | linker.register.not_acronyms[linker.lang]
    for piece in text_pieces:
        words = " ".join(" " if is_tag else segment for is_tag, segment in split(piece.text))
        for word in acronym_like(words):
            if word not in known:
                problems.append(
                    f"{path}:{piece.lineno}: {piece.where}: acronym '{word}' has no glossary entry;"
                    f" add an entity with this acronym to {register_path}, or list it under not_acronyms"
                )
    whole = "\n".join(plain(piece.text) for piece in text_pieces)
    for entity in linker.register.entities.values():
        for form in entity.forms[linker.lang]:
            if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", whole):
                line, column = entity.spots.get((linker.lang, form), (entity.lineno, 0))
                at = f"{register_path}:{line}:{column}" if column else f"{register_path}:{line}"
                problems.append(
                    f"{at}: entity {entity.ident}: form '{form}' matches nowhere in {path} (stale entry);"
                    " correct it to the text's wording, or remove it"
                )
        acronym = entity.acronym.get(linker.lang)
        used = acronym and re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", whole)
        if used and acronym not in entity.forms[linker.lang]:
            problems.append(
                f"{register_path}:{entity.lineno}: entity {entity.ident}: acronym '{entity.acronym[linker.lang]}' is"
                f" used in {path} but is not one of its forms; add it to forms.{linker.lang}"
            )
    if problems:
        raise EnrichError(problems)
