"""The paused collector: a large block's young objects are promoted without a pass, safely."""

from __future__ import annotations

import gc

import pytest

import argmap
from argmap import _gc
from argmap._gc import paused
from argmap.io import json as native


def _generation(x: object) -> int | None:
    """The generation the collector holds ``x`` in (None if it is frozen or untracked)."""
    for generation in (0, 1, 2):
        if any(o is x for o in gc.get_objects(generation)):
            return generation
    return None


def _made(count: int) -> list[list[int]]:
    gc.collect()  # (counts start at nothing, so no collection runs before the check)
    with paused(promote=True):
        return [[i] for i in range(count)]


def test_a_large_block_leaves_its_objects_in_the_oldest_generation(monkeypatch):
    """Promoted: the objects are in generation 2, none frozen, the collector back on."""
    monkeypatch.setattr(_gc, "PROMOTE_FROM", 1_000)
    made = _made(2_000)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 100
    assert _generation(made[0]) == 2


def test_a_small_block_or_a_plain_pause_promotes_nothing(monkeypatch):
    """Under the threshold (or without ``promote``) the young objects stay young."""
    monkeypatch.setattr(_gc, "PROMOTE_FROM", 1_000)
    made = _made(100)
    assert _generation(made[0]) in {0, 1}  # young (a collection may have run since)
    gc.collect()
    with paused():
        plain = [[i] for i in range(2_000)]
    assert _generation(plain[0]) in {0, 1}


def test_what_the_program_froze_stays_frozen(monkeypatch):
    """With objects frozen by the program, nothing is promoted (unfreezing would free them)."""
    monkeypatch.setattr(_gc, "PROMOTE_FROM", 1_000)
    keep = [[1], [2]]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        made = _made(2_000)
        assert gc.get_freeze_count() == frozen
        assert _generation(keep[0]) is None
        assert _generation(made[0]) in {0, 1}  # young (a collection may have run since)
    finally:
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled(monkeypatch):
    monkeypatch.setattr(_gc, "PROMOTE_FROM", 1_000)
    gc.disable()
    try:
        made = _made(2_000)
        assert not gc.isenabled()
        assert _generation(made[0]) == 2
    finally:
        gc.enable()


@pytest.mark.parametrize("relations", [0, 3_000])
def test_the_json_reader_promotes_what_it_made(monkeypatch, relations):
    """A large document's map is promoted; the map read is the map written either way."""
    monkeypatch.setattr(_gc, "PROMOTE_FROM", 1_000)
    claims = [argmap.Claim(f"c{i}", "C") for i in range(relations + 1)]
    attacks = [argmap.Rebuttal(f"r{i}", f"c{i + 1}", f"c{i}") for i in range(relations)]
    m = argmap.ArgumentMap("m", "M", theses=["c0"], claims=claims, relations=attacks)
    text = argmap.dumps(m)
    gc.collect()
    read = native.loads(text)
    assert read == m
    assert (_generation(read.claims[0]) == 2) == bool(relations)
