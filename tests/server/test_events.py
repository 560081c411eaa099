"""Live events over Server-Sent Events: replay with Last-Event-ID, audience, keep-alive."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from server_stub.core import events
from tests.conftest import LiveServer
from tests.server.conftest import ServerFactory, auth, error, signed_in


class SseReader:
    """Reads Server-Sent Events frames from a live streaming response."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines = response.iter_lines()

    def frame(self) -> dict[str, Any]:
        """The next frame: its fields, and the comment lines it carried."""
        fields: dict[str, Any] = {"comments": []}
        for line in self._lines:
            if line == "":
                if fields != {"comments": []}:
                    return fields
                continue
            if line.startswith(":"):
                fields["comments"].append(line[1:].strip())
                continue
            name, _, value = line.partition(":")
            fields[name] = value[1:] if value.startswith(" ") else value
        raise AssertionError("the stream ended")

    def event(self) -> dict[str, Any]:
        """The next real event (skipping the retry hint and keep-alives), data decoded."""
        while True:
            fields = self.frame()
            if "data" in fields:
                fields["data"] = json.loads(fields["data"])
                return fields


@contextmanager
def sse(live: LiveServer, headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None) -> Iterator[SseReader]:
    timeout = httpx.Timeout(5.0)
    with httpx.Client(base_url=live.url, timeout=timeout) as client, \
            client.stream("GET", "/api/events", headers=headers, params=params) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        reader = SseReader(response)
        first = reader.frame()
        assert first["retry"] == "3000"  # the first line of every stream
        yield reader


def publish(live: LiveServer, kind: str, payload: dict[str, Any] | None = None,
            audience_id: int | None = None) -> int:
    """Publish from this (non-server) thread, as a background job of the server would."""
    with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        record = events.publish(session, kind, payload or {}, audience_id=audience_id)
        session.commit()
        return record.id


def test_staff_message_is_pushed_and_replayed_after_reconnect(live_server: LiveServer,
                                                              client: httpx.Client) -> None:
    _, staff = signed_in(live_server, client, role="staff")
    with sse(live_server) as stream:
        r = client.post("/api/staff/messages", headers=auth(staff),
                        json={"text": "L'amphi ouvre à 14 h."})
        assert r.status_code == 200, r.text
        posted = r.json()
        got = stream.event()
    assert got["event"] == "staff_message" and got["id"] == str(posted["id"])
    assert got["data"]["payload"]["text"] == "L'amphi ouvre à 14 h."
    assert got["data"] == posted | {"at": got["data"]["at"]}

    # While disconnected, two more messages: a reconnect with Last-Event-ID replays them.
    missed = [client.post("/api/staff/messages", headers=auth(staff),
                          json={"text": f"Message {i}"}).json()["id"] for i in (1, 2)]
    with sse(live_server, headers={"Last-Event-ID": got["id"]}) as stream:
        replayed = [stream.event(), stream.event()]
        assert [int(e["id"]) for e in replayed] == missed
        assert [e["data"]["payload"]["text"] for e in replayed] == ["Message 1", "Message 2"]
        live_id = publish(live_server, "staff_message", {"text": "en direct"})
        assert int(stream.event()["id"]) == live_id  # then live, nothing repeated
    with sse(live_server, params={"last_event_id": missed[0]}) as stream:
        assert [int(stream.event()["id"]) for _ in range(2)] == [missed[1], live_id]


def test_audience_events_reach_only_their_person(live_server: LiveServer,
                                                 client: httpx.Client) -> None:
    alice_id, alice = signed_in(live_server, client)
    _, bob = signed_in(live_server, client)
    with sse(live_server, headers=auth(alice)) as a, sse(live_server, headers=auth(bob)) as b, \
            sse(live_server) as anonymous:
        private = publish(live_server, "turn_started", {"rank": 12}, audience_id=alice_id)
        public = publish(live_server, "campaign_opened", {})
        assert [int(a.event()["id"]) for _ in range(2)] == [private, public]
        assert int(b.event()["id"]) == public
        assert int(anonymous.event()["id"]) == public
    with sse(live_server, headers={**auth(bob), "Last-Event-ID": "0"}) as b:
        assert int(b.event()["id"]) == public  # the replay filters too
    with sse(live_server, headers={**auth(alice), "Last-Event-ID": "0"}) as a:
        assert [int(a.event()["id"]) for _ in range(2)] == [private, public]


def test_keepalive_comment(server_factory: ServerFactory) -> None:
    live = server_factory(keepalive_seconds=0.2)
    with sse(live) as stream:
        started = time.monotonic()
        frame = stream.frame()
        assert frame["comments"] == ["keep-alive"]
        # Configured at 0.2 s, not the default 15 s (a wide margin: a loaded CI machine).
        assert time.monotonic() - started < 10


def test_in_process_publish_wakes_streams_at_once(server_factory: ServerFactory) -> None:
    # With a slow fallback poll, only the after-commit wake-up can deliver quickly.
    live = server_factory(event_poll_seconds=30)
    with sse(live) as stream:
        started = time.monotonic()
        event_id = publish(live, "ping")
        assert int(stream.event()["id"]) == event_id
        # Well before the 30 s poll (a wide margin: a loaded CI machine).
        assert time.monotonic() - started < 15


def test_nothing_lost_between_replay_and_live(live_server: LiveServer) -> None:
    first = publish(live_server, "tick", {"n": 0})
    total = 60
    go = threading.Event()

    def publisher() -> None:
        go.wait()
        for n in range(1, total):
            publish(live_server, "tick", {"n": n})

    thread = threading.Thread(target=publisher)
    thread.start()
    try:
        go.set()  # publishing runs while the stream replays and switches to live
        with sse(live_server, headers={"Last-Event-ID": str(first - 1)}) as stream:
            got = [stream.event()["data"]["payload"]["n"] for _ in range(total)]
    finally:
        thread.join()
    assert got == list(range(total))


def test_rolled_back_publish_sends_nothing(live_server: LiveServer) -> None:
    with sse(live_server) as stream:
        with live_server.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            events.publish(session, "ghost", {})
            session.rollback()
        kept = publish(live_server, "kept")
        assert int(stream.event()["id"]) == kept


def test_an_event_after_a_gap_in_the_ids_is_delivered(server_factory: ServerFactory) -> None:
    """A committed event is handed to the process's brokers, which skip reading the log
    when its id is the next they expect; a rolled-back event leaves a gap in the ids
    (a PostgreSQL sequence gives no id back), and the next event must still come. The
    poll is far away: only the wake-up after the commit can deliver it."""
    live = server_factory(event_poll_seconds=600)
    with sse(live) as stream:
        first = publish(live, "first")
        assert int(stream.event()["id"]) == first
        with live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            events.publish(session, "ghost", {})
            session.rollback()
        kept = publish(live, "kept")
        got = stream.event()
        assert (int(got["id"]), got["event"]) == (kept, "kept")


def test_an_event_of_another_database_is_not_taken_for_ours(
        server_factory: ServerFactory) -> None:
    """Every broker of the process hears of every commit of the process; one of another
    server's database, with the very id this broker expects next, is not delivered."""
    ours, theirs = server_factory(event_poll_seconds=600), server_factory()
    with sse(ours) as stream:
        last = publish(ours, "ours", {"n": 0})
        assert int(stream.event()["id"]) == last
        other = 0
        while other <= last:  # theirs reaches the id ours expects next
            other = publish(theirs, "theirs")
        mine = publish(ours, "ours", {"n": 1})
        got = stream.event()
        assert (int(got["id"]), got["event"], got["data"]["payload"]) == (mine, "ours",
                                                                          {"n": 1})


def test_a_stream_the_client_leaves_ends_on_the_server(live_server: LiveServer) -> None:
    broker = live_server.app.state.broker  # type: ignore[attr-defined]
    with sse(live_server) as stream:
        publish(live_server, "ping")
        stream.event()
        assert broker.subscribers == 1
    deadline = time.monotonic() + 5
    while broker.subscribers and time.monotonic() < deadline:
        time.sleep(0.05)
    assert broker.subscribers == 0


def test_bad_event_requests(live_server: LiveServer, client: httpx.Client) -> None:
    r = client.get("/api/events", headers={"Last-Event-ID": "abc"})
    assert r.status_code == 422
    detail = error(r)
    assert detail["code"] == "invalid_request" and detail["field"] == "Last-Event-ID"
    r = client.get("/api/events", params={"last_event_id": -1})
    assert r.status_code == 422 and error(r)["field"] == "last_event_id"
    r = client.get("/api/events", headers=auth("jeton-inconnu"))
    assert r.status_code == 401 and error(r)["code"] == "not_authenticated"
