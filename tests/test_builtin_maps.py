"""Every built-in map is sound, quoted where it should be, and survives JSON."""

import argmap
import argmap.registry


def test_builtin_map_has_no_problem(builtin_map):
    """No errors and no warnings."""
    assert argmap.validate(builtin_map) == ()


def test_implicit_claims_have_no_quotes(builtin_map):
    """Implicit premises are never stated, so they quote nothing."""
    for claim in builtin_map.claims:
        if claim.implicit:
            assert claim.quotes == (), claim.id


def test_explicit_claims_are_quoted(builtin_map):
    """Every explicit claim except the theses carries at least one quote."""
    for claim in builtin_map.claims:
        if not claim.implicit and claim.id not in builtin_map.theses:
            assert claim.quotes, claim.id


def test_builtin_map_round_trips(builtin_map):
    """JSON out and back in gives the same map."""
    assert argmap.loads(argmap.dumps(builtin_map)) == builtin_map


def test_registry_rejects_unknown_names():
    """Asking the registry for a map it lacks names the ones it has."""
    import pytest

    with pytest.raises(argmap.UnknownMapError, match="the built-in maps: "):
        argmap.registry.get("no-such-map")
