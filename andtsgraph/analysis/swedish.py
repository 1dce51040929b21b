"""Swedish words for lexical matching: tokens, a stop list, stems and compound parts.

Plans and factor definitions say the same thing in different forms: "förälder",
"föräldrar" and "föräldraskapsstöd"; "narkotika" and "narkotikaförsäljning". Matching them
takes three steps, each a plain function:

- :func:`words` splits text into lower-case words and drops the stop list;
- :func:`key` reduces a word to a matching key: the Snowball Swedish stem (PyStemmer), with a
  few derivational endings that Snowball keeps (-ning, -het, a plural -r) also removed;
- :func:`split_compound` splits a compound into parts found in a lexicon of known keys (the
  words of the texts being compared), so that no dictionary is shipped or downloaded.

Examples
--------
>>> words("Växjö kommun ska erbjuda föräldraskapsstöd till alla föräldrar.")
['växjö', 'erbjuda', 'föräldraskapsstöd', 'föräldrar']
>>> key("föräldrar") == key("förälder")
True
>>> lexicon = {key(w) for w in ["narkotika", "försäljning", "föräldraskap", "stöd"]}
>>> split_compound("narkotikaförsäljning", lexicon)
['narkotika', 'försäljning']
>>> split_compound("föräldraskapsstöd", lexicon)
['föräldraskap', 'stöd']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import Stemmer

__all__ = ["MIN_PART", "STOPWORDS", "key", "keys_of", "split_compound", "words"]

#: Function words, and words every ANDTS plan uses whatever it is about ("kommun", "ska",
#: "arbete"): they would match every factor and tell nothing. Written for this project.
STOPWORDS = frozenset(  # one string: a list of 200 quoted words would hide them
    """
    a alla allt att av bara bl bli blir blivit bland både de dem den denna deras dess dessa det
    detta dig din dina ditt du där då efter ej eller en er era ert ett ex från för förr genom
    ha hade han har hen henne hennes hans hon honom hur här i ibland icke in inom inte jag ju
    kan kunde man med mellan men mer mest mig min mina mitt mot mycket ni nu när någon något
    några och om oss på samma samt sedan sig sin sina sitt ska skall skulle som så
    sådan sådana t till tex under upp ut utan vad var vara varför varit varje vars vi vid vilka
    vilken vilket vill vår våra vårt än är åt över även bör kommer får fått finns gör göra görs
    genomföra genomförs ske sker få fler färre
    kommun kommunen kommunens kommuner kommunerna region regionen länet län stad staden
    arbete arbetet arbeta arbetar andts andt bf insats insatser insatsen mål målet område
    området områden exempel exempelvis etc bland annat
    """.split()  # noqa: SIM905
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_STEMMER = Stemmer.Stemmer("swedish")
#: Endings Snowball leaves that separate words we want to match ("langning"/"langa",
#: "tillgänglighet"/"tillgänglig", "föräldrar"/"förälder").
_DERIVATIONAL = ("ningar", "ningen", "ning", "heten", "het")
#: Linking letters between the parts of a compound ("föräldraskaps|stöd", "skol|a").
_LINKS = ("s", "")
MIN_PART = 4


def words(text: str) -> list[str]:
    """The words of ``text``, lower-case, without the stop list (a hyphenated word counts as
    its parts: "ANDTS-arbete" → "arbete", then dropped as a stop word).

    Examples
    --------
    >>> words("Tillgång till alkohol, narkotika och spel om pengar")
    ['tillgång', 'alkohol', 'narkotika', 'spel', 'pengar']
    """
    found = []
    for match in _WORD.finditer(text.lower()):
        for word in match.group().split("-"):
            if len(word) > 1 and word not in STOPWORDS:
                found.append(word)
    return found


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The matching key of a lower-case word: its Snowball stem, less a derivational ending.

    Examples
    --------
    >>> key("langning"), key("langa")
    ('lang', 'lang')
    >>> key("tillgänglighet") == key("tillgänglig")
    True
    """
    stem = _STEMMER.stemWord(word)
    for ending in _DERIVATIONAL:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_PART - 1:
            stem = stem[: -len(ending)]
            break
    # "föräldr" (föräldrar) and "föräld" (förälder): a final r after a consonant is a plural.
    if len(stem) > MIN_PART and stem[-1] == "r" and stem[-2] not in "aeiouyåäö":
        stem = stem[:-1]
    return stem


def split_compound(word: str, lexicon: Collection[str]) -> list[str]:
    """Split a compound into parts whose keys are in ``lexicon``; ``[word]`` if it is none.

    The head (the last part) is tried longest first; the modifier may end in a linking "s".
    Each part has at least :data:`MIN_PART` letters, so "barn|en" is not a split.

    Examples
    --------
    >>> split_compound("tobaksfria", {key("tobak"), key("fria")})
    ['tobak', 'fria']
    >>> split_compound("barnen", {key("barn")})
    ['barnen']
    """
    return _split(word, frozenset(lexicon) if not isinstance(lexicon, frozenset) else lexicon)


def _split(word: str, lexicon: frozenset[str]) -> list[str]:
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[i:]
        if key(head) not in lexicon:
            continue
        modifier = word[:i]
        for link in _LINKS:
            if link and not modifier.endswith(link):
                continue
            stripped = modifier[: len(modifier) - len(link)] if link else modifier
            if len(stripped) < MIN_PART:
                continue
            if key(stripped) in lexicon:
                return [stripped, head]
            inner = _split(stripped, lexicon)
            if len(inner) > 1:
                return [*inner, head]
    return [word]


def keys_of(word: str, lexicon: frozenset[str]) -> list[tuple[str, str]]:
    """(key, word part) pairs a word matches by: the whole word's key, and, when it is a
    compound, each part's.

    Examples
    --------
    >>> keys_of("narkotikaförsäljning", frozenset({key("narkotika"), key("försäljning")}))
    [('narkotikaförsälj', 'narkotikaförsäljning'), ('narkotik', 'narkotika'), ('försälj', 'försäljning')]
    """
    found = [(key(word), word)]
    parts = _split(word, lexicon) if len(word) >= 2 * MIN_PART else [word]
    if len(parts) > 1:
        found += [(key(part), part) for part in parts]
    return found
