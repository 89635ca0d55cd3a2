"""Contacts: validation, duplicates, search, history, pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from medinfo.contacts.services import (
    ContactData,
    DuplicateSuspected,
    create_contact,
    find_by_phone,
    search_contacts,
    update_contact,
)
from medinfo.contacts.validation import luhn_valid, normalise_phone, registry_error
from medinfo.errors import ValidationFailed


def data(**kw) -> ContactData:
    values = {
        "first_name": "Élise",
        "last_name": "Lefèvre",
        "profession": "pharmacist",
        "country": "FR",
        "language": "fr",
    }
    values.update(kw)
    return ContactData(**values)


@pytest.mark.parametrize(
    ("rtype", "number", "ok"),
    [
        ("rpps", "10003556791", True),  # valid RPPS (Luhn)
        ("rpps", "10003556792", False),  # wrong check digit
        ("rpps", "1000355679", False),  # 10 digits
        ("npi", "1234567893", True),  # the CMS example NPI
        ("npi", "1234567890", False),
        ("npi", "12345678", False),
        (None, "1234567893", False),  # number without a type
        (None, None, True),
    ],
)
def test_registry_numbers(rtype, number, ok):
    assert (registry_error(rtype, number) is None) is ok


def test_luhn():
    assert luhn_valid("79927398713") and not luhn_valid("79927398710") and not luhn_valid("12a")


@pytest.mark.parametrize(
    "raw",
    ["01 42 68 53 00", "+33 1 42 68 53 00", "0033142685300", "01.42.68.53.00", "(01) 42-68-53-00"],
)
def test_phone_formats_normalise_to_e164(app, raw):
    assert normalise_phone(raw, "FR") == "+33142685300"


def test_invalid_phone_is_a_field_error(app):
    with pytest.raises(ValidationFailed) as exc:
        create_contact(data(phones=["12"]))
    assert "phone" in exc.value.fields


def test_invalid_fields_are_all_reported(app):
    with pytest.raises(ValidationFailed) as exc:
        create_contact(
            data(
                last_name="",
                profession="wizard",
                country="France",
                language="de",
                registry_type="rpps",
                registry_number="123",
                email="nope",
            )
        )
    assert {"last_name", "profession", "country", "language", "registry_number", "email"} <= set(
        exc.value.fields
    )


@pytest.mark.parametrize("clash", ["registry", "phone", "name_city"])
def test_duplicate_warns_and_offers_the_existing(app, clash):
    first = create_contact(
        data(
            registry_type="rpps",
            registry_number="10003556791",
            phones=["01 42 68 53 00"],
            city="Lyon",
        )
    )
    twin = {
        "registry": data(
            first_name="X", last_name="Y", registry_type="rpps", registry_number="10003556791"
        ),
        "phone": data(first_name="X", last_name="Y", phones=["+33142685300"]),
        "name_city": data(first_name="elise", last_name="LEFEVRE", city="lyon"),
    }[clash]
    with pytest.raises(DuplicateSuspected) as exc:
        create_contact(twin)
    assert [c.id for c in exc.value.candidates] == [first.id]
    # never a silent merge: confirming creates a second, distinct contact
    second = create_contact(twin, allow_duplicate=True)
    assert second.id != first.id


def test_search_by_phone_any_format_name_accents_registry_institution(app):
    c = create_contact(
        data(
            phones=["01 42 68 53 00"],
            registry_type="rpps",
            registry_number="10003556791",
            institution="CHU de Lyon",
            email="elise@example.org",
        )
    )
    create_contact(data(first_name="Paul", last_name="Durand", phones=["0611223344"]))
    for query in (
        "0142685300",
        "+33 1 42 68 53 00",
        "lefevre",
        "Lefèvre élise",
        "10003556791",
        "chu de lyon",
        "elise@example.org",
    ):
        assert [x.id for x in search_contacts(query)] == [c.id], query
    assert search_contacts("") == []
    assert [x.id for x in find_by_phone("+33142685300")] == [c.id]


def test_update_audits_changed_fields_only(app, db):
    from sqlalchemy import select

    from medinfo.audit.models import AuditEvent

    c = create_contact(data(city="Lyon"))
    update_contact(c, data(city="Paris"), reason="moved")
    ev = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "contact.updated"))
    assert ev.old_values == {"city": "Lyon"} and ev.new_values == {"city": "Paris"}
    assert ev.reason == "moved"


def test_history_pagination_filters_and_order(app, make_interaction, make_contact):
    from medinfo.contacts.history import contact_history

    contact = make_contact()
    now = datetime.now(UTC)
    for days in (30, 20, 10):
        make_interaction(contact, received_at=now - timedelta(days=days), call=None)
    page = contact_history(contact.id, per_page=2)
    assert page.total == 3 and page.pages == 2
    assert page.events[0].at > page.events[1].at
    only_recent = contact_history(contact.id, since=now - timedelta(days=15))
    assert only_recent.total == 1
    assert contact_history(contact.id, types=["call"]).total == 0
    assert contact_history(contact.id, types=["nonsense"]).total == 0


def test_contact_pages(agent_client, make_interaction):
    interaction = make_interaction()
    cid = interaction.contact_id
    assert agent_client.get("/contacts/?q=martin").status_code == 200
    page = agent_client.get(f"/contacts/{cid}?type=call&page=1")
    assert page.status_code == 200 and interaction.reference in page.text
    assert agent_client.get("/contacts/999999").status_code == 404
    lookup = agent_client.get("/contacts/lookup?q=martin").get_json()
    assert lookup["results"] and lookup["results"][0]["id"] == cid


def test_create_contact_form_shows_duplicates_then_confirms(agent_client, make_contact):
    make_contact(last_name="Bernard", phones=["01 40 00 00 01"])
    form = {
        "first_name": "Anne",
        "last_name": "Other",
        "profession": "physician",
        "phone": "01 40 00 00 01",
        "country": "FR",
        "language": "fr",
    }
    resp = agent_client.post("/contacts/new", data=form)
    assert resp.status_code == 200 and "looks like an existing contact" in resp.text
    resp = agent_client.post("/contacts/new", data=form | {"confirm_new": "y"})
    assert resp.status_code == 302


def test_auditor_cannot_create_contacts(logged_in):
    auditor = logged_in("auditor")
    assert auditor.get("/contacts/new").status_code == 403
    assert auditor.post("/contacts/new", data={"last_name": "X"}).status_code == 403


def test_history_page_two_renders(app, agent_client, make_interaction, make_contact):
    """Regression: the pager macro once shadowed the translation function from page 2 on."""
    contact = make_contact()
    now = datetime.now(UTC)
    for hours in range(10):
        make_interaction(
            contact, received_at=now - timedelta(hours=hours + 1), call=None, questions=1
        )
    app.config["HISTORY_PAGE_SIZE"] = 4
    try:
        page2 = agent_client.get(f"/contacts/{contact.id}?page=2")
    finally:
        app.config["HISTORY_PAGE_SIZE"] = 25
    assert page2.status_code == 200 and "Page 2 of 3" in page2.text


def test_npi_search_on_a_us_desk_is_not_mistaken_for_a_phone(app):
    app.config["MEDINFO_DEFAULT_COUNTRY"] = "US"
    try:
        c = create_contact(data(country="US", registry_type="npi", registry_number="1234567893"))
        assert [x.id for x in search_contacts("1234567893")] == [c.id]
    finally:
        app.config["MEDINFO_DEFAULT_COUNTRY"] = "FR"


def test_each_name_error_is_reported_on_its_own_field(app):
    with pytest.raises(ValidationFailed) as exc:
        create_contact(data(first_name="x" * 101, last_name=""))
    assert exc.value.fields["last_name"] == "Last name is required."
    assert "first_name" in exc.value.fields
