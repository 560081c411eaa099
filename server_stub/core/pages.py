"""The small HTML pages opened from the links in mails: the page around a body, and the
bodies of the shared pages (e-mail confirmed, new password, sign-in code).

French, self-contained (inline CSS, no external asset), never cached, never indexed, and
the token-bearing URL is not sent as a referrer. Every text from outside is escaped here.
"""

from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

from server_stub.core.errors import ApiError

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f6;
color:#1f2937;margin:0;padding:2rem 1rem}
main{max-width:34rem;margin:auto;background:#fff;border-radius:10px;padding:2rem;
box-shadow:0 1px 4px rgba(0,0,0,.1)}
h1{font-size:1.4rem;margin-top:0;color:#1e3a8a}
.ok{color:#166534}.err{color:#b91c1c}
label{display:block;margin:.8rem 0 .3rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #9ca3af;border-radius:6px;
font-size:1rem}
button{margin-top:1rem;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1d4ed8;
color:#fff;font-size:1rem;cursor:pointer}
code{display:block;word-break:break-all;background:#eef2ff;padding:.8rem;border-radius:6px;
font-size:1.05rem}
.hint{color:#4b5563;font-size:.9rem}
"""

_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex"}


def render(title: str, body_html: str, status: int = 200) -> HTMLResponse:
    """A complete page; `body_html` must already be escaped."""
    page = (
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{escape(title)} — Amphi</title><style>{_STYLE}</style></head>"
        f"<body><main><h1>{escape(title)}</h1>{body_html}</main></body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=_HEADERS)


def error_page(exc: ApiError, title: str = "Lien non valide") -> HTMLResponse:
    """The refusal's message as a page, with its status."""
    return render(title, f"<p class=\"err\">{escape(exc.message)}</p>",
                  status=exc.status)


def reset_form(token: str, problem: str | None = None) -> str:
    """The new-password form (with `problem` shown above it when the last try was refused)."""
    error = f"<p class=\"err\">{escape(problem)}</p>" if problem else ""
    return (
        f"{error}<form method=\"post\" action=\"/pages/reset-password\">"
        f"<input type=\"hidden\" name=\"token\" value=\"{escape(token)}\">"
        "<label for=\"password\">Nouveau mot de passe</label>"
        "<input id=\"password\" name=\"password\" type=\"password\" required "
        "autocomplete=\"new-password\" minlength=\"8\">"
        "<label for=\"confirm\">Recopiez le mot de passe</label>"
        "<input id=\"confirm\" name=\"confirm\" type=\"password\" required "
        "autocomplete=\"new-password\" minlength=\"8\">"
        "<p class=\"hint\">Au moins 8 caractères, dont une lettre majuscule, une lettre "
        "minuscule et un chiffre.</p>"
        "<button type=\"submit\">Enregistrer le mot de passe</button></form>"
    )


def reset_page(token: str, problem: str | None = None) -> HTMLResponse:
    """The new-password page; 422 with `problem` when the last try was refused."""
    return render("Nouveau mot de passe", reset_form(token, problem),
                  status=200 if problem is None else 422)


def email_confirmed(email: str) -> HTMLResponse:
    return render("Adresse confirmée",
                  f"<p class=\"ok\">Votre adresse électronique <strong>{escape(email)}"
                  "</strong> est confirmée.</p><p>Vous pouvez maintenant vous connecter "
                  "dans Amphi.</p>")


def password_saved(email: str) -> HTMLResponse:
    return render("Mot de passe enregistré",
                  f"<p class=\"ok\">Le mot de passe du compte <strong>{escape(email)}</strong> "
                  "est enregistré.</p><p>Connectez-vous dans Amphi avec ce nouveau mot de "
                  "passe.</p>")


def signin_code(token: str, minutes: int) -> HTMLResponse:
    """The single-use sign-in code to paste into Amphi, with a button to copy it."""
    return render(
        "Votre code de connexion",
        "<p>Dans Amphi, à l'écran de connexion, collez ce code :</p>"
        f"<code id=\"code\">{escape(token)}</code>"
        "<button type=\"button\" onclick=\"navigator.clipboard.writeText("
        "document.getElementById('code').textContent).then(function(){"
        "this.textContent='Code copié';}.bind(this))\">Copier le code</button>"
        "<p class=\"hint\">Ce code ne sert qu'une seule fois et n'est valide que "
        f"{minutes} minutes après l'envoi du courriel.</p>",
    )
