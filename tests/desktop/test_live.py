"""Live events over SSE: replay with Last-Event-ID after a stop or a drop, in order, none
twice; any text arrives whole; a person's own events need his token."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from desktop.api.client import ApiClient
from desktop.api.live import LiveClient
from tests.desktop.conftest import PASSWORD, RestartableServer, add_person, signal_future, until

Run = Callable[..., Any]


# --------------------------------------------------------------------------- subscription


@pytest.fixture
def api(qloop: Any, server: RestartableServer) -> Iterator[ApiClient]:
    client = ApiClient(server.url)
    yield client
    qloop.run_until_complete(client.aclose())


def staff_token(server: RestartableServer) -> str:
    assert server.live is not None
    add_person(server.live, role="staff", email="ars@example.org", last_name="Durand",
               first_name="Sophie", birth_date=None, birth_town=None, ine=None)
    r = httpx.post(f"{server.url}/api/auth/login",
                   json={"email": "ars@example.org", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


async def post_message(server: RestartableServer, token: str, text: str) -> int:
    async with httpx.AsyncClient(base_url=server.url) as client:
        r = await client.post("/api/staff/messages", json={"text": text},
                              headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    return int(r.json()["id"])


class Recorder:
    def __init__(self, live: LiveClient) -> None:
        self.events: list[tuple[str, dict[str, Any], int]] = []
        live.event_received.connect(lambda kind, event, id_: self.events.append(
            (kind, event, id_)))

    @property
    def texts(self) -> list[str]:
        return [e["payload"]["text"] for _, e, _ in self.events]

    @property
    def ids(self) -> list[int]:
        return [i for _, _, i in self.events]


def test_stopped_stream_resumes_with_last_event_id_and_replays_what_was_missed(
        arun: Run, api: ApiClient, server: RestartableServer) -> None:
    token = staff_token(server)
    live = LiveClient(api, max_delay=0.5)
    seen = Recorder(live)

    async def scenario() -> None:
        connected = signal_future(live.connected)
        live.start()
        await asyncio.wait_for(connected, 5)
        for text in ("un", "deux"):
            await post_message(server, token, text)
        await until(lambda: len(seen.events) == 2)
        await live.stop()
        missed = [await post_message(server, token, t) for t in ("trois", "quatre", "cinq")]
        live.start()
        await until(lambda: len(seen.events) == 5)
        assert seen.ids[2:] == missed
        await post_message(server, token, "six")
        await until(lambda: len(seen.events) == 6)
        await live.stop()

    arun(scenario())
    assert seen.texts == ["un", "deux", "trois", "quatre", "cinq", "six"]
    assert seen.ids == sorted(set(seen.ids))  # in order, none twice
    assert {kind for kind, _, _ in seen.events} == {"staff_message"}
    assert live.last_event_id == seen.ids[-1]


def test_a_dropped_stream_reconnects_by_itself_and_misses_nothing(
        arun: Run, api: ApiClient, server: RestartableServer) -> None:
    token = staff_token(server)
    live = LiveClient(api, max_delay=0.5)
    seen = Recorder(live)
    reasons: list[str] = []
    live.disconnected.connect(reasons.append)

    async def scenario() -> None:
        connected = signal_future(live.connected)
        live.start()
        await asyncio.wait_for(connected, 5)
        await post_message(server, token, "avant")
        await until(lambda: len(seen.events) == 1)
        # The server stops: the stream ends, reconnections fail for a while.
        server.stop()
        await until(lambda: not live.is_connected and live.failures >= 2, timeout=15)
        server.start()
        assert server.live is not None
        reconnected = signal_future(live.connected)
        await asyncio.wait_for(reconnected, 15)
        await post_message(server, token, "après")
        await until(lambda: len(seen.events) == 2)
        await live.stop()

    arun(scenario(), timeout=60)
    assert seen.texts == ["avant", "après"]
    assert reasons and all(isinstance(r, str) and r for r in reasons)
    assert live.next_delay() <= 0.5  # capped


def test_any_text_arrives_whole(arun: Run, api: ApiClient, server: RestartableServer) -> None:
    # Line separators other than CR and LF (U+2028, U+2029, NEL) travel unescaped in the
    # event's JSON: only CR, LF and CRLF end an SSE line.
    texts = ["ligne\u2028suivante", "paragraphe\u2029suivant", "nel\x85fin",
             "retour\r\nà la ligne\rfin", "", "« guillemets » et 日本語"]
    live = LiveClient(api)
    seen = Recorder(live)

    async def scenario() -> None:
        connected = signal_future(live.connected)
        live.start()
        await asyncio.wait_for(connected, 5)
        from server_stub.core import events

        assert server.live is not None
        with server.live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            for text in texts:
                events.publish(session, "staff_message", {"text": text})
            session.commit()
        await until(lambda: len(seen.events) == len(texts))
        await live.stop()

    arun(scenario())
    assert seen.texts == texts
    assert live.retry_ms == 3000  # the server's hint


def test_back_off_doubles_from_the_server_hint_up_to_the_cap(qloop: Any) -> None:
    api = ApiClient("http://127.0.0.1:9")
    live = LiveClient(api, max_delay=30)
    live.retry_ms = 3000
    delays = []
    for failures in range(0, 7):
        live.failures = failures
        delays.append(live.next_delay())
    assert delays == [3, 3, 6, 12, 24, 30, 30]
    qloop.run_until_complete(api.aclose())


def test_own_events_need_the_token(arun: Run, api: ApiClient,
                                   server: RestartableServer) -> None:
    assert server.live is not None
    person = add_person(server.live, email="camille@example.org")
    api.token = httpx.post(f"{server.url}/api/auth/login",
                           json={"email": "camille@example.org", "password": PASSWORD}
                           ).json()["token"]
    anonymous_api = ApiClient(server.url)
    mine, anonymous = LiveClient(api), LiveClient(anonymous_api)
    got_mine, got_anonymous = Recorder(mine), Recorder(anonymous)

    async def scenario() -> None:
        both = [signal_future(mine.connected), signal_future(anonymous.connected)]
        mine.start()
        anonymous.start()
        await asyncio.wait_for(asyncio.gather(*both), 5)
        from server_stub.core import events

        assert server.live is not None
        with server.live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            events.publish(session, "turn_started", {"text": "À vous"}, audience_id=person)
            events.publish(session, "staff_message", {"text": "Pour tous"})
            session.commit()
        await until(lambda: len(got_mine.events) == 2 and len(got_anonymous.events) == 1)
        await mine.stop()
        await anonymous.stop()
        await anonymous_api.aclose()

    arun(scenario())
    assert got_mine.texts == ["À vous", "Pour tous"]
    assert got_anonymous.texts == ["Pour tous"]
