"""Refresh `resources/translations/amphi_<lang>.ts` from the French strings of `desktop/`.

Run it after changing user-facing text::

    .venv/bin/python tools/update_translations.py          # then translate in pyside6-linguist

Why a script and not `pyside6-lupdate` alone: lupdate finds `self.tr("…")` and
`QCoreApplication.translate("Ctx", "…")`, but not the module-level wrappers
(`_tr("…")` calling `QCoreApplication.translate("<Context>", text)`), nor a context
given by a constant (`QT_TRANSLATE_NOOP(CONTEXT, "…")`), nor labels kept in tables
and translated through a variable (`self.tr(HEADERS[section])`). Its
`-tr-function-alias tr+=_tr` option is honoured by the Python parser but files the
strings under an empty context, which never matches at run time.

So this script reads every module with Python's `ast`: it finds the wrappers (and the
context each one uses), follows constants, tables, loop variables and imports to the
string literals, and files each string under the context Qt will look up at run time
(the wrapper's context, or the enclosing class for `self.tr`, which PySide6 resolves
along the class's MRO). pyside6-lupdate is run as well and whatever it finds is
merged in, so nothing it knows is lost. Existing translations are kept (matched on
context and source text); new strings are marked "unfinished"; strings no longer in
the code are dropped. Strings it could not follow are listed on stderr.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)

TRANSLATE_FUNCS = {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    constants: dict[str, ast.expr] = field(default_factory=dict)
    class_attrs: dict[str, dict[str, ast.expr]] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    wrappers: dict[str, str] = field(default_factory=dict)
    # functions given the translating function as an argument: name → (index, calls)
    tr_params: dict[str, tuple[int, list[ast.Call]]] = field(default_factory=dict)


class Extractor:
    """All translatable (context, source) pairs of the `desktop` package."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules: dict[str, Module] = {}
        self.messages: dict[tuple[str, str], Message] = {}
        self.unresolved: list[str] = []
        self.fstrings: list[str] = []
        for path in sorted(SOURCES.rglob("*.py")):
            rel = path.relative_to(root).with_suffix("")
            name = ".".join(rel.parts).removesuffix(".__init__")
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            self.modules[name] = self._index(Module(name, path, tree))
        for module in self.modules.values():
            self._find_wrappers(module)
            self._find_tr_params(module)
        for module in self.modules.values():
            self._resolve_imported_wrappers(module)

    # ---------------------------------------------------------------- indexing

    def _index(self, module: Module) -> Module:
        for node in module.tree.body:
            for target, value in _assignments(node):
                module.constants[target] = value
            if isinstance(node, ast.ClassDef):
                attrs: dict[str, ast.expr] = {}
                for item in node.body:
                    for target, value in _assignments(item):
                        attrs[target] = value
                module.class_attrs[node.name] = attrs
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (node.module, alias.name)
        return module

    def _find_wrappers(self, module: Module) -> None:
        """Top-level `def _tr(text): return QCoreApplication.translate(CTX, text)`."""
        for node in module.tree.body:
            if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
                continue
            param = node.args.args[0].arg
            for ret in ast.walk(node):
                if not (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call)):
                    continue
                call = ret.value
                if (_func_name(call) == "translate" and len(call.args) >= 2
                        and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
                    context = self._context(module, call.args[0])
                    if context is not None:
                        module.wrappers[node.name] = context

    def _find_tr_params(self, module: Module) -> None:
        """`def radar_text(radar, tr): … tr("…")`: the caller's tr gives the context."""
        for node in module.tree.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for index, arg in enumerate(node.args.args):
                calls = [c for c in ast.walk(node) if isinstance(c, ast.Call)
                         and isinstance(c.func, ast.Name) and c.func.id == arg.arg and c.args]
                if calls:
                    module.tr_params[node.name] = (index, calls)

    def tr_param_function(self, module: Module, name: str
                          ) -> tuple[Module, int, list[ast.Call]] | None:
        if name in module.tr_params:
            return (module, *module.tr_params[name])
        if name in module.imports:
            source, original = module.imports[name]
            other = self.modules.get(source)
            if other is not None:
                return self.tr_param_function(other, original)
        return None

    def _resolve_imported_wrappers(self, module: Module) -> None:
        for local, (source, name) in module.imports.items():
            other = self.modules.get(source)
            if other is not None and name in other.wrappers:
                module.wrappers[local] = other.wrappers[name]

    def _context(self, module: Module, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            value = self._lookup(module, node.id)
            if value is not None:
                return self._context(*value)
        return None

    def _lookup(self, module: Module, name: str) -> tuple[Module, ast.expr] | None:
        if name in module.constants:
            return module, module.constants[name]
        if name in module.imports:
            source, original = module.imports[name]
            other = self.modules.get(source)
            if other is not None:
                return self._lookup(other, original)
        return None

    # ---------------------------------------------------------------- extraction

    def run(self) -> dict[tuple[str, str], Message]:
        for module in self.modules.values():
            _Visitor(self, module).visit(module.tree)
        return self.messages

    def add(self, context: str, source: str, module: Module, line: int) -> None:
        if not source.strip():
            return
        message = self.messages.setdefault((context, source), Message(context, source))
        rel = os.path.relpath(module.path, TRANSLATIONS)
        message.locations.append((rel.replace(os.sep, "/"), line))


class _Visitor(ast.NodeVisitor):
    """Walks one module, knowing the enclosing class and function at each call."""

    def __init__(self, extractor: Extractor, module: Module) -> None:
        self.x = extractor
        self.module = module
        self.classes: list[str] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.line = 0  # the line of the call being resolved

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]  # noqa: N815

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        self.generic_visit(node)
        self.line = node.lineno
        if isinstance(node.func, ast.Name):
            self._passed_tr(node, node.func.id)
        name = _func_name(node)
        context: str | None = None
        text: ast.expr | None = None
        if name in ("tr", "QT_TR_NOOP") and node.args:
            is_method = isinstance(node.func, ast.Attribute)
            if name == "tr" and not is_method:
                return
            if not self.classes:
                self._unresolved(node, "tr() outside a class")
                return
            context, text = self.classes[-1], node.args[0]
        elif name in TRANSLATE_FUNCS and len(node.args) >= 2:
            if name == "translate" and not _is_qt_translate(node):
                return
            context = self.x._context(self.module, node.args[0])
            text = node.args[1]
            if context is None:
                self._unresolved(node, "context not found")
                return
        elif isinstance(node.func, ast.Name) and node.func.id in self.module.wrappers:
            if not node.args:
                return
            context, text = self.module.wrappers[node.func.id], node.args[0]
        else:
            return
        if self._is_wrapper_body(text):
            return
        strings = self._strings(self.module, text, set())
        if strings is None:
            self._unresolved(node, ast.unparse(text))
            return
        for source in strings:
            self.x.add(context, source, self.module, node.lineno)

    def _passed_tr(self, node: ast.Call, name: str) -> None:
        """`radar_text(radar, self.tr)`: the callee's tr("…") strings, in our context."""
        found = self.x.tr_param_function(self.module, name)
        if found is None:
            return
        module, index, calls = found
        if index >= len(node.args):
            return
        given = node.args[index]
        if isinstance(given, ast.Attribute) and given.attr == "tr" and self.classes:
            context = self.classes[-1]
        elif isinstance(given, ast.Name) and given.id in self.module.wrappers:
            context = self.module.wrappers[given.id]
        else:
            return
        for call in calls:
            strings = self._strings(module, call.args[0], set())
            for source in strings or []:
                self.x.add(context, source, module, call.lineno)

    def _is_wrapper_body(self, text: ast.expr) -> bool:
        """The `text` parameter inside a wrapper itself: not a string to extract."""
        if not (isinstance(text, ast.Name) and self.functions):
            return False
        function = self.functions[-1]
        return (function.name in self.module.wrappers or function.name in ("tr",)) and \
            any(a.arg == text.id for a in function.args.args)

    def _unresolved(self, node: ast.Call, what: str) -> None:
        rel = self.module.path.relative_to(self.x.root)
        self.x.unresolved.append(f"{rel}:{node.lineno}: {what}")

    # ---------------------------------------------------------------- following values

    def _strings(self, module: Module, node: ast.expr, seen: set[int]) -> list[str] | None:
        """The literal strings `node` may evaluate to; None when it cannot be followed."""
        if id(node) in seen:
            return []
        seen = seen | {id(node)}
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else []
        if isinstance(node, ast.JoinedStr):
            self.x.fstrings.append(f"{module.path.relative_to(self.x.root)}:{node.lineno}")
            return []
        if isinstance(node, ast.IfExp):
            return _join(self._strings(module, node.body, seen),
                         self._strings(module, node.orelse, seen))
        if isinstance(node, ast.BoolOp):
            found: list[str] | None = []
            for value in node.values:
                found = _join(found, self._strings(module, value, seen))
            return found
        if isinstance(node, ast.Subscript):
            return self._members(module, node.value, seen)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "get":
            found = self._members(module, node.func.value, seen)
            if len(node.args) > 1:  # the default is often the raw code: a fallback
                found = _join(found, self._strings(module, node.args[1], seen) or [])
            return found
        if isinstance(node, ast.Call) and _func_name(node) in ("QT_TR_NOOP",):
            return self._strings(module, node.args[0], seen)
        if isinstance(node, ast.Call) and _func_name(node) in TRANSLATE_FUNCS:
            return self._strings(module, node.args[1], seen)
        if isinstance(node, ast.Name):
            local = self._local_strings(module, node.id, seen, members=False)
            if local is not False:
                return local  # type: ignore[return-value]
            value = self.x._lookup(module, node.id)
            if value is not None:
                return self._strings(value[0], value[1], seen)
            return None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in ("self", "cls"):
            return self._class_attr(module, node.attr, seen, members=False)
        return None

    def _members(self, module: Module, node: ast.expr, seen: set[int]) -> list[str] | None:
        """Strings held by a table (dict values, list/tuple items, nested)."""
        if isinstance(node, ast.Subscript):
            return self._members(module, node.value, seen)
        if isinstance(node, ast.Name):
            local = self._local_strings(module, node.id, seen, members=True)
            if local is not False:
                return local  # type: ignore[return-value]
            value = self.x._lookup(module, node.id)
            if value is None:
                return None
            return self._container(value[0], value[1], seen)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in ("self", "cls"):
            return self._class_attr(module, node.attr, seen, members=True)
        return self._container(module, node, seen)

    def _container(self, module: Module, node: ast.expr, seen: set[int]) -> list[str] | None:
        if isinstance(node, ast.Dict):
            items: list[ast.expr] = list(node.values)
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = list(node.elts)
        else:
            return self._strings(module, node, seen)
        found: list[str] | None = []
        for item in items:
            if isinstance(item, ast.Dict | ast.List | ast.Tuple | ast.Set):
                found = _join(found, self._container(module, item, seen))
            elif isinstance(item, ast.Lambda):
                continue
            else:
                found = _join(found, self._strings(module, item, seen) or [])
        return found

    def _class_attr(self, module: Module, name: str, seen: set[int], *,
                    members: bool) -> list[str] | None:
        """`self.NAME`: the class attribute in every class of the module defining it."""
        found: list[str] | None = None
        for attrs in module.class_attrs.values():
            if name in attrs:
                value = attrs[name]
                more = self._container(module, value, seen) if members \
                    else self._strings(module, value, seen)
                found = _join(found or [], more)
        return found

    def _local(self, name: str) -> tuple[ast.expr, list[int], bool] | None:
        """What a local name stands for: (node, index path in a tuple target, iterated)."""
        if not self.functions:
            return None
        function = self.functions[-1]
        best: tuple[int, tuple[ast.expr, list[int], bool]] | None = None
        for node in ast.walk(function):
            found: tuple[ast.expr, list[int], bool] | None = None
            if isinstance(node, ast.For | ast.comprehension):
                path = _target_path(node.target, name)
                if path is not None:
                    found = (node.iter, path, True)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                path = _target_path(node.targets[0], name)
                if path is not None:
                    found = (node.value, path, False)
            # the binding nearest before the call (comprehensions: on the same line)
            if found is None:
                continue
            line = node.target.lineno if isinstance(node, ast.comprehension) else node.lineno
            if found is not None and line <= self.line and (best is None or line >= best[0]):
                best = (line, found)
        return best[1] if best is not None else None

    def _local_strings(self, module: Module, name: str, seen: set[int],
                       *, members: bool) -> list[str] | None | bool:
        """Strings of a local name (False: not a local name)."""
        local = self._local(name)
        if local is None:
            return False
        node, path, iterated = local
        if iterated:
            values = self._elements(module, node, seen)
        elif path:
            values = self._picked(module, node, seen)
        else:
            return self._members(module, node, seen) if members \
                else self._strings(module, node, seen)
        if values is None:
            return None
        found: list[str] | None = []
        for value in values:
            picked = _pick(value, path)
            if picked is None:
                return None
            more = self._container(module, picked, seen) if members \
                else self._strings(module, picked, seen)
            found = _join(found, more)
        return found

    def _elements(self, module: Module, node: ast.expr, seen: set[int]
                  ) -> list[ast.expr] | None:
        """The items a `for` loop over `node` yields (as expressions), when known."""
        if isinstance(node, ast.Call):
            name = _func_name(node)
            if name == "enumerate" and node.args:
                inner = self._elements(module, node.args[0], seen)
                return None if inner is None else [
                    ast.Tuple(elts=[ast.Constant(0), e]) for e in inner]
            if name in ("sorted", "list", "tuple", "reversed") and node.args:
                return self._elements(module, node.args[0], seen)
            if name in ("items", "values") and isinstance(node.func, ast.Attribute):
                table = self._table(module, node.func.value)
                if not isinstance(table, ast.Dict):
                    return None
                if name == "values":
                    return list(table.values)
                return [ast.Tuple(elts=[k or ast.Constant(None), v])
                        for k, v in zip(table.keys, table.values, strict=True)]
            return None
        table = self._table(module, node)
        if isinstance(table, ast.List | ast.Tuple | ast.Set):
            return list(table.elts)
        if isinstance(table, ast.Dict):
            return [k for k in table.keys if k is not None]
        return None

    def _picked(self, module: Module, node: ast.expr, seen: set[int]
                ) -> list[ast.expr] | None:
        """Values unpacked by `a, b = node`: a table row, a literal tuple, a return."""
        if isinstance(node, ast.Tuple):
            return [node]
        if isinstance(node, ast.Subscript):
            table = self._table(module, node.value)
            if isinstance(table, ast.Dict):
                return list(table.values)
            if isinstance(table, ast.List | ast.Tuple):
                return list(table.elts)
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            function = self._function(module, node.func.id)
            if function is None:
                return None
            return [r.value for r in ast.walk(function)
                    if isinstance(r, ast.Return) and r.value is not None]
        return None

    def _table(self, module: Module, node: ast.expr) -> ast.expr | None:
        if isinstance(node, ast.Name):
            value = self.x._lookup(module, node.id)
            return value[1] if value is not None else None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in ("self", "cls"):
            for attrs in module.class_attrs.values():
                if node.attr in attrs:
                    return attrs[node.attr]
            return None
        return node

    def _function(self, module: Module, name: str) -> ast.FunctionDef | None:
        for node in module.tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
        if name in module.imports:
            source, original = module.imports[name]
            other = self.x.modules.get(source)
            if other is not None:
                return self._function(other, original)
        return None


def _target_path(target: ast.expr, name: str) -> list[int] | None:
    """Where `name` sits in an assignment or loop target (`n, (a, b)` → b: [1, 1])."""
    if isinstance(target, ast.Name):
        return [] if target.id == name else None
    if isinstance(target, ast.Tuple | ast.List):
        for i, element in enumerate(target.elts):
            inner = _target_path(element, name)
            if inner is not None:
                return [i, *inner]
    return None


def _pick(node: ast.expr, path: list[int]) -> ast.expr | None:
    for index in path:
        if not isinstance(node, ast.Tuple | ast.List) or index >= len(node.elts):
            return None
        node = node.elts[index]
    return node


def _join(a: list[str] | None, b: list[str] | None) -> list[str] | None:
    if a is None or b is None:
        return None
    return a + [s for s in b if s not in a]


def _assignments(node: ast.stmt) -> list[tuple[str, ast.expr]]:
    if isinstance(node, ast.Assign):
        return [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
        return [(node.target.id, node.value)]
    return []


def _func_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _is_qt_translate(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
        and func.value.id in ("QCoreApplication", "QApplication", "QGuiApplication")


# --------------------------------------------------------------------------- lupdate


def lupdate_messages() -> dict[tuple[str, str], Message]:
    """What pyside6-lupdate finds on its own (a safety net: merged into ours)."""
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent
                                                      / "pyside6-lupdate")
    if not Path(lupdate).exists():
        print("pyside6-lupdate not found: skipped", file=sys.stderr)
        return {}
    with tempfile.TemporaryDirectory(dir=TRANSLATIONS) as tmp:
        ts = Path(tmp) / "lupdate.ts"
        files = [str(p) for p in sorted(SOURCES.rglob("*.py"))]
        subprocess.run([lupdate, "-silent", "-locations", "none", *files, "-ts", str(ts)],
                       check=True)
        found: dict[tuple[str, str], Message] = {}
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                if name and source:
                    found[(name, source)] = Message(name, source)
        return found


# --------------------------------------------------------------------------- the .ts


def read_translations(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) of an existing .ts file."""
    if not path.exists():
        return {}
    known: dict[tuple[str, str], tuple[str, bool]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None:
                continue
            kind = node.get("type")
            known[(name, message.findtext("source") or "")] = (
                node.text or "", kind not in ("unfinished", "vanished", "obsolete"))
    return known


def write_ts(path: Path, language: str, messages: dict[tuple[str, str], Message],
             known: dict[tuple[str, str], tuple[str, bool]]) -> tuple[int, int]:
    """Write the .ts (sorted by context, then source order); (strings, finished)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="fr")
    by_context: dict[str, list[Message]] = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    finished = 0
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in by_context[context_name]:
            node = ET.SubElement(context, "message")
            for filename, line in message.locations:
                ET.SubElement(node, "location", filename=filename, line=str(line))
            ET.SubElement(node, "source").text = message.source
            text, done = known.get((message.context, message.source), ("", False))
            translation = ET.SubElement(node, "translation")
            translation.text = text
            if done and text:
                finished += 1
            else:
                translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return len(messages), finished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lupdate", action="store_true",
                        help="do not run pyside6-lupdate as a safety net")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    extractor = Extractor(ROOT)
    messages = extractor.run()
    if not args.no_lupdate:
        for key, message in lupdate_messages().items():
            messages.setdefault(key, message)
    for line in extractor.unresolved:
        print(f"not followed: {line}", file=sys.stderr)
    for line in extractor.fstrings:
        print(f"f-string passed to tr (cannot be translated): {line}", file=sys.stderr)
    for language in LANGUAGES:
        path = TRANSLATIONS / f"amphi_{language}.ts"
        total, finished = write_ts(path, language, messages, read_translations(path))
        print(f"{path.relative_to(ROOT)}: {total} strings, {finished} translated, "
              f"{total - finished} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
