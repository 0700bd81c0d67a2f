"""RIS, as Zotero's RIS translator reads a report (TY RPRT): AU the author (the issuing body; no PB: see csl.py),
M3 the report type, SN the report number (the symbol and locator), DA the full date, N1 a note."""

from __future__ import annotations

from edition.citations.model import Reference


def ris(ref: Reference, url: str) -> str:
    lines = [
        ("TY", "RPRT"),
        ("AU", ref.issuer),
        ("TI", ref.title),
        ("M3", ref.genre),
        ("SN", ref.number),
        ("PY", str(ref.date.year)),
        ("DA", ref.date.strftime("%Y/%m/%d")),
        ("LA", ref.lang),
        ("UR", url),
        ("N1", ref.annotated),
    ]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)
