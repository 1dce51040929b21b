"""The closed vocabularies of the API as enumerations: the same values in Python, on the
command line (``choices``) and in JSON (an enumeration is a ``str``, written as its value).

An unknown value is an error that lists the allowed ones (:func:`choose`).

Examples
--------
>>> GapKind.RISK_FACTOR == "risk-factor"
True
>>> choose(Dimension, "group", "dimension")
Traceback (most recent call last):
...
andtsgraph.errors.ChoiceError: dimension='group' är inte ett av: substance, target-group; menade du 'target-group'?
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from andtsgraph.errors import ChoiceError, did_you_mean
from andtsgraph.messages import text as message

__all__ = [
    "Dimension",
    "FactorKind",
    "GapKind",
    "LinkKind",
    "Links",
    "Ranking",
    "Role",
    "Severity",
    "choose",
    "values",
]


class GapKind(StrEnum):
    """What a gap finding (:class:`andtsgraph.analysis.gaps.Gap`) is about."""

    RISK_FACTOR = "risk-factor"
    PROTECTIVE_FACTOR = "protective-factor"
    NATIONAL_GOAL = "national-goal"
    EMPTY_GOAL = "empty-goal"
    EMPTY_AREA = "empty-area"
    NO_INDICATOR = "no-indicator"
    NO_RESPONSIBLE = "no-responsible"
    MATRIX_CELL = "matrix-cell"
    MATRIX_EMPTY = "matrix-empty"
    NEIGHBOUR_COVERS = "neighbour-covers"


class FactorKind(StrEnum):
    """Risk or protective factor.

    One rule: a factor kind is named by its word (``risk``, ``protective``); the name of the
    gap it gives (``risk-factor``, :class:`GapKind`) is the same kind.
    """

    RISK = "risk"
    PROTECTIVE = "protective"

    @property
    def gap_kind(self) -> GapKind:
        """The kind of gap an uncovered factor of this kind is."""
        return GapKind(f"{self.value}-factor")


class Links(StrEnum):
    """What factor and national-goal gaps rest on: the curated links (``data/links``), the
    suggested links of :mod:`andtsgraph.analysis.suggest`, or both."""

    CURATED = "curated"
    SUGGESTED = "suggested"
    BOTH = "both"


class LinkKind(StrEnum):
    """What a suggested link points to: a risk or protective factor, or a national goal."""

    FACTOR = "factor"
    NATIONAL_GOAL = "national-goal"


class Dimension(StrEnum):
    """The rows of a coverage matrix (the columns are the prevention levels)."""

    SUBSTANCE = "substance"
    TARGET_GROUP = "target-group"


class Severity(StrEnum):
    """Validation severities, from the mildest up (SHACL's sh:Info, sh:Warning, sh:Violation)."""

    INFO = "info"
    WARNING = "warning"
    VIOLATION = "violation"


class Role(StrEnum):
    """An actor's role in a plan part, from the strongest to the weakest."""

    LEAD = "lead"
    RESPONSIBLE = "responsible"
    PARTNER = "partner"
    INVOLVED = "involved"


class Ranking(StrEnum):
    """How actors are ranked in the collaboration network."""

    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    ACTIVITIES = "activities"


E = TypeVar("E", bound=StrEnum)


def values(kind: type[StrEnum]) -> list[str]:
    """The values of an enumeration, in order (for argparse ``choices``).

    Examples
    --------
    >>> values(FactorKind)
    ['risk', 'protective']
    """
    return [member.value for member in kind]


def choose(kind: type[E], value: object, parameter: str) -> E:
    """Return the member of ``kind`` that ``value`` names, or raise :class:`ChoiceError`
    naming ``parameter`` and listing the allowed values.

    A factor kind may also be given as its gap kind (``"risk-factor"`` is ``FactorKind.RISK``).

    Examples
    --------
    >>> choose(FactorKind, "risk-factor", "kind") is choose(FactorKind, "risk", "kind")
    True
    """
    if isinstance(value, kind):
        return value
    text = str(value.value if isinstance(value, StrEnum) else value)
    if kind is FactorKind and text.endswith("-factor"):
        text = text.removesuffix("-factor")
    try:
        return kind(text)
    except ValueError:
        allowed = values(kind)
        raise ChoiceError(
            message(
                "errors.not_one_of",
                parameter=parameter,
                value=value,
                allowed=", ".join(allowed),
                hint=did_you_mean(text, allowed),
            )
        ) from None
