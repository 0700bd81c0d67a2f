"""Quality gate on the built site: no WCAG 2.1 A/AA violation (axe-core), on one page of every
kind, in both languages, on a desktop and a phone. A module of its own (not in test_gates.py): the
two test workers each run whole modules, and this one then runs beside the other gates."""

from __future__ import annotations

import pytest

from tests.gates import AXE_JS, need

KINDS = [
    "/",
    "/letter/",
    "/annex/",
    "/plan/action-plan/",
    "/plan/16-4-2/",
    "/full-text/",
    "/entities/eadrcc/",
    "/entities/",
    "/glossary/",
    "/cite/",
    "/about/",
    "/parallel/plan/16-4-2/",
    "/parallel/full-text/",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.gates

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_wcag_21_aa_violation(browser, server: str, lang: str, viewport: str):
    """axe-core on one page of every kind, WCAG 2.0 and 2.1, levels A and AA."""
    need(AXE_JS)
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    found = []
    try:
        page = context.new_page()  # one tab, one page after the other: the quickest way on two cores
        for url in [f"{server}{'' if lang == 'fr' else '/en'}{path}" for path in KINDS]:
            page.goto(url)
            page.add_script_tag(path=str(AXE_JS))
            # resultTypes: passes and the rest are summed up, not listed node by node, which halves
            # axe's time; violations are listed in full whatever it says.
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                WCAG_21_AA,
            )
            for violation in result["violations"]:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
                found.append(
                    f"{url}: {violation['id']} ({violation['impact']}): {violation['help']}; "
                    f"{len(targets)} element(s): {'; '.join(targets[:5])}"
                )
                first = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
                found.append(f"    {first[:300]}")
    finally:
        context.close()
    print("\n".join(found))
    if found:
        pytest.fail(f"axe: WCAG 2.1 A/AA violations, {lang}, {viewport} width (listed above)")
