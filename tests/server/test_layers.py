"""The direction of dependencies on the server, read from the source with `ast`.

`routes → services → engine, models` (ARCHITECTURE.md, "Rules of the house"): a route
module parses, authorises and calls a service (never a model or the engine itself); a
service never reaches back up into the routes or into the app that mounts them; the models
know only the database plumbing; the engine is pure (the standard library and itself).
No server module imports the client (`desktop`); a procedure's package does not import
another procedure's routes or models (nor `server_stub.models`, which re-exports them all);
`core` imports no procedure; only the app and the demo's own
modules import the demo (`server_stub.demo` uses the procedures, not the other way).

Today's exceptions are listed in `KNOWN` with their reason: a new import that breaks a
rule fails here, and a listed exception that no longer exists must be removed from the list.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "server_stub"
DOMAINS = ("national", "amphi", "matching")

# The composition root: builds the app from everything, so everything may be imported there.
COMPOSITION = {"server_stub.app", "server_stub.api", "server_stub.__main__"}

# What a model module may use besides other models: plain helpers with no database access.
MODEL_HELPERS = {"server_stub.core.clock", "server_stub.core.errors", "server_stub.core.text"}

# (importer, imported, rule) -> reason.
KNOWN: dict[tuple[str, str, str], str] = {
    ("server_stub.core.deps", "server_stub.core.models", "routes skip the services"):
        "the routes' dependencies hand them the signed-in `Person` and `AuthSession` (and "
        "check his `Role`), the FastAPI template's `CurrentUser`: the ORM objects are the "
        "types the routes pass on to the services",
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(name: str) -> bool:
    return (ROOT / name.replace(".", "/") / "__init__.py").is_file()


def is_module(name: str) -> bool:
    return is_package(name) or (ROOT / (name.replace(".", "/") + ".py")).is_file()


def imports_of(path: Path) -> list[Import]:
    """Every import in the file, wherever it stands (in functions too), as absolute names.

    `from package import name` counts as importing `package.name` when that is a module.
    """
    importer = module_name(path)
    base = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(importer, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                source = ".".join(anchor + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                target = f"{source}.{alias.name}"
                found.append(Import(importer, target if is_module(target) else source,
                                    node.lineno))
    return found


def layer(name: str) -> str:
    """routes, models, engine, composition or services (everything else of the server)."""
    parts = name.split(".")
    if name in COMPOSITION:
        return "composition"
    if parts[1:2] == ["engine"]:
        return "engine"
    if parts[-1] == "routes" or "routes" in parts[1:-1] or name == "server_stub.core.deps":
        return "routes"  # core.deps: the routes' FastAPI dependencies
    if parts[-1] == "models" or name == "server_stub.core.db":
        return "models"
    return "services"


def domain(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in DOMAINS else None


def is_demo(name: str) -> bool:
    """The demo data (`server_stub.demo`): it uses the procedures, never the other way."""
    return name == "server_stub.demo" or name.startswith("server_stub.demo.")


def violations(imp: Import) -> list[str]:
    """The rules this import breaks (their names, as used in `KNOWN`)."""
    top = imp.imported.split(".")[0]
    broken: list[str] = []
    if top == "desktop":
        broken.append("server imports the client")
    source, target = layer(imp.importer), layer(imp.imported) if top == PACKAGE else None
    if source == "engine" and top not in sys.stdlib_module_names and target != "engine":
        broken.append("engine imports beyond the standard library")
    if top != PACKAGE:
        return broken
    if target == "composition" and source != "composition":
        broken.append("imports the composition root")
    if source in ("services", "models", "engine") and target == "routes":
        broken.append(f"{source} import routes")
    if source == "routes" and target in ("models", "engine"):
        broken.append("routes skip the services")
    if source == "models" and target != "models" and imp.imported not in MODEL_HELPERS:
        broken.append("models import beyond the models")
    theirs, ours = domain(imp.imported), domain(imp.importer)
    every_model = imp.imported == "server_stub.models"  # re-exports every procedure's models
    if imp.importer.startswith("server_stub.core") and (
            theirs or is_demo(imp.imported) or every_model):
        broken.append("core imports a procedure")
    if ours is not None and (every_model or (
            theirs not in (None, ours) and imp.imported.endswith(".models"))):
        broken.append("imports another procedure's models")
    if is_demo(imp.imported) and not is_demo(imp.importer) and source != "composition":
        broken.append("imports the demo")
    if (source != "composition" and target == "routes" and theirs is not None
            and theirs != ours):
        broken.append("imports another procedure's routes")
    return broken


def server_imports() -> list[Import]:
    return [imp for path in sorted((ROOT / PACKAGE).rglob("*.py")) for imp in imports_of(path)]


def found_violations() -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = {}
    for imp in server_imports():
        for rule in violations(imp):
            out.setdefault((imp.importer, imp.imported, rule), imp.line)
    return out


def test_the_server_imports_point_one_way() -> None:
    found = found_violations()
    new = {key: line for key, line in found.items() if key not in KNOWN}
    assert not new, "imports against the direction of dependencies:\n" + "\n".join(
        f"  {importer} (line {line}) imports {imported}: {rule}"
        for (importer, imported, rule), line in sorted(new.items()))


def test_the_known_exceptions_still_exist() -> None:
    gone = set(KNOWN) - set(found_violations())
    assert not gone, f"fixed, remove them from KNOWN: {sorted(gone)}"


@pytest.mark.parametrize(("importer", "imported", "rule"), [
    ("server_stub.engine.ranks", "sqlalchemy", "engine imports beyond the standard library"),
    ("server_stub.engine.ranks", "server_stub.core.clock",
     "engine imports beyond the standard library"),
    ("server_stub.amphi.live", "server_stub.amphi.routes", "services import routes"),
    ("server_stub.national.routes", "server_stub.amphi.routes",
     "imports another procedure's routes"),
    ("server_stub.core.sessions", "desktop.api", "server imports the client"),
    ("server_stub.matching.rounds", "server_stub.app", "imports the composition root"),
    ("server_stub.amphi.models", "server_stub.amphi.live", "models import beyond the models"),
    ("server_stub.amphi.live", "server_stub.core.deps", "services import routes"),
    ("server_stub.core.routes.pages", "server_stub.models", "routes skip the services"),
    ("server_stub.matching.routes", "server_stub.engine.matching", "routes skip the services"),
    ("server_stub.core.events", "server_stub.national.runtime", "core imports a procedure"),
    ("server_stub.national.background", "server_stub.demo.plan", "imports the demo"),
    ("server_stub.matching.access", "server_stub.national.models",
     "imports another procedure's models"),
    ("server_stub.amphi.live", "server_stub.models", "imports another procedure's models"),
    ("server_stub.core.audit", "server_stub.models", "core imports a procedure"),
])
def test_a_violation_is_seen(importer: str, imported: str, rule: str) -> None:
    """The checker itself: each rule catches the import it is about."""
    assert rule in violations(Import(importer, imported, 1))


def test_the_checker_reads_every_kind_of_import(tmp_path: Path) -> None:
    """Relative, function-level and `from package import module` forms are all resolved."""
    imps = {imp.imported for imp in imports_of(ROOT / PACKAGE / "api.py")}
    assert "server_stub.amphi.routes" in imps  # `from server_stub.amphi import routes as amphi`
    engine = {imp.imported for imp in imports_of(ROOT / PACKAGE / "engine" / "ranks.py")}
    assert "server_stub.engine._validate" in engine  # `from ._validate import ...`
