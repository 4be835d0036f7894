"""Names as the datasets write them: repaired, merged across spellings, told apart by kind.

Startup datasets were typed by many hands and passed through Excel: the same fund is
written "H-FARM Ventures" and "H-Farm Ventures", a name is double-encoded ("agÃ¡mi"), a
cell says "Self Funded" where an investor should be. These rules are shared by every
dataset parser so that one investor gets one id in YC and in Crunchbase alike. The functions
are pure and cached: a dataset repeats the same few thousand names tens of thousands of times.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from graph.names import fold, nfc, slug
from ingest.gazetteer import PLACES

_MOJIBAKE = re.compile("Ã.|â€|â„|Â")
_AMOUNT = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|undisclosed amount", re.IGNORECASE)

# Words that make a name a firm, fund or other body rather than a person ("SV Angel",
# "Funders Club", "Yale University"). Matched on folded whole words.
_BODY_WORDS = frozenset("""
capital ventures venture vc partners partner fund funds fonds angels angel investors investor
investments investment invest group holdings holding labs lab accelerator incubator seed seeds
equity management associates advisors advisers network networks foundation collective club llc
inc ltd limited corp corporation company co gmbh ag sa spa srl bv nv plc lp llp trust bank
securities financial finance technologies technology media entertainment university college
institute startups startup studio studios ventura the family office asset assets global
international enterprises entrepreneurs growth innovation innovations digital social health
works garage program programme alliance association council agency department ministry
government board center centre
""".split())
_PARTICLES = frozenset("de da di del van von der den la le du bin al el st".split())
# Cells that stand where an investor should be but name nobody in particular.
_PLACEHOLDERS = frozenset(slug(p) for p in """
Self Funded|Self|Private Investors|Private Investor|Private Investment|Private Angels|Business Angels
|Angel Investors|Angel Investor|Angels|Individual Investors|Individual Investor|Various Private Investors
|Various Angel Investors|Various Angels|Various Investors|Various|Friends and Family|Friends & Family
|Friends Family|Family and Friends|Unnamed angel investors|Other Angel Investors|And other angel investors
|Anonymous Angel|Anonymous Angels|Anonymous Investor|Anonymous|Undisclosed Party|Undisclosed Parties
|undisclosed investor|Undisclosed Investors|Undisclosed|Undisclosed Strategic Corporate Investor
|multiple parties|Misc others|Others|3 Others|10 Others|Unknown|N/A|None|Founders|Angels + Founder
""".replace("\n", "").split("|"))
#: Placeholder words that a cell may begin with and still name nobody ("3 Others", "Various Trustees").
_PLACEHOLDER_START = ("various ", "undisclosed ", "unnamed ", "anonymous ", "other ")

#: Legal-form words a firm's name may or may not be written with.
LEGAL_SUFFIXES = ("LLC", "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Co.", "GmbH", "AG",
                  "SA", "S.A.", "SpA", "S.p.A.", "plc", "PLC", "LP", "L.P.", "LLP", "BV", "B.V.", "NV")
_LEGAL_SUFFIXES = frozenset(slug(s).replace("-", "") for s in LEGAL_SUFFIXES)

_GAZETTEER_IDS = frozenset(slug(p.name) for p in PLACES)


@lru_cache(maxsize=None)
def clean(text: str | None) -> str:
    """``text`` in NFC with whitespace collapsed, double-encoded UTF-8 repaired where it reads back.

    "agÃ¡mi Systems" is UTF-8 read as Windows-1252 and saved again; encoding it back and
    decoding as UTF-8 recovers "agámi". A string that does not round-trip is left as it is.
    """
    if not text:
        return ""
    text = nfc(text)
    if _MOJIBAKE.search(text):
        try:
            text = nfc(text.encode("cp1252").decode("utf-8"))
        except UnicodeError:
            pass
    return text


@lru_cache(maxsize=None)
def spelling_key(name: str) -> str:
    """The key two spellings of one name share: folded, every non-letter, non-digit dropped.

    Coarser than :func:`graph.names.slug` ("SocialStarts" / "Social Starts", "Draper &
    Associates" / "Draper Associates", "FF Angel, LLC" / "FF Angel") and fine enough to keep
    different names apart.
    """
    words = slug(name).split("-")
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return "".join(words)


def canonical_spelling(spellings: Counter) -> str:
    """The spelling to name an entity by: the commonest, then one with capitals and accents."""
    return max(spellings, key=lambda s: (spellings[s], s != s.lower(), s != fold(s), -len(s), s))


@lru_cache(maxsize=None)
def is_placeholder(name: str) -> bool:
    """Whether an investor cell names nobody ("Self Funded", "Private Investors", "3 Others")."""
    s = slug(name)
    return s in _PLACEHOLDERS or fold(name).startswith(_PLACEHOLDER_START) and len(name.split()) <= 3


@lru_cache(maxsize=None)
def is_junk(name: str) -> bool:
    """A cell that is not a name at all: a scraped sentence fragment, a lone letter."""
    words = name.split()
    lowers = sum(1 for w in words if w.islower() and w not in _PARTICLES and w != "and")
    return len(spelling_key(name)) < 2 or (len(words) >= 4 and lowers >= 3)


def _name_word(word: str) -> bool:
    """A word a person's name is made of: "Thomas", "D.", "McClure", "Cederman-Haysom", "(Anu)"."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    if word.startswith("(") and word.endswith(")"):
        word = word[1:-1]
    letters = re.sub(r"['’.-]", "", word)
    uppers = sum(c.isupper() for c in letters)
    return letters.isalpha() and word[0].isupper() and uppers <= 2 and not (len(letters) > 1 and letters.isupper())


def looks_like_person(name: str) -> bool:
    """Whether an investor's name has the shape of a person's name ("Thomas D. Lehrman").

    The datasets do not say whether an investor is an angel or a firm. A person's name is
    two to four capitalised words (initials, particles, a nickname in brackets allowed) with
    no word that names a body ("Capital", "Ventures", "Angel", "Group", "Bank" ...). Single
    words ("Benchmark", "Cisco"), acronyms, digits and "&" are bodies. A name written all in
    lower case ("david cohen") is read capitalised. Firms named like people ("Goldman Sachs")
    are the known miss; they are few beside the thousands of angels this gets right.
    """
    if name == name.lower():
        name = name.title()
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() for c in name) or "&" in name:
        return False
    if any(fold(w).strip(".()") in _BODY_WORDS for w in words):
        return False
    named = [w for w in words if w not in _PARTICLES]
    if len(named) < 2 or not all(_name_word(w) for w in named):
        return False
    return not named[0].endswith(".") or len(named) >= 3


@lru_cache(maxsize=None)
def investor_kind(name: str) -> str:
    """``Person`` for an angel, ``Fund`` for every firm, fund or accelerator (see ``looks_like_person``)."""
    return "Person" if looks_like_person(name) else "Fund"


@lru_cache(maxsize=None)
def body_id(name: str, kind: str) -> str:
    """The id of a company, fund or person: its slug, prefixed by its kind if a place has that slug.

    A body's legal form is left out ("FF Angel, LLC" is ``ff-angel``), so that the datasets
    that write it and those that do not give the same id.

    Places keep the bare slug because the article pipeline gives it to them; a startup called
    "Boston" becomes ``startup-boston`` rather than merging with the city.
    """
    words = slug(name).split("-")
    while kind != "Person" and len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    s = "-".join(words)
    return f"{kind.lower()}-{s}" if s in _GAZETTEER_IDS else s


def parse_amounts(cell: str | None) -> list[int | None]:
    """Each amount in a cell of funding rounds: ``$1200000`` and ``$3,000,000`` as numbers,
    ``undisclosed amount`` as None, in the order written."""
    out: list[int | None] = []
    for m in _AMOUNT.finditer(cell or ""):
        out.append(int(m.group(1).replace(",", "")) if m.group(1) else None)
    return out


def parse_int(cell: str | None) -> int | None:
    """A whole number from a numeric cell ("1750000", "2012.0", "3,000"), None if there is none."""
    text = (cell or "").replace(",", "").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value == value else None
