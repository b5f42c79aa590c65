r"""Native JSON read without a call per object: repeated keys are still refused, exactly.

:func:`argmap.io.json.loads` parses without Python's per-object hook and then counts the
keys of every object it read against the ``:`` of the text (see
:func:`argmap.io._jsontext.parse_counted`). These tests check that the count misses no
repeated key, wherever the key is (top level, claim, relation, quote, metadata, source)
and whatever ``:`` the strings hold (plain, escaped as ``\\u003a``), that the map read is
the map written, and that the fast way is the one taken on what argmap writes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.io import json as native
from argmap.io._jsontext import parse
from argmap.strategies import argument_maps, hostile_maps, metadata

MAPS = st.one_of(argument_maps(meta=metadata()), hostile_maps())
_HOLE = "\x00hole\x00"


def _objects(value: object) -> list[dict[str, Any]]:
    """Every JSON object in a value, depth first."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            found.append(x)
            stack += x.values()
        elif isinstance(x, list):
            stack += x
    return found


def _with_repeated_key(document: dict[str, Any], target: dict[str, Any], key: str) -> str:
    """The document's text, with ``key`` given a second time (a value of "x:y") in ``target``."""
    pairs = [*target.items(), (key, "x:y")]
    inner = ",".join(f"{json.dumps(k, ensure_ascii=False)}:{json.dumps(v)}" for k, v in pairs)
    saved = dict(target)
    target.clear()
    target[_HOLE] = None
    text = json.dumps(document, ensure_ascii=False)
    target.clear()
    target.update(saved)
    hole = json.dumps({_HOLE: None}, ensure_ascii=False)
    assert text.count(hole) == 1
    return text.replace(hole, "{" + inner + "}")


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_what_argmap_writes_is_read_the_fast_way_and_equal(m):
    """Every document argmap writes (hostile texts, ':' in strings) reads back the fast way."""
    text = argmap.dumps(m)
    fast = native._read_counted(text)
    assert fast is not None
    assert fast == m == native.from_dict(parse(text))
    compact = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    assert native._read_counted(compact) == m


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS, st.data())
def test_a_repeated_key_anywhere_is_refused(m, data):
    """A key given twice in any object is the strict parser's error, never a silent last value."""
    document = json.loads(argmap.dumps(m))
    objects = [o for o in _objects(document) if o]
    target = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(target)))
    text = _with_repeated_key(document, target, key)
    assert native._read_counted(text) is None
    with pytest.raises(argmap.FormatError, match="appears twice in one object"):
        argmap.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        # a repeated key, and as many ':' in strings elsewhere as would hide it
        (
            '{"argmap":1,"id":"m","title":"a:b","theses":["t"],'
            '"claims":[{"id":"t","text":"T","text":"U"}]}'
        ),
        # the same with the colon escaped: one ":" once read, none in the text
        (
            '{"argmap":1,"id":"m","title":"a\\u003ab","theses":["t"],'
            '"claims":[{"id":"t","text":"T","text":"U"}]}'
        ),
        # an id with a colon, cited as premise and target: each string counted once
        (
            '{"argmap":1,"id":"m","title":"M","theses":["t:1"],'
            '"claims":[{"id":"t:1","text":"T"},{"id":"p","text":"P","text":"Q"}],'
            '"relations":[{"id":"s","kind":"support","premises":["p"],"target":"t:1"}]}'
        ),
        # a repeated key in metadata, and colons in metadata keys and values
        (
            '{"argmap":1,"id":"m","title":"M","theses":["t"],'
            '"claims":[{"id":"t","text":"T","meta":{"k:1":"v:2","k":1,"k":2}}]}'
        ),
        # the top level's own key twice
        (
            '{"argmap":1,"id":"m","title":"M","theses":["t"],"title":"N",'
            '"claims":[{"id":"t","text":"T"}]}'
        ),
    ],
)
def test_a_repeated_key_beside_colons_is_refused(text):
    """Colons in strings, escaped or not, never hide a repeated key."""
    assert native._read_counted(text) is None
    with pytest.raises(argmap.FormatError, match="appears twice in one object"):
        argmap.loads(text)


def test_colons_in_strings_read_the_fast_way():
    """Colons in ids, texts, metadata and the map's fields cost no strict re-read."""
    text = (
        '{"argmap":1,"id":"m","title":"M: a map","theses":["t:1"],'
        '"claims":[{"id":"t:1","text":"T: x","meta":{"k:1":["v:2",{"a:b":"c:d"}]}},'
        '{"id":"p:2","text":"P","tags":["a:b"],"note":"n:1"}],'
        '"relations":[{"id":"s:3","kind":"support","premises":["p:2"],"target":"t:1",'
        '"label":"l:4"},{"id":"u","kind":"rebuttal","premises":["p:2"],"target":"s:3"}]}'
    )
    fast = native._read_counted(text)
    assert fast is not None
    assert fast == native.from_dict(parse(text))
    assert fast.relation("u").target == "s:3"


@pytest.mark.parametrize(
    "text",
    [
        '{"argmap":1,"id":"m","id":"n","title":NaN}',
        '{"argmap":1,"id":"m","id":"n","title":"\\ud800"}',
        '{"argmap":1,"id":"m","title":"M","theses":[],"claims":[{"id":"a","id":"b"}],"x":1e400}',
        '{"argmap":1,"id":"m","title":NaN}',
        '{"argmap":1 "id":"m"}',
        '{"argmap":1,"id":"m","title":"\\ud800","theses":[]}',
    ],
)
def test_errors_are_the_strict_parsers(text):
    """Text the fast parse refuses is reported as the strict parser reports it."""
    with pytest.raises(argmap.FormatError) as strict:
        parse(text)
    with pytest.raises(argmap.FormatError) as read:
        argmap.loads(text)
    assert str(read.value) == str(strict.value)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_compact_text_is_the_same_document_on_one_line(m):
    """``compact=True`` writes the indented document's data, on one line, and reads back."""
    indented = argmap.dumps(m)
    compact = argmap.dumps(m, "json", compact=True)
    assert compact.count("\n") == 1
    assert compact.endswith("\n")
    assert (
        compact
        == json.dumps(json.loads(indented), ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    assert argmap.loads(compact) == m
    assert native._read_counted(compact) == m


def test_compact_is_a_flag():
    """``compact`` takes True or False only."""
    m = argmap.loads(
        '{"argmap":1,"id":"m","title":"M","theses":["t"],"claims":[{"id":"t","text":"T"}]}'
    )
    with pytest.raises(argmap.ParameterError, match="compact must be True or False"):
        argmap.dumps(m, compact=1)


@pytest.mark.parametrize("kind", ["support", "rebuttal"])
def test_relations_of_one_kind_read_as_the_ordinary_path_reads_them(kind):
    """A document whose relations are all of one kind (an attack graph) reads as cattrs does."""
    relations = ",".join(
        f'{{"id":"r{i}","kind":"{kind}","premises":["c{i + 1}"],"target":"c{i}"}}' for i in range(3)
    )
    claims = ",".join(f'{{"id":"c{i}","text":"C{i}"}}' for i in range(4))
    text = (
        '{"argmap":1,"id":"m","title":"M","theses":["c0"],'
        f'"claims":[{claims}],"relations":[{relations}]}}'
    )
    fast = native._read_counted(text)
    body = json.loads(text)
    del body["argmap"]
    assert fast == native._converter().structure(body, argmap.ArgumentMap)
    assert {r.kind for r in fast.relations} == {kind}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_the_tree_is_emptied_only_when_it_is_the_readers_own(m):
    """The counted read frees its parse as it goes; data a caller passes is left as it was."""
    text = argmap.dumps(m)
    data = json.loads(text)
    before = json.loads(text)
    assert native.from_dict(data) == m
    assert data == before
    assert native._read_counted(text) == m == argmap.loads(text)


def test_a_bad_relation_after_the_claims_is_reported_as_the_strict_path_reports_it():
    """Claims already read (and their objects freed) do not change the error of a later field."""
    text = (
        '{"argmap":1,"id":"m","title":"M","theses":["t"],'
        '"claims":[{"id":"t","text":"T"},{"id":"p","text":"P"}],'
        '"relations":[{"id":"s","kind":"support","premises":["p"],"target":7}]}'
    )
    assert native._read_counted(text) is None
    with pytest.raises(argmap.FormatError) as strict:
        native.from_dict(parse(text))
    with pytest.raises(argmap.FormatError) as read:
        argmap.loads(text)
    assert str(read.value) == str(strict.value)
    assert "relation 's'" in str(read.value)
