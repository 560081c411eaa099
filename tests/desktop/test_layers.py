"""The client's imports point one way: ui → models → sync → api/store → (network | SQLite).

Read with `ast` from the source files (nothing is imported, so a violation fails here
whatever the import order of the suite), every import counted: at the top, inside a
function, or under `TYPE_CHECKING` (a type-only import still ties the layers together).
A new exception to a rule goes in `KNOWN_EXCEPTIONS` with its reason, or the test fails.
Views and models also never call the API themselves: they go through the sync objects.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"

# Rank of each part of the client: a module may import its own rank or below, never above.
# The most specific prefix wins (`desktop.api.live` is `desktop.api`); `desktop` itself is
# only the package's __init__ (name, version), so a new root module must be placed here.
RANKS: dict[str, int] = {
    # The foundations: version and name, resource paths, logs, task bookkeeping.
    "desktop": 0,
    "desktop.resources": 0,
    "desktop.logs": 0,
    "desktop.tasks": 0,
    "desktop.single_instance": 0,
    # Data: the network (HTTP client, live events, the demo server's process) and SQLite.
    "desktop.api": 1,
    "desktop.store": 1,
    "desktop.credentials": 1,
    "desktop.demo_launcher": 1,
    # State holders over the data: what views talk to.
    "desktop.sync": 2,
    "desktop.i18n": 2,  # the language setting, kept in the store
    "desktop.attestation": 2,  # a PDF from the API's assignment
    # Qt item models, then views.
    "desktop.models": 3,
    "desktop.ui": 4,
    # Composition: the areas wire views to sync objects; the app wires everything.
    "desktop.areas": 5,
    "desktop.app": 6,
    "desktop.selftest": 6,
    "desktop.__main__": 6,
}
LAYER_NAMES = {0: "base", 1: "api/store", 2: "sync", 3: "models", 4: "ui", 5: "areas", 6: "app"}

# Libraries a layer must not touch itself (prefix of the importing module → libraries).
FORBIDDEN_LIBRARIES: dict[str, tuple[str, ...]] = {
    "desktop.models": ("httpx", "sqlalchemy"),
    "desktop.ui": ("httpx", "sqlalchemy"),
}

# Libraries no part of the client uses (library → what it uses instead).
NOT_IN_THE_CLIENT: dict[str, str] = {
    "platformdirs": "paths and settings come from Qt: QStandardPaths, QSettings",
}

# (importing module, imported module) → why it is allowed for now. Empty today: keep it so.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> list[tuple[str, int]]:
    """Every module `path` imports (absolute name, line), relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # `from desktop import i18n` imports the module desktop.i18n, if there is one.
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                if _is_module(candidate, root):
                    found.append((candidate, node.lineno))
    return found


def _is_module(name: str, root: Path) -> bool:
    if not name.startswith("desktop."):
        return False
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def rank_of(name: str) -> int | None:
    """The layer of module `name`; None for a module no rule places (a new root module)."""
    if name == "desktop":
        return RANKS[name]
    parts = name.split(".")
    for end in range(len(parts), 1, -1):
        rank = RANKS.get(".".join(parts[:end]))
        if rank is not None:
            return rank
    return None


def source_files(root: Path = ROOT) -> list[Path]:
    return sorted((root / "desktop").rglob("*.py"))


def violations(root: Path = ROOT) -> list[str]:
    """What breaks the rules under `root`/desktop: one line per offending import."""
    found: list[str] = []
    for path in source_files(root):
        importer = module_name(path, root)
        importer_rank = rank_of(importer)
        where = path.relative_to(root)
        if importer_rank is None:
            found.append(f"{where}: {importer} has no layer (add it to RANKS)")
            continue
        banned = next((libs for prefix, libs in FORBIDDEN_LIBRARIES.items()
                       if importer == prefix or importer.startswith(prefix + ".")), ())
        for imported, line in imports_of(path, root):
            if (importer, imported) in KNOWN_EXCEPTIONS:
                continue
            top = imported.split(".")[0]
            if top == "server_stub":
                found.append(f"{where}:{line}: imports {imported} (the client never imports "
                             "the server: the contract is the OpenAPI document)")
            elif top in NOT_IN_THE_CLIENT:
                found.append(f"{where}:{line}: imports {imported} ({NOT_IN_THE_CLIENT[top]})")
            elif top in banned:
                found.append(f"{where}:{line}: imports {imported} ({importer} holds no "
                             "HTTP and no SQL)")
            elif top == "desktop":
                imported_rank = rank_of(imported)
                if imported_rank is not None and imported_rank > importer_rank:
                    found.append(
                        f"{where}:{line}: {LAYER_NAMES[importer_rank]} module {importer} "
                        f"imports {imported}, of the {LAYER_NAMES[imported_rank]} layer above")
    return found


def test_imports_point_down_the_layers() -> None:
    assert violations() == []


def test_known_exceptions_are_still_needed() -> None:
    """An exception that no longer happens is removed, so it cannot hide a new one."""
    used = {(module_name(path), imported) for path in source_files()
            for imported, _line in imports_of(path)}
    assert [pair for pair in KNOWN_EXCEPTIONS if pair not in used] == []


API_CLASSES = frozenset({"ApiClient", "NationalApi", "AmphiApi", "MatchingApi"})


def direct_api_uses(root: Path = ROOT) -> list[str]:
    """Views and models that hold an API object or read an `api` attribute themselves."""
    found: list[str] = []
    for package in ("ui", "models"):
        for path in sorted((root / "desktop" / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr == "api":
                    found.append(f"{path.relative_to(root)}:{node.lineno}: .api")
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                        "desktop.api"):
                    found.extend(f"{path.relative_to(root)}:{node.lineno}: {alias.name}"
                                 for alias in node.names if alias.name in API_CLASSES)
    return found


def test_views_reach_the_server_only_through_sync_objects() -> None:
    """Views may use the API's data classes and `ApiError`, never its calls (docs/client.md)."""
    assert direct_api_uses() == []


def test_a_direct_api_call_is_caught(tmp_path: Path) -> None:
    view = tmp_path / "repo" / "desktop" / "ui" / "some_view.py"
    view.parent.mkdir(parents=True)
    view.write_text("from desktop.api.amphi import AmphiApi, Post\n"
                    "async def load(page):\n    return await page.service.api.list_amphis()\n",
                    encoding="utf-8")
    assert direct_api_uses(tmp_path / "repo") == ["desktop/ui/some_view.py:1: AmphiApi",
                                                  "desktop/ui/some_view.py:3: .api"]

# Starting a task: only `desktop/tasks.py` does (`spawn`, which gives every task an owner).
TASK_STARTERS = frozenset({"ensure_future", "create_task"})
# File → why it may still start a bare task. Keep it short; each goes when its reason does.
BARE_TASK_EXCEPTIONS: dict[str, str] = {}


def bare_tasks(root: Path = ROOT) -> list[str]:
    """Where `desktop/` starts a task itself (`asyncio.ensure_future`, `loop.create_task`,
    `asyncio.create_task`, or those names imported) instead of through `tasks.spawn`."""
    found: list[str] = []
    for path in source_files(root):
        where = path.relative_to(root).as_posix()
        if where == "desktop/tasks.py" or where in BARE_TASK_EXCEPTIONS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in TASK_STARTERS:
                found.append(f"{where}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.ImportFrom):
                found.extend(f"{where}:{node.lineno}: imports {alias.name}"
                             for alias in node.names if alias.name in TASK_STARTERS)
    return found


def test_every_task_has_an_owner() -> None:
    """Background work goes through `desktop.tasks.spawn` (kept, logged, cancelled with
    its owner, settled at sign-out and shutdown): docs/client.md, « Background work »."""
    assert bare_tasks() == []


def test_bare_task_exceptions_are_still_needed() -> None:
    """An exception whose file no longer starts a task itself is removed."""
    def starts_tasks(path: Path) -> bool:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        return any(isinstance(node, ast.Attribute) and node.attr in TASK_STARTERS
                   for node in ast.walk(tree))

    assert [where for where in BARE_TASK_EXCEPTIONS if not starts_tasks(ROOT / where)] == []


@pytest.mark.parametrize("source", [
    "import asyncio\nasyncio.ensure_future(work())\n",
    "import asyncio\nasyncio.get_running_loop().create_task(work())\n",
    "from asyncio import create_task\n",
])
def test_a_bare_task_is_caught(tmp_path: Path, source: str) -> None:
    view = tmp_path / "repo" / "desktop" / "ui" / "some_view.py"
    view.parent.mkdir(parents=True)
    view.write_text(source, encoding="utf-8")
    spawned = tmp_path / "repo" / "desktop" / "tasks.py"
    spawned.write_text(source, encoding="utf-8")
    assert len(bare_tasks(tmp_path / "repo")) == 1


def test_the_root_of_desktop_stays_small() -> None:
    """About a dozen modules at the root; the rest lives in api/, sync/, models/, ui/, areas/."""
    assert len([p for p in DESKTOP.glob("*.py") if p.name != "__init__.py"]) <= 12


@pytest.mark.parametrize(("source", "message"), [
    ("import httpx\n", "holds no HTTP"),
    ("from sqlalchemy import select\n", "holds no HTTP"),
    ("from desktop.sync.account import Account\n", None),
    ("from server_stub.app import create_app\n", "never imports the server"),
    ("from platformdirs import user_data_dir\n", "QStandardPaths"),
])
def test_a_violation_is_caught(tmp_path: Path, source: str, message: str | None) -> None:
    """The checker itself: a view importing HTTP, SQL or the server fails; sync is fine."""
    fake_root = tmp_path / "repo"
    view = fake_root / "desktop" / "ui" / "some_view.py"
    view.parent.mkdir(parents=True)
    view.write_text(source, encoding="utf-8")
    found = violations(fake_root)
    if message is None:
        assert found == []
    else:
        assert len(found) == 1 and message in found[0]


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    fake_root = tmp_path / "repo"
    module = fake_root / "desktop" / "api" / "client.py"
    module.parent.mkdir(parents=True)
    module.write_text("from desktop.models.labels import role\n", encoding="utf-8")
    assert violations(fake_root) == ["desktop/api/client.py:1: api/store module desktop.api.client "
                            "imports desktop.models.labels, of the models layer above"]
