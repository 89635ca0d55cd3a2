"""Contact pages: search, create, edit, and the history."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from medinfo.contacts import services
from medinfo.contacts.forms import ContactForm
from medinfo.contacts.history import contact_history, history_types
from medinfo.contacts.models import Contact
from medinfo.errors import ValidationFailed
from medinfo.forms import apply_field_errors
from medinfo.permissions import Permission, permission_required

bp = Blueprint("contacts", __name__, url_prefix="/contacts")


def form_to_data(form: ContactForm) -> services.ContactData:
    """Plain values from the form for the service."""
    return services.ContactData(
        first_name=form.first_name.data or "",
        last_name=form.last_name.data or "",
        profession=form.profession.data,
        country=form.country.data or "",
        language=form.language.data,
        specialty=form.specialty.data or "",
        registry_type=form.registry_type.data or None,
        registry_number=form.registry_number.data or None,
        phones=[p for p in (form.phone.data, form.phone2.data) if p],
        email=form.email.data or None,
        institution=form.institution.data or "",
        address=form.address.data or "",
        city=form.city.data or "",
        postal_code=form.postal_code.data or "",
        consent_contact=bool(form.consent_contact.data),
    )


def contact_summary(c: Contact) -> dict:
    """The JSON shape of a contact in lookups."""
    return {
        "id": c.id,
        "name": c.full_name,
        "profession": c.profession,
        "specialty": c.specialty,
        "institution": c.institution,
        "city": c.city,
        "phone": c.primary_phone,
        "registry_number": c.registry_number,
        "language": c.language,
        "country": c.country,
        "url": url_for("contacts.show", contact_id=c.id),
    }


@bp.get("/")
@permission_required(Permission.VIEW_CONTACTS)
def index():
    """Search contacts."""
    q = request.args.get("q", "").strip()[:200]
    results = services.search_contacts(q, limit=50) if q else []
    return render_template("contacts/index.html", q=q, results=results)


@bp.get("/lookup")
@permission_required(Permission.VIEW_CONTACTS)
def lookup():
    """Search-as-you-type for the intake screen (JSON)."""
    q = request.args.get("q", "").strip()[:200]
    return jsonify(
        {"query": q, "results": [contact_summary(c) for c in services.search_contacts(q, limit=10)]}
    )


def _save(form: ContactForm, contact: Contact | None):
    data = form_to_data(form)
    try:
        if contact is None:
            contact = services.create_contact(data, allow_duplicate=bool(form.confirm_new.data))
            flash(_("Contact created."), "success")
        else:
            services.update_contact(contact, data, reason=form.reason.data or None)
            flash(_("Contact saved."), "success")
    except services.DuplicateSuspected as exc:
        return None, exc.candidates
    except ValidationFailed as exc:
        apply_field_errors(form, exc.fields, {"phone": "phone"})
        return None, []
    return contact, []


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Permission.EDIT_CONTACTS)
def new():
    """Create a contact, warning about look-alikes."""
    form = ContactForm(country=current_app.config["MEDINFO_DEFAULT_COUNTRY"])
    if request.method == "GET" and request.args.get("phone"):
        form.phone.data = request.args["phone"][:40]
    duplicates = []
    if form.validate_on_submit():
        contact, duplicates = _save(form, None)
        if contact is not None:
            return redirect(url_for("contacts.show", contact_id=contact.id))
    return render_template("contacts/form.html", form=form, contact=None, duplicates=duplicates)


@bp.route("/<int:contact_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.EDIT_CONTACTS)
def edit(contact_id: int):
    """Edit a contact."""
    contact = services.get_contact(contact_id) or abort(404)
    form = ContactForm(obj=contact)
    if request.method == "GET":
        phones = [p.e164 for p in contact.phones]
        form.phone.data = phones[0] if phones else ""
        form.phone2.data = phones[1] if len(phones) > 1 else ""
        form.registry_type.data = contact.registry_type or ""
    if form.validate_on_submit():
        saved, _dupes = _save(form, contact)
        if saved is not None:
            return redirect(url_for("contacts.show", contact_id=contact.id))
    return render_template("contacts/form.html", form=form, contact=contact, duplicates=[])


def _parse_day(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value).astimezone() if value else None
    except ValueError:
        return None


@bp.get("/<int:contact_id>")
@permission_required(Permission.VIEW_CONTACTS)
def show(contact_id: int):
    """The contact's details and history, newest first, paginated and filterable."""
    contact = services.get_contact(contact_id) or abort(404)
    types = [t for t in request.args.getlist("type") if t in history_types()]
    since, until = _parse_day(request.args.get("from")), _parse_day(request.args.get("to"))
    page = contact_history(
        contact.id,
        types=types or None,
        since=since,
        until=until + timedelta(days=1) if until else None,
        page=request.args.get("page", 1, type=int) or 1,
        per_page=current_app.config["HISTORY_PAGE_SIZE"],
    )
    return render_template(
        "contacts/show.html",
        contact=contact,
        history=page,
        all_types=history_types(),
        chosen_types=types,
        date_from=request.args.get("from", ""),
        date_to=request.args.get("to", ""),
    )
