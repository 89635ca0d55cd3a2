"""Admin pages: users (and their tokens) and products."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from medinfo.admin.forms import ProductForm, TokenForm, UserForm
from medinfo.auth import services as auth
from medinfo.auth.models import ApiToken, User
from medinfo.catalog import services as catalog
from medinfo.catalog.models import Product
from medinfo.errors import ValidationFailed
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.permissions import Permission, permission_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/users")
@permission_required(Permission.MANAGE_USERS)
def users():
    """All users."""
    rows = db.session.scalars(select(User).order_by(User.username)).all()
    return render_template("admin/users.html", users=rows)


@bp.route("/users/new", methods=["GET", "POST"])
@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def user(user_id: int | None = None):
    """Create or edit a user; tokens are listed on the same page."""
    existing = db.session.get(User, user_id) if user_id else None
    if user_id and existing is None:
        abort(404)
    form = UserForm(obj=existing)
    if existing:
        form.username.render_kw = {"readonly": True}
    if form.validate_on_submit():
        try:
            if existing is None:
                existing = auth.create_user(
                    form.username.data,
                    form.password.data or "",
                    form.role.data,
                    full_name=form.full_name.data or "",
                    email=form.email.data or None,
                    language=form.language.data,
                )
            else:
                auth.update_user(
                    existing,
                    role=form.role.data,
                    full_name=form.full_name.data or "",
                    email=form.email.data or None,
                    language=form.language.data,
                    active=form.active.data,
                    reason=form.reason.data or None,
                )
                if form.password.data:
                    auth.set_password(existing, form.password.data)
        except ValidationFailed as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
        else:
            flash(_("User saved."), "success")
            return redirect(url_for("admin.user", user_id=existing.id))
    tokens = existing.tokens if existing else []
    return render_template(
        "admin/user.html", form=form, user=existing, tokens=tokens, token_form=TokenForm()
    )


@bp.post("/users/<int:user_id>/tokens")
@permission_required(Permission.MANAGE_TOKENS)
def create_token(user_id: int):
    """Create a token; its value is shown once."""
    owner = db.session.get(User, user_id) or abort(404)
    form = TokenForm()
    if not form.validate_on_submit():
        flash(_("Name the token."), "error")
        return redirect(url_for("admin.user", user_id=owner.id))
    _token, plain = auth.create_token(owner, form.name.data)
    return render_template("admin/token_created.html", user=owner, plain=plain)


@bp.post("/tokens/<int:token_id>/revoke")
@permission_required(Permission.MANAGE_TOKENS)
def revoke_token(token_id: int):
    """Revoke a token."""
    token = db.session.get(ApiToken, token_id) or abort(404)
    if not token.is_revoked:
        auth.revoke_token(token)
        flash(_("Token revoked."), "success")
    return redirect(url_for("admin.user", user_id=token.user_id))


@bp.get("/products")
@permission_required(Permission.MANAGE_CATALOG)
def products():
    """All products."""
    return render_template("admin/products.html", products=catalog.list_products(False))


@bp.route("/products/new", methods=["GET", "POST"])
@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_CATALOG)
def product(product_id: int | None = None):
    """Create or edit a product."""
    existing = db.session.get(Product, product_id) if product_id else None
    if product_id and existing is None:
        abort(404)
    form = ProductForm(obj=existing)
    if existing is not None and not form.is_submitted():
        form.aliases.data = ", ".join(existing.aliases or [])
    if form.validate_on_submit():
        data = catalog.ProductData(
            name=form.name.data,
            inn=form.inn.data or "",
            therapeutic_area=form.therapeutic_area.data or "",
            aliases=(form.aliases.data or "").split(","),
            active=form.active.data,
        )
        try:
            if existing is None:
                catalog.create_product(data)
            else:
                catalog.update_product(existing, data)
        except ValidationFailed as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
        else:
            flash(_("Product saved."), "success")
            return redirect(url_for("admin.products"))
    return render_template("admin/product.html", form=form, product=existing)
