"""The apps depend on each other in one direction only (README, "Architecture"; docs/architecture.md).

Each app sits in a layer and may import only apps in lower layers: never an app of its own layer, never
one above. Every import counts, also one inside a function (a lazy import is still a dependency). Apps
reach upwards only through Wagtail hooks, signals, settings holding dotted paths and template tags.
Tests, conftest files and migrations (historical snapshots) are left out; they may import anything.

The test reads the source with `ast`, so it needs no dependency and imports nothing it checks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

#: Bottom first. An app may import the apps of the layers below its own.
LAYERS: list[set[str]] = [
    {"operations"},  # page and content caches, security headers, /healthz, rate limits: knows no app
    {"facts", "search"},  # the register of legal facts; the search seam and its engines
    {"guides"},  # readers' pages: catalogue, guides, areas and situations, import and export
    {"editorial", "membership", "tools", "podcasts"},  # apps that plug into guides
    {"letters", "experts", "api"},  # built on the apps above: tools' planners, membership
    {"frontend", "chefsguider"},  # the shared templates and the project package: may know every app
]
LAYER_OF = {app: number for number, apps in enumerate(LAYERS) for app in apps}

#: (importing module, imported module) pairs that break the layering today and are being removed.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


def project_modules():
    """Every shipped Python file of every app (tests, conftest files and migrations left out)."""
    for app in LAYER_OF:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if {"tests", "migrations"} & set(relative.parts) or path.name == "conftest.py":
                continue
            yield relative


def imports(relative: Path):
    """(line, imported module) of every absolute import in a file, at module level or inside a function."""
    tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"), filename=str(relative))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in LAYER_OF and node.module in LAYER_OF:
                # "from search import engines" imports search.engines when it is a module.
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    package = ROOT.joinpath(*candidate.split("."))
                    is_module = package.is_dir() or package.with_suffix(".py").exists()
                    yield node.lineno, candidate if is_module else node.module
            else:
                yield node.lineno, node.module


def crossings():
    """(file, line, imported module, importing app, imported app) for each import of another app."""
    for relative in project_modules():
        app = relative.parts[0]
        for line, module in imports(relative):
            target = module.split(".")[0]
            if target in LAYER_OF and target != app:
                yield relative.as_posix(), line, module, app, target


def violations():
    return [
        (path, line, module, app, target)
        for path, line, module, app, target in crossings()
        if LAYER_OF[target] >= LAYER_OF[app] and (path, module) not in KNOWN_EXCEPTIONS
    ]


def test_every_app_has_a_layer():
    apps = {app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()} | {"chefsguider"}
    assert apps == set(LAYER_OF), "put a new app in LAYERS (and in README's layer drawing)"


def test_apps_import_only_apps_of_lower_layers():
    found = [
        f"{path}:{line} imports {module}: {app} (layer {LAYER_OF[app]}) may not depend on "
        f"{target} (layer {LAYER_OF[target]})"
        for path, line, module, app, target in violations()
    ]
    assert not found, "\n".join(found)


def test_known_exceptions_still_exist():
    """An exception that no longer happens is removed from the list, so it cannot hide a new one."""
    present = {(path, module) for path, _, module, _, _ in crossings()}
    assert KNOWN_EXCEPTIONS <= present, sorted(KNOWN_EXCEPTIONS - present)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("from guides.models import GuidePage\n", ["guides.models"]),
        ("def f():\n    from membership.models import is_member\n", ["membership.models"]),
        ("import editorial.review\n", ["editorial.review"]),
    ],
)
def test_imports_sees_module_level_and_lazy_imports(tmp_path, monkeypatch, source, expected):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    (tmp_path / "probe.py").write_text(source)
    assert [module for _, module in imports(Path("probe.py"))] == expected
