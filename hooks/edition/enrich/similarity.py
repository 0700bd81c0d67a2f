"""Related provisions by subject: how close two provisions are, and why.

Pure functions over plain data (each provision's text in both languages, the register entities
it names, its place in the structure), tested without MkDocs (tests/test_similarity.py).

The score of two provisions a and b is the sum of three parts:

- words (weight WORDS): in each language, the cosine of the two provisions' TF-IDF vectors over
  their stemmed content words (title and text; stop words removed; a term's weight is its count
  times log(N / the number of provisions that use it), so a word every provision uses, such as
  "terrorisme", counts for nothing), averaged over the languages. One score for both languages:
  both list the same related provisions.
- entities (weight ENTITIES): each register entity both name counts 1 / the number of provisions
  that name it; an entity named by more than a third of them (the EAPC) counts nothing.
- place (weight PLACE): 1 for a provision and its parent (16.3.2 and 16.3), 1/2 for two provisions
  with the same parent (16.3.2 and 16.3.4) or a provision and its grandparent (16.3.2 and 16),
  1/4 for two provisions of the same part.

Every provision lists the RELATED closest ones whose score reaches MINIMUM_SCORE, and at least
AT_LEAST of them; ties go to document order. Nothing random, nothing that depends on the order
of a dictionary: the same sources give the same list.

The reason shown beside a related provision names the subject terms the two share, in the page's
language, as the page's own text writes them ("sources de financement"): runs of the page's
words whose stems the other provision also uses and that few provisions use (NAMED_SHARE).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from edition.document.passages import CONTENT, Walk
from edition.enrich.mentions import Mention

WORDS = 1.0
ENTITIES = 0.15
PLACE = 0.12
RELATED = 5  # at most, shown
AT_LEAST = 2  # shown even when their score is lower than MINIMUM_SCORE
MINIMUM_SCORE = 0.1
COMMON_ENTITY = 1 / 3  # an entity named by more than this share of the provisions relates nothing
NAMED_SHARE = 1 / 5  # a shared term is named in the reason only if at most this share of provisions use it
NAMED_TERMS = 2  # at most, per reason
SECOND_TERM = 0.5  # a further term is named if it weighs at least this share of the first
RUN_WORDS = 3  # content words in one named run at most
CLAUSE_WORDS = 3  # content words a sentence or list item needs to be compared on its own
CLAUSE_FACTOR = 0.8

TAG = re.compile(r"<[^>]+>")
# A word, hyphenated words as one ("self-differentiation", "sous-régional"), after a French elision
# ("d'équipements": "équipements"), which is kept out of the word but inside a run of words shown.
WORD = re.compile(r"(?<![^\W_])(?:(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W_]))?([^\W_]+(?:-[^\W_]+)*)", re.I)
CLAUSE = re.compile(r"[.;:!?]\s+|[.;:!?]$")  # a sentence, or one item of a list run in a sentence

# Grammatical words, and words of the text's formulas that say nothing of its subject ("mise en
# œuvre", "en configuration CPEA", "in EAPC format"): they count for nothing.
FRENCH_STOP_WORDS = """
    a à afin ainsi alors au aucun aussi autre autres aux avec avoir c ça ce ceci cela celle celles
    celui ceux cette ces chaque ci comme comprenant compris concerne concernant d dans de des dès
    deux doit donc dont du elle elles en encore entre est et été être eux fait faire font hors il
    ils je l la le les leur leurs lors lui m ma mais me même mêmes mes moins n ne ni non nos
    notamment notre nous on ont ou où par parmi pas peut peuvent plus pour pourra pourront qu que
    quel quelle quelles quels qui s sa sans se sera seront ses si sein selon soit son sont sous sur
    t ta te tel telle telles tels toute toutes tous tout très tu un une vos votre vous y ci-après
    ici cet lequel laquelle lesquels lesquelles auxquels auxquelles duquel desquels serait seraient
    était étaient ayant également particulier manière façon cas lieu égard ailleurs outre mis mise
    mises mettre sorte compte après prévu prévue prévus prévues étant but vue point points pris
    prise prendre fera feront suivants suivantes suivant suivante conviendra place échelle menée
    mené menés menées mener configuration
"""
ENGLISH_STOP_WORDS = """
    a about above after all also an and any are as at be been being both but by can could did do
    does each either for from further had has have he her his how i if in into is it its itself may
    might more most must no nor not of on or other others our out over own same shall she should so
    some such than that the their them themselves then there these they this those through to too
    under until up upon very was we were what when where which while who whom why will with within
    would you your well between among including inter alia regard particular hereby hereinafter
    referred way ways aim aimed take taken taking place placed placing seek seeking view following
    appropriate set make made format
"""
STOP_WORDS = {"fr": set(FRENCH_STOP_WORDS.split()), "en": set(ENGLISH_STOP_WORDS.split())}
GENERIC_SHOWN = 3  # letters: a shorter word is never named in a reason ("mis", "but")


def fold(word: str) -> str:
    """Lower case, no accents, no ligatures: "Sécurité" and "securite" are one word."""
    word = word.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Light suffix stripping, one suffix at most after the plural (a small stemmer of our own: the
# text is short and its words are known; a general stemmer would conflate more). The longest suffix
# that leaves a stem of MIN_STEM letters goes. "-isme" and "-iste" stay: "terrorisme", which every
# provision uses, is not "terroriste" (terrorist groups, attacks).
MIN_STEM = 4
SUFFIXES = {
    "fr": sorted(
        [
            "ements",
            "ement",
            "ations",
            "ation",
            "ateurs",
            "ateur",
            "atrices",
            "atrice",
            "itions",
            "ition",
            "aires",
            "aire",
            "ites",
            "ite",
            "iques",
            "ique",
            "euses",
            "euse",
            "eux",
            "ives",
            "ive",
            "ifs",
            "if",
            "elles",
            "elle",
            "iers",
            "ier",
            "ieres",
            "iere",
            "ees",
            "ee",
            "es",
            "er",
            "e",
            "ants",
            "ant",
            "ents",
            "ent",
        ],
        key=len,
        reverse=True,
    ),
    "en": sorted(
        [
            "ements",
            "ement",
            "ments",
            "ment",
            "ations",
            "ation",
            "atory",
            "ories",
            "ory",
            "ings",
            "ing",
            "ers",
            "er",
            "ed",
            "ity",
            "ities",
            "ives",
            "ive",
            "ial",
            "al",
            "ly",
            "es",
            "e",
            "ian",
            "ians",
        ],
        key=len,
        reverse=True,
    ),
}


def stem(word: str, lang: str) -> str:
    """A folded word's stem: "financement", "financer" -> "financ"; "regulations", "regulatory" -> "regul"."""
    if word.isdigit() or len(word) <= MIN_STEM:
        return word
    if lang == "fr" and word.endswith("aux") and len(word) > MIN_STEM + 2:
        word = word[:-3] + "al"
    elif lang == "en" and word.endswith("ies") and len(word) > MIN_STEM + 2:
        word = word[:-3] + "y"
    elif word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in SUFFIXES[lang]:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


class Word(NamedTuple):
    """A word of a text: where it is (in the text without tags), as written, and its stem ("" for a
    stop word). A named tuple: a text is tens of thousands of them, made quickly."""

    start: int  # where a run of words starting with this one starts (before its elision)
    end: int
    written: str
    stem: str


def plain_text(text: str) -> str:
    return re.sub(r"\s+", " ", TAG.sub("", text.replace("<br>", " "))).replace("’", "'")


@cache
def stem_of(token: str, lang: str) -> str:
    """A word's stem; "" for a stop word or a one-letter word (the same words recur: computed once)."""
    folded = fold(token)
    useful = folded not in STOP_WORDS[lang] and token.lower() not in STOP_WORDS[lang] and len(folded) >= 2
    return stem(folded, lang) if useful else ""


def words(text: str, lang: str) -> list[Word]:
    """The words of a plain text; stop words and one-letter words get an empty stem."""
    return [Word(m.start(), m.end(), m.group(1), stem_of(m.group(1), lang)) for m in WORD.finditer(text)]


def clauses(text: str) -> list[str]:
    """A plain text's sentences, and the items of a list run in one sentence (split at ; and :)."""
    return [part for part in CLAUSE.split(text) if part.strip()]


@dataclass(frozen=True)
class Provision:
    """What the similarity reads of one provision."""

    number: str
    part: str  # the part's slug
    parent: str | None  # the parent provision's number
    text: dict[str, str]  # lang -> title and text, inline markup allowed
    entities: tuple[str, ...] = ()  # ids of the register entities it names


@dataclass(frozen=True)
class Reason:
    """Why two provisions are related, as the page of the first shows it."""

    terms: dict[str, tuple[str, ...]]  # lang -> shared subject terms, as that language's page writes them
    entities: tuple[str, ...]  # ids of the entities both name (telling ones only)
    place: str  # "parent", "child", "sibling", "ancestor", "descendant", "part" or ""


@dataclass(frozen=True)
class Related:
    number: str
    score: float
    reason: Reason


def counts(items: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


def place(a: Provision, b: Provision, parents: dict[str, str | None]) -> tuple[float, str]:
    """How near two provisions stand in the structure, and what relation that is (from a's side)."""
    if b.parent == a.number:
        return 1.0, "child"
    if a.parent == b.number:
        return 1.0, "parent"
    if a.parent is not None and a.parent == b.parent:
        return 0.5, "sibling"
    if a.parent is not None and parents.get(a.parent) == b.number:
        return 0.5, "ancestor"
    if b.parent is not None and parents.get(b.parent) == a.number:
        return 0.5, "descendant"
    if a.part and a.part == b.part:
        return 0.25, "part"
    return 0.0, ""


def unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {term: v / norm for term, v in vector.items() if v > 0} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[term] * b[term] for term in a.keys() & b.keys())


@dataclass
class Similarity:
    """The vectors of every provision, computed once; score() and related() read them."""

    provisions: list[Provision]
    langs: tuple[str, ...]

    def __post_init__(self) -> None:
        self.by_number = {p.number: p for p in self.provisions}
        self.order = {p.number: index for index, p in enumerate(self.provisions)}
        self.parents = {p.number: p.parent for p in self.provisions}
        total = len(self.provisions)
        self.plain = {lang: {p.number: plain_text(p.text[lang]) for p in self.provisions} for lang in self.langs}
        self.words = {
            lang: {number: words(text, lang) for number, text in self.plain[lang].items()} for lang in self.langs
        }
        self.frequency: dict[str, dict[str, int]] = {}  # lang -> stem -> how many provisions use it
        self.idf: dict[str, dict[str, float]] = {}
        self.vectors: dict[str, dict[str, dict[str, float]]] = {}  # lang -> number -> unit TF-IDF vector
        self.clause_vectors: dict[str, dict[str, list[dict[str, float]]]] = {}
        self.lowercase: dict[str, set[str]] = {}  # lang -> words the text writes in lower case somewhere
        for lang in self.langs:
            frequency: dict[str, int] = {}
            for found in self.words[lang].values():
                for term in sorted({w.stem for w in found if w.stem}):
                    frequency[term] = frequency.get(term, 0) + 1
            self.frequency[lang] = frequency
            idf = {term: math.log(total / n) for term, n in frequency.items()}
            self.idf[lang] = idf

            def vector(found: list[Word], idf: dict[str, float] = idf) -> dict[str, float]:
                return unit({t: n * idf[t] for t, n in counts([w.stem for w in found if w.stem]).items()})

            self.vectors[lang] = {number: vector(found) for number, found in self.words[lang].items()}
            self.clause_vectors[lang] = {
                number: [
                    vector(found)
                    for found in (words(part, lang) for part in clauses(text))
                    if sum(1 for w in found if w.stem) >= CLAUSE_WORDS
                ]
                for number, text in self.plain[lang].items()
            }
            self.lowercase[lang] = {
                w.written for found in self.words[lang].values() for w in found if w.written.islower()
            }
        named = counts([ident for p in self.provisions for ident in dict.fromkeys(p.entities)])
        self.entity_frequency = named
        self.telling = {i for i, n in named.items() if 2 <= n <= max(2, COMMON_ENTITY * total)}
        self.word_scores: dict[tuple[str, str], float] = {}  # (a, b) in document order -> word_score

    def word_score(self, a: str, b: str) -> float:
        key = (a, b) if self.order[a] < self.order[b] else (b, a)
        if key not in self.word_scores:
            self.word_scores[key] = self.compute_word_score(*key)
        return self.word_scores[key]

    def compute_word_score(self, a: str, b: str) -> float:
        """The words' part of the score: in each language, the cosine of the two texts, or, when
        higher, CLAUSE_FACTOR times that of one's sentence or list item with the other's text (a
        long provision that lists many subjects, such as paragraph 7, is close to the provision on
        one of them); the mean over the languages."""
        total = 0.0
        for lang in self.langs:
            va, vb = self.vectors[lang][a], self.vectors[lang][b]
            best = max(
                [cosine(c, vb) for c in self.clause_vectors[lang][a]]
                + [cosine(c, va) for c in self.clause_vectors[lang][b]]
                + [0.0]
            )
            total += max(cosine(va, vb), CLAUSE_FACTOR * best)
        return total / len(self.langs)

    def shared_entities(self, a: str, b: str) -> tuple[str, ...]:
        theirs = set(self.by_number[b].entities)
        return tuple(i for i in dict.fromkeys(self.by_number[a].entities) if i in theirs and i in self.telling)

    def score(self, a: str, b: str) -> float:
        entities = sum(1 / self.entity_frequency[i] for i in self.shared_entities(a, b))
        near, _ = place(self.by_number[a], self.by_number[b], self.parents)
        return WORDS * self.word_score(a, b) + ENTITIES * entities + PLACE * near

    def terms(self, a: str, b: str, lang: str) -> tuple[str, ...]:
        """The subject terms a and b share, as a's text in `lang` writes them: runs of a's words
        (stop words allowed between) whose stems b also uses and few provisions use, the
        weightiest first."""
        limit = max(2, NAMED_SHARE * len(self.provisions))
        va, vb = self.vectors[lang][a], self.vectors[lang][b]
        shared = {
            term: va[term] * vb[term]
            for term in va
            if term in vb and self.frequency[lang][term] <= limit and not term.isdigit()
        }
        text, found = self.plain[lang][a], self.words[lang][a]
        runs: list[tuple[float, int, tuple[str, ...], str]] = []
        current: list[Word] = []

        def close() -> None:
            while current and not current[-1].stem:
                current.pop()
            if current:
                stems = tuple(sorted({w.stem for w in current if w.stem}))
                shown = text[current[0].start : current[-1].end]
                first = current[0].written
                if first[:1].isupper() and first.lower() in self.lowercase[lang]:  # a sentence's first word
                    shown = shown.replace(first, first.lower(), 1)
                if len(shown) > GENERIC_SHOWN:
                    runs.append((-sum(shared[s] for s in stems), len(runs), stems, shown))
            current.clear()

        last = len(found) - 1
        for index, word in enumerate(found):
            if current:
                gap = text[current[-1].end : word.start]
                held = {w.stem for w in current if w.stem}
                if gap.strip():  # a comma, a full stop: the run ends
                    close()
                elif word.stem in shared and len(held) < RUN_WORDS and word.stem not in held:
                    current.append(word)
                    continue
                elif not word.stem and index < last and found[index + 1].stem in shared:
                    current.append(word)  # a small word between two shared ones ("sources de financement")
                    continue
                else:
                    close()
            if word.stem in shared:
                current.append(word)
        close()
        out: list[str] = []
        seen: set[str] = set()
        ranked = sorted(runs)
        for weight, _, stems, shown in ranked:
            if seen.issuperset(stems) or weight > ranked[0][0] * SECOND_TERM:
                continue
            seen.update(stems)
            out.append(shown)
            if len(out) == NAMED_TERMS:
                break
        return tuple(out)

    def reason(self, a: str, b: str) -> Reason:
        _, relation = place(self.by_number[a], self.by_number[b], self.parents)
        terms = {lang: self.terms(a, b, lang) for lang in self.langs}
        return Reason(terms, self.shared_entities(a, b), relation)

    def related(self, number: str) -> tuple[Related, ...]:
        """The provisions closest to this one, closest first (ties: document order)."""
        scored = sorted(
            ((self.score(number, other.number), other.number) for other in self.provisions if other.number != number),
            key=lambda item: (-round(item[0], 9), self.order[item[1]]),
        )
        chosen = [item for item in scored[:RELATED] if item[0] >= MINIMUM_SCORE]
        if len(chosen) < AT_LEAST:
            chosen = scored[:AT_LEAST]
        return tuple(Related(other, score, self.reason(number, other)) for score, other in chosen)


def related_provisions(provisions: list[Provision], langs: tuple[str, ...]) -> dict[str, tuple[Related, ...]]:
    """Every provision's related provisions, in document order of the provisions."""
    similarity = Similarity(provisions, langs)
    return {p.number: similarity.related(p.number) for p in provisions}


def provisions_of(walks: dict[str, Walk], found: dict[str, dict[str, list[Mention]]]) -> list[Provision]:
    """What the similarity reads of every provision, from each language's walk (titles, paragraphs
    and indents) and the entities either language's text names (enrich.find_mentions)."""
    named: dict[str, list[str]] = {}
    for lang in sorted(found):
        for ident, mentions in found[lang].items():
            for mention in mentions:
                if mention.piece.number and ident not in named.setdefault(mention.piece.number, []):
                    named[mention.piece.number].append(ident)
    langs = sorted(walks)
    first = walks[langs[0]]
    out = []
    for division in first.of_kind("provision"):
        text = {}
        for lang in langs:
            other = walks[lang].provisions[division.key]
            text[lang] = " ".join(p.text for p in other.passages if p.role in ("heading", *CONTENT))
        out.append(Provision(division.key, division.part, division.parent, text, tuple(named.get(division.key, []))))
    return out
