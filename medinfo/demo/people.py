"""Fictional healthcare professionals: names, places, specialties, registry numbers and phones.

Everything here is pure data generation from a seeded ``random.Random``; nothing touches the
database. ``random`` is the right tool for reproducible demo data (not for secrets), hence the
per-file S311 ignore requested for ``medinfo/demo/*``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from medinfo.contacts.services import ContactData
from medinfo.contacts.validation import fold, luhn_valid

# --- names (combinations are fictional) -------------------------------------------------------

FR_FIRST = (
    "Camille", "Julie", "Claire", "Sophie", "Élodie", "Hélène", "Nathalie", "Isabelle", "Anne",
    "Céline", "Manon", "Léa", "Chloé", "Margaux", "Agnès", "Brigitte", "Sylvie", "Amélie",
    "Thomas", "Nicolas", "Julien", "Antoine", "Mathieu", "François", "Pierre", "Olivier",
    "Laurent", "Stéphane", "Guillaume", "Sébastien", "Hugo", "Louis", "Étienne", "Rémi",
    "Benoît", "Jérôme", "Yves", "Karim", "Yasmine", "Mehdi",
)
FR_LAST = (
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
    "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
    "Duval", "Joly", "Gaillard", "Brunet", "Roche", "Benali", "Lacroix", "Picard", "Caron",
)
US_FIRST = (
    "Emily", "Sarah", "Jessica", "Ashley", "Megan", "Rachel", "Laura", "Hannah", "Olivia",
    "Grace", "Priya", "Mei", "Maria", "Aisha", "Michael", "David", "James", "Robert", "Daniel",
    "Matthew", "Andrew", "Joshua", "Ryan", "Kevin", "Brian", "Jason", "Eric", "Samuel", "Omar",
    "Raj", "Carlos", "Ethan",
)
US_LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker",
    "Hall", "Young", "King", "Wright", "Hill", "Green", "Baker", "Nelson", "Carter", "Mitchell",
    "Patel", "Chen", "Kim", "Garcia", "Rodriguez", "Okafor", "Shapiro", "O'Brien", "Kowalski",
)

# --- places -----------------------------------------------------------------------------------
# (city, postal code, fictional phone block). ARCEP reserves these blocks for fiction, one per
# region, so no demo number rings a real line: 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49.

FR_CITIES = (
    ("Paris", "75013", "01 99 00"), ("Paris", "75010", "01 99 00"), ("Paris", "75015", "01 99 00"),
    ("Créteil", "94000", "01 99 00"), ("Boulogne-Billancourt", "92100", "01 99 00"),
    ("Lyon", "69003", "04 65 71"), ("Marseille", "13005", "04 65 71"),
    ("Grenoble", "38000", "04 65 71"), ("Nice", "06000", "04 65 71"),
    ("Montpellier", "34000", "04 65 71"), ("Toulouse", "31000", "05 36 49"),
    ("Bordeaux", "33000", "05 36 49"), ("Limoges", "87000", "05 36 49"),
    ("Nantes", "44000", "02 61 91"), ("Rennes", "35000", "02 61 91"),
    ("Rouen", "76000", "02 61 91"), ("Tours", "37000", "02 61 91"), ("Lille", "59000", "03 53 01"),
    ("Strasbourg", "67000", "03 53 01"), ("Nancy", "54000", "03 53 01"),
    ("Reims", "51100", "03 53 01"), ("Dijon", "21000", "03 53 01"),
)
FR_MOBILE_BLOCKS = ("06 39 98",)
FR_STREETS = ("rue de la République", "avenue Jean-Jaurès", "boulevard Victor-Hugo",
              "rue Pasteur", "place de la Gare", "rue des Lilas", "avenue de la Libération",
              "rue du Général-Leclerc", "rue Nationale", "cours Gambetta")
FR_CLINICS = ("Clinique des Tilleuls", "Polyclinique du Val", "Clinique Saint-Exupéry",
              "Hôpital privé des Cèdres")
FR_PHARMACIES = ("Pharmacie du Marché", "Pharmacie de la Gare", "Pharmacie des Halles",
                 "Grande Pharmacie du Centre", "Pharmacie du Parc")

# (city, "ST zip", area code). US demo numbers use 555-01XX, the range reserved for fiction.
US_CITIES = (
    ("Boston", "MA 02115", "617"), ("Chicago", "IL 60611", "312"), ("Houston", "TX 77030", "713"),
    ("Seattle", "WA 98104", "206"), ("Denver", "CO 80218", "303"), ("Atlanta", "GA 30322", "404"),
    ("Philadelphia", "PA 19104", "215"), ("Minneapolis", "MN 55455", "612"),
    ("Phoenix", "AZ 85006", "602"), ("San Diego", "CA 92103", "619"),
    ("Nashville", "TN 37232", "615"), ("Cleveland", "OH 44195", "216"),
)
US_STREETS = ("Main Street", "Oak Avenue", "Maple Drive", "Washington Boulevard", "Park Avenue",
              "Lakeview Road", "Elm Street", "Jefferson Avenue", "Cedar Lane", "Highland Drive")
US_HOSPITALS = ("{city} General Hospital", "Riverside Medical Center", "St. Agnes Hospital",
                "{city} University Medical Center", "Lakeside Regional Hospital")
US_PRACTICES = ("Lakeside Family Practice", "Northside Internal Medicine", "Harbor View Clinic",
                "Oakwood Medical Group")
US_PHARMACIES = ("Main Street Pharmacy", "Northside Community Pharmacy", "Corner Drug Store",
                 "Hillcrest Pharmacy")

# --- professions and specialties --------------------------------------------------------------
# (profession, weight, [(English specialty, French specialty, products asked about, setting)])
# setting: "hospital", "practice" or "pharmacy" picks the kind of institution.

ALL = ("Cardiolex", "Veranel", "Neurovan", "Insuvia", "Dermavel")
PROFESSIONS = (
    ("physician", 55, (
        ("Cardiology", "Cardiologie", ("Cardiolex", "Veranel"), "hospital"),
        ("Family medicine", "Médecine générale", ALL, "practice"),
        ("Family medicine", "Médecine générale", ALL, "practice"),
        ("Internal medicine", "Médecine interne", ("Veranel", "Insuvia", "Cardiolex"), "hospital"),
        ("Haematology", "Hématologie", ("Veranel",), "hospital"),
        ("Neurology", "Neurologie", ("Neurovan",), "hospital"),
        ("Endocrinology", "Endocrinologie-diabétologie", ("Insuvia",), "hospital"),
        ("Dermatology", "Dermatologie", ("Dermavel",), "practice"),
        ("Nephrology", "Néphrologie", ("Cardiolex", "Veranel"), "hospital"),
        ("Geriatrics", "Gériatrie", ("Veranel", "Cardiolex", "Neurovan"), "hospital"),
        ("Paediatrics", "Pédiatrie", ("Dermavel", "Neurovan"), "practice"),
    )),
    ("pharmacist", 25, (
        ("Community pharmacy", "Pharmacie d'officine", ALL, "pharmacy"),
        ("Community pharmacy", "Pharmacie d'officine", ALL, "pharmacy"),
        ("Hospital pharmacy", "Pharmacie hospitalière", ALL, "hospital"),
    )),
    ("nurse", 12, (
        ("Diabetes specialist nurse", "Infirmière en diabétologie", ("Insuvia",), "hospital"),
        ("General nursing", "Soins généraux", ALL, "hospital"),
        ("Home care nursing", "Soins à domicile", ("Veranel", "Insuvia", "Dermavel"), "practice"),
    )),
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


def _fr_institution(rng: random.Random, setting: str, city: str, last: str) -> str:
    if setting == "pharmacy":
        return rng.choice(FR_PHARMACIES)
    if setting == "practice":
        return rng.choice((f"Cabinet médical du Dr {last}", "Maison de santé pluriprofessionnelle",
                           "Cabinet de groupe des Halles"))
    if setting == "hospital":
        return rng.choice((f"CHU de {city}", f"Centre hospitalier de {city}",
                           *FR_CLINICS))
    return ""


def _us_institution(rng: random.Random, setting: str, city: str) -> str:
    if setting == "pharmacy":
        return rng.choice(US_PHARMACIES)
    if setting == "practice":
        return rng.choice(US_PRACTICES)
    if setting == "hospital":
        return rng.choice(US_HOSPITALS).format(city=city)
    return ""


def make_person(rng: random.Random, phones: _Unique, registry: _Unique) -> DemoPerson:
    """One fictional contact: about 60 % in France, 40 % in the United States."""
    french = rng.random() < 0.6
    profession, (spec_en, spec_fr, products, setting) = _pick_profession(rng)
    n_phones = rng.choices((0, 1, 2), weights=(4, 80, 16))[0]
    if french:
        first, last = rng.choice(FR_FIRST), rng.choice(FR_LAST)
        city, postal, block = rng.choice(FR_CITIES)
        numbers = [phones.take(lambda b=block: _fr_phone(rng, b))]
        numbers.append(phones.take(lambda: _fr_phone(rng, FR_MOBILE_BLOCKS[0])))
        address = f"{rng.randint(1, 120)} {rng.choice(FR_STREETS)}"
        institution = _fr_institution(rng, setting, city, last)
        specialty, country = spec_fr, "FR"
        language = "en" if rng.random() < 0.03 else "fr"
        reg_type, draw_reg = "rpps", rpps_number
    else:
        first, last = rng.choice(US_FIRST), rng.choice(US_LAST)
        city, postal, area = rng.choice(US_CITIES)
        numbers = [phones.take(lambda a=area: _us_phone(rng, a)) for _ in range(2)]
        address = f"{rng.randint(10, 9900)} {rng.choice(US_STREETS)}"
        institution = _us_institution(rng, setting, city)
        specialty, country, language = spec_en, "US", "en"
        reg_type, draw_reg = "npi", npi_number
    has_number = profession in REGISTERED and rng.random() < 0.88
    if profession == "patient":
        institution = address = ""
    email = None
    if rng.random() < 0.7:
        domain = _slug(institution) or "mail"
        email = f"{_slug(first)}.{_slug(last)}@{domain}.example".replace("-.", ".")
    return DemoPerson(
        ContactData(
            first_name=first, last_name=last, profession=profession, country=country,
            language=language, specialty=specialty,
            registry_type=reg_type if has_number else None,
            registry_number=registry.take(lambda: draw_reg(rng)) if has_number else None,
            phones=numbers[:n_phones], email=email, institution=institution, address=address,
            city=city, postal_code=postal, consent_contact=rng.random() < 0.6,
        ),
        products,
    )


def make_people(rng: random.Random, count: int) -> list[DemoPerson]:
    """count fictional contacts with unique phone and registry numbers."""
    phones, registry = _Unique(), _Unique()
    return [make_person(rng, phones, registry) for _ in range(count)]
