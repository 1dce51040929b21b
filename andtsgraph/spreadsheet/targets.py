"""Reading a machine-readable target from an indicator's own words.

"Minst 30 ANDTS-coacher utbildas per år" states a target (at least 30 a year); "Antal
genomförda utbildningar" does not. A number counts as a target only when the text says how
it compares ("minst", "högst", "exakt") or over which period it is counted ("per år",
"årligen"), so that years, ages, school years and section numbers are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from andtsgraph.results import Result, ResultList

__all__ = [
    "NUMBER_WORDS",
    "ParsedTarget",
    "parse_number",
    "parse_targets",
]

#: Swedish number words one to ten. "en"/"ett" are also articles; they count only beside a
#: comparator or a period, like every number here.
NUMBER_WORDS: dict[str, int] = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
}

#: Words before a number that say how the outcome compares with it, longest first.
_COMPARATORS: list[tuple[str, str]] = [
    ("inte färre än", "atLeast"),
    ("inte mindre än", "atLeast"),
    ("åtminstone", "atLeast"),
    ("som minst", "atLeast"),
    ("minst", "atLeast"),
    ("inte fler än", "atMost"),
    ("inte mer än", "atMost"),
    ("som mest", "atMost"),
    ("maximalt", "atMost"),
    ("högst", "atMost"),
    ("max", "atMost"),
    ("exakt", "exactly"),
    ("precis", "exactly"),
]

#: Phrases after a number that name the period it is counted over, as xsd:duration.
_PERIODS: list[tuple[str, str]] = [
    (r"per\s+läsår|varje\s+läsår|per\s+år|varje\s+år|om\s+året|i\s+året|årligen", "P1Y"),
    (r"per\s+halvår|varje\s+halvår|per\s+termin|varje\s+termin", "P6M"),
    (r"per\s+månad|varje\s+månad|i\s+månaden|månatligen", "P1M"),
    (r"per\s+vecka|varje\s+vecka|i\s+veckan", "P1W"),
    (r"per\s+dag|varje\s+dag|dagligen", "P1D"),
]

# A digit number (thousands may be split by a space, decimals by a comma or point) or a number
# word, standing alone: "2-årigt" and "1.2" section numbers are not matched as counts.
_NUMBER = re.compile(
    r"(?<![\w.,-])(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?|"
    + "|".join(NUMBER_WORDS)
    + r")(?![\w-]|[.,]\d)",
    re.IGNORECASE,
)
_COMPARATOR_BEFORE = re.compile(
    r"(?:^|\W)(?P<cmp>" + "|".join(re.escape(w) for w, _ in _COMPARATORS) + r")\s+$",
    re.IGNORECASE,
)
_PERIOD = re.compile("|".join(f"(?P<p{i}>{rx})" for i, (rx, _) in enumerate(_PERIODS)), re.I)
# Where a clause ends, the unit and the search for a period stop.
_CLAUSE_END = re.compile(r"[.;:!?()\n]|,\s")
# Words that end the unit: auxiliaries, prepositions and passive verbs ("utbildas", "genomförs").
_UNIT_STOP = re.compile(
    r"^(?:ska|skall|kommer|har|är|blir|sker|bör|kan|och|för|i|på|vid|med|till|av|om|under|"
    r"inom|hos|från|där|då|som|per|varje|\w+(?:as|ds|örs|ärs))$",
    re.IGNORECASE,
)
_MAX_GAP_WORDS = 6  # the period must follow the number within this many words


@dataclass(frozen=True)
class ParsedTarget(Result):
    """A target read from text: ``comparator`` is ``"atLeast"``, ``"exactly"`` or
    ``"atMost"``; ``period`` an xsd:duration such as ``"P1Y"``, or None."""

    comparator: str
    value: int | Decimal
    unit: str | None
    period: str | None


def parse_targets(text: str) -> ResultList[ParsedTarget]:
    """Return the numeric targets that ``text`` states, in the order it states them.

    Parameters
    ----------
    text : str
        An indicator's text, in Swedish.

    Returns
    -------
    ResultList of ParsedTarget
        Empty when the text states no number with a comparator or a period.

    Examples
    --------
    >>> parse_targets("Minst 30 ANDTS-coacher utbildas per år.")
    [ParsedTarget(comparator='atLeast', value=30, unit='ANDTS-coacher', period='P1Y')]
    >>> parse_targets("Stödgrupper två gånger per år.")[0].value
    2
    >>> parse_targets("Antal genomförda utbildningar 2025.")
    []
    """
    found: ResultList[ParsedTarget] = ResultList()
    for match in _NUMBER.finditer(text):
        target = _target_at(text, match)
        if target is not None:
            found.append(target)
    return found


def parse_number(text: str) -> int | Decimal | None:
    """Return the number a cell states ("30", "2,5", "1 000", "två"), or None.

    Examples
    --------
    >>> parse_number("2,5"), parse_number("två"), parse_number("många")
    (Decimal('2.5'), 2, None)
    """
    word = text.strip().casefold()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    digits = re.sub(r"[ \u00a0]", "", word).replace(",", ".")
    if re.fullmatch(r"[+-]?\d+", digits):
        return int(digits)
    if re.fullmatch(r"[+-]?\d*\.\d+", digits):
        return Decimal(digits)
    return None


def _target_at(text: str, match: re.Match[str]) -> ParsedTarget | None:
    number = match.group("num")
    value = parse_number(number)
    if value is None:
        return None
    before = _COMPARATOR_BEFORE.search(text[: match.start()])
    comparator = _comparator(before.group("cmp")) if before else None
    rest = text[match.end() :]
    clause = rest[: m.start()] if (m := _CLAUSE_END.search(rest)) else rest
    period, unit_text = _period_in(clause)
    if comparator is None and period is None:
        return None
    # A bare year ("2025") is a date, not a count, unless a comparator says otherwise.
    if comparator is None and isinstance(value, int) and 1900 <= value <= 2100:
        return None
    return ParsedTarget(comparator or "exactly", value, _unit(unit_text), period)


def _comparator(words: str) -> str:
    words = " ".join(words.casefold().split())
    return next(name for w, name in _COMPARATORS if w == words)


def _period_in(clause: str) -> tuple[str | None, str]:
    """The period named soon after the number, and the words between (the unit's candidates)."""
    found = _PERIOD.search(clause)
    if found and len(clause[: found.start()].split()) <= _MAX_GAP_WORDS:
        duration = next(_PERIODS[int(k[1:])][1] for k, v in found.groupdict().items() if v)
        return duration, clause[: found.start()]
    return None, clause


def _unit(words: str) -> str | None:
    unit: list[str] = []
    for word in words.split():
        if word == "%":
            word = "procent"  # one unit for one thing: "15 %" and "15 procent" alike
        if _UNIT_STOP.match(word) or len(unit) == _MAX_GAP_WORDS:
            break
        unit.append(word)
    return " ".join(unit) or None
