"""The proxy holder's page (opened from the link in his mail): its form and its answers.

Templates in `server_stub/templates/amphi/pages/`, rendered by `core.pages.page`.
"""

from __future__ import annotations

from fastapi.responses import HTMLResponse

from server_stub.core.pages import page


def proxy_page(token: str, intern: str, problem: str | None = None) -> HTMLResponse:
    """The validation page; 422 with `problem` when the last try was refused."""
    return page("amphi/pages/proxy.html", 200 if problem is None else 422, token=token,
                intern=intern, problem=problem)


def proxy_activated(holder_email: str, intern: str) -> HTMLResponse:
    """The page saying the proxy account is active and how to sign in with it."""
    return page("amphi/pages/proxy_activated.html", holder_email=holder_email, intern=intern)
