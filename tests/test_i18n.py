"""Translations: the French catalog is complete, up to date with the code, and used by the pages.

When a test here fails after you added or changed a string, refresh the catalogs:

    pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 \
        -k lazy_pgettext:1c,2 --ignore-dirs='.* __pycache__' --sort-by-file \
        --project='MedInfo Desk' --copyright-holder='MedInfo Desk' \
        -o medinfo/translations/messages.pot .
    pybabel update -i medinfo/translations/messages.pot -d medinfo/translations \
        --ignore-obsolete --previous
    # translate the new or fuzzy entries in medinfo/translations/fr/LC_MESSAGES/messages.po
    # (and delete their "#, fuzzy" line), then:
    pybabel compile -d medinfo/translations
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.conftest import login_as

ROOT = Path(__file__).resolve().parents[1]
BABEL_CFG = ROOT / "babel.cfg"
TRANSLATIONS = ROOT / "medinfo" / "translations"
POT = TRANSLATIONS / "messages.pot"
FR_PO = TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.po"
FR_MO = FR_PO.with_suffix(".mo")

# The same keywords and options as the extract command above (and the Makefile).
KEYWORDS = ("_l", "lazy_gettext", "lazy_ngettext:1,2", "lazy_pgettext:1c,2")
FIX = (
    "run `pybabel extract ...` then `pybabel update ...` (see the docstring of "
    "tests/test_i18n.py) and translate the new entries in " + str(FR_PO.relative_to(ROOT))
)

# %(name)s placeholders, escaped percents, and any other percent sign (which would break
# Flask-Babel's `rv % variables` formatting in templates).
PERCENT = re.compile(r"%\(\w+\)[#0 +-]?\d*(?:\.\d+)?[a-zA-Z]|%%|%")


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _where(message) -> str:
    return ", ".join(f"{os.path.relpath(path, ROOT)}:{line}" for path, line in message.locations)


def _label(message) -> str:
    return repr(_ids(message)[0])


@pytest.fixture(scope="session")
def fr_catalog() -> Catalog:
    """The French catalog, parsed."""
    return _read(FR_PO)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs() -> None:
    """Compile each .po whose .mo is missing or stale (the .mo files are git-ignored)."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalog = _read(po)
        fd, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".mo.tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                write_mo(f, catalog)
            os.chmod(tmp, 0o644)
            os.replace(tmp, mo)  # atomic: a concurrent reader sees the old or the new file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


@pytest.fixture(autouse=True)
def _fresh_translations(request: pytest.FixtureRequest, compiled_catalogs) -> Iterator[None]:
    """Pages must not use a catalog Flask-Babel cached before the .mo was (re)compiled."""
    if "app" in request.fixturenames:
        request.getfixturevalue("app").extensions["babel"].instance.domain_instance.cache.clear()
    yield


@pytest.fixture(scope="session")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The messages marked in the code today, extracted afresh with babel.cfg."""
    out = tmp_path_factory.mktemp("i18n") / "messages.pot"
    argv = [
        "pybabel",
        "--quiet",
        "extract",
        "-F",
        str(BABEL_CFG),
        *(f"--keyword={k}" for k in KEYWORDS),
        "--ignore-dirs=.* __pycache__",
        "-o",
        str(out),
        str(ROOT),
    ]
    CommandLineInterface().run(argv)
    catalog = _read(out)
    assert len(catalog) > 100, "extraction found almost nothing: check babel.cfg"
    return catalog


# (a) The French catalog is complete and well formed.


def test_every_french_message_is_translated(fr_catalog: Catalog) -> None:
    untranslated = [
        _label(m) for m in fr_catalog if m.id and not all(s.strip() for s in _strings(m))
    ]
    assert not untranslated, f"{len(untranslated)} untranslated in {FR_PO.name}: {untranslated}"


def test_no_fuzzy_french_message(fr_catalog: Catalog) -> None:
    fuzzy = [_label(m) for m in fr_catalog if m.id and m.fuzzy]
    assert not fuzzy, (
        f"review these translations and remove their '#, fuzzy' flag "
        f"(fuzzy entries are not used): {fuzzy}"
    )


def test_french_placeholders_match(fr_catalog: Catalog) -> None:
    wrong = []
    for message in fr_catalog:
        if not message.id:
            continue
        expected = Counter(PERCENT.findall(_ids(message)[0]))
        for string in _strings(message):
            got = Counter(PERCENT.findall(string))
            if string and got != expected:
                wrong.append(
                    f"{_label(message)}: {sorted(expected.elements())} "
                    f"!= {sorted(got.elements())} in {string!r}"
                )
        wrong += [f"{_label(message)}: {error}" for error in message.check(fr_catalog)]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_french_catalog_compiles(tmp_path: Path, fr_catalog: Catalog) -> None:
    with (tmp_path / "messages.mo").open("wb") as f:
        write_mo(f, fr_catalog)
    assert FR_MO.exists()


# (b) The catalogs are up to date with the code.


def test_every_string_in_the_code_is_in_the_french_catalog(
    extracted: Catalog, fr_catalog: Catalog
) -> None:
    missing = sorted(
        f"{m.id!r} ({_where(m)})" for m in extracted if m.id and m.id not in fr_catalog
    )
    assert not missing, (
        f"{len(missing)} string(s) marked in the code are not in the French "
        f"catalog; {FIX}:\n" + "\n".join(missing)
    )


def test_template_is_up_to_date(extracted: Catalog) -> None:
    pot = _read(POT)
    missing = sorted(repr(m.id) for m in extracted if m.id and m.id not in pot)
    assert not missing, f"{POT.name} is stale; {FIX}. Not in it: " + ", ".join(missing)


# (c) The pages speak the user's language.


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return html.unescape(response.get_data(as_text=True))


def _translate(fr_catalog: Catalog, msgid: str) -> str:
    message = fr_catalog.get(msgid)
    assert message is not None and message.string, f"{msgid!r} is not translated"
    return message.string


NAV_AGENT = ("Take a call", "Cases", "Contacts")


def test_login_page_in_french_for_a_french_browser(client, fr_catalog: Catalog) -> None:
    page = _text(client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}))
    assert _translate(fr_catalog, "Log in to MedInfo Desk") in page
    assert _translate(fr_catalog, "Log in") in page
    assert "Log in to MedInfo Desk" not in page
    assert '<html lang="fr">' in page


def test_login_page_in_english_for_an_english_browser(client, fr_catalog: Catalog) -> None:
    page = _text(client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}))
    assert "Log in to MedInfo Desk" in page
    assert _translate(fr_catalog, "Log in to MedInfo Desk") not in page
    assert '<html lang="en">' in page


def test_french_user_sees_french_navigation(app, make_user, fr_catalog: Catalog) -> None:
    user = make_user("agent", language="fr")
    client = login_as(app.test_client(), user)
    # The user's language wins over the browser's.
    page = _text(client.get("/", headers={"Accept-Language": "en"}))
    for msgid in (*NAV_AGENT, "Log out"):
        assert _translate(fr_catalog, msgid) in page, msgid
    assert "Take a call" not in page
    assert '<html lang="fr">' in page


def test_english_user_sees_english_navigation(app, make_user, fr_catalog: Catalog) -> None:
    user = make_user("agent", language="en")
    client = login_as(app.test_client(), user)
    page = _text(client.get("/", headers={"Accept-Language": "fr"}))
    for msgid in (*NAV_AGENT, "Log out"):
        assert msgid in page, msgid
    assert _translate(fr_catalog, "Take a call") not in page
    assert '<html lang="en">' in page
