"""An agent takes a call end to end through the services and the pages."""

from medinfo.contacts.history import contact_history


def test_take_call_answer_and_close(make_interaction, agent_client, db):
    from medinfo.interactions import services

    interaction = make_interaction(questions=2)
    assert interaction.reference.startswith("MI-")
    for r in interaction.requests:
        services.answer_request(r, "Standard response SRD-1 given.")
    services.change_status(interaction, "answered")
    services.record_ae_screening(interaction, "no")
    services.close_interaction(interaction)
    assert interaction.status == "closed"
    page = contact_history(interaction.contact_id)
    assert [e.type for e in page.events].count("response") == 2
    assert {"interaction", "call", "response"} == {e.type for e in page.events}
    resp = agent_client.get(f"/contacts/{interaction.contact_id}")
    assert resp.status_code == 200
    assert interaction.reference in resp.text
