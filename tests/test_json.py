"""Native JSON: lossless round trips, a schema that matches, strict reading."""

import json

import jsonschema
import pytest
from hypothesis import given

import argmap
from argmap import FormatError, InvalidMapError
from argmap.io import json as native
from argmap.strategies import argument_maps, broken_maps
from argmap.validate import CODES


@given(argument_maps())
def test_round_trip_is_identity(m):
    """dumps then loads gives an equal map."""
    assert argmap.loads(argmap.dumps(m)) == m


@given(broken_maps(codes=tuple(c for c in CODES if c != "bad-score")))
def test_round_trip_keeps_broken_maps(broken):
    """Even a map with a defect survives the round trip unchanged (nothing is fixed up)."""
    m = broken.map
    back = argmap.loads(argmap.dumps(m), check=False)
    assert argmap.dumps(back) == argmap.dumps(m)


# Checked against the metaschema once, here, rather than on every example.
_SCHEMA = jsonschema.Draft202012Validator(native.schema())


def test_schema_is_a_valid_json_schema():
    """The published schema is itself valid JSON Schema (draft 2020-12)."""
    jsonschema.Draft202012Validator.check_schema(native.schema())


@given(argument_maps())
def test_output_matches_the_schema(m):
    """Every document argmap writes validates against the published JSON Schema."""
    _SCHEMA.validate(json.loads(argmap.dumps(m)))


@given(argument_maps())
def test_output_is_deterministic(m):
    """The same map always gives the same bytes."""
    assert argmap.dumps(m) == argmap.dumps(argmap.loads(argmap.dumps(m)))


def test_document_has_the_documented_fields():
    """The top level carries the version and the fields the format promises."""
    b = argmap.MapBuilder("m", "M")
    b.source("s", "S")
    b.thesis("t", "T.")
    b.claim("a", "A.", quote="q").rebuts("t")
    data = json.loads(argmap.dumps(b.build()))
    assert data["argmap"] == 1
    assert list(data) == [
        "argmap",
        "id",
        "title",
        "description",
        "sources",
        "theses",
        "claims",
        "relations",
    ]
    assert data["relations"][0] == {
        "id": "a--rebuts--t",
        "kind": "rebuttal",
        "premises": ["a"],
        "target": "t",
    }
    assert data["claims"][1]["quotes"] == [{"source": "s", "text": "q"}]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{", "not valid JSON"),
        ("[]", "top level is an array"),
        ('{"id": "m"}', 'no "argmap" version field'),
        ('{"nodes": [], "edges": []}', "it looks like AIF"),
        ('{"argmap": 2, "id": "m", "title": "M"}', "version 2"),
        ('{"argmap": 1, "id": "m", "title": "M", "title": "N"}', "appears twice"),
        ('{"argmap": 1, "id": "m", "title": 5}', "$.title: expected a string, got a number"),
        ('{"argmap": 1, "id": "m", "title": "M", "extra": 1}', "unknown field 'extra'"),
        (
            (
                '{"argmap": 1, "id": "m", "title": "M", "claims": [{"id": "a", "text": "A", '
                '"implicit": "no"}]}'
            ),
            "$.claims[0].implicit (claim 'a'): expected true or false",
        ),
        (
            (
                '{"argmap": 1, "id": "m", "title": "M", "relations": [{"id": "r", "kind": "x", '
                '"premises": ["a"], "target": "b"}]}'
            ),
            "\"kind\" is 'x'",
        ),
        (
            (
                '{"argmap": 1, "id": "m", "title": "M", "claims": [{"id": "a", "text": "A", '
                '"base_score": NaN}]}'
            ),
            "NaN is not a JSON number",
        ),
    ],
)
def test_bad_documents_are_format_errors(text, fragment):
    """Malformed or mistyped input raises FormatError saying where and what."""
    with pytest.raises(FormatError) as info:
        argmap.loads(text)
    assert fragment in "\n".join([str(info.value), *info.value.messages])


def test_all_type_errors_are_reported_together():
    """Every field in error gets its own message."""
    text = '{"argmap": 1, "id": 1, "title": 2, "claims": [{"id": "a", "text": 3}]}'
    with pytest.raises(FormatError) as info:
        argmap.loads(text)
    assert len(info.value.messages) == 3


def test_loads_validates_by_default():
    """A readable document describing a broken map raises InvalidMapError."""
    text = '{"argmap": 1, "id": "m", "title": "M", "theses": ["nope"]}'
    with pytest.raises(InvalidMapError, match="'nope'"):
        argmap.loads(text)
    assert argmap.loads(text, check=False).theses == ("nope",)


def test_load_and_dump_files(tmp_path):
    """dump writes a file that load reads back; the format follows the file name."""
    b = argmap.MapBuilder("m", "M")
    b.thesis("t", "T.")
    m = b.build()
    path = tmp_path / "m.json"
    argmap.dump(m, path)
    assert argmap.load(path) == m


def test_load_names_the_file_in_errors(tmp_path):
    """A bad file's error starts with its path."""
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json: not valid JSON"):
        argmap.load(path)


def test_unknown_format_is_refused():
    """Asking for a format argmap does not have says which ones it has."""
    with pytest.raises(FormatError, match="use one of"):
        argmap.loads("x", "yaml")


@pytest.mark.parametrize("score", [float("nan"), float("inf")])
def test_non_finite_scores_cannot_be_written(score):
    """JSON has no NaN or infinity: dumps refuses, naming the claim."""
    m = argmap.ArgumentMap("m", "M", claims=[argmap.Claim("a", "A", base_score=score)])
    with pytest.raises(FormatError, match="'a'"):
        argmap.dumps(m)
