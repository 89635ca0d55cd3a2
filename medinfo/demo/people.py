"""Fictional healthcare professionals: names, places, specialties, registry numbers and phones.

Everything here is pure data generation from a seeded ``random.Random`` (reproducible demo
data, not secrets); nothing touches the database. The names, cities, streets and institutions
live in data/people.yaml, read on first use.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from medinfo.contacts.services import ContactData
from medinfo.contacts.validation import fold, luhn_valid
from medinfo.demo.datafiles import read_data


@dataclass(frozen=True)
class Region:
    """One country's fictional names and places, from data/people.yaml."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    cities: tuple[tuple[str, str, str], ...]  # (city, postal code, phone block or area code)
    streets: tuple[str, ...]
    institutions: Mapping[str, tuple[str, ...]]  # setting -> names, may use {city} and {last}
    mobile_blocks: tuple[str, ...] = ()


@cache
def regions() -> Mapping[str, Region]:
    """Names and places by country code (FR, US), read from data/people.yaml once."""
    return MappingProxyType(
        {
            country: Region(
                first_names=tuple(table["first_names"]),
                last_names=tuple(table["last_names"]),
                cities=tuple((city, postal, phone) for city, postal, phone in table["cities"]),
                streets=tuple(table["streets"]),
                institutions=MappingProxyType(
                    {setting: tuple(names) for setting, names in table["institutions"].items()}
                ),
                mobile_blocks=tuple(table.get("mobile_blocks", ())),
            )
            for country, table in read_data("people").items()
        }
    )


# --- professions and specialties --------------------------------------------------------------
# (profession, weight, [(English specialty, French specialty, products asked about, setting)])
# setting: "hospital", "practice" or "pharmacy" picks the institution list in data/people.yaml.

ALL = ("Cardiolex", "Veranel", "Neurovan", "Insuvia", "Dermavel")
PROFESSIONS = (
    (
        "physician",
        55,
        (
            ("Cardiology", "Cardiologie", ("Cardiolex", "Veranel"), "hospital"),
            ("Family medicine", "Médecine générale", ALL, "practice"),
            ("Family medicine", "Médecine générale", ALL, "practice"),
            (
                "Internal medicine",
                "Médecine interne",
                ("Veranel", "Insuvia", "Cardiolex"),
                "hospital",
            ),
            ("Haematology", "Hématologie", ("Veranel",), "hospital"),
            ("Neurology", "Neurologie", ("Neurovan",), "hospital"),
            ("Endocrinology", "Endocrinologie-diabétologie", ("Insuvia",), "hospital"),
            ("Dermatology", "Dermatologie", ("Dermavel",), "practice"),
            ("Nephrology", "Néphrologie", ("Cardiolex", "Veranel"), "hospital"),
            ("Geriatrics", "Gériatrie", ("Veranel", "Cardiolex", "Neurovan"), "hospital"),
            ("Paediatrics", "Pédiatrie", ("Dermavel", "Neurovan"), "practice"),
        ),
    ),
    (
        "pharmacist",
        25,
        (
            ("Community pharmacy", "Pharmacie d'officine", ALL, "pharmacy"),
            ("Community pharmacy", "Pharmacie d'officine", ALL, "pharmacy"),
            ("Hospital pharmacy", "Pharmacie hospitalière", ALL, "hospital"),
        ),
    ),
    (
        "nurse",
        12,
        (
            ("Diabetes specialist nurse", "Infirmière en diabétologie", ("Insuvia",), "hospital"),
            ("General nursing", "Soins généraux", ALL, "hospital"),
            (
                "Home care nursing",
                "Soins à domicile",
                ("Veranel", "Insuvia", "Dermavel"),
                "practice",
            ),
        ),
    ),
    ("midwife", 3, (("Midwifery", "Maïeutique", ("Neurovan", "Insuvia", "Dermavel"), "hospital"),)),
    ("dentist", 2, (("Dental surgery", "Chirurgie dentaire", ("Veranel",), "practice"),)),
    ("other_hcp", 1, (("Dietitian", "Diététique", ("Insuvia",), "practice"),)),
    ("patient", 2, (("", "", ALL, "none"),)),
)
REGISTERED = {"physician", "pharmacist", "nurse", "midwife", "dentist"}


@dataclass
class DemoPerson:
    """A generated contact plus what the case generator needs to know about them."""

    data: ContactData
    products: tuple[str, ...]


def check_digit(payload: str, prefix: str = "") -> str:
    """The Luhn check digit that makes prefix + payload + digit valid."""
    return next(d for d in "0123456789" if luhn_valid(prefix + payload + d))


def rpps_number(rng: random.Random) -> str:
    """A fictional RPPS number: 11 digits starting with 10, Luhn-valid."""
    payload = "10" + "".join(rng.choice("0123456789") for _ in range(8))
    return payload + check_digit(payload)


def npi_number(rng: random.Random) -> str:
    """A fictional NPI: 10 digits starting with 1 or 2, Luhn-valid over the 80840 prefix."""
    payload = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return payload + check_digit(payload, "80840")


class _Unique:
    """Draws values from a generator until one has not been handed out before."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def take(self, draw, tries: int = 50) -> str:
        value = draw()
        for _ in range(tries):
            if value not in self.seen:
                break
            value = draw()
        self.seen.add(value)
        return value


def _fr_phone(rng: random.Random, block: str) -> str:
    return f"{block} {rng.randrange(100):02d} {rng.randrange(100):02d}"


def _us_phone(rng: random.Random, area: str) -> str:
    return f"({area}) 555-01{rng.randrange(100):02d}"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def _pick_profession(rng: random.Random) -> tuple[str, tuple]:
    profession, _w, specialties = rng.choices(PROFESSIONS, weights=[p[1] for p in PROFESSIONS])[0]
    return profession, rng.choice(specialties)


def _institution(rng: random.Random, region: Region, setting: str, city: str, last: str) -> str:
    """A workplace for the setting ("hospital", "practice", "pharmacy"); none for "none"."""
    names = region.institutions.get(setting)
    return rng.choice(names).format(city=city, last=last) if names else ""


def make_person(rng: random.Random, phones: _Unique, registry: _Unique) -> DemoPerson:
    """One fictional contact: about 60 % in France, 40 % in the United States."""
    french = rng.random() < 0.6
    profession, (spec_en, spec_fr, products, setting) = _pick_profession(rng)
    n_phones = rng.choices((0, 1, 2), weights=(4, 80, 16))[0]
    region = regions()["FR" if french else "US"]
    first, last = rng.choice(region.first_names), rng.choice(region.last_names)
    city, postal, block = rng.choice(region.cities)
    if french:  # a landline in the city's fictional block, and a mobile
        numbers = [phones.take(lambda: _fr_phone(rng, block))]
        numbers.append(phones.take(lambda: _fr_phone(rng, region.mobile_blocks[0])))
        address = f"{rng.randint(1, 120)} {rng.choice(region.streets)}"
    else:  # block is the city's area code
        numbers = [phones.take(lambda: _us_phone(rng, block)) for _ in range(2)]
        address = f"{rng.randint(10, 9900)} {rng.choice(region.streets)}"
    institution = _institution(rng, region, setting, city, last)
    if french:
        language = "en" if rng.random() < 0.03 else "fr"
        specialty, country, reg_type, draw_reg = spec_fr, "FR", "rpps", rpps_number
    else:
        specialty, country, language, reg_type, draw_reg = spec_en, "US", "en", "npi", npi_number
    has_number = profession in REGISTERED and rng.random() < 0.88
    if profession == "patient":
        institution = address = ""
    email = None
    if rng.random() < 0.7:
        domain = _slug(institution) or "mail"
        email = f"{_slug(first)}.{_slug(last)}@{domain}.example".replace("-.", ".")
    return DemoPerson(
        ContactData(
            first_name=first,
            last_name=last,
            profession=profession,
            country=country,
            language=language,
            specialty=specialty,
            registry_type=reg_type if has_number else None,
            registry_number=registry.take(lambda: draw_reg(rng)) if has_number else None,
            phones=numbers[:n_phones],
            email=email,
            institution=institution,
            address=address,
            city=city,
            postal_code=postal,
            consent_contact=rng.random() < 0.6,
        ),
        products,
    )


def make_people(rng: random.Random, count: int) -> list[DemoPerson]:
    """count fictional contacts with unique phone and registry numbers."""
    phones, registry = _Unique(), _Unique()
    return [make_person(rng, phones, registry) for _ in range(count)]
