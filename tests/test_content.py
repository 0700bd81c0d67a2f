"""Content a specialist can rely on: the translation notes name real places and quote the texts
as they stand; every register entry names the source of its names; no page says "to be
confirmed"; paragraph 3's quotations are the resolution's own words, linked to it; and the
English is marked as a translation wherever it travels (downloads read back by bibtexparser,
citeproc-py and extruct)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import bibtexparser
import extruct
import pytest
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from edition.site.assemble import build_edition
from edition.site.loading import load_sources
from edition.sources.notes import parse_notes
from edition.sources.parse import SourceError, load_document
from edition.sources.parsed import Document
from edition.sources.sourcing import EDITION_MARK
from edition.sources.translation_notes import PLACE as NOTE_PLACE
from edition.sources.translation_notes import parse_translation_notes as read_translation_notes

from tests.conftest import SITE_URL, SOURCE
from tests.helpers import SHAPE, page_urls, soup, texts_of

NOTES = SOURCE / "translation-notes.md"
ENTRY_LINES = ("French", "English", "Why", "Source")
PLACE = NOTE_PLACE  # the build reads the notes (sources/translation_notes.py)
TRANSLATION_NOTE = (
    "English translation prepared for this edition; the French and the United Nations' English (S/2003/85) "
    "are official."
)
FRENCH_TITLE = "Plan d'action du partenariat contre le terrorisme, par. 16.3.2"
# Security Council resolution 1373 (2001), official English: paragraph 3 (a) and paragraph 4.
RESOLUTION_1373 = [
    "find ways of intensifying and accelerating the exchange of operational information, "
    "especially regarding actions or movements of terrorist persons or networks",
    "the need to enhance coordination of efforts on national, subregional, regional and international levels "
    "in order to strengthen a global response to this serious challenge and threat to international security",
]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {lang: load_document(SOURCE / f"S-2003-85.{lang}.md", lang, SHAPE, lang) for lang in ("fr", "en")}


# ---------------------------------------------------------------- translation notes


def parse_translation_notes(text: str) -> list[dict[str, str]]:
    """The entries of translation-notes.md as the build reads them: place, line, French, English, Why, Source."""
    return [
        {"place": note.place, "line": str(note.lineno)} | {key: note[key] for key in ENTRY_LINES}
        for note in read_translation_notes(text, "translation-notes.md")
    ]


def place_text(doc: Document, place: str) -> str:
    """The text of a place named in the notes ('annex, indent 3', '16.4.2', '9, indent 1')."""
    match = PLACE.match(place)
    assert match, f"place '{place}' is not 'letter', 'annex' or a provision number"
    where, kind, n = match["where"], match["kind"], match["n"]
    if where in ("letter", "annex"):
        section = doc.sections[where]
        units, prefix, head = section.units, where, [section.title]
    else:
        assert where in doc.provisions, f"no provision {where}"
        provision = doc.provisions[where]
        units, prefix, head = provision.units, f"p-{where.replace('.', '-')}", [provision.title]
    if kind:
        anchor = f"{prefix}-{'p' if kind == 'paragraph' else 'i'}{n}"
        chosen = [u.text for u in units if u.anchor == anchor]
        assert chosen, f"{place}: no {kind} {n} (anchor #{anchor})"
        return chosen[0]
    return " ".join(head + [u.text for u in units])


def test_translation_notes_name_existing_places_and_quote_both_texts(docs):
    entries = parse_translation_notes(NOTES.read_text(encoding="utf-8"))
    assert len(entries) >= 25
    for entry in entries:
        where = f"translation-notes.md:{entry['line']}: {entry['place']}"
        assert set(ENTRY_LINES) <= set(entry), f"{where}: needs French, English, Why, Source"
        assert all(entry[key] for key in ENTRY_LINES), f"{where}: an empty line"
        for lang, key in (("fr", "French"), ("en", "English")):
            text = place_text(docs[lang], entry["place"])
            for fragment in entry[key].split(" … "):
                assert fragment in text, f"{where}: '{fragment}' is not in the {lang} text there"


def test_translation_notes_parser_rejects_a_place_that_does_not_exist(docs):
    entries = parse_translation_notes("## 16.9.9\n- French: a\n- English: b\n- Why: c\n- Source: https://d.example\n")
    with pytest.raises(AssertionError, match=r"no provision 16\.9\.9"):
        place_text(docs["fr"], entries[0]["place"])
    with pytest.raises(AssertionError, match="no indent 9"):
        place_text(docs["en"], "annex, indent 9")


def test_the_review_points_are_in_the_english(docs):
    english = {n: " ".join([p.title] + [u.text for u in p.units]) for n, p in docs["en"].provisions.items()}
    assert "EAPC Ad Hoc Working Group on Small Arms and Light Weapons" in english["16.3.4"]
    assert "NATO/PfP Trust Fund Policy" in english["16.5.2"]
    assert "Lead nations" in english["16.1.2"] and "SCEPC in EAPC format" in english["16.4.2"]  # sourced: notes
    assert "Individual Partnership Action Plans" in english["12"]
    assert "Emphasis must be placed" in english["16.4.5"] and "should" not in english["16.4.5"]
    assert "committed themselves to making" in english["1"]
    assert "that prevents" not in english["9"]
    annex = " ".join(u.text for u in docs["en"].sections["annex"].units)
    assert "existing military capabilities" not in annex
    assert "welcomed the Action Plan, which was developed by the Allies" in annex


# The corrections of the second specialist review: each wrong wording gone, the right one there.
# Resolution 1441 (2002), paragraph 13, in the United Nations' official English (S/RES/1441 (2002)).
RESOLUTION_1441_13 = "that it will face serious consequences as a result of its continued violations of its obligations"
# The earlier English's run shared with the Prague Summit Declaration, paragraph 3 (nato.int,
# docu/pr/2002/p02-127e.htm), with a "by" before "the proliferation" that the French does not have.
DECLARATION_RUN = "including the threat posed by terrorism and by the proliferation of weapons of mass destruction"
CORRECTIONS = [  # (place, wrong, right)
    ("annex", "of the serious consequences it would face if it continued to fail to meet its obligations",
     RESOLUTION_1441_13.replace("will", "would")),
    ("annex", DECLARATION_RUN, "including the threat posed by terrorism and the proliferation of weapons"),
    ("16.4.3", "capabilities that could help to provide", "capabilities able to contribute, upon request"),
    ("16.3.1", "personnel and materiel", "personnel and material"),
    ("16.3.4", "explosives, materiel and technologies", "explosives, material and technologies"),
    ("11", "results-oriented", "result-oriented"),
    ("16.3.2", "erected as an obstacle", "regulatory provisions put in place as a barrier to the financing"),
]  # fmt: skip


def english_of(docs: dict[str, Document], place: str) -> str:
    if place == "annex":
        return " ".join(u.text for u in docs["en"].sections["annex"].units)
    provision = docs["en"].provisions[place]
    return " ".join([provision.title] + [u.text for u in provision.units])


@pytest.mark.parametrize(("place", "wrong", "right"), CORRECTIONS)
def test_the_corrections_are_in_the_english(docs, place: str, wrong: str, right: str):
    text = english_of(docs, place)
    assert wrong not in text and right in text


def test_the_corrections_have_their_notes_and_sources(docs):
    notes = {(entry["place"], entry["English"]): entry for entry in parse_translation_notes(NOTES.read_text("utf-8"))}
    by_place: dict[str, list[dict[str, str]]] = {}
    for (place, _), entry in notes.items():
        by_place.setdefault(place, []).append(entry)
    annex_10 = by_place["annex, paragraph 10"][0]
    assert annex_10["Source"].startswith("S/RES/1441 (2002), para. 13: https://undocs.org/en/S/RES/1441(2002)")
    assert RESOLUTION_1441_13 in annex_10["Why"]
    assert " could " not in english_of(docs, "16.4.3") and "could" in by_place["16.4.3"][0]["Why"]
    assert any("result-oriented action plan" in entry["Source"] for entry in by_place["11"])
    scepc = next(entry for entry in by_place["16.4.2"] if "EAPC format" in entry["English"])
    assert "SCEPC in EAPC format" in english_of(docs, "16.4.2")
    assert scepc["Source"].startswith("https://www.nato.int/") and "NATO usage" not in scepc["Source"]
    assert "and by the proliferation" in by_place["annex, paragraph 3"][0]["Why"]  # the borrowing, recorded
    assert any("e1116a.htm" in entry["Source"] for entry in by_place["16.5.2"])
    for place in ("16.3.1", "16.3.4"):
        assert any("material" in entry["English"] for entry in by_place[place])
    register = yaml.safe_load((SOURCE / "register.yml").read_text(encoding="utf-8"))
    nbc = next(e for e in register["entities"] if e["id"] == "nbc-defence-initiatives")
    assert "paragraph 4 (e)" in nbc["source"] and "official_texts_19552.htm" in nbc["source"]


# ---------------------------------------------------------------- register and entity pages


def test_every_register_entry_names_its_source_and_a_known_status():
    data = yaml.safe_load((SOURCE / "register.yml").read_text(encoding="utf-8"))
    allowed = {"id", "kind", "name", "acronym", "forms", "description", "link", "symbol", "source", "status"}
    for entity in data["entities"]:
        assert set(entity) <= allowed, (entity["id"], set(entity) - allowed)
        assert entity["status"] in ("checked", "edition"), entity["id"]
        assert str(entity.get("source", "")).strip(), f"{entity['id']}: no source for its names"
        assert entity["source"] != "facts", f"{entity['id']}: name the facts.md citation, not just 'facts'"
    edition = {e["id"] for e in data["entities"] if e["status"] == "edition"}
    assert "model-agreement-cross-border-transport" in edition and "ilu" not in edition


def test_no_built_page_says_to_be_confirmed(site: Path):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8").lower()
        assert "to be confirmed" not in text and "à confirmer" not in text, path


def test_entity_pages_say_when_the_english_name_is_the_editions_own(site: Path):
    for prefix, words in (("", "traduction de cette édition ; aucun nom anglais officiel trouvé"),
                          ("/en", "rendering of this edition; no official English found")):  # fmt: skip
        line = soup(site, f"{prefix}/entities/model-agreement-cross-border-transport/").select("p.edition-name")
        assert len(line) == 1 and words in line[0].get_text(), prefix
        assert not soup(site, f"{prefix}/entities/ilu/").select("p.edition-name"), prefix


def test_glossary_says_when_the_english_name_is_the_editions_own(tmp_path: Path):
    """No acronym's entity is an edition rendering today: mark one in a copy and render the glossary."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    register = source / "register.yml"
    text = register.read_text(encoding="utf-8")
    block = text[text.index("  - id: ilu\n") :]
    block = block[: block.index("    status: checked\n") + len("    status: checked\n")]
    marked = block.replace("status: checked", "status: edition").replace('source: "', f'source: "{EDITION_MARK}; ')
    register.write_text(text.replace(block, marked), encoding="utf-8")
    edition = build_edition(source, SITE_URL)
    for lang in ("fr", "en"):
        glossary = next(p for p in edition.pages[lang] if p.url == "glossary/")
        row = re.search(r'<tr id="acronym-ilu">.*?</tr>', glossary.body)
        assert row and 'class="ed edition-name"' in row.group(), lang
        assert glossary.body.count("edition-name") == 1, lang


# ---------------------------------------------------------------- paragraph 3's quotations


def test_paragraph_3_quotes_resolution_1373_in_its_own_english(docs):
    text = docs["en"].provisions["3"].units[0].text
    assert re.findall(r'"([^"]+)"', text) == RESOLUTION_1373


def test_quotation_note_links_each_quotation_to_its_paragraph_in_the_readers_language(site: Path):
    for prefix, lang, paragraphs in (("", "fr", ["paragraphe 3 a)", "paragraphe 4"]),
                                     ("/en", "en", ["paragraph 3 (a)", "paragraph 4"])):  # fmt: skip
        note = soup(site, f"{prefix}/plan/3/").select_one("article aside.quotation-note")
        links = note.select("li a")
        assert [a["href"] for a in links] == [f"https://undocs.org/{lang}/S/RES/1373(2001)"] * 2
        assert [a.get_text().rsplit(", ", 1)[1] for a in links] == paragraphs
    english = soup(site, "/en/plan/3/").select_one("aside.quotation-note").get_text()
    assert "official English text" in english
    assert not soup(site, "/plan/2/").select("aside.quotation-note")
    full_text = soup(site, "/en/full-text/").select("aside.quotation-note")
    assert len(full_text) == 1 and full_text[0].find_previous_sibling(id="p-3")


def test_a_quotation_note_that_does_not_match_the_text_stops_the_build(docs):
    notes = (SOURCE / "notes.yml").read_text(encoding="utf-8")
    parsed = parse_notes(notes, "source/notes.yml", texts_of(docs))
    assert next(q.source for q in parsed["en"]["3"].quotes).endswith("paragraph 3 (a)")
    stale = notes.replace("find ways of intensifying", "find means of intensifying")
    with pytest.raises(SourceError, match=r"source/notes.yml:\d+:\d+: provision 3: quote 'find means"):
        parse_notes(stale, "source/notes.yml", texts_of(docs))


# ---------------------------------------------------------------- the translation, marked wherever it goes


def download(site: Path, prefix: str, ext: str) -> str:
    return (site / prefix.strip("/") / "plan/16-3-2" / f"s-2003-85-16-3-2.{ext}").read_text(encoding="utf-8")


def test_cite_box_marks_the_english_as_a_translation(site: Path):
    english = soup(site, "/en/plan/16-3-2/").select_one("#cite-text").get_text()
    assert english.endswith(TRANSLATION_NOTE)
    french = soup(site, "/plan/16-3-2/").select_one("#cite-text").get_text()
    assert "translation" not in french and "traduction" not in french


def test_bibtex_of_english_pages_carries_the_translation_note(site: Path):
    library = bibtexparser.parse_string(download(site, "/en", "bib"))
    assert not library.failed_blocks
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert fields["note"].startswith(TRANSLATION_NOTE) and "[English translation, " in fields["title"]
    assert fields["origlanguage"] == "french"
    french = {f.key: f.value for f in bibtexparser.parse_string(download(site, "", "bib")).entries[0].fields}
    assert french["note"].startswith("Texte officiel (français).") and "origlanguage" not in french


def test_ris_of_english_pages_carries_the_translation_note(site: Path):
    tags = dict(re.findall(r"^([A-Z][A-Z0-9])  - (.*)$", download(site, "/en", "ris"), re.M))
    assert tags["N1"].startswith(TRANSLATION_NOTE) and "[English translation, " in tags["TI"] and tags["LA"] == "en"


def test_csl_json_of_english_pages_carries_the_translation_note(site: Path):
    items = json.loads(download(site, "/en", "json"))
    assert items[0]["note"].startswith(TRANSLATION_NOTE) and "[English translation, " in items[0]["title"]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    assert "para. 16.3.2" in str(bibliography.bibliography()[0])  # still a valid CSL item


def test_head_metadata_of_english_pages_points_to_the_french_original(site: Path):
    url, original = f"{SITE_URL}/en/plan/16-3-2/", f"{SITE_URL}/plan/16-3-2/"
    html = (site / "en/plan/16-3-2/index.html").read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "dublincore"], uniform=False)
    ld = data["json-ld"][0]
    assert ld["inLanguage"] == "en" and ld["isBasedOn"] == original and ld["creditText"] == TRANSLATION_NOTE
    work = ld["translationOfWork"][0]
    assert work["url"] == original and work["inLanguage"] == "fr" and work["name"] == FRENCH_TITLE
    dc = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in data["dublincore"][0]["elements"]}
    assert dc["description"] == TRANSLATION_NOTE and dc["source"] == original and dc["language"] == "en"


def test_every_english_citable_page_is_marked(site: Path):
    citable = [u for u in page_urls(site) if u.startswith("/en/") and soup(site, u).select_one("#cite-text")]
    assert len(citable) > 50
    for url in citable:
        page = soup(site, url)
        assert page.select_one("#cite-text").get_text().endswith(TRANSLATION_NOTE), url
        if url.startswith("/en/parallel/"):  # a view's cite box cites the page it shows, marked there
            assert page.select_one("#cite-url").get_text() == SITE_URL + url.replace("/parallel/", "/", 1), url
            continue
        ld = json.loads(page.select_one('script[type="application/ld+json"]').string)
        assert ld["isBasedOn"] == SITE_URL + url.removeprefix("/en"), url


def test_json_export_says_the_english_is_a_translation_of_the_french(site: Path):
    data = json.loads((site / "data" / "s-2003-85.json").read_text(encoding="utf-8"))
    assert data["translation"] == {"en": {"translationOf": "fr", "note": TRANSLATION_NOTE}}
    assert data["notes"]["fr"] == "Texte officiel (français)."
    versions = data["officialVersions"]
    assert versions["official"] == [
        {"language": "fr", "url": "https://undocs.org/fr/S/2003/85", "reproducedHere": True},
        {"language": "en", "url": "https://undocs.org/en/S/2003/85", "reproducedHere": False},
    ]
    assert versions["thisEditionsText"] == {"en": {"official": False, "translationOf": "fr"}}
    assert versions["statement"]["en"].startswith("Official versions: the French text, reproduced word for word")
    assert versions["statement"]["fr"].startswith("Versions officielles : le texte français, reproduit mot pour mot")


def test_sources_still_load_with_the_new_files():
    sources = load_sources(SOURCE)
    assert sources.labels["en"]["cite_language_note"] == TRANSLATION_NOTE


# ---------------------------------------------------------------- the official versions, stated before the text

UN_ENGLISH = "https://undocs.org/en/S/2003/85"
# One page of each kind that shows the document's text, in English (each must be among those checked).
ENGLISH_KINDS = [
    "/en/", "/en/letter/", "/en/annex/", "/en/plan/", "/en/plan/preamble/", "/en/plan/16-3-2/", "/en/plan/16-3/",
    "/en/full-text/", "/en/parallel/plan/16-3-2/", "/en/parallel/annex/", "/en/parallel/full-text/", "/en/entities/un/",
]  # fmt: skip
DOCUMENT_TEXT = ".unit, .sentence, .parallel-row:not(.parallel-head), .identity, .contents, .provision-list, .children"
FRENCH_ONLY_OFFICIAL = re.compile(r"(the )?French( text)? is (the )?official|The French is official", re.I)


def test_every_english_page_states_the_official_versions_before_the_text(site: Path):
    checked = []
    for url in page_urls(site):
        if not url.startswith("/en/"):
            continue
        article = soup(site, url).select_one("article")
        first_text = article.select_one(DOCUMENT_TEXT) if article else None
        if first_text is None:
            continue  # no text of the document on this page (glossary, index of entities, about, how to cite)
        notes = article.select("p.versions-note")
        assert len(notes) == 1, url
        elements = article.find_all(True)
        assert elements.index(notes[0]) < elements.index(first_text), url  # before the text
        words = notes[0].get_text(" ", strip=True)
        assert words.startswith("Official versions: the French text, reproduced word for word in this edition, and "
                                "the United Nations' English text"), url  # fmt: skip
        assert "this edition is its own translation of the French, not an official text" in words, url
        assert [a["href"] for a in notes[0].select("a")] == [UN_ENGLISH], url
        checked.append(url)
    assert set(ENGLISH_KINDS) <= set(checked), set(ENGLISH_KINDS) - set(checked)
    assert len(checked) > 100


def test_french_pages_state_the_official_versions_too(site: Path):
    for url in ("/", "/annex/", "/plan/16-3-2/", "/parallel/plan/16-3-2/", "/full-text/"):
        note = soup(site, url).select_one("article p.versions-note")
        assert note.get_text(" ", strip=True).startswith("Versions officielles : le texte français, reproduit mot"), url
        assert [a["href"] for a in note.select("a")] == [UN_ENGLISH], url
    official = soup(site, "/plan/16-3-2/").select_one("p.official-note").get_text(" ", strip=True)
    assert "une version officielle du document, comme le texte anglais de l'Organisation des Nations Unies" in official


def test_no_page_or_download_says_only_the_french_is_official(site: Path):
    for path in [*site.rglob("*.html"), *site.rglob("*.bib"), *site.rglob("*.ris"), *site.rglob("*.json")]:
        text = path.read_text(encoding="utf-8")
        assert not FRENCH_ONLY_OFFICIAL.search(text), path
        assert "Le texte français fait foi" not in text and "le texte officiel du document" not in text, path


def test_the_english_annex_explains_original_english(site: Path):
    for url in ("/en/annex/", "/en/full-text/"):
        original = soup(site, url).select_one("#annex ~ p.doc-original")
        assert original.get_text() == "[Original: English]", url
        note = original.find_next_sibling("p")
        assert "original-note" in note["class"], url
        words = note.get_text(" ", strip=True)
        assert "the letter was written in English" in words and "United Nations' English version" in words, url
        assert "this edition's translation of the French version" in words, url
        assert [a["href"] for a in note.select("a")] == [UN_ENGLISH], url
    french = soup(site, "/annex/").select_one("p.original-note").get_text(" ", strip=True)
    assert french.startswith("La lettre a été écrite en anglais") and "version française officielle" in french
    assert not soup(site, "/en/letter/").select("p.original-note")  # only the annex was written in English


@pytest.mark.publish
def test_the_english_pdf_states_the_official_versions(site: Path):
    from pypdf import PdfReader

    english = PdfReader(site / "data" / "s-2003-85.en.pdf")
    first = " ".join(english.pages[0].extract_text().split())
    # A line may break inside the address ("https://undocs.org/en/ S/2003/85"): compared without spaces.
    solid = first.replace(" ", "")
    statement = f"Official versions: the French, reproduced here word for word, and the UN's English, {UN_ENGLISH}"
    assert solid.index(statement.replace(" ", "")) < solid.index("Letterdated22January2003")
    assert "a translation prepared for this edition, not an official text" in first
    whole = " ".join(" ".join(page.extract_text().split()) for page in english.pages)
    assert not FRENCH_ONLY_OFFICIAL.search(whole)
    assert '[Original: English] "[Original: English]": the letter was written in English' in whole
    foot = "Reference edition: the edition's own translation, not official. Official versions: French and UN English"
    assert all(foot in " ".join(page.extract_text().split()) for page in english.pages[:-1])
    french = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(site / "data" / "s-2003-85.fr.pdf").pages
    )
    assert "écrite en anglais" not in french  # the French PDF holds the original's words only
