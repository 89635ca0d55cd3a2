"""The live-call intake screen in a real browser: new caller, caller search, missing answer."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from tests.browser.conftest import login, shot

pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"MI-\d{4}-\d{6}")


def _count(db, model) -> int:
    db.session.rollback()  # see what the server committed, not a stale snapshot
    return db.session.scalar(select(func.count()).select_from(model))


def _answer_question(page, question: str, notes: str) -> None:
    page.get_by_label("Unsolicited", exact=True).check()
    page.select_option("#requests-0-product", "Cardiolex")
    page.fill("#requests-0-question", question)
    page.fill("#call-notes", notes)


def test_new_caller_saved_with_ctrl_enter_and_in_history(page, make_user, products, db):
    from medinfo.contacts.models import Contact
    from medinfo.interactions.models import Interaction

    agent = make_user("agent")
    login(page, agent)
    page.goto("/cases/intake")
    page.wait_for_selector("#call-timer")
    shot(page, "01-intake-empty")

    page.click("#new-contact summary")
    page.fill("#new_first_name", "Hélène")
    page.fill("#new_last_name", "Fabre")
    page.select_option("#new_profession", "physician")
    page.fill("#new_phone", "01 42 68 53 00")
    page.fill("#new_city", "Paris")
    _answer_question(
        page,
        "Can Cardiolex be given with eGFR below 30?",
        "Nephrologist asked about renal dosing; SRD read out.",
    )
    shot(page, "02-intake-filled")

    page.locator("#call-notes").press("Control+Enter")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    heading = page.locator("h1").inner_text()
    match = REFERENCE.search(heading)
    assert match, f"no MI- reference in {heading!r}"
    reference = match.group(0)
    assert f"Saved as {reference}." in page.locator(".flashes").inner_text()
    question = page.locator(".request-item").inner_text()
    assert "Can Cardiolex be given with eGFR below 30?" in question
    shot(page, "03-case-saved")

    page.locator(".pagehead p.muted a", has_text="Hélène Fabre").click()
    page.wait_for_url(re.compile(r"/contacts/\d+$"))
    assert page.locator("h1").inner_text() == "Hélène Fabre"
    assert "+33142685300" in page.locator("dl.facts").inner_text()  # national → E.164
    timeline = page.locator("ol.timeline")
    assert timeline.locator("a", has_text=reference).count() >= 1
    call = timeline.locator("li.event-call")
    assert call.count() == 1
    assert call.locator("a").inner_text() == reference
    shot(page, "04-contact-history")

    assert _count(db, Interaction) == 1
    assert _count(db, Contact) == 1


def test_caller_search_as_you_type_picks_with_keyboard(page, make_user, make_contact, products, db):
    from medinfo.interactions.models import Interaction

    caller = make_contact(first_name="Bastien", last_name="Quennehen", city="Nantes")
    make_contact(first_name="Claire", last_name="Martin", city="Lyon")
    login(page, make_user("agent"))
    page.goto("/cases/intake")

    # (Its Alt+F accesskey cannot be exercised: Chromium ignores accesskeys in synthetic keys.)
    page.locator("#caller-search").press_sequentially("Quenn", delay=20)
    option = page.locator("#caller-results li[role=option]")
    option.first.wait_for()
    assert option.count() == 1
    assert "Bastien Quennehen" in option.first.inner_text()
    shot(page, "05-caller-search")
    page.locator("#caller-search").press("ArrowDown")
    assert option.first.get_attribute("aria-selected") == "true"
    page.locator("#caller-search").press("Enter")

    assert page.locator("#chosen-contact").is_visible()
    assert page.locator("#chosen-name").inner_text() == "Bastien Quennehen"
    assert page.locator("#find-contact").is_hidden()
    assert page.locator("#contact_id").input_value() == str(caller.id)
    assert page.locator("#chosen-link").get_attribute("href") == f"/contacts/{caller.id}"
    _answer_question(page, "Is Cardiolex available as an oral solution?", "Asked about forms.")
    shot(page, "06-caller-chosen")
    page.keyboard.press("Control+Enter")

    page.wait_for_url(re.compile(r"/cases/\d+$"))
    assert REFERENCE.search(page.locator("h1").inner_text())
    link = page.locator(".pagehead p.muted a")
    assert link.inner_text() == "Bastien Quennehen"
    assert link.get_attribute("href") == f"/contacts/{caller.id}"
    db.session.rollback()
    interactions = db.session.scalars(select(Interaction)).all()
    assert [i.contact_id for i in interactions] == [caller.id]


def test_save_without_unsolicited_answer_shows_error_and_creates_nothing(
    page, make_user, products, db
):
    from medinfo.contacts.models import Contact
    from medinfo.interactions.models import Interaction

    login(page, make_user("agent"))
    page.goto("/cases/intake")
    page.keyboard.press("Alt+C")  # the shortcut opens "New contact" and focuses its first field
    assert page.locator("#new-contact").get_attribute("open") is not None
    page.keyboard.type("Paul")
    assert page.locator("#new_first_name").input_value() == "Paul"
    page.fill("#new_last_name", "Verdier")
    page.fill("#new_phone", "04 72 11 22 33")
    page.select_option("#requests-0-product", "Cardiolex")
    page.fill("#requests-0-question", "Missing the solicited/unsolicited answer.")
    started = page.locator("#call_started_at").input_value()
    assert started
    page.locator("#requests-0-question").press("Control+Enter")

    page.wait_for_load_state()
    error = page.locator(".field.has-error small.error")
    error.first.wait_for()
    assert "Say whether it was unsolicited." in error.all_inner_texts()
    assert page.locator(".flash-error").inner_text().startswith("The call was not saved")
    assert page.url.endswith("/cases/intake")
    # What was typed is still there, and the new-contact section is open again.
    assert page.locator("#new_last_name").input_value() == "Verdier"
    assert page.locator("#requests-0-question").input_value() == (
        "Missing the solicited/unsolicited answer."
    )
    assert page.locator("#new-contact").get_attribute("open") is not None
    assert page.locator("#requests-0-product").input_value() == "Cardiolex"
    # The call timer keeps counting from the first screen, not from the re-display.
    assert page.locator("#call_started_at").input_value() == started
    shot(page, "07-missing-unsolicited")

    assert _count(db, Interaction) == 0
    assert _count(db, Contact) == 0


def test_no_chosen_caller_box_before_a_caller_is_chosen(page, make_user):
    login(page, make_user("agent"))
    page.goto("/cases/intake")
    assert page.locator("#chosen-contact").get_attribute("hidden") is not None
    assert page.locator("#chosen-contact").is_hidden()


def test_look_alike_new_caller_is_offered_as_existing_and_picked(
    page, make_user, make_contact, products, db
):
    from medinfo.contacts.models import Contact
    from medinfo.interactions.models import Interaction

    existing = make_contact(first_name="Anne", last_name="Lemaire", phones=["+33 4 72 11 22 33"])
    login(page, make_user("agent"))
    page.goto("/cases/intake")
    page.click("#new-contact summary")
    page.fill("#new_first_name", "Anne")
    page.fill("#new_last_name", "Le Maire")
    page.fill("#new_phone", "04 72 11 22 33")  # same number, national format
    _answer_question(page, "Cardiolex and grapefruit juice?", "Same caller as last week.")
    page.keyboard.press("Control+Enter")

    duplicate = page.locator(".pick-duplicate")
    duplicate.first.wait_for()
    assert "looks like an existing contact" in page.locator(".flash-warning").inner_text()
    assert duplicate.count() == 1
    assert "Anne Lemaire" in duplicate.inner_text()
    shot(page, "08-duplicate-offered")
    assert _count(db, Interaction) == 0
    duplicate.click()
    assert page.locator("#chosen-name").inner_text() == "Anne Lemaire"
    assert page.locator("#contact_id").input_value() == str(existing.id)
    page.keyboard.press("Control+Enter")

    page.wait_for_url(re.compile(r"/cases/\d+$"))
    assert page.locator(".pagehead p.muted a").get_attribute("href") == (f"/contacts/{existing.id}")
    db.session.rollback()
    assert [i.contact_id for i in db.session.scalars(select(Interaction))] == [existing.id]
    assert _count(db, Contact) == 1
