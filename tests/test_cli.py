"""The argmap command: exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys

import pytest

import argmap
import argmap.registry
from argmap.cli import main

GOOD = {
    "argmap": 1,
    "id": "m",
    "title": "M",
    "sources": [{"id": "s", "title": "S"}],
    "theses": ["t"],
    "claims": [
        {"id": "t", "text": "T."},
        {"id": "a", "text": "A.", "quotes": [{"source": "s", "text": "the “exact” words"}]},
    ],
    "relations": [{"id": "r", "kind": "support", "premises": ["a"], "target": "t"}],
}


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_builtin_maps(capsys):
    """argmap list names every built-in map with its counts."""
    code, out, _ = run(capsys, "list")
    assert code == 0
    for name in argmap.registry.names():
        assert name in out


def test_list_json(capsys):
    """argmap list --json gives ids, titles and counts."""
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert {r["id"] for r in rows} == set(argmap.registry.names())
    assert all(r["claims"] > 0 for r in rows)


def test_check_good_file(capsys, good_file):
    """A sound map checks ok and exits 0."""
    code, out, _ = run(capsys, "check", good_file)
    assert code == 0
    assert "m: ok" in out


def test_check_all_builtins(capsys):
    """check --all checks every built-in map."""
    code, out, _ = run(capsys, "check", "--all")
    assert code == 0
    assert out.count(": ok") == len(argmap.registry.names())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON: Expecting property name"),
        ('{"argmap": 1, "id": 3, "title": "M"}', "$.id: expected a string, got a number"),
        (
            (
                '{"argmap": 1, "id": "m", "title": "M", "theses": ["t"], "claims": '
                '[{"id": "t", "text": "T"}], "relations": [{"id": "r", "kind": "support", '
                '"premises": ["ghost"], "target": "t"}]}'
            ),
            "support 'r' cites unknown premise 'ghost'",
        ),
    ],
)
def test_check_bad_input_is_one_line_per_problem(capsys, tmp_path, content, expected):
    """Malformed JSON, wrong types and unknown ids: exit 1, a line each, no traceback."""
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", path)
    assert code == 1
    assert expected in out + err
    assert "Traceback" not in out + err


def test_check_verbatim_quotes(capsys, tmp_path, good_file):
    """--source ID=FILE passes when every quote occurs verbatim, and names those that don't."""
    text = tmp_path / "article.txt"
    text.write_text("Here are the “exact” words of the piece.", encoding="utf-8")
    code, out, _ = run(capsys, "check", good_file, "--source", f"s={text}")
    assert code == 0
    assert "1/1 quotes verbatim" in out

    text.write_text('Here are the "exact" words of the piece.', encoding="utf-8")
    code, out, _ = run(capsys, "check", good_file, "--source", f"s={text}")
    assert code == 1
    assert "claim 'a'" in out
    assert "differs only in quote marks" in out


def test_check_unknown_source_id(capsys, tmp_path, good_file):
    """--source with an id no map has is an error."""
    text = tmp_path / "a.txt"
    text.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "check", good_file, "--source", f"nope={text}")
    assert code == 1
    said = "--source names 'nope', which is no source of the maps checked"
    assert err == f"argmap: error: {said}; use one of their source ids\n"
    code, _, err = run(capsys, "check", "example", "--source", f"shop-leter={text}")
    assert code == 1
    said = "--source names 'shop-leter', which is no source of the maps checked"
    assert err == f"argmap: error: {said}; did you mean 'shop-letter'?\n"
    sourceless = tmp_path / "sourceless.json"
    sourceless.write_text(
        argmap.dumps(argmap.ArgumentMap("m", "M", theses=["t"], claims=[argmap.Claim("t", "T")])),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", str(sourceless), "--source", f"s={text}")
    assert code == 1
    said = "--source names 's', which is no source of the maps checked"
    assert err == f"argmap: error: {said} (they have no sources)\n"


def test_check_needs_a_map(capsys):
    """check with nothing to check is a usage error (exit 2)."""
    code, _, err = run(capsys, "check")
    assert code == 2
    assert "--all" in err


def test_usage_errors_exit_2():
    """An unknown verb is a usage error."""
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_unknown_map_name(capsys):
    """A name that is neither a file nor a built-in map says so."""
    code, _, err = run(capsys, "export", "no-such-map")
    assert code == 1
    assert "neither a file nor a built-in map" in err


def test_export_json_to_stdout(capsys, good_file):
    """export writes native JSON to stdout by default."""
    code, out, _ = run(capsys, "export", good_file)
    assert code == 0
    assert argmap.loads(out) == argmap.load(good_file)


def test_export_to_file(capsys, good_file, tmp_path):
    """export -o writes the file."""
    out_path = tmp_path / "copy.json"
    code, _, _ = run(capsys, "export", good_file, "-o", out_path)
    assert code == 0
    assert argmap.load(out_path) == argmap.load(good_file)


def test_export_to_missing_folder(capsys, good_file, tmp_path):
    """An output folder that does not exist is a clear error."""
    code, _, err = run(capsys, "export", good_file, "-o", tmp_path / "nope" / "x.json")
    assert code == 1
    assert "does not exist" in err


def test_stdin(monkeypatch, capsys):
    """MAP '-' reads standard input."""
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(GOOD)))
    code, out, _ = run(capsys, "check", "-")
    assert code == 0
    assert "m: ok" in out


def test_python_dash_m(good_file):
    """python -m argmap runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(good_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "m: ok" in result.stdout


def test_missing_file_is_one_line(capsys, tmp_path):
    """A path that does not exist is one error line."""
    code, _, err = run(capsys, "check", tmp_path / "missing.json")
    assert code == 1
    assert err.strip().count("\n") == 0


# -- interchange formats ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["aif", "argdown", "mermaid"])
def test_export_to_each_format(capsys, good_file, fmt):
    """export --to FORMAT writes the map in that format to standard output."""
    code, out, _ = run(capsys, "export", good_file, "--to", fmt)
    assert code == 0
    assert out == argmap.dumps(argmap.load(good_file), fmt)


def test_export_format_from_output_name(capsys, good_file, tmp_path):
    """-o map.argdown writes Argdown, and -o map.mmd writes Mermaid."""
    for name, fmt in [("map.argdown", "argdown"), ("map.mmd", "mermaid"), ("m.aif.json", "aif")]:
        code, _, _ = run(capsys, "export", good_file, "-o", tmp_path / name)
        assert code == 0
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text == argmap.dumps(argmap.load(good_file), fmt)


def test_convert_argdown_to_aif_and_back(capsys, good_file, tmp_path):
    """A map goes JSON → Argdown → AIF → JSON through the command line unchanged."""
    run(capsys, "export", good_file, "-o", tmp_path / "m.argdown")
    run(capsys, "export", tmp_path / "m.argdown", "-o", tmp_path / "m.aif.json")
    code, out, _ = run(capsys, "export", tmp_path / "m.aif.json", "--to", "json")
    assert code == 0
    assert argmap.loads(out) == argmap.load(good_file)


def test_check_aif_prints_warnings_as_single_lines(capsys, tmp_path):
    """Oddities in an AIF file are one-line warnings on stderr; the check still passes."""
    data = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "A"},
            {"nodeID": "2", "type": "I", "text": "B"},
        ],
        "edges": [{"edgeID": "9", "fromID": "1", "toID": "2"}],
    }
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "check", path)
    assert code == 0
    assert "corpus: ok (2 claims, 0 relations)" in out  # named after its file
    assert err == (
        "argmap: warning: AIF: an edge joins two I-nodes with no scheme node between ('9'); "
        "it is kept as it is in the AIF layer, not in the map\n"
    )


def test_check_argdown_syntax_error_names_line_and_column(capsys, tmp_path):
    """An Argdown syntax error is one line with the file, line and column; exit 1."""
    path = tmp_path / "bad.argdown"
    path.write_text("[A]: x\n+ [B]: y\n", encoding="utf-8")
    code, _, err = run(capsys, "check", path)
    assert code == 1
    assert err.startswith(f"argmap: error: {path}: Argdown: line 2, column 1: expected")
    assert err.count("\n") == 1


def test_check_from_overrides_the_name(capsys, tmp_path):
    """--from argdown reads a file whatever its name."""
    path = tmp_path / "notes.txt"
    path.write_text("[A]: x\n  + [B]: y\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", path, "--from", "argdown")
    assert code == 0
    assert "notes: ok (2 claims, 1 relations)" in out  # named after its file
