"""The live-call intake screen."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from medinfo.catalog.services import list_products
from medinfo.contacts.services import ContactData, DuplicateSuspected, get_contact
from medinfo.contacts.validation import phone_or_none
from medinfo.database import utcnow
from medinfo.errors import ValidationFailed
from medinfo.forms import apply_field_errors
from medinfo.interactions import services
from medinfo.interactions.forms import IntakeForm
from medinfo.interactions.views import bp
from medinfo.kb.answers import parse_version_ids
from medinfo.permissions import Permission, permission_required
from medinfo.safety.intake import open_with_report, report_section_data, show_report_errors

MAX_CALL_AGE = timedelta(hours=12)


def _product_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [
        (p.name, f"{p.name} ({p.inn})" if p.inn else p.name) for p in list_products()
    ]


def _started_at(raw: str | None, now: datetime) -> datetime:
    """The call's start as the browser's timer saw it, kept only when plausible."""
    try:
        value = datetime.fromisoformat((raw or "").replace("Z", "+00:00"))
    except ValueError:
        return now
    if value.tzinfo is None or value > now or now - value > MAX_CALL_AGE:
        return now
    return value


def _ended_at(raw: str | None, started: datetime, now: datetime) -> datetime:
    """When telephony said the call ended, kept only when between its start and now."""
    value = _started_at(raw, now)
    return value if started <= value <= now else now


def intake_to_data(form: IntakeForm, now: datetime) -> services.InteractionData:
    """Plain values from the intake form for open_interaction()."""
    contact_id = int(form.contact_id.data) if (form.contact_id.data or "").isdigit() else None
    new_contact = None
    if contact_id is None and (form.new_last_name.data or "").strip():
        new_contact = ContactData(
            first_name=form.new_first_name.data or "",
            last_name=form.new_last_name.data or "",
            profession=form.new_profession.data,
            country=form.new_country.data or "",
            language=form.language.data,
            specialty=form.new_specialty.data or "",
            registry_type=form.new_registry_type.data or None,
            registry_number=form.new_registry_number.data or None,
            phones=[form.new_phone.data] if form.new_phone.data else [],
            email=form.new_email.data or None,
            city=form.new_city.data or "",
        )
    requests = [
        services.RequestData(
            category=r.category.data,
            question=r.question.data or "",
            product=r.product.data or None,
            kb_versions=parse_version_ids(r.kb_versions.data),
        )
        for r in form.requests
        if (r.question.data or "").strip()
    ]
    call = None
    if form.channel.data == "phone":
        # The caller's number is known here when it was typed for a new contact, or when the
        # telephony screen pop opened this intake (intake.js then posts call_id/call_ended_at).
        ani = phone_or_none(form.new_phone.data or "", form.new_country.data or "FR") or ""
        started = _started_at(form.call_started_at.data, now)
        popped = bool(request.form.get("call_id"))
        call = services.CallData(
            started_at=started,
            ended_at=_ended_at(request.form.get("call_ended_at"), started, now) if popped else now,
            ani=ani if new_contact or popped else "",
            notes=form.notes.data or "",
            outcome=form.outcome.data,
        )
    return services.InteractionData(
        contact_id=contact_id,
        new_contact=new_contact,
        channel=form.channel.data,
        unsolicited={"yes": True, "no": False}.get(form.unsolicited.data),
        language=form.language.data,
        priority=form.priority.data,
        requester_name=form.requester_name.data or "",
        requester_relation=form.requester_relation.data or "",
        requests=requests,
        call=call,
        received_at=call.started_at if call else now,
    )


def show_intake_errors(form: IntakeForm, errors: dict[str, str]) -> None:
    """Put service errors next to the intake fields they concern."""
    rest: dict[str, str] = {}
    for name, message in errors.items():
        parts = name.split(".")
        if parts[0] == "contact" and len(parts) == 2:
            rest[f"new_{parts[1]}"] = message
        elif parts[0] == "requests" and len(parts) == 3 and parts[1].isdigit():
            index = int(parts[1])
            entries = [e for e in form.requests if (e.question.data or "").strip()]
            target = entries[index] if index < len(entries) else form.requests[0]
            getattr(target, parts[2]).errors = [*getattr(target, parts[2]).errors, message]
        elif name == "contact_id":
            form.form_errors.append(message)
        else:
            rest[name] = message
    apply_field_errors(form, rest)


@bp.route("/intake", methods=["GET", "POST"])
@permission_required(Permission.HANDLE_INTERACTIONS)
def intake():
    """Take a call: find or create the caller, type the questions, save once."""
    form = IntakeForm()
    for entry in form.requests:
        entry.product.choices = _product_choices()
    contact = None
    if request.method == "GET":
        form.new_country.data = current_app.config["MEDINFO_DEFAULT_COUNTRY"]
        if request.args.get("contact", "").isdigit():
            contact = get_contact(int(request.args["contact"]))
            if contact:
                form.contact_id.data = str(contact.id)
                form.language.data = contact.language
        form.new_phone.data = request.args.get("phone", "")[:40]
    elif (form.contact_id.data or "").isdigit():
        contact = get_contact(int(form.contact_id.data))
    duplicates = []
    if form.validate_on_submit():
        data = intake_to_data(form, utcnow())
        try:
            interaction = open_with_report(
                data,
                report_section_data(form.safety),
                allow_duplicate=form.confirm_new.data == "yes",
            )
        except DuplicateSuspected as exc:
            duplicates = exc.candidates
            flash(
                _(
                    "This caller looks like an existing contact: pick them, or confirm that "
                    "this is a new person."
                ),
                "warning",
            )
        except ValidationFailed as exc:
            show_intake_errors(form, show_report_errors(form.safety, exc.fields))
            flash(_("The call was not saved: please correct the marked fields."), "error")
        else:
            flash(_("Saved as %(ref)s.", ref=interaction.reference), "success")
            return redirect(url_for("interactions.show", interaction_id=interaction.id))
    elif request.method == "POST":
        flash(_("The call was not saved: please correct the marked fields."), "error")
    return render_template(
        "interactions/intake.html",
        form=form,
        contact=contact,
        duplicates=duplicates,
        product_choices=_product_choices(),
    )
