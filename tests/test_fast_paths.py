"""The fast paths build what the ordinary ones build, and keep their guarantees.

Loaders make values with :func:`argmap.model.trusted` (no ``__init__``), the JSON reader
reads column by column before falling back to cattrs, validation checks in bulk before
falling back to one item at a time, and an evaluation finds its explanations when first
read. Each is compared here with the ordinary path on generated maps, hostile texts
included.
"""

from __future__ import annotations

import json
import pickle
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import Claim, ParameterError, Rebuttal, Support
from argmap.evaluate import GradualEvaluation
from argmap.io import json as native
from argmap.model import trusted
from argmap.strategies import argument_maps, broken_maps, hostile_maps, metadata
from argmap.validate import _fast_problems, _problems

MAPS = st.one_of(argument_maps(meta=metadata()), hostile_maps())


def _columns(items: list[object]) -> dict[str, list[object]]:
    fields = attrs.fields(type(items[0]))
    return {f.name: [getattr(x, f.name) for x in items] for f in fields}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_trusted_values_equal_the_constructors(m):
    """Values made from columns equal, hash and freeze like the constructors' own."""
    groups = [
        list(m.claims),
        [r for r in m.relations if isinstance(r, Support)],
        [r for r in m.relations if isinstance(r, Rebuttal)],
        [q for c in m.claims for q in c.quotes],
        list(m.sources),
    ]
    for items in filter(None, groups):
        cls = type(items[0])
        made = trusted(cls, len(items), **_columns(items))
        rebuilt = [cls(**attrs.asdict(x, recurse=False)) for x in items]
        assert made == rebuilt == items
        assert list(map(hash, made)) == list(map(hash, items))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made[0].id = "changed"  # type: ignore[misc]


def test_trusted_fills_defaults_and_refuses_unknown_columns():
    """A column left out takes the field's default; a column of no field is an error."""
    (c,) = trusted(Claim, 1, id=["a"], text=["A."])
    assert c == Claim("a", "A.")
    with pytest.raises(TypeError, match="no field 'colour'"):
        trusted(Claim, 1, id=["a"], text=["A."], colour=["red"])
    with pytest.raises(TypeError, match="needs a column for 'text'"):
        trusted(Claim, 1, id=["a"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_json_columns_read_what_cattrs_reads(m):
    """The column-wise reader takes every document argmap writes, and builds the same map."""
    body = json.loads(argmap.dumps(m))
    del body["argmap"]
    fast = native._read_fast(body)
    assert fast is not None  # the fast path is the one taken, not the fallback
    slow = native._converter().structure(body, argmap.ArgumentMap)
    assert fast == slow == m
    assert argmap.dumps(fast) == argmap.dumps(m)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS, st.data())
def test_a_wrong_field_anywhere_is_the_ordinary_error(m, data):
    """A field of the wrong type sends the document to the ordinary path, which names it.

    (The fast path never accepts what the ordinary one refuses.)
    """
    document = json.loads(argmap.dumps(m))
    i = data.draw(st.integers(0, len(document["claims"]) - 1))
    document["claims"][i]["text"] = 7
    with pytest.raises(argmap.FormatError) as caught:
        native.from_dict(document)
    assert any(f"$.claims[{i}].text" in line for line in caught.value.messages)


#: Broken maps whose problems the bulk checks find themselves (the rest fall back).
_BULK_CODES = (
    "orphan",
    "circular-support",
    "unknown-source",
    "duplicate-source",
    "verdict-not-thesis",
    "implicit-quoted",
    "repeated-thesis",
    "no-thesis",
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(MAPS, broken_maps().map(lambda b: b.map)))
def test_bulk_validation_finds_what_item_checks_find(m):
    """Validation in bulk gives the same problems, in the same order, as item by item."""
    slow = list(_problems(m))
    fresh = attrs.evolve(m)  # no index kept from the slow run
    assert list(_problems(fresh, fast=True)) == slow
    assert argmap.validate(m) == tuple(slow)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(broken_maps(codes=_BULK_CODES))
def test_bulk_validation_reports_problems_itself(broken):
    """On these broken maps the bulk checks do not fall back, and still find everything."""
    found = _fast_problems(attrs.evolve(broken.map))
    assert found is not None
    assert found == list(_problems(broken.map))
    assert broken.code in {p.code for p in found}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_explanations_on_first_read_equal_and_pickle(m):
    """An evaluation compares, pickles and writes JSON the same, explanations read or not."""
    unread = argmap.evaluate(m)
    read = argmap.evaluate(m)
    reasons, cruxes, influence = dict(read.reasons), dict(read.cruxes), dict(read.influence)
    assert unread == read
    assert pickle.loads(pickle.dumps(unread)) == read  # noqa: S301 - our own bytes
    assert json.dumps(unread.to_json()) == json.dumps(read.to_json())
    again = pickle.loads(pickle.dumps(argmap.evaluate(m)))  # noqa: S301 - our own bytes
    assert (dict(again.reasons), dict(again.cruxes), dict(again.influence)) == (
        reasons,
        cruxes,
        influence,
    )
    assert set(reasons) == {c.id for c in m.claims} | {r.id for r in m.relations}


def test_repr_finds_no_explanations(monkeypatch):
    """Showing an evaluation (a REPL, a notebook) leaves its explanations unfound."""
    module = sys.modules["argmap.evaluate"]

    found = []
    explain = module._explain_theses
    monkeypatch.setattr(module, "_explain_theses", lambda *a: found.append(1) or explain(*a))
    e = argmap.evaluate(argmap.registry.get("example"))
    assert "cruxes not read yet" in repr(e)
    assert all("not converged" not in repr(part) for part in e.gradual.values())
    assert found == []
    assert e.cruxes  # read now: found once, and the repr counts them
    assert "1 theses with cruxes" in repr(e)
    assert found == [1]


def _eager(e: argmap.Evaluation) -> argmap.Evaluation:
    """The same evaluation built from plain values: every mapping a dict, flags bools."""

    def plain(value: object) -> object:
        if isinstance(value, GradualEvaluation):
            return attrs.evolve(value, **_plain_fields(value, plain))
        return dict(value.items()) if hasattr(value, "items") else value

    return attrs.evolve(e, **_plain_fields(e, plain))


def _plain_fields(value: object, plain: object) -> dict[str, object]:
    found: dict[str, object] = {}
    for f in attrs.fields(type(value)):
        got = getattr(value, f.alias)
        if f.name == "gradual":
            got = {k: plain(v) for k, v in got.items()}  # type: ignore[operator]
        found[f.alias] = plain(got)  # type: ignore[operator]
    return found


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(), st.sampled_from(["grounded", "quadratic", "dfquad", "all"]))
def test_evaluations_hash_and_equal_their_eager_copies(m, semantics):
    """An evaluation hashes, and equals and hashes like one built from its plain values."""
    e = argmap.evaluate(m, semantics)
    eager = _eager(argmap.evaluate(m, semantics))
    assert e == eager
    assert eager == e
    assert hash(e) == hash(eager) == hash(pickle.loads(pickle.dumps(e)))  # noqa: S301
    assert all(part == eager.gradual[name] for name, part in e.gradual.items())


@given(MAPS)
@settings(max_examples=20)
def test_the_slow_path_guarantees_hold(m):
    """Public constructors still check their arguments and values stay frozen."""
    c = m.claims[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.text = "changed"  # type: ignore[misc]
    with pytest.raises(ParameterError):
        argmap.validate(c)  # type: ignore[arg-type]
    with pytest.raises(ParameterError):
        argmap.evaluate(m, semantics="no-such")  # type: ignore[arg-type]
