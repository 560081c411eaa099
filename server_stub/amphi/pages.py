"""The proxy holder's page (opened from the link in his mail): its form and its answers.

Every text from outside is escaped here; `core.pages.render` wraps the body in the page.
"""

from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

from server_stub.core.pages import render


def proxy_form(token: str, intern: str, problem: str | None = None) -> str:
    """The password form (with `problem` shown above it when the last try was refused)."""
    error = f"<p class=\"err\">{escape(problem)}</p>" if problem else ""
    return (
        f"<p>{escape(intern)} vous a désigné(e) pour choisir son poste de stage à sa place. "
        "Afin de finaliser la création de votre compte de procuration, choisissez un mot de "
        f"passe.</p>{error}<form method=\"post\" action=\"/pages/proxy\">"
        f"<input type=\"hidden\" name=\"token\" value=\"{escape(token)}\">"
        "<label for=\"password\">Mot de passe</label>"
        "<input id=\"password\" name=\"password\" type=\"password\" required "
        "autocomplete=\"new-password\" minlength=\"8\">"
        "<label for=\"confirm\">Recopiez le mot de passe</label>"
        "<input id=\"confirm\" name=\"confirm\" type=\"password\" required "
        "autocomplete=\"new-password\" minlength=\"8\">"
        "<p class=\"hint\">Au moins 8 caractères, dont une lettre majuscule, une lettre "
        "minuscule et un chiffre.</p>"
        "<button type=\"submit\">Créer mon mot de passe</button></form>"
    )


def proxy_page(token: str, intern: str, problem: str | None = None) -> HTMLResponse:
    """The validation page; 422 with `problem` when the last try was refused."""
    return render("Validation de votre procuration", proxy_form(token, intern, problem),
                  status=200 if problem is None else 422)


def proxy_activated(holder_email: str, intern: str) -> HTMLResponse:
    """The page saying the proxy account is active and how to sign in with it."""
    return render("Procuration activée",
                  "<p class=\"ok\">Votre compte de procuration a été activé.</p>"
                  f"<p>Dans Amphi, choisissez la connexion « Procuration » et saisissez "
                  f"<strong>{escape(holder_email)}</strong> et le mot de passe que vous "
                  f"venez de choisir, pour choisir à la place de {escape(intern)}.</p>")
