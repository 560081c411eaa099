"""Proxies end to end: mail with a validation link, the holder's password page, proxy-mode
sign-in, choosing for the intern, one proxy per holder, cancelling, the end of the semester.
"""

from __future__ import annotations

import re

import httpx

from tests.server.conftest import ServerFactory, auth, error, latest_mail, mail_link, mail_text
from tests.server.test_amphi_support import Who, World, amphi_server, event_stream, make_world

HOLDER = "Mandataire.Dupont@Example.org"
PROXY_PASSWORD = "Procuration1"


def give(w: World, who: Who, email: str, phone: str = "06 11 22 33 44") -> httpx.Response:
    return w.client.post(f"/api/amphi/interns/{who.intern_id}/proxy", headers=who.h,
                         json={"email": email, "phone": phone})


def validate(w: World, to: str, password: str = PROXY_PASSWORD) -> httpx.Response:
    link = mail_link(latest_mail(w.live, to))
    token = link.rsplit("token=", 1)[1]
    return w.client.post("/pages/proxy", data={"token": token, "password": password,
                                               "confirm": password})


def proxy_login(w: World, email: str, password: str = PROXY_PASSWORD) -> httpx.Response:
    return w.client.post("/api/amphi/proxy/login", json={"email": email, "password": password})


def test_proxy_flow_from_mail_to_choice(server_factory: ServerFactory) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=20)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=3)
        a, b, c = w.interns
        r = give(w, a, HOLDER)
        assert r.status_code == 201, r.text
        proxy = r.json()
        assert proxy["status"] == "pending" and proxy["holder_email"] == HOLDER.lower()
        # Mail to the holder with the validation link; notice to the intern.
        to_holder = latest_mail(live, HOLDER.lower())
        assert to_holder["Subject"] == "Demande de procuration pour un choix de stage"
        assert a.name.split()[0] in mail_text(to_holder)
        link = mail_link(to_holder)
        assert "/pages/proxy?token=" in link
        notice = mail_text(latest_mail(live, a.email))
        assert f"envoyée à {HOLDER.lower()}" in notice
        # One person holds one proxy only.
        r = give(w, b, HOLDER.upper())
        assert r.status_code == 409 and error(r)["code"] == "holder_busy"
        assert error(r)["message"] == ("Cette personne détient déjà une procuration : une "
                                       "personne ne peut en détenir qu'une seule.")
        r = give(w, a, "autre@example.org")
        assert r.status_code == 409 and error(r)["code"] == "proxy_exists"
        r = give(w, a, a.email)
        assert r.status_code == 422 and error(r)["code"] == "own_email"
        # Not yet validated: no proxy-mode sign-in.
        assert proxy_login(w, HOLDER).status_code == 401
        # The page: weak password, then mismatch, then a good one.
        token = link.rsplit("token=", 1)[1]
        page = client.get("/pages/proxy", params={"token": token})
        assert page.status_code == 200 and "Validation de votre procuration" in page.text
        weak = client.post("/pages/proxy", data={"token": token, "password": "court",
                                                 "confirm": "court"})
        assert weak.status_code == 422 and "au moins 8 caractères" in weak.text
        odd = client.post("/pages/proxy", data={"token": token, "password": PROXY_PASSWORD,
                                                "confirm": "Autre1234"})
        assert odd.status_code == 422 and "différents" in odd.text
        done = validate(w, HOLDER.lower())
        assert done.status_code == 200 and "activé" in done.text
        assert client.get("/pages/proxy", params={"token": token}).status_code == 400
        # Proxy-mode sign-in: a proxy_holder session bound to a.
        assert proxy_login(w, HOLDER, "Mauvais123").status_code == 401
        r = proxy_login(w, HOLDER)
        assert r.status_code == 200, r.text
        holder = Who(HOLDER.lower(), r.json()["token"], r.json()["profile"]["id"])
        assert r.json()["profile"]["role"] == "proxy_holder"
        mine = client.get("/api/amphi/me", headers=holder.h).json()
        assert [(m["id"], m["acting_as_proxy"]) for m in mine] == [(a.intern_id, True)]
        # The holder handles the intern's favourites as the intern would.
        r = client.post(f"{w.base}/favourites", headers=holder.h,
                        json={"service_id": w.services["1102"]})
        assert r.status_code == 200
        assert client.get(f"{w.base}/favourites", headers=a.h).json()["items"][0][
            "service_id"] == w.services["1102"]
        # But he cannot manage the proxy itself.
        r = client.delete(f"/api/amphi/interns/{a.intern_id}/proxy", headers=holder.h)
        assert r.status_code == 403
        shown = client.get(f"/api/amphi/interns/{a.intern_id}/proxy", headers=a.h).json()
        assert shown["status"] == "active" and shown["validated_at"]
        # The live session: the holder is connected for a; a may not choose himself.
        w.presence(holder)
        w.presence(b)
        with event_stream(live, a.token) as events:
            assert w.transition("start").status_code == 200
            state = w.live_state(a)
            assert state["current_intern_id"] == a.intern_id
            assert state["me"]["proxy_active"] and not state["me"]["can_choose"]
            r = w.choose(a, "2003")
            assert r.status_code == 403 and error(r)["code"] == "proxy_active"
            as_holder = w.live_state(holder)["me"]
            assert as_holder["acting_as_proxy"] and as_holder["can_choose"]
            r = w.choose(holder, "2003")
            assert r.status_code == 200, r.text
            assert r.json()["assignment"]["by_proxy"] is True
            assert r.json()["mailed_to"] == a.email
            confirmation = latest_mail(live, a.email)
            assert confirmation["Subject"].startswith("Confirmation de votre affectation")
            assert "mandataire" in mail_text(confirmation)
            # The semester ends: so does the proxy (a is told), and the holder's session.
            assert w.transition("finish").status_code == 200
            ended = events.wait_for(lambda e: e["kind"] == "amphi_proxy")["data"]
            assert ended["status"] == "ended" and ended["intern_id"] == a.intern_id
        assert client.get("/api/amphi/me", headers=holder.h).status_code == 401
        shown = client.get(f"/api/amphi/interns/{a.intern_id}/proxy", headers=a.h).json()
        assert shown["status"] == "ended"
        assert proxy_login(w, HOLDER).status_code == 401


def test_cancel_any_time_and_a_co_intern_may_hold_a_proxy(server_factory: ServerFactory
                                                          ) -> None:
    live = amphi_server(server_factory, amphi_turn_seconds=20)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=2)
        a, b = w.interns
        # a names his co-intern b: b keeps his own account and signs in in proxy mode too.
        assert give(w, a, b.email).status_code == 201
        assert validate(w, b.email).status_code == 200
        r = proxy_login(w, b.email)
        assert r.status_code == 200
        as_proxy = Who(b.email, r.json()["token"], r.json()["profile"]["id"])
        assert client.get("/api/amphi/me", headers=as_proxy.h).json()[0]["id"] == a.intern_id
        assert client.get("/api/amphi/me", headers=b.h).json()[0]["id"] == b.intern_id
        w.presence(a)
        w.presence(b)
        assert w.transition("start").status_code == 200
        assert w.choose(a, "2003").json()["error"]["code"] == "proxy_active"
        # a cancels during his own turn: the holder is signed out, a chooses himself.
        r = client.delete(f"/api/amphi/interns/{a.intern_id}/proxy", headers=a.h)
        assert r.status_code == 204
        r = w.choose(as_proxy, "2003")
        assert r.status_code == 401 and error(r)["code"] == "not_authenticated"
        assert proxy_login(w, b.email).status_code == 401
        assert w.choose(a, "2003").status_code == 200
        shown = client.get(f"/api/amphi/interns/{a.intern_id}/proxy", headers=a.h).json()
        assert shown["status"] == "cancelled"
        r = client.delete(f"/api/amphi/interns/{a.intern_id}/proxy", headers=a.h)
        assert r.status_code == 404
        # Having chosen, a proxy has no purpose any more.
        r = give(w, a, "quelquun@example.org")
        assert r.status_code == 409 and error(r)["code"] == "already_chosen"
        # b may now hold another proxy (his first one was cancelled) — but not for himself.
        r = give(w, b, b.email)
        assert r.status_code == 422 and error(r)["code"] == "own_email"
        # Someone else's intern record is not mine to manage.
        r = client.post(f"/api/amphi/interns/{a.intern_id}/proxy", headers=b.h,
                        json={"email": "x@example.org", "phone": "0600000000"})
        assert r.status_code == 403


def test_proxy_validation_link_is_single_and_dies_with_the_cancel(server_factory: ServerFactory
                                                                  ) -> None:
    live = amphi_server(server_factory)
    with httpx.Client(base_url=live.url, timeout=10) as client:
        w = make_world(live, client, interns=1)
        (a,) = w.interns
        assert give(w, a, HOLDER).status_code == 201
        link = mail_link(latest_mail(live, HOLDER.lower()))
        assert client.delete(f"/api/amphi/interns/{a.intern_id}/proxy",
                             headers=a.h).status_code == 204
        page = client.get(link)
        assert page.status_code == 400 and "plus valide" in page.text
        # The holder's address is free again: a new proxy, a new link.
        assert give(w, a, HOLDER).status_code == 201
        assert validate(w, HOLDER.lower()).status_code == 200
        r = proxy_login(w, HOLDER)
        assert r.status_code == 200
        body = r.json()
        # The proxy-holder account has no email of its own: its login is the proxy's address.
        assert body["profile"]["email"] is None
        assert re.match(r"Mandataire de", body["profile"]["first_name"])
        r = client.get(f"/api/amphi/interns/{a.intern_id}/proxy", headers=auth(body["token"]))
        assert r.status_code == 403
