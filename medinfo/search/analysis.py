"""Language-aware text analysis shared by every engine: markup stripping, folding, stop words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LANGUAGES = ("en", "fr")

# Negation words change the meaning of a medical question ("sans lactose", "not during
# pregnancy"), so they are never stop words.
NEGATIONS = frozenset(
    "not no nor never neither none without cannot non "
    "ne pas sans aucun aucune ni jamais rien".split()
)

_EN_STOP = """a an and are as at be been being but by can could did do does doing for from had has
have having how i if in into is it its itself may me might my of on or our should so such than that
the their them then there these they this those to too us was we were what when where which while
who whom why will with would you your yours about after before during over under again further
more most other some any each few both all am s t d ll m o re ve y get""".split()

_FR_STOP = """a au aux avec ce ces cet cette d dans de des du elle elles en est et eux il ils je la
le les leur leurs lui l m ma mais me mes moi mon n nos notre nous on ou par pour qu que qui quel
quelle quels quelles quoi s sa se ses son sont sur t ta te tes toi ton tu un une vos votre vous
y c j ai as
avons avez ont suis es etes etait sera comment est-ce faut peut-on peut doit""".split()

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(w for w in _EN_STOP if w not in NEGATIONS),
    "fr": frozenset(w for w in _FR_STOP if w not in NEGATIONS),
}
ALL_STOP_WORDS = STOP_WORDS["en"] | STOP_WORDS["fr"]

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"(^|\n)\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`~|]+")
_SPACES = re.compile(r"[ \t]+")
WORD_RE = re.compile(r"\w+", re.UNICODE)


def strip_markdown(text: str) -> str:
    """Return plain text from Markdown source (links keep their label, markup and tags dropped)."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARKUP.sub(lambda m: m.group(1) or " ", text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower-case and strip accents ("Grossèsse" -> "grossesse")."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Split text into folded words."""
    return [fold(w) for w in WORD_RE.findall(text)]


def is_stop(word: str, language: str | None) -> bool:
    """Tell whether a folded word is a stop word of the language (or of any, when None)."""
    return word in (STOP_WORDS[language] if language in STOP_WORDS else ALL_STOP_WORDS)


def stem_variants(stem: str, language: str) -> tuple[str, ...]:
    """Sibling stems Snowball leaves apart but readers expect to match (pregnant/pregnancy)."""
    if language != "en" or len(stem) < 6:
        return ()
    for a, b in (("anc", "ant"), ("enc", "ent"), ("ant", "anc"), ("ent", "enc")):
        if stem.endswith(a):
            return (stem[: -len(a)] + b,)
    return ()


def split_passages(text: str, max_words: int) -> list[str]:
    """Split plain text into passages of about max_words words, on paragraph/sentence bounds."""
    if max_words <= 0:
        return [text]
    paragraphs = [p.strip() for p in re.split(r"\n+|(?<=[.!?])\s+", text) if p.strip()]
    passages: list[str] = []
    current: list[str] = []
    count = 0
    for para in paragraphs:
        n = len(para.split())
        if current and count + n > max_words:
            passages.append(" ".join(current))
            current, count = [], 0
        current.append(para)
        count += n
    if current:
        passages.append(" ".join(current))
    return passages or [""]
