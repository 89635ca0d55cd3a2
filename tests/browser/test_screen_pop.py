"""Telephony screen pop in a real browser: a ringing event posted to the API pops the caller."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("MEDINFO_SHOTS", "/tmp/shots-realtime"))  # noqa: S108


def shot(page, name: str) -> None:
    """A screenshot of what the agent sees."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.fixture
def pbx_token(make_user):
    """The phone system's bearer token."""
    from medinfo.auth.services import create_token

    return create_token(make_user("agent", username="pbx"), "PBX")[1]


def post_event(base: str, token: str, **body) -> dict:
    """POST a call event over HTTP, as the phone system does."""
    req = urllib.request.Request(  # noqa: S310 - the local live server
        f"{base}/api/v1/telephony/events",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as res:  # noqa: S310
        assert res.status == 202
        return json.loads(res.read())


def test_ringing_pops_the_record_and_answered_ended_time_the_call(
    page, live_server, make_user, make_contact, make_interaction, pbx_token
):
    agent = make_user("agent", username="alice", full_name="Alice Roux")
    contact = make_contact(first_name="Anne", last_name="Dubois", phones=["+33 4 72 11 22 33"])
    case = make_interaction(contact=contact)
    login(page, agent)
    page.goto("/cases/")
    page.wait_for_selector("body[data-live=connected]")

    post_event(
        live_server, pbx_token, event="ringing", call_id="br-1", ani="0472112233", agent="alice"
    )
    pop = page.locator("#pop-br-1")
    pop.wait_for()
    assert "Anne Dubois" in pop.inner_text()
    assert "+33472112233" in pop.inner_text()
    assert case.reference in pop.locator(".screenpop-history").inner_text()
    shot(page, "01-screen-pop-known-caller")

    pop.get_by_role("link", name="Take the call").click()
    page.wait_for_url("**/cases/intake?*")
    assert "Anne Dubois" in page.locator("#chosen-contact").inner_text()
    page.wait_for_selector("body[data-live=connected]")
    post_event(live_server, pbx_token, event="answered", call_id="br-1", ani="", agent="alice")
    page.wait_for_function("document.querySelector('input[name=call_id]')?.value === 'br-1'")
    post_event(live_server, pbx_token, event="ended", call_id="br-1", ani="", agent="alice")
    page.wait_for_selector(".timer.stopped")
    frozen = page.locator("#call-timer").inner_text()
    page.wait_for_timeout(1500)
    assert page.locator("#call-timer").inner_text() == frozen  # the timer stopped
    assert page.locator("input[name=call_ended_at]").input_value()
    shot(page, "02-intake-after-call-ended")


def test_unknown_number_links_to_a_new_contact_intake_with_the_number(
    page, live_server, make_user, pbx_token
):
    agent = make_user("agent", username="bob")
    login(page, agent)
    page.wait_for_selector("body[data-live=connected]")
    post_event(
        live_server,
        pbx_token,
        event="ringing",
        call_id="br-2",
        ani="+33 6 12 34 56 78",
        agent="bob",
    )
    pop = page.locator("#pop-br-2")
    pop.wait_for()
    shot(page, "03-screen-pop-unknown-caller")
    pop.get_by_role("link", name="New caller: open the intake").click()
    page.wait_for_url("**/cases/intake?*")
    assert page.locator("#new_phone").input_value() == "+33612345678"


def test_event_missed_while_navigating_is_replayed(page, live_server, make_user, pbx_token):
    agent = make_user("agent", username="carol")
    login(page, agent)
    page.wait_for_selector("body[data-live=connected]")
    page.evaluate("window.medinfoDesk.socket.disconnect()")
    post_event(
        live_server, pbx_token, event="ringing", call_id="br-3", ani="0612345678", agent="carol"
    )
    page.evaluate("window.medinfoDesk.socket.connect()")
    page.locator("#pop-br-3").wait_for()  # delivered by replay, not live
