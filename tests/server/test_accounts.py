"""Registration against imported identities, email confirmation, profile and contact details."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from server_stub.models import AuditEntry, Person
from tests.conftest import LiveServer
from tests.server.conftest import (
    PASSWORD,
    add_person,
    auth,
    error,
    latest_mail,
    login,
    mail_link,
    mail_text,
    mail_token,
    registration,
)


def test_register_confirm_from_outbox_sign_in_and_profile(live_server: LiveServer,
                                                          client: httpx.Client) -> None:
    person_id = add_person(live_server)
    # Names compared without case or accents, the birth town too.
    r = client.post("/api/auth/register",
                    json=registration("Camille.Lefevre@Example.org", last_name="LEFEVRE",
                                      first_name="camille", birth_town="LYON", ine=None))
    assert r.status_code == 201, r.text
    assert r.json() == {"status": "pending_confirmation", "email": "camille.lefevre@example.org"}

    msg = latest_mail(live_server)
    assert msg["To"] == "camille.lefevre@example.org"
    assert msg["Subject"] == "Confirmez votre adresse électronique"
    assert "Seul le dernier lien reçu est valide" in mail_text(msg)
    link = mail_link(msg)
    assert link.startswith(f"{live_server.url}/pages/confirm-email?token=")

    # Not confirmed yet: the password is right but the account cannot sign in.
    r = client.post("/api/auth/login",
                    json={"email": "camille.lefevre@example.org", "password": PASSWORD})
    assert r.status_code == 403 and error(r)["code"] == "email_not_confirmed"

    page = httpx.get(link)  # the link in the mail, opened in a browser
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Adresse confirmée" in page.text
    assert page.headers["cache-control"] == "no-store"

    r = client.post("/api/auth/login",
                    json={"email": "CAMILLE.LEFEVRE@example.org", "password": PASSWORD})
    assert r.status_code == 200, r.text
    session = r.json()
    assert session["expires_at"].endswith("Z") or session["expires_at"].endswith("+00:00")
    assert session["profile"]["id"] == person_id

    profile = client.get("/api/me", headers=auth(session["token"])).json()
    assert profile["last_name"] == "Lefèvre" and profile["first_name"] == "Camille"
    assert profile["email"] == "camille.lefevre@example.org"
    assert profile["role"] == "student"
    assert profile["secret_question"] == "Nom de mon premier chat ?"
    assert profile["campaigns"] == []

    activity = client.get("/api/me/activity", headers=auth(session["token"])).json()
    assert [a["action"] for a in activity] == ["login", "email_confirmed", "register"]
    assert all(a["at"].endswith("Z") or a["at"].endswith("+00:00") for a in activity)

    # Registered and confirmed: a second registration is refused.
    r = client.post("/api/auth/register", json=registration("autre@example.org"))
    assert r.status_code == 409 and error(r)["code"] == "already_registered"
    r = client.post("/api/auth/identity", json={k: v for k, v in registration().items()
                                                if k in ("last_name", "first_name",
                                                         "birth_date", "birth_town")})
    assert r.status_code == 409 and error(r)["code"] == "already_registered"


def test_secret_answer_is_stored_hashed(live_server: LiveServer, client: httpx.Client) -> None:
    person_id = add_person(live_server)
    assert client.post("/api/auth/register", json=registration()).status_code == 201
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        person = s.get(Person, person_id)
        assert person is not None
        assert person.secret_answer_hash and "Pollux" not in person.secret_answer_hash
        assert person.password_hash and person.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize("identity, expected", [
    ({"ine": "0123456789A", "birth_town": None}, 200),     # INE alone
    ({"ine": " 0123456789a ", "birth_town": ""}, 200),     # INE, spaces and case ignored
    ({"ine": "0000", "birth_town": "lyon"}, 200),          # no INE, the rest matches
    ({"ine": "0000", "birth_town": None}, 404),            # no INE and no town
    ({"ine": "9999999999Z", "birth_town": "Paris"}, 404),  # neither matches
    ({"ine": None, "birth_town": "Lyon", "birth_date": "2000-03-15"}, 404),
    ({"ine": None, "birth_town": "Lyon", "first_name": "Camilla"}, 404),
    ({"ine": None, "birth_town": "Lyon", "last_name": "Le Fevre"}, 404),
])
def test_identity_matching(live_server: LiveServer, client: httpx.Client,
                           identity: dict[str, object], expected: int) -> None:
    add_person(live_server)
    body = {"last_name": "lefèvre", "first_name": "CAMILLE", "birth_date": "2000-03-14",
            **identity}
    r = client.post("/api/auth/identity", json=body)
    assert r.status_code == expected, r.text
    if expected == 200:
        assert r.json() == {"matched": True}
    else:
        detail = error(r)
        assert detail["code"] == "identity_not_found"
        assert "Aucun dossier ne correspond" in detail["message"]


def test_wrong_identity_registers_nothing(live_server: LiveServer, client: httpx.Client) -> None:
    person_id = add_person(live_server)
    r = client.post("/api/auth/register",
                    json=registration(birth_date="1999-03-14", ine="0000"))
    assert r.status_code == 404 and error(r)["code"] == "identity_not_found"
    assert live_server.mails() == []
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        person = s.get(Person, person_id)
        assert person is not None and person.password_hash is None and person.email is None


@pytest.mark.parametrize("password, reason", [
    ("Court1", "au moins 8 caractères"),
    ("toutminuscule1", "une lettre majuscule"),
    ("TOUTMAJUSCULE1", "une lettre minuscule"),
    ("SansChiffre", "au moins un chiffre"),
])
def test_weak_password_is_refused(live_server: LiveServer, client: httpx.Client, password: str,
                                  reason: str) -> None:
    person_id = add_person(live_server)
    r = client.post("/api/auth/register", json=registration(password=password))
    assert r.status_code == 422
    detail = error(r)
    assert detail["code"] == "weak_password" and detail["field"] == "password"
    assert reason in detail["message"]
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        assert s.get(Person, person_id).password_hash is None  # type: ignore[union-attr]
    assert live_server.mails() == []


def test_weak_secret_answer_and_invalid_email(live_server: LiveServer,
                                              client: httpx.Client) -> None:
    add_person(live_server)
    r = client.post("/api/auth/register", json=registration(secret_answer=" a-b "))
    assert r.status_code == 422
    detail = error(r)
    assert (detail["code"], detail["field"]) == ("weak_secret_answer", "secret_answer")
    assert "au moins 3 lettres ou chiffres" in detail["message"]

    r = client.post("/api/auth/register", json=registration(email="pas-une-adresse"))
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("invalid_email", "email")


def test_email_taken_by_another_account(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, last_name="Martin", first_name="Léa", ine="111",
               email="pris@example.org")
    add_person(live_server)
    r = client.post("/api/auth/register", json=registration("Pris@example.org"))
    assert r.status_code == 409
    assert (error(r)["code"], error(r)["field"]) == ("email_taken", "email")


def test_only_the_latest_confirmation_link_is_valid(live_server: LiveServer,
                                                    client: httpx.Client) -> None:
    add_person(live_server)
    # A typo in the first address: registering again (before confirming) is allowed.
    assert client.post("/api/auth/register",
                       json=registration("camile@example.org")).status_code == 201
    first = mail_token(live_server)
    assert client.post("/api/auth/register",
                       json=registration("camille@example.org")).status_code == 201
    second = mail_token(live_server)
    assert client.post("/api/auth/confirm-email/resend",
                       json={"email": "camille@example.org"}).status_code == 202
    third = mail_token(live_server)
    assert len({first, second, third}) == 3

    for stale in (first, second):
        r = client.post("/api/auth/confirm-email", json={"token": stale})
        assert r.status_code == 400
        assert (error(r)["code"], error(r)["field"]) == ("invalid_token", "token")
    page = httpx.get(f"{live_server.url}/pages/confirm-email?token={second}")
    assert page.status_code == 400 and "plus valide" in page.text

    r = client.post("/api/auth/confirm-email", json={"token": third})
    assert r.status_code == 200 and r.json() == {"email": "camille@example.org"}
    r = client.post("/api/auth/confirm-email", json={"token": third})  # used
    assert r.status_code == 400
    login(client, "camille@example.org")
    r = client.post("/api/auth/login",
                    json={"email": "camile@example.org", "password": PASSWORD})
    assert r.status_code == 401 and error(r)["code"] == "bad_credentials"


def test_resend_confirmation_never_reveals_accounts(live_server: LiveServer,
                                                    client: httpx.Client) -> None:
    r = client.post("/api/auth/confirm-email/resend", json={"email": "inconnu@example.org"})
    assert r.status_code == 202 and r.content == b""
    assert live_server.mails() == []


def test_contact_update_and_email_change(live_server: LiveServer, client: httpx.Client) -> None:
    add_person(live_server, email="ancien@example.org", password=PASSWORD)
    token = login(client, "ancien@example.org")
    r = client.patch("/api/me", headers=auth(token),
                     json={"phone": "06 12 34 56 78", "faculty": "Lyon Est",
                           "email": "Nouveau@example.org"})
    assert r.status_code == 200, r.text
    profile = r.json()
    assert profile["phone"] == "06 12 34 56 78" and profile["faculty"] == "Lyon Est"
    assert profile["email"] == "ancien@example.org"
    assert profile["pending_email"] == "nouveau@example.org"
    assert latest_mail(live_server)["To"] == "nouveau@example.org"

    r = client.post("/api/auth/confirm-email", json={"token": mail_token(live_server)})
    assert r.json() == {"email": "nouveau@example.org"}
    profile = client.get("/api/me", headers=auth(token)).json()
    assert (profile["email"], profile["pending_email"]) == ("nouveau@example.org", None)
    login(client, "nouveau@example.org")

    # Fields not sent stay as they are; null clears.
    profile = client.patch("/api/me", headers=auth(token), json={"phone": None}).json()
    assert profile["phone"] is None and profile["faculty"] == "Lyon Est"
    actions = [a["action"] for a in client.get("/api/me/activity", headers=auth(token)).json()]
    assert actions.count("contact_updated") == 2 and "email_change_requested" in actions


def test_secret_update_needs_the_password(live_server: LiveServer, client: httpx.Client) -> None:
    person_id = add_person(live_server, email="s@example.org", password=PASSWORD)
    token = login(client, "s@example.org")
    body = {"password": "Mauvais123", "secret_question": "Mon film préféré ?",
            "secret_answer": "Les Enfants du paradis"}
    r = client.put("/api/me/secret", headers=auth(token), json=body)
    assert r.status_code == 403
    assert (error(r)["code"], error(r)["field"]) == ("wrong_password", "password")
    r = client.put("/api/me/secret", headers=auth(token), json={**body, "password": PASSWORD})
    assert r.status_code == 200 and r.json()["secret_question"] == "Mon film préféré ?"

    from server_stub.core.security import verify_secret_answer

    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        stored = s.scalar(select(Person.secret_answer_hash).where(Person.id == person_id))
    assert verify_secret_answer(stored, "  les enfants   DU PARADIS ")
    assert not verify_secret_answer(stored, "les enfants du paradi")


def test_change_password_closes_other_sessions(live_server: LiveServer,
                                               client: httpx.Client) -> None:
    add_person(live_server, email="p@example.org", password=PASSWORD)
    here, elsewhere = login(client, "p@example.org"), login(client, "p@example.org")
    r = client.post("/api/me/password", headers=auth(here),
                    json={"current_password": PASSWORD, "new_password": "faible"})
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("weak_password", "new_password")
    r = client.post("/api/me/password", headers=auth(here),
                    json={"current_password": "Faux12345", "new_password": "Nouveau2026"})
    assert r.status_code == 403 and error(r)["code"] == "wrong_password"
    r = client.post("/api/me/password", headers=auth(here),
                    json={"current_password": PASSWORD, "new_password": "Nouveau2026"})
    assert r.status_code == 204
    assert client.get("/api/me", headers=auth(here)).status_code == 200
    assert client.get("/api/me", headers=auth(elsewhere)).status_code == 401
    login(client, "p@example.org", "Nouveau2026")


def test_an_account_is_created_only_with_the_terms_of_use_accepted(
        live_server: LiveServer, client: httpx.Client) -> None:
    """« J'accepte » the terms (their version, read from /api/auth/terms) is required and
    recorded; an edited text asks for a new acceptance."""
    person_id = add_person(live_server)
    terms = client.get("/api/auth/terms").json()
    assert terms["text"].startswith("Conditions d'utilisation") and terms["version"]
    for accepted, message in ((None, "Lisez et acceptez"), ("", "Lisez et acceptez"),
                              ("0123456789ab", "ont changé")):
        r = client.post("/api/auth/register", json=registration(terms_accepted=accepted))
        assert (r.status_code, error(r)["code"], error(r)["field"]) == (
            422, "terms_not_accepted", "terms_accepted"), r.text
        assert message in error(r)["message"]
    assert live_server.mails() == []
    r = client.post("/api/auth/register", json=registration(terms_accepted=terms["version"]))
    assert r.status_code == 201, r.text
    with live_server.app.state.sessionmaker() as s:  # type: ignore[attr-defined]
        entry = s.scalars(select(AuditEntry).where(AuditEntry.subject_id == person_id,
                                                   AuditEntry.action == "register")).one()
        assert entry.detail["terms"] == terms["version"]
