"""Browser: an agent escalates a question, a reviewer signs it, the case shows the signature."""

from __future__ import annotations

import pytest

from medinfo.routing import admin
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_escalate_sign_and_see_the_signature(page, browser, make_user, make_interaction, db):
    agent, reviewer = make_user("agent"), make_user("medical_reviewer", full_name="Dr Ada Roy")
    admin.save_queue(admin.QueueData("general", "General desk", is_default=True))
    case = make_interaction()
    login(page, agent)
    page.goto(f"/cases/{case.id}")
    page.click("text=Escalate to medical review")
    page.fill(f"#reason-esc-{case.requests[0].id}", "Pregnant patient: needs a physician's answer")
    shot(page, "routing-01-case-escalate")
    page.click(".escalate-form button")
    page.wait_for_selector("text=Escalated to medical review.")
    assert "escalated" in page.inner_text(".pagehead h1").lower()

    other = browser.new_context(base_url=page.url.split("/cases")[0])
    rpage = other.new_page()
    login(rpage, reviewer)
    rpage.goto("/review/")
    assert case.reference in rpage.inner_text("table.list")
    shot(rpage, "routing-02-review-queue")
    rpage.click(f"text={case.reference}")
    rpage.fill("#answer", "Not recommended in pregnancy; see SmPC 4.6.")
    rpage.click(".layout-main form button:has-text('Save draft')")
    rpage.wait_for_selector("text=Draft saved.")
    sign = rpage.locator(".sign-card form")
    sign.locator("textarea").fill("Not recommended in pregnancy; see SmPC section 4.6.")
    sign.locator("input[type=checkbox]").check()
    sign.locator("input[type=password]").fill("not-my-password")
    sign.locator("button").click()
    rpage.wait_for_selector("text=The password is wrong.")
    shot(rpage, "routing-03-sign-wrong-password")
    sign = rpage.locator(".sign-card form")
    sign.locator("input[type=checkbox]").check()
    sign.locator("input[type=password]").fill(PASSWORD)
    sign.locator("button").click()
    rpage.wait_for_selector("text=Answer signed.")
    assert "VALID signature" in rpage.inner_text(".signature")
    shot(rpage, "routing-04-signed")
    other.close()

    page.goto(f"/cases/{case.id}")
    text = page.inner_text("#review")
    assert "VALID signature" in text and "Dr Ada Roy" in text and "UTC" in text
    shot(page, "routing-05-case-signed")


def test_admin_and_board_pages(page, make_user, make_interaction, products, db):
    boss, agent = make_user("admin"), make_user("agent")
    queue = admin.save_queue(
        admin.QueueData("general", "General desk", is_default=True, member_ids=[agent.id])
    )
    admin.save_rule(admin.RuleData("Cardiology FR", 10, queue.id, country="FR", language="fr"))
    admin.save_skills(agent, admin.SkillsData([products[0].id], ["fr"], True))
    make_interaction(channel="email")
    login(page, boss)
    for name in ("rules", "queues", "agents", "calendars", "policies"):
        page.goto(f"/routing/{name}")
        shot(page, f"routing-1{name[0]}-{name}")
    page.goto("/routing/policies/new")
    page.fill("#name", "Urgent")
    page.fill("#target_minutes", "30")
    page.fill("#warn_minutes", "60")
    page.click("form.routing-form button")
    page.wait_for_selector("text=The warning must be between 0 and the target.")
    shot(page, "routing-16-policy-error")
    page.context.clear_cookies()
    login(page, agent)
    page.goto("/routing/board")
    assert "unassigned" not in page.inner_text("table.list")
    shot(page, "routing-17-board")
