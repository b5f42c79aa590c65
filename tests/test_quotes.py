"""argmap.check_quotes: every quote must occur verbatim in its source's text."""

import attrs
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Quote, registry
from argmap.strategies import argument_maps


def texts_of(m: argmap.ArgumentMap) -> dict[str, str]:
    """Each source's text: all its quotes, one after another, with some words around."""
    texts: dict[str, list[str]] = {s.id: ["Before."] for s in m.sources}
    for claim in m.claims:
        for q in claim.quotes:
            texts.setdefault(q.source, []).append(q.text)
    return {sid: " … ".join(parts) for sid, parts in texts.items()}


@given(argument_maps())
def test_quotes_found_verbatim_are_no_problem(m):
    """A map checked against texts holding every quote has no problem."""
    assert argmap.check_quotes(m, texts_of(m)) == ()


@given(argument_maps(), st.data())
def test_a_quote_not_in_its_source_is_named(m, data):
    """Change one quote, and exactly that claim is reported, as an error naming the source."""
    quoted = [c for c in m.claims if c.quotes]
    if not quoted:
        return
    claim = data.draw(st.sampled_from(quoted))
    texts = texts_of(m)
    changed = attrs.evolve(claim, quotes=[Quote(claim.quotes[0].source, "\x00 not there")])
    problems = argmap.check_quotes(m.with_claim(changed), texts)
    assert [(p.code, p.subject, p.is_error) for p in problems] == [("not-verbatim", claim.id, True)]
    assert repr(claim.quotes[0].source) in problems[0].message


def test_only_the_sources_given_are_checked():
    """Quotes of a source left out are not checked (there is nothing to check them against)."""
    m = registry.get("example")
    assert argmap.check_quotes(m, {}) == ()
    first = m.sources[0].id
    problems = argmap.check_quotes(m, {first: ""})
    assert problems
    assert all(f"source {first!r}" in p.message for p in problems)


def test_near_misses_say_what_differs():
    """A quote that differs only in quote marks, dashes or spacing says so."""
    b = argmap.MapBuilder("m", "M")
    b.source("s", "S")
    t = b.thesis("t", "T.")
    b.claim("a", "A.", quote="the “exact” words – here").supports(t)
    m = b.build()
    assert argmap.check_quotes(m, {"s": 'the "exact"  words - here'})[0].message.endswith(
        "(it differs only in quote marks, dashes or spacing); copy it exactly"
    )
    assert "differs only" not in argmap.check_quotes(m, {"s": "other words"})[0].message
