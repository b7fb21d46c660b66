"""Turn what a person typed into a small query tree that no backend can misread.

The syntax is the familiar one: words must all appear, ``"a phrase"`` matches words side by
side, ``-word`` excludes, ``OR`` between two terms accepts either, and the last word also
matches as a prefix. Anything else is text: the backends receive each term as data, never
as query syntax, so quotes, brackets, ``NEAR(`` or ``*`` cannot cause an error.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MIN_PREFIX_CHARS = 2
MIN_SIMILAR_WORD_CHARS = 3
MAX_SIMILAR_WORDS = 8

# A word is a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
WORD = re.compile(r"[^\W_]+")
CHUNK = re.compile(r'-?"[^"]*"?|\S+')

# Words that say nothing about what a question is about.
_STOPWORDS = """
    about after again all also and any anyone are because been before being best but can
    could did does doing don for from get getting had has have help how into its just know
    like more most need not one other our out should some someone than that the their them
    then there these they thing things this those tip tips use using want was way ways were
    what when where which who why will with would you your
"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass(frozen=True)
class Term:
    """Words to match side by side; ``prefix`` lets the last word match a longer one."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """Every group must match (a group matches if any of its terms does); no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)


def clean(text: str) -> str:
    """Drop control characters, lone surrogates and private-use characters; cap the length."""
    text = text.encode("utf-8", "ignore").decode("utf-8")
    kept = []
    for char in text[: MAX_QUERY_CHARS * 4]:
        category = unicodedata.category(char)
        if category in {"Cc", "Zl", "Zp"}:
            kept.append(" ")
        elif category not in {"Cs", "Co", "Cn"}:
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_QUERY_CHARS]


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def parse(text: str) -> Query:
    """Parse a search box entry; an entry with no words gives an empty query."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    last_bare = False
    for chunk in CHUNK.findall(clean(text)):
        if chunk == "OR":
            join_next = bool(groups)
            continue
        if chunk == "AND":
            continue
        negated = chunk.startswith("-") and len(chunk) > 1
        body = chunk[1:] if negated else chunk
        quoted = body.startswith('"')
        body = body.strip('"') if quoted else body
        words = _words(body)
        if not words:
            continue
        term = Term(body)
        if negated:
            excluded.append(term)
            join_next = False
            continue
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
        last_bare = not quoted and len(words) == 1 and WORD.fullmatch(body) is not None
        if sum(len(group) for group in groups) + len(excluded) >= MAX_TERMS:
            break
    if groups and last_bare:
        groups[-1][-1] = _as_prefix(groups[-1][-1])
    return Query(tuple(tuple(group) for group in groups), tuple(excluded))


def parse_similar(title: str) -> Query:
    """Build an any-of query from a title's significant words, for "similar questions"."""
    cleaned = clean(title)
    words: list[str] = []
    for word in _words(cleaned.lower()):
        if len(word) >= MIN_SIMILAR_WORD_CHARS and word not in STOPWORDS and word not in words:
            words.append(word)
    words = words[:MAX_SIMILAR_WORDS]
    if not words:
        return Query()
    terms = [Term(word) for word in words]
    # Still typing: the title's last word may be unfinished.
    if cleaned and cleaned[-1].isalnum() and cleaned.lower().endswith(words[-1]):
        terms[-1] = _as_prefix(terms[-1])
    return Query(groups=(tuple(terms),))


def _as_prefix(term: Term) -> Term:
    if len(term.text) < MIN_PREFIX_CHARS:
        return term
    return Term(term.text, prefix=True)
