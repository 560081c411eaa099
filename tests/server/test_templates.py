"""Pages and mail bodies come from Jinja2 templates: every value is escaped in HTML (a person
named `<script>` stays text), kept as is in plain text, and a missing value is an error."""

from __future__ import annotations

import httpx
import jinja2
import pytest

from server_stub.amphi import pages as amphi_pages
from server_stub.amphi.mail import proxy_holder_mail
from server_stub.core import mail, pages, templates
from tests.conftest import LiveServer
from tests.server.conftest import add_person, latest_mail, mail_text

SCRIPT = "<script>alert('x')</script>"
ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"


def html_part(msg: object) -> str:
    part = msg.get_body(preferencelist=("html",))  # type: ignore[attr-defined]
    assert part is not None
    return str(part.get_content())


def test_a_person_named_script_is_text_in_the_html_mail(live_server: LiveServer,
                                                        client: httpx.Client) -> None:
    add_person(live_server, role="supervisor", email="rts@example.org", first_name=SCRIPT,
               last_name="Durand")
    assert client.post("/api/auth/signin-link",
                       json={"email": "rts@example.org"}).status_code == 202
    msg = latest_mail(live_server, "rts@example.org")
    html = html_part(msg)
    assert ESCAPED in html and "<script" not in html
    assert SCRIPT in mail_text(msg)  # plain text is not HTML: the name as it is


def test_a_person_named_script_is_text_in_the_pages() -> None:
    page = amphi_pages.proxy_page("jeton", SCRIPT, problem=SCRIPT).body.decode()
    assert page.count(ESCAPED) == 2 and "<script" not in page
    page = amphi_pages.proxy_activated(f"{SCRIPT}@example.org", SCRIPT).body.decode()
    assert page.count(ESCAPED) == 2 and "<script" not in page
    holder = proxy_holder_mail(SCRIPT, 'https://amphi.example/pages/proxy?token="><b>', 72)
    assert holder.html is not None
    assert ESCAPED in holder.html and "<script" not in holder.html
    assert 'href="https://amphi.example/pages/proxy?token=&#34;&gt;&lt;b&gt;"' in holder.html


def test_a_token_sent_back_by_the_form_is_escaped(client: httpx.Client) -> None:
    # The new-password form shows the posted token again when the two passwords differ.
    token = f'"><{SCRIPT[1:]}'
    page = client.post("/pages/reset-password",
                       data={"token": token, "password": "Motdepasse1", "confirm": "Autre1234"})
    assert page.status_code == 422 and "différents" in page.text
    assert "<script" not in page.text
    assert 'value="&#34;&gt;&lt;script&gt;' in page.text


def test_every_template_compiles_and_a_missing_value_is_an_error() -> None:
    names = templates.environment.list_templates()
    assert {"core/pages/page.html", "core/mail/layout.txt", "amphi/mail/choice.html",
            "national/mail/assignment.txt"} <= set(names)
    for name in names:
        templates.environment.get_template(name)
    with pytest.raises(jinja2.UndefinedError):
        templates.render("core/mail/signin_link.txt", name="Zoé", link="https://x")
    with pytest.raises(jinja2.UndefinedError):
        pages.page("core/pages/email_confirmed.html")


def test_plain_text_mail_is_not_escaped() -> None:
    content = mail.signin_link_mail("Zoé & Léa <l@x.org>", "https://x/?token=a&b", 30)
    assert content.text.startswith("Bonjour Zoé & Léa <l@x.org>,\n\n")
    assert "\nhttps://x/?token=a&b\n" in content.text
    assert content.text.endswith("L'équipe Amphi\n\nCe message est envoyé automatiquement : "
                                 "merci de ne pas y répondre.\n")
