"""The public constructors of claims and relations do what attrs's generated ones would.

``Claim``, ``Support`` and ``Rebuttal`` write their own ``__init__`` (each field set
through its slot's setter, each converter's common case inline: argmap.model says why).
These tests hold them to their attrs declaration: whatever form a caller passes a field
in, the value is the one the field's declared converter gives, frozen and hashable like
the values ``trusted`` and the loaders build.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import Claim, Rebuttal, Support
from argmap._frozen import FrozenMap, thaw
from argmap.strategies import argument_maps, hostile_maps, metadata

MAPS = st.one_of(argument_maps(meta=metadata()), hostile_maps())


def _forms(draw: st.DrawFn, name: str, value: object) -> object:
    """A form of ``value`` a caller may pass for field ``name``, drawn among the accepted."""
    if name in {"tags", "premises"} and isinstance(value, tuple):
        forms: list[object] = [value, list(value)]
        if len(value) == 1:
            forms.append(value[0])  # one id or tag as a plain string
        return draw(st.sampled_from(forms))
    if name == "quotes" and isinstance(value, tuple):
        return draw(st.sampled_from([value, list(value)]))
    if name == "meta" and isinstance(value, FrozenMap):
        forms = [value, thaw(value)]
        if not value:
            forms += [None, {}]
        return draw(st.sampled_from(forms))
    return value


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS, st.data())
def test_constructors_apply_the_declared_converters(m, data):
    """Each field holds what its attrs converter makes of the argument, in any form given."""
    for item in (*m.claims, *m.relations):
        cls = type(item)
        given_args = {
            f.alias: _forms(data.draw, f.name, getattr(item, f.name)) for f in attrs.fields(cls)
        }
        expected = {
            f.name: getattr(item, f.name)
            if f.converter is None
            else f.converter(given_args[f.alias])
            for f in attrs.fields(cls)
        }
        made = cls(**given_args)
        assert made == item
        assert hash(made) == hash(item)
        assert {f.name: getattr(made, f.name) for f in attrs.fields(cls)} == expected
        assert type(made.meta) is FrozenMap
        assert all(
            type(getattr(made, f)) is tuple
            for f in ("tags", "quotes", "premises")
            if hasattr(made, f)
        )


def test_defaults_positional_fields_and_subclasses():
    """Defaults are the declared ones, keywords stay keywords, and subclasses construct."""
    c = Claim("a", "A.")
    assert c == Claim("a", "A.", tags=[], quotes=[], meta=None)
    assert {f.name: getattr(c, f.name) for f in attrs.fields(Claim)} == {
        f.name: f.default for f in attrs.fields(Claim) if f.default is not attrs.NOTHING
    } | {"id": "a", "text": "A."}
    with pytest.raises(TypeError):
        Claim("a", "A.", True)  # type: ignore[misc] # noqa: FBT003 - implicit is keyword-only
    with pytest.raises(TypeError):
        Support("s", "a")  # type: ignore[call-arg] # no target

    class Plain(Rebuttal):  # a plain subclass keeps the constructor
        pass

    @attrs.frozen
    class Labelled(Support):  # an attrs subclass writes its own
        weight: int = attrs.field(default=1, kw_only=True)

    assert Plain("r", "a", "b").premises == ("a",)
    assert Labelled("s", ["a", "b"], "c", weight=3).premises == ("a", "b")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Plain("r", "a", "b").target = "c"  # type: ignore[misc]
