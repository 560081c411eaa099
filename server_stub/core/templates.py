"""The server's HTML pages and mail bodies: Jinja2 templates in `server_stub/templates/`.

One environment for the whole server. `.html` templates escape every value they are given
(autoescape), `.txt` ones (plain-text mails) do not; a variable a template names but is not
given is an error (`StrictUndefined`), never an empty string. A procedure's templates sit in
the folder of its name (`templates/amphi/…`), the shared ones in `templates/core/`.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

environment = Environment(
    loader=PackageLoader("server_stub", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True,
                                 default=False),
    undefined=StrictUndefined,
    # A block tag's own line end is not output, and a text template ends with its last
    # line end (the mails' text is compared byte for byte).
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,
)


def render(template: str, /, **context: Any) -> str:
    """The template (a path under `server_stub/templates/`) filled with `context`.

    Raises `jinja2.TemplateNotFound` for an unknown name, `jinja2.UndefinedError` when the
    template uses a variable that `context` does not give.
    """
    return environment.get_template(template).render(context)
