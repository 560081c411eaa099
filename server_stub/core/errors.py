"""Domain errors: what a service raises when a request cannot be honoured.

Services raise `ApiError` (or one of the helpers below); the app turns it into the
documented error body `{"error": {"code", "message", "field", "retry_after"}}`.
The code is for programs, the message is French and shown to people as is.
"""

from __future__ import annotations


class ApiError(Exception):
    """A refusal with an HTTP status, a stable machine code and a French message."""

    def __init__(self, status: int, code: str, message: str, *, field: str | None = None,
                 retry_after: int | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = retry_after
        self.headers = dict(headers or {})
        if retry_after is not None:
            self.headers.setdefault("Retry-After", str(retry_after))

    def body(self) -> dict[str, object]:
        """The JSON error body of docs/api.md."""
        return {"error": {"code": self.code, "message": self.message, "field": self.field,
                          "retry_after": self.retry_after}}


def not_authenticated(message: str = "Veuillez vous connecter.") -> ApiError:
    return ApiError(401, "not_authenticated", message, headers={"WWW-Authenticate": "Bearer"})


def session_expired() -> ApiError:
    return ApiError(401, "session_expired", "Votre session a expiré : veuillez vous reconnecter.",
                    headers={"WWW-Authenticate": "Bearer"})


def forbidden(message: str = "Vous n'avez pas le droit d'effectuer cette action.") -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str = "Élément introuvable.", field: str | None = None) -> ApiError:
    return ApiError(404, "not_found", message, field=field)


def invalid_token() -> ApiError:
    return ApiError(400, "invalid_token",
                    "Ce lien n'est plus valide : il a déjà servi, a été remplacé par un lien "
                    "plus récent ou a expiré.", field="token")


def too_many_attempts(retry_after: int) -> ApiError:
    minutes = max(1, -(-retry_after // 60))
    unit = "minute" if minutes == 1 else "minutes"
    return ApiError(429, "too_many_attempts",
                    f"Trop de tentatives : réessayez dans {minutes} {unit}.",
                    retry_after=retry_after)


# --------------------------------------------------------------------------- validation errors

FIELD_LABELS = {
    "last_name": "nom",
    "first_name": "prénom",
    "birth_date": "date de naissance",
    "birth_town": "commune de naissance",
    "ine": "numéro INE",
    "email": "adresse électronique",
    "password": "mot de passe",
    "current_password": "mot de passe actuel",
    "new_password": "nouveau mot de passe",
    "secret_question": "question secrète",
    "secret_answer": "réponse secrète",
    "phone": "téléphone",
    "address": "adresse postale",
    "faculty": "UFR",
    "token": "code",
    "role": "rôle",
    "campaign_id": "campagne",
    "text": "texte",
    "limit": "limite",
    "before_id": "before_id",
    "last_event_id": "dernier événement reçu",
    "digest": "empreinte",
    "signature": "signature",
}

# Patterns whose refusal is worth explaining in words (the schemas use these constants).
HEX_PATTERN = r"^[0-9A-Fa-f]*$"
PATTERN_HINTS = {HEX_PATTERN: "ne doit contenir que des chiffres hexadécimaux (0-9, a-f)"}

_SOURCES = {"body", "query", "path", "header", "cookie"}


def field_path(loc: tuple[int | str, ...] | list[int | str]) -> str | None:
    """`("body", 0, "email")` → `"[0].email"`; None for the body as a whole."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None


def _label(field: str | None, loc: list[int | str]) -> str:
    names = [p for p in loc if isinstance(p, str) and p not in _SOURCES]
    name = names[-1] if names else None
    label = FIELD_LABELS.get(name or "", name or "")
    rows = [p for p in loc if isinstance(p, int)]
    suffix = f" (ligne {rows[0] + 1})" if rows else ""
    return f"« {label} »{suffix}" if label else (field or "")


def validation_error(errors: list[dict[str, object]]) -> ApiError:
    """The first pydantic/FastAPI validation error as a French `ApiError`.

    Malformed JSON is 400 `malformed_json`; anything else is 422 `invalid_request`
    naming the field.
    """
    if not errors:
        return ApiError(422, "invalid_request", "Requête invalide.")
    err = errors[0]
    kind = str(err.get("type", ""))
    loc = list(err.get("loc", ()))  # type: ignore[call-overload]
    ctx = err.get("ctx") or {}
    assert isinstance(ctx, dict)
    if kind == "json_invalid":
        return ApiError(400, "malformed_json",
                        "Le corps de la requête n'est pas un document JSON valide.")
    field = field_path(loc)
    if field is None:
        if kind == "missing":
            return ApiError(422, "invalid_request", "Le corps de la requête est obligatoire.")
        shape = "une liste" if kind == "list_type" else "un objet"
        return ApiError(422, "invalid_request",
                        f"Le corps de la requête doit être {shape} JSON.")
    what = _label(field, loc)
    n = ctx.get("min_length") or ctx.get("max_length")
    expected = str(ctx.get("expected", "")).replace(" or ", " ou ")
    messages = {
        "missing": f"Le champ {what} est obligatoire.",
        "extra_forbidden": f"Le champ {what} n'est pas attendu.",
        "string_too_short": f"Le champ {what} doit contenir au moins {n} caractère(s).",
        "string_too_long": f"Le champ {what} ne doit pas dépasser {n} caractères.",
        "too_short": f"Le champ {what} doit contenir au moins {n} élément(s).",
        "too_long": f"Le champ {what} ne doit pas contenir plus de {n} éléments.",
        "string_type": f"Le champ {what} doit être un texte.",
        "int_type": f"Le champ {what} doit être un nombre entier.",
        "int_parsing": f"Le champ {what} doit être un nombre entier.",
        "int_from_float": f"Le champ {what} doit être un nombre entier.",
        "float_type": f"Le champ {what} doit être un nombre.",
        "float_parsing": f"Le champ {what} doit être un nombre.",
        "bool_type": f"Le champ {what} doit valoir vrai ou faux.",
        "bool_parsing": f"Le champ {what} doit valoir vrai ou faux.",
        "date_type": f"Le champ {what} doit être une date (AAAA-MM-JJ).",
        "date_parsing": f"Le champ {what} doit être une date (AAAA-MM-JJ).",
        "date_from_datetime_parsing": f"Le champ {what} doit être une date (AAAA-MM-JJ).",
        "date_from_datetime_inexact": f"Le champ {what} doit être une date (AAAA-MM-JJ).",
        "list_type": f"Le champ {what} doit être une liste.",
        "dict_type": f"Le champ {what} doit être un objet.",
        "model_type": f"Le champ {what} doit être un objet.",
        "model_attributes_type": f"Le champ {what} doit être un objet.",
        "literal_error": f"Le champ {what} doit valoir : {expected}.",
        "enum": f"Le champ {what} doit valoir : {expected}.",
        "greater_than": f"Le champ {what} doit être supérieur à {ctx.get('gt')}.",
        "greater_than_equal": f"Le champ {what} doit être supérieur ou égal à {ctx.get('ge')}.",
        "less_than": f"Le champ {what} doit être inférieur à {ctx.get('lt')}.",
        "less_than_equal": f"Le champ {what} doit être inférieur ou égal à {ctx.get('le')}.",
        "forbidden_character": f"Le champ {what} ne doit pas contenir {ctx.get('character')}.",
        "date_out_of_range": f"Le champ {what} doit être une date entre les années "
                             f"{ctx.get('first')} et {ctx.get('last')}.",
    }
    hint = PATTERN_HINTS.get(str(ctx.get("pattern", "")), "n'a pas la forme attendue")
    messages["string_pattern_mismatch"] = f"Le champ {what} {hint}."
    message = messages.get(kind, f"La valeur du champ {what} est invalide.")
    return ApiError(422, "invalid_request", message, field=field)
