"""French mails of the amphitheatre choice: post sheet after a choice, proxy messages.

Sent through the app's mailer only after the transaction committed (`txn.on_commit`).
"""

from __future__ import annotations

from html import escape

from server_stub.amphi.schemas import AmphiPostPublic
from server_stub.core.mail import MailContent

_SIGNATURE = ("L'agence régionale de santé — service des internes\n\n"
              "Ce message est envoyé automatiquement : merci de ne pas y répondre.")


def _html(greeting: str, paragraphs: list[str], rows: list[tuple[str, str]] | None = None,
          link: tuple[str, str] | None = None, after: list[str] | None = None) -> str:
    parts = [f"<p>{escape(greeting)}</p>"]
    parts += [f"<p>{escape(p)}</p>" for p in paragraphs]
    if rows:
        cells = "".join(f"<tr><th style=\"text-align:left;padding:.2em 1em .2em 0\">"
                        f"{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
        parts.append(f"<table>{cells}</table>")
    if link:
        url, label = link
        parts.append(f"<p><a href=\"{escape(url)}\" style=\"display:inline-block;"
                     "padding:.6em 1.2em;background:#1d4ed8;color:#fff;text-decoration:none;"
                     f"border-radius:6px\">{escape(label)}</a></p>"
                     "<p style=\"font-size:.9em\">Si le bouton ne fonctionne pas, copiez ce lien "
                     f"dans votre navigateur :<br>{escape(url)}</p>")
    parts += [f"<p>{escape(p)}</p>" for p in after or []]
    signature = escape(_SIGNATURE).replace("\n", "<br>")
    return ("<!doctype html><html lang=\"fr\"><body style=\"font-family:sans-serif;"
            f"color:#1f2937;max-width:38em\">{''.join(parts)}"
            f"<p style=\"color:#6b7280;font-size:.9em\">{signature}</p></body></html>")


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
    rows = post_rows(post, choice_type)
    if by_proxy:
        lead = ("Votre mandataire a choisi pour vous, en vertu de votre procuration, le stage "
                "suivant.")
    elif by_staff:
        lead = "L'agence vous a affecté(e) au stage suivant."
    else:
        lead = "Vous avez choisi pour stage :"
    paragraphs = [f"Choix de stage du semestre {semester}.", lead]
    after = ["Toute validation de choix est définitive. Votre attestation d'affectation est "
             "disponible depuis votre profil dans Amphi."]
    text = "\n\n".join([f"Bonjour {name},", *paragraphs,
                        "\n".join(f"{k} : {v}" for k, v in rows), *after, _SIGNATURE]) + "\n"
    return MailContent(f"Confirmation de votre affectation — {semester}", text,
                       _html(f"Bonjour {name},", paragraphs, rows, after=after))


def proxy_holder_mail(intern_name: str, link: str, hours: int) -> MailContent:
    paragraphs = [f"{intern_name} vous convie à sa demande de procuration : vous pourrez "
                  "choisir son poste de stage à sa place lors de l'amphithéâtre virtuel.",
                  "Afin de valider l'accès à sa session, suivez le lien ci-dessous et choisissez "
                  "un mot de passe. Vous vous connecterez ensuite dans Amphi en mode "
                  "« Procuration », avec cette adresse et ce mot de passe."]
    after = [f"Ce lien est valable {hours} heures. Une personne ne peut détenir qu'une seule "
             "procuration. Le temps de choix est de 90 secondes : soyez connecté(e) avant le "
             "tour de l'interne."]
    text = "\n\n".join(["Bonjour,", *paragraphs, link, *after, _SIGNATURE]) + "\n"
    return MailContent("Demande de procuration pour un choix de stage", text,
                       _html("Bonjour,", paragraphs,
                             link=(link, "Valider la demande de procuration"), after=after))


def proxy_requested_mail(name: str, holder_email: str) -> MailContent:
    paragraphs = [f"Votre demande de procuration vient d'être envoyée à {holder_email}.",
                  "Suite à cette demande, vous ne pouvez plus effectuer de choix lors d'une "
                  "session. Vous pouvez en revanche annuler la procuration à tout moment depuis "
                  "votre profil ou votre amphithéâtre."]
    text = "\n\n".join([f"Bonjour {name},", *paragraphs, _SIGNATURE]) + "\n"
    return MailContent("Votre demande de procuration est lancée", text,
                       _html(f"Bonjour {name},", paragraphs))
