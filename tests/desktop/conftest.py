"""Fixtures of the client tests: a qasync loop that runs coroutines, real servers, people.

pytest-qt does not drive qasync by itself (pytest-dev/pytest-qt#448): every test that
awaits runs its scenario through `arun(coro)`, which runs the coroutine on a fresh qasync
loop (the Qt event loop, so widgets paint and signals flow while it awaits). Inside a
scenario, wait with `until(...)`/`next_signal(...)`, never with qtbot.wait* (those spin a
nested event loop, which asyncio forbids inside a running task).

Servers are the real thing: uvicorn on a loopback port, a SQLite file in tmp_path, cheap
Argon2 parameters; they can be stopped and started again on the same port.
"""

from __future__ import annotations

import asyncio
import gc
import io
import re
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, QSettings, SignalInstance
from PySide6.QtWidgets import QApplication
from qasync import QEventLoop
from shiboken6 import Shiboken

from desktop.app import AmphiApp, Options, configure_application
from tests.conftest import LiveServer, free_port

T = TypeVar("T")
FAST_HASHING: dict[str, Any] = {"argon2_time_cost": 1, "argon2_memory_kib": 1024,
                                "argon2_parallelism": 1}
PASSWORD = "Motdepasse1"
IDENTITY: dict[str, Any] = {"last_name": "Lefèvre", "first_name": "Camille",
                            "birth_date": date(2000, 3, 14), "birth_town": "Lyon",
                            "ine": "0123456789A"}
Run = Callable[..., Any]


# --------------------------------------------------------------------------- the loop


@pytest.fixture(scope="session", autouse=True)
def styled_application(qapp: QApplication) -> QApplication:
    """The application configured as `amphi` configures it (names, style, translations)."""
    configure_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings (the main window's size and place) in a folder of this test's own: no
    test reads the user's settings, nor another test's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


class TestEventLoop(QEventLoop):
    """A qasync loop that stays asyncio's running loop between two `run_until_complete`.

    pytest-qt processes Qt events after each test phase, and qasync processes them once
    more after `run_forever` returns: Qt timers then step leftover tasks (a live event
    stream, a probe) while asyncio sees no running loop, and anyio inside httpx fails
    with "no running event loop". Keeping the loop registered makes those steps normal.
    """

    def run_forever(self) -> int:
        try:
            return super().run_forever()
        finally:
            asyncio.events._set_running_loop(self)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[QEventLoop]:
    """A fresh qasync loop for one test; leftover tasks are cancelled at the end.

    Qt objects must die in the GUI thread: the test servers' worker threads allocate
    a lot, and a garbage collection run there would destroy leftover Qt objects (the
    loop's own timer object among them) in the wrong thread, which crashes Qt later.
    So the teardown deletes what is pending and collects garbage here, explicitly.
    """
    loop = TestEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        try:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)
        # The test item refers to the loop until after this teardown, so the collection
        # below cannot free it; its timer object, which keeps Qt timers for the calls
        # cancelled but not yet due, dies now (a later collection in a server thread
        # would leave those timers to fire on freed memory: a segfault in another test).
        Shiboken.delete(loop._timer)
        del loop
        QApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))
        gc.collect()
        QApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))


@pytest.fixture
def arun(qloop: QEventLoop) -> Callable[..., Any]:
    """`arun(coro, timeout=30)`: run a coroutine on the qasync loop, return its result."""

    def run(awaitable: Awaitable[T], timeout: float = 30.0) -> T:
        return qloop.run_until_complete(asyncio.wait_for(awaitable, timeout))

    return run


async def until(predicate: Callable[[], object], timeout: float = 10.0,
                message: str = "") -> None:
    """Await until `predicate()` is true (the Qt and asyncio events keep flowing)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(message or f"condition not met within {timeout} s")
        await asyncio.sleep(0.02)


def signal_future(signal: SignalInstance) -> asyncio.Future[tuple[Any, ...]]:
    """A future resolved by the next emission of `signal` (connected right away)."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_event_loop().create_future()

    def receive(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(receive)
    future.add_done_callback(lambda _f: signal.disconnect(receive))
    return future


async def next_signal(signal: SignalInstance, timeout: float = 10.0) -> tuple[Any, ...]:
    """Await the next emission of a Qt signal; its arguments."""
    return await asyncio.wait_for(signal_future(signal), timeout)


# --------------------------------------------------------------------------- servers


class RestartableServer:
    """A reference server in a thread of this process; stop() and start() keep its port."""

    def __init__(self, data_dir: Path, **overrides: Any) -> None:
        from server_stub.settings import Settings

        self.port = free_port()
        self.settings = Settings(data_dir=data_dir, secret_key="test-secret-key",
                                 public_url=f"http://127.0.0.1:{self.port}",
                                 keepalive_seconds=1.0,
                                 **{**FAST_HASHING, **overrides})
        self.data_dir = data_dir
        self.live: LiveServer | None = None
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        import uvicorn

        from server_stub.app import create_app, uvicorn_options

        app = create_app(self.settings)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on", timeout_graceful_shutdown=1,
                                **uvicorn_options(self.settings))  # as `amphi-server serve`
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        self._server, self._thread = server, thread
        self.live = LiveServer(self.url, self.settings, self.data_dir, app)
        return self.live

    def stop(self) -> None:
        """Stop serving (open event streams end; the port closes)."""
        if self._server is None or self._thread is None:
            return
        assert self.live is not None
        broker = getattr(self.live.app.state, "broker", None)  # type: ignore[attr-defined]
        if broker is not None:
            broker.close_streams()
        self._server.should_exit = True
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "the test server did not stop"
        self._server = self._thread = None

    @property
    def app(self) -> Any:
        assert self.live is not None
        return self.live.app


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., RestartableServer]]:
    servers: list[RestartableServer] = []

    def start(**overrides: Any) -> RestartableServer:
        server = RestartableServer(tmp_path / f"server{len(servers)}", **overrides)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def server(server_factory: Callable[..., RestartableServer]) -> RestartableServer:
    return server_factory()


@pytest.fixture
def live_server(server: RestartableServer) -> LiveServer:
    """The shared fixture's name, served by a restartable server with cheap hashing."""
    assert server.live is not None
    return server.live


# --------------------------------------------------------------------------- the client


@pytest.fixture
def make_app(tmp_path: Path, qloop: QEventLoop,
             server_factory: Callable[..., RestartableServer],
             ) -> Iterator[Callable[..., AmphiApp]]:
    """Build `AmphiApp`s on a fresh data directory, with short retry delays.

    (It depends on `server_factory` so that clients shut down before servers stop.)
    """
    apps: list[AmphiApp] = []

    def make(server: str, **options: Any) -> AmphiApp:
        data_dir = tmp_path / f"client{len(apps)}"
        app = AmphiApp(Options(server=server, data_dir=data_dir, **options),
                       retry_delays=(0.2, 0.4), live_max_delay=0.5)
        apps.append(app)
        return app

    yield make
    for app in apps:
        qloop.run_until_complete(shut_down(app))


SHUTDOWN_LIMIT = 60.0  # seconds: far more than a shutdown takes, even on a loaded machine


async def shut_down(app: AmphiApp) -> None:
    """`app.shutdown()`, failing with every pending task's stack if it has not ended
    within `SHUTDOWN_LIMIT` — a teardown that never ends would stall the whole suite
    (CI only sees the time-out) instead of naming what waits."""
    shutdown = asyncio.ensure_future(app.shutdown())
    done, _ = await asyncio.wait({shutdown}, timeout=SHUTDOWN_LIMIT)
    if not done:
        stacks = io.StringIO()
        for task in asyncio.all_tasks():
            task.print_stack(file=stacks)
        shutdown.cancel()
        pytest.fail(f"the client did not shut down within {SHUTDOWN_LIMIT:.0f} s; pending "
                    f"tasks:\n{stacks.getvalue()}")
    shutdown.result()


# --------------------------------------------------------------------------- people, mail


def add_person(live: LiveServer, *, password: str | None = PASSWORD,
               campaign: tuple[str, str] | None = None, **fields: Any) -> int:
    """Write a person into the server's database (with a ready account if `password`).

    `campaign=(kind, role)` also creates a campaign he takes part in.
    """
    from server_stub.core.security import hash_password, hash_secret_answer
    from server_stub.models import Campaign, Participation, Person

    values: dict[str, Any] = {**IDENTITY, "role": "student", **fields}
    if password is not None:
        values["password_hash"] = hash_password(password)
        values.setdefault("secret_question", "Nom de mon premier chat ?")
        values["secret_answer_hash"] = hash_secret_answer("Pollux")
        values.setdefault("email_confirmed", True)
    with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        person = Person(**values)
        session.add(person)
        session.flush()
        if campaign is not None:
            kind, role = campaign
            record = Campaign(kind=kind, name="EDN 2026 — choix des postes d'internat",
                              region=None, state="wishes_open", settings={})
            session.add(record)
            session.flush()
            session.add(Participation(campaign_id=record.id, person_id=person.id, role=role))
        session.commit()
        return int(person.id)


def latest_mail(live: LiveServer, to: str) -> EmailMessage:
    for path in reversed(live.mails()):
        with path.open("rb") as f:
            message = BytesParser(policy=policy.default).parse(f)
        if message["To"] == to:
            return message  # type: ignore[return-value]
    raise AssertionError(f"no mail to {to} in {live.outbox}")


def mail_link(live: LiveServer, to: str) -> str:
    """The token-bearing link of the newest mail to `to`."""
    body = latest_mail(live, to).get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    match = re.search(r"https?://\S+\?token=[\w-]+", text)
    assert match, text
    return match.group(0)


def clipped_headers(view: Any) -> list[str]:
    """The visible columns of a table or tree narrower than their header's own size hint
    (a clipped title), as « title width < needed »."""
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtWidgets import QTableView

    from desktop.ui.columns import title_widths

    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    needed = title_widths(header)  # the sort arrow's room in the sorted section only
    return [f"{model.headerData(c, _Qt.Orientation.Horizontal)} {header.sectionSize(c)} < "
            f"{needed[c]}" for c in range(header.count())
            if not header.isSectionHidden(c) and header.sectionSize(c) < needed[c]]


def columns_off_screen(view: Any) -> list[str]:
    """The visible columns that end beyond the right edge of the view (cut)."""
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtWidgets import QTableView

    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    width = view.viewport().width()
    return [str(model.headerData(c, _Qt.Orientation.Horizontal)) for c in range(header.count())
            if not header.isSectionHidden(c)
            and header.sectionPosition(c) + header.sectionSize(c) > width + 1]
