"""The knowledge-base panel of the intake screen in a real browser: search, pick, use, save."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.browser.conftest import login, shot
from tests.test_kb_import import kb, kb_index  # noqa: F401  (fixtures, used by name)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("kb")]


def test_agent_finds_an_article_with_the_keyboard_and_uses_it_in_the_answer(
    page, make_user, make_contact, db
):
    from medinfo.interactions.models import Interaction

    agent = make_user("agent")
    contact = make_contact(last_name="Lambert")
    login(page, agent)
    page.goto(f"/cases/intake?contact={contact.id}")
    page.get_by_label("Unsolicited", exact=True).check()
    page.select_option("#requests-0-product", "Cardiolex")
    page.fill("#requests-0-question", "Peut-on poursuivre le Cardiolex pendant la grossesse ?")

    page.locator("#kb-q").press_sequentially("Cardiolex grosesse", delay=20)
    results = page.locator("#kb-results li")
    results.first.wait_for()
    assert "Did you mean" in page.locator("#kb-status").inner_text()
    assert "SRD-CLX-PREG-FR" in results.first.inner_text()
    assert "<mark>" in results.first.locator(".kb-snippet").inner_html()
    shot(page, "kb-01-intake-panel-results")

    count = results.count()
    page.locator("#kb-q").press("ArrowDown")
    page.locator("#kb-q").press("ArrowUp")  # back to the first hit
    assert results.nth(0).get_attribute("aria-selected") == "true"
    assert count == 1 or results.nth(1).get_attribute("aria-selected") == "false"
    page.locator("#kb-q").press("Enter")
    chip = page.locator("#kb-chips .kb-chip")
    chip.first.wait_for()
    assert chip.first.inner_text().startswith("SRD-CLX-PREG-FR v3")
    shot(page, "kb-02-intake-attached")

    page.locator("#kb-q").press("Control+Enter")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    used = page.locator(".kb-used")
    assert "SRD-CLX-PREG-FR v3" in used.first.inner_text()
    shot(page, "kb-03-case-shows-version")

    db.session.rollback()
    interaction = db.session.scalar(select(Interaction))
    links = interaction.requests[0].kb_links
    assert [link.version.label for link in links] == ["SRD-CLX-PREG-FR v3"]
