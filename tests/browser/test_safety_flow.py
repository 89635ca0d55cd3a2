"""In a real browser: an agent's note triggers the AE prompt; the saved report reaches PV."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.browser.conftest import login, shot

pytestmark = pytest.mark.browser

NOTE = "The doctor says his patient has been dizzy and fainted twice since starting Cardiolex."


def test_note_triggers_the_prompt_and_the_report_reaches_the_pv_queue(
    page, browser, live_server, make_user, make_contact, products, db
):
    from medinfo.safety.models import SafetyReport

    agent = make_user("agent")
    pv = make_user("pv_officer")
    contact = make_contact(first_name="Paul", last_name="Bernard", language="en")
    login(page, agent)
    page.goto(f"/cases/intake?contact={contact.id}")
    page.get_by_label("Unsolicited", exact=True).check()
    page.select_option("#requests-0-product", "Cardiolex")
    page.fill("#requests-0-question", "Is dizziness a known effect of Cardiolex?")
    assert page.locator("#safety-prompt").is_hidden()
    page.locator("#call-notes").press_sequentially(NOTE[:60], delay=5)
    page.locator("#call-notes").press_sequentially(NOTE[60:], delay=5)

    prompt = page.locator("#safety-prompt")
    prompt.wait_for(state="visible")
    marks = page.locator("#safety-flags mark").all_inner_texts()
    assert any("dizz" in m.lower() for m in marks), marks
    assert page.locator("#safety-report").is_hidden()
    shot(page, "safety-01-prompt")

    page.click("#safety-open")
    section = page.locator("#safety-report")
    section.wait_for(state="visible")
    assert page.locator("#safety-adverse_event").is_checked()
    assert "dizzy" in page.locator("#safety-event_verbatim").input_value()
    assert page.locator("#safety-product").input_value() == "Cardiolex"
    page.fill("#safety-patient_initials", "RB")
    page.fill("#safety-patient_age", "72")
    page.fill("#safety-batch_lot", "CLX-2026-117")
    shot(page, "safety-02-report-open")

    page.locator("#call-notes").press("Control+Enter")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    shot(page, "safety-03-case-saved")

    db.session.rollback()
    report = db.session.scalar(select(SafetyReport))
    assert report is not None and report.products[0].batch_lot == "CLX-2026-117"
    assert report.interaction.ae_screening == "yes"

    context = browser.new_context(base_url=live_server, locale="en-GB", timezone_id="Europe/Paris")
    pv_page = context.new_page()
    try:
        login(pv_page, pv)
        pv_page.goto("/safety/")
        row = pv_page.locator("table.safety-queue tr", has_text=report.reference)
        assert row.count() == 1
        assert "met" in row.inner_text()
        shot(pv_page, "safety-04-pv-queue")
        row.locator("a", has_text=report.reference).click()
        pv_page.fill("#pv_case_id", "EU-2026-000123")
        pv_page.click("text=Acknowledge >> nth=-1")
        pv_page.wait_for_selector("text=Acknowledged as EU-2026-000123.")
        shot(pv_page, "safety-05-acknowledged")
        pv_page.click("nav.mainnav >> text=Reconciliation")
        stats = pv_page.locator(".stats.recon").inner_text()
        assert "100.0 %" in stats  # transferred within its deadline
        shot(pv_page, "safety-06-reconciliation")
    finally:
        context.close()
    db.session.rollback()
    assert db.session.get(SafetyReport, report.id).pv_case_id == "EU-2026-000123"
