"""French mails of the amphitheatre choice: post sheet after a choice, proxy messages.

Their text and HTML parts are templates in `server_stub/templates/amphi/mail/`. Sent
through the app's mailer only after the transaction committed (`txn.on_commit`).
"""

from __future__ import annotations

from server_stub.amphi.schemas import AmphiPostPublic
from server_stub.core.mail import MailContent, content


def post_rows(post: AmphiPostPublic, choice_type: str) -> list[tuple[str, str]]:
    """« La synthèse de votre poste », as the seed's confirmation mail lists it."""
    return [
        ("Spécialité", post.des),
        ("Établissement", post.establishment),
        ("Service", post.service),
        ("Chef de service", post.head),
        ("N° Poste", post.number + (" - Réservé" if post.reserved else "")),
        ("Fléchage", post.earmark or ""),
        ("Type de poste", post.post_type),
        ("Type de choix", choice_type),
    ]


def choice_mail(name: str, semester: str, post: AmphiPostPublic, choice_type: str,
                by_proxy: bool, by_staff: bool) -> MailContent:
    """The confirmation of a choice (made by the intern, his proxy holder or the agency)."""
    return content(f"Confirmation de votre affectation — {semester}", "amphi/mail/choice",
                   name=name, semester=semester, rows=post_rows(post, choice_type),
                   by_proxy=by_proxy, by_staff=by_staff)


def proxy_holder_mail(intern_name: str, link: str, hours: int) -> MailContent:
    """To the proxy holder: the link to accept the proxy and choose a password."""
    return content("Demande de procuration pour un choix de stage", "amphi/mail/proxy_holder",
                   intern=intern_name, link=link, hours=hours)


def proxy_requested_mail(name: str, holder_email: str) -> MailContent:
    """To the intern: his proxy was sent to `holder_email`."""
    return content("Votre demande de procuration est lancée", "amphi/mail/proxy_requested",
                   name=name, holder_email=holder_email)
