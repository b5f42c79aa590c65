"""Imports point one way: model <- analyses <- formats and views <- command line.

The test reads every module of the package (no import runs) and follows every import in it:
at module level and inside functions, under ``if TYPE_CHECKING:`` too, and the module names
given to ``importlib.import_module`` as literal strings. Each import must point to the same
layer or a lower one, views must not import one another, formats must not import one
another, ``argmap.io`` and ``argmap.render`` must not import each other, and the command
line uses the public API only. docs/architecture.md describes the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"

#: Every module of the package, by layer (a name covers its submodules).
LAYERS: dict[int, tuple[str, ...]] = {
    0: (  # the model and what it stands on
        "argmap.errors",
        "argmap.problems",
        "argmap._frozen",
        "argmap.text",
        "argmap.suggest",
        "argmap._checks",
        "argmap.model",
        "argmap.files",
    ),
    1: (  # analyses: they read maps and return plain values
        "argmap.validate",
        "argmap.build",
        "argmap.evaluate",
        "argmap._graph",
        "argmap._grounded",
        "argmap._gradual",
        "argmap._quadratic",
        "argmap._dfquad",
        "argmap.explain",
        "argmap.merge",
        "argmap.diff",
        "argmap.quotes",
        "argmap.search",
        "argmap.registry",
        "argmap.attack_graph",
        "argmap._gc",
    ),
    2: ("argmap.io", "argmap.render", "argmap.strategies"),  # formats and views
    3: ("argmap.cli", "argmap.__main__", "argmap._startup"),  # the command
}
#: The package itself only re-exports; below the command line nothing imports it.
FACADE = "argmap"
FACADE_LAYER = 4

#: Views: a module of one family never imports a module of another. SVG is the DOT
#: drawing laid out, and the interactive page is that SVG made explorable, so the drawing
#: is one family: its DOT, its layout, the SVG check and the page.
VIEW_FAMILIES: dict[str, tuple[str, ...]] = {
    "drawing": (
        "argmap.render.dot",
        "argmap.render.svg",
        "argmap.render.engines",
        "argmap.render.svgcheck",
        "argmap.render.html",
    ),
    "terminal": ("argmap.render.terminal",),
}

#: Imports that break a rule today and are being removed on another branch. The lead
#: empties this list when that branch is merged (an entry no longer needed fails the test).
ALLOWED: dict[tuple[str, str], str] = {}


class Import(NamedTuple):
    """One import: who imports what, and where (``named``: a module named in a string)."""

    importer: str
    target: str
    line: int
    named: bool = False

    def __str__(self) -> str:
        path = _module_path(self.importer).relative_to(PACKAGE.parent)
        return f"{path}:{self.line}: {self.importer} imports {self.target}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _module_path(name: str) -> Path:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _absolute(importer: str, module: str | None, level: int) -> str:
    """The absolute name of ``from <dots><module> import ...`` in ``importer``."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not _is_package(importer):
        base.pop()
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_of(name: str) -> list[Import]:
    """Every import of an argmap module in module ``name``, wherever it stands.

    A string that is exactly the name of an argmap module (a table of modules to load
    later) counts as an import too, marked ``named``.
    """
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: dict[tuple[str, int], Import] = {}

    def add(target: str, line: int, *, named: bool = False) -> None:
        if target == FACADE or target.startswith(FACADE + "."):
            found.setdefault((target, line), Import(name, target, line, named))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(name, node.module, node.level)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                add(sub if sub in MODULES else base, node.lineno)
        elif (target := _imported_by_call(node)) is not None:
            add(target, node.lineno)
        elif isinstance(node, ast.Constant) and node.value in MODULES and node.value != FACADE:
            add(str(node.value), node.lineno, named=True)
    return list(found.values())


def _imported_by_call(node: ast.AST) -> str | None:
    """The module of ``importlib.import_module("...")`` or ``__import__("...")``, if literal."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    first = node.args[0]
    if name in {"import_module", "__import__"} and isinstance(first, ast.Constant):
        return str(first.value)
    return None


def _covers(prefix: str, name: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer(name: str) -> int:
    """The layer of a module (the facade sits above the command line)."""
    if name == FACADE:
        return FACADE_LAYER
    for number, prefixes in LAYERS.items():
        if any(_covers(p, name) for p in prefixes):
            return number
    msg = f"{name} is in no layer; add it to LAYERS in tests/test_layers.py"
    raise LookupError(msg)


def _family(name: str) -> str | None:
    for family, prefixes in VIEW_FAMILIES.items():
        if any(_covers(p, name) for p in prefixes):
            return family
    return None


def _is_format(name: str) -> bool:
    """A format module: a public module or package directly under argmap.io."""
    parts = name.split(".")
    return len(parts) >= 3 and parts[:2] == ["argmap", "io"] and not parts[2].startswith("_")


def _is_private(name: str) -> bool:
    return any(part.startswith("_") and part != "__main__" for part in name.split("."))


def broken_rules(imp: Import) -> list[str]:
    """What an import does wrong (nothing for a good one)."""
    importer, target = imp.importer, imp.target
    if importer == FACADE:
        return []  # the facade re-exports anything
    why = []
    if target == FACADE and layer(importer) < 3:
        why.append("only the command line may import the facade (import the module itself)")
    elif target != FACADE and layer(target) > layer(importer):
        why.append(f"layer {layer(importer)} imports layer {layer(target)}")
    mine, theirs = _family(importer), _family(target)
    if mine and theirs and mine != theirs:
        why.append(f"the {mine} view imports the {theirs} view")
    io_render = {_covers("argmap.io", importer), _covers("argmap.render", target)}
    render_io = {_covers("argmap.render", importer), _covers("argmap.io", target)}
    if io_render == {True} or render_io == {True}:
        why.append("argmap.io and argmap.render never import each other")
    if (
        _is_format(importer)
        and _is_format(target)
        and target.split(".")[2] != importer.split(".")[2]
    ):
        why.append("one format imports another (share code through argmap.io._*)")
    if importer == "argmap.io" and _is_format(target) and not imp.named:
        why.append("the format table imports a format (formats load when used)")
    if layer(importer) == 3 and layer(target) < 3 and _is_private(target):
        why.append("the command line uses the public API only")
    return why


ALL_IMPORTS = [imp for name in MODULES for imp in imports_of(name)]


def test_every_module_has_a_layer():
    """Each module of the package is placed in one layer of LAYERS."""
    for name in MODULES:
        if name != FACADE:
            assert layer(name) in LAYERS, name


def test_imports_point_down():
    """No import points up, across views, between formats, or into private modules from the CLI."""
    wrong = [
        f"{imp}: {'; '.join(why)}"
        for imp in ALL_IMPORTS
        if (why := broken_rules(imp)) and (imp.importer, imp.target) not in ALLOWED
    ]
    assert not wrong, "\n".join(wrong)


def test_the_allowed_exceptions_are_still_needed():
    """Every entry of ALLOWED still names an import that breaks a rule (else empty it)."""
    breaking = {(imp.importer, imp.target) for imp in ALL_IMPORTS if broken_rules(imp)}
    assert set(ALLOWED) <= breaking, set(ALLOWED) - breaking


def test_no_module_hides_a_public_name():
    """With every module imported, each name a package exports is still what it exports.

    Importing ``pkg.name`` sets the attribute ``name`` of ``pkg`` to the module: a package
    that loads its names lazily must not have a module named like one of them.
    """
    import importlib
    import types

    for name in MODULES:
        if not name.endswith("__main__"):  # that one runs the command
            importlib.import_module(name)
    for name, path in MODULES.items():
        if path.name == "__init__.py":
            package = importlib.import_module(name)
            for exported in getattr(package, "__all__", ()):
                value = getattr(package, exported)
                assert not isinstance(value, types.ModuleType), f"{name}.{exported}"


@pytest.mark.parametrize(
    ("importer", "source", "rule"),
    [
        ("argmap.model", "from argmap.render.terminal import summary", "layer 0 imports layer 2"),
        ("argmap.errors", "if TYPE_CHECKING:\n    from argmap.validate import x", "layer 0"),
        ("argmap.validate", "def f():\n    import argmap.io.json", "layer 1 imports layer 2"),
        ("argmap._checks", "importlib.import_module('argmap.evaluate')", "layer 0 imports"),
        ("argmap.render.dot", "from argmap.render.terminal import x", "imports the terminal"),
        ("argmap.io", "from argmap.render import dot", "never import each other"),
        ("argmap.io.mermaid", "from argmap.io.json import dumps", "one format imports another"),
        ("argmap.cli", "from argmap._frozen import thaw", "public API only"),
        ("argmap.build", "import argmap", "only the command line may import the facade"),
        ("argmap.io", "FORMATS = ['argmap.render.dot']", "never import each other"),
    ],
)
def test_a_wrong_import_is_caught(importer, source, rule, monkeypatch):
    """The walk sees imports in functions, TYPE_CHECKING blocks and importlib strings."""
    monkeypatch.setattr(Path, "read_text", lambda *_, **__: source)
    found = imports_of(importer)
    assert found
    assert any(rule in why for imp in found for why in broken_rules(imp))
