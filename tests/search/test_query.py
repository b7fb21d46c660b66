"""Parsing what people type into the search box and the title field."""

import pytest

from staffroom.search.backends.postgres import tsquery
from staffroom.search.backends.sqlite import match_expression
from staffroom.search.query import MAX_QUERY_CHARS, MAX_TERMS, Query, Term, parse, parse_similar


def test_words_must_all_appear_and_the_last_one_may_be_a_prefix():
    assert parse("fractions pizza") == Query(
        groups=((Term("fractions"),), (Term("pizza", prefix=True),))
    )


def test_a_quoted_phrase_is_one_term_and_never_a_prefix():
    assert parse('"equivalent fractions"') == Query(groups=((Term("equivalent fractions"),),))


def test_an_unclosed_quote_still_gives_a_phrase():
    assert parse('"equivalent fractions') == Query(groups=((Term("equivalent fractions"),),))


def test_a_leading_minus_excludes_a_term():
    query = parse("fractions -decimals pizza")
    assert query.excluded == (Term("decimals"),)
    assert [group[0].text for group in query.groups] == ["fractions", "pizza"]


def test_or_joins_the_terms_on_either_side():
    query = parse("ratio OR proportion worksheet")
    assert query.groups == ((Term("ratio"), Term("proportion")), (Term("worksheet", prefix=True),))


def test_and_between_terms_is_ignored():
    assert parse("ratio AND proportion") == parse("ratio proportion")


def test_only_exclusions_make_an_empty_query():
    assert not parse("-decimals")


@pytest.mark.parametrize("text", ["", "   ", "***", "-", '""', "!?.,;:()", "_ _", "\x00\x00"])
def test_entries_without_words_make_an_empty_query(text):
    assert not parse(text)


def test_a_one_letter_last_word_is_not_a_prefix():
    assert parse("grade 3").groups[-1] == (Term("3"),)


def test_control_and_private_use_characters_are_dropped():
    assert parse("frac\x00tions \ue000mark\ue001") == parse("frac tions mark")


def test_long_entries_are_cut():
    query = parse("x" * 5000)
    assert len(query.groups[0][0].text) == MAX_QUERY_CHARS


def test_many_words_are_cut():
    query = parse(" ".join(f"word{n}" for n in range(100)))
    assert len(query.groups) == MAX_TERMS


def test_similar_keeps_significant_words_and_treats_the_last_as_unfinished():
    query = parse_similar("How do I teach fractions to grade 3 with pizz")
    assert query.groups == (
        (Term("teach"), Term("fractions"), Term("grade"), Term("pizz", prefix=True)),
    )


def test_similar_with_a_finished_title_uses_no_prefix():
    query = parse_similar("Teaching fractions?")
    assert query.groups == ((Term("teaching"), Term("fractions")),)


def test_similar_with_only_small_or_common_words_is_empty():
    assert not parse_similar("How do I do it?")


def test_fts5_expressions_are_quoted_strings_only():
    query = parse('NEAR(a b) x"y title:z -"no*" OR*')
    assert match_expression(query) == (
        '("NEAR(a" AND "b)" AND "x""y" AND "title:z" AND "OR*") NOT "no*"'
    )


def test_postgres_terms_are_parameters_not_syntax():
    sql, params = tsquery(parse("it's grade-3 & <b> OR x -no fract"))
    assert "'" not in sql.replace("'simple'", "")
    assert params == ["it's", "grade 3", " b>", "x", "fract:*", "no"]
