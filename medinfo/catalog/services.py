"""Creating and editing products; every change is audited."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from medinfo.audit import record_event
from medinfo.catalog.models import Product
from medinfo.errors import ValidationFailed
from medinfo.extensions import db


@dataclass
class ProductData:
    """Plain values for a product, as a form or the API gives them."""

    name: str
    inn: str = ""
    therapeutic_area: str = ""
    aliases: list[str] = field(default_factory=list)
    active: bool = True

    def cleaned(self) -> ProductData:
        """Strip whitespace and drop empty or repeated aliases."""
        aliases = list(dict.fromkeys(a.strip() for a in self.aliases if a.strip()))
        return ProductData(
            self.name.strip(), self.inn.strip(), self.therapeutic_area.strip(), aliases, self.active
        )


def _snapshot(p: Product) -> dict:
    return {
        "name": p.name,
        "inn": p.inn,
        "therapeutic_area": p.therapeutic_area,
        "aliases": list(p.aliases or []),
        "active": p.active,
    }


def find_product(name: str) -> Product | None:
    """Find a product by brand name, INN or alias, case-insensitively."""
    needle = name.strip().lower()
    if not needle:
        return None
    product = db.session.scalar(select(Product).where(func.lower(Product.name) == needle))
    if product is not None:
        return product
    for p in db.session.scalars(select(Product)):
        if needle in (s.lower() for s in p.synonyms):
            return p
    return None


def list_products(active_only: bool = True) -> list[Product]:
    """Products ordered by name."""
    stmt = select(Product).order_by(Product.name)
    if active_only:
        stmt = stmt.where(Product.active.is_(True))
    return list(db.session.scalars(stmt))


def _check(data: ProductData, current: Product | None = None) -> None:
    if not data.name:
        raise ValidationFailed({"name": "A product needs a name."})
    clash = db.session.scalar(select(Product).where(func.lower(Product.name) == data.name.lower()))
    if clash is not None and clash is not current:
        raise ValidationFailed({"name": f"A product named {data.name} already exists."})


def create_product(data: ProductData, *, commit: bool = True) -> Product:
    """Create a product."""
    data = data.cleaned()
    _check(data)
    product = Product(
        name=data.name,
        inn=data.inn,
        therapeutic_area=data.therapeutic_area,
        aliases=data.aliases,
        active=data.active,
    )
    db.session.add(product)
    db.session.flush()
    record_event("product.created", "product", product.id, new=_snapshot(product))
    if commit:
        db.session.commit()
    return product


def update_product(product: Product, data: ProductData) -> Product:
    """Change a product's fields."""
    data = data.cleaned()
    _check(data, product)
    old = _snapshot(product)
    product.name, product.inn = data.name, data.inn
    product.therapeutic_area, product.aliases, product.active = (
        data.therapeutic_area,
        data.aliases,
        data.active,
    )
    record_event("product.updated", "product", product.id, old=old, new=_snapshot(product))
    db.session.commit()
    return product
