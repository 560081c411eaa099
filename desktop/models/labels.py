"""French labels for the server's machine codes (roles, campaign kinds and states, audit actions).

The server speaks in stable codes; people read these labels. Strings are marked with
QT_TRANSLATE_NOOP at import time and translated when shown, so other languages can be
added as Qt translations later. An unknown code never reaches the screen raw: each
function has a French fallback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.models import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

ROLES: dict[str, str] = {
    "student": QT_TRANSLATE_NOOP("Labels", "Étudiant"),
    "proxy_holder": QT_TRANSLATE_NOOP("Labels", "Mandataire (procuration)"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Responsable de terrain de stage"),
    "coordinator": QT_TRANSLATE_NOOP("Labels", "Coordonnateur"),
    "staff": QT_TRANSLATE_NOOP("Labels", "Agence (ARS / CNG)"),
}

# A "student" is called by the procedure he takes part in (ARCHITECTURE.md glossary:
# étudiant, interne, docteur junior).
STUDENT_BY_KIND: dict[str, str] = {
    "national": QT_TRANSLATE_NOOP("Labels", "Étudiant"),
    "amphi": QT_TRANSLATE_NOOP("Labels", "Interne"),
    "matching": QT_TRANSLATE_NOOP("Labels", "Docteur junior"),
}

# The national choice's two pools (ECN: contingents).
POOLS: dict[str, str] = {
    "general": QT_TRANSLATE_NOOP("Labels", "non CESP"),
    "cesp": QT_TRANSLATE_NOOP("Labels", "CESP"),
}

CAMPAIGN_KINDS: dict[str, str] = {
    "national": QT_TRANSLATE_NOOP("Labels", "Choix national des postes"),
    "amphi": QT_TRANSLATE_NOOP("Labels", "Choix de stage en amphithéâtre"),
    "matching": QT_TRANSLATE_NOOP("Labels", "Appariement"),
}

# States of the three procedures (PROCEDURES.md): national site states, amphitheatre
# states, matching phases. Later areas may add more; `campaign_state` has a fallback.
CAMPAIGN_STATES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "En préparation"),
    "maintenance": QT_TRANSLATE_NOOP("Labels", "Fermé pour maintenance"),
    "personal_details": QT_TRANSLATE_NOOP("Labels", "Coordonnées et mot de passe seulement"),
    "wishes_open": QT_TRANSLATE_NOOP("Labels", "Vœux ouverts (simulation)"),
    "amphi_in_progress": QT_TRANSLATE_NOOP("Labels", "Amphithéâtre en cours"),
    "not_validated": QT_TRANSLATE_NOOP("Labels", "Non validé par l'agence"),
    "validated": QT_TRANSLATE_NOOP("Labels", "Validé"),
    "open": QT_TRANSLATE_NOOP("Labels", "Ouvert"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "En cours"),
    "paused": QT_TRANSLATE_NOOP("Labels", "En pause"),
    "applications": QT_TRANSLATE_NOOP("Labels", "Candidatures ouvertes"),
    "ranking": QT_TRANSLATE_NOOP("Labels", "Classement des candidats"),
    "results": QT_TRANSLATE_NOOP("Labels", "Résultats publiés"),
    "finished": QT_TRANSLATE_NOOP("Labels", "Terminé"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Clos"),
}

AUDIT_ACTIONS: dict[str, str] = {
    "register": QT_TRANSLATE_NOOP("Labels", "Création du compte"),
    "identity_not_found": QT_TRANSLATE_NOOP("Labels", "Identité non reconnue"),
    "email_confirmed": QT_TRANSLATE_NOOP("Labels", "Adresse électronique confirmée"),
    "confirmation_sent": QT_TRANSLATE_NOOP("Labels", "Lien de confirmation envoyé"),
    "login": QT_TRANSLATE_NOOP("Labels", "Connexion"),
    "login_failed": QT_TRANSLATE_NOOP("Labels", "Échec de connexion"),
    "login_throttled": QT_TRANSLATE_NOOP("Labels", "Connexion bloquée (trop de tentatives)"),
    "logout": QT_TRANSLATE_NOOP("Labels", "Déconnexion"),
    "signin_link_sent": QT_TRANSLATE_NOOP("Labels", "Lien de connexion envoyé"),
    "password_reset_requested": QT_TRANSLATE_NOOP("Labels",
                                                  "Réinitialisation du mot de passe demandée"),
    "password_reset": QT_TRANSLATE_NOOP("Labels", "Mot de passe réinitialisé"),
    "password_changed": QT_TRANSLATE_NOOP("Labels", "Mot de passe modifié"),
    "secret_changed": QT_TRANSLATE_NOOP("Labels", "Question secrète modifiée"),
    "contact_updated": QT_TRANSLATE_NOOP("Labels", "Coordonnées modifiées"),
    "email_change_requested": QT_TRANSLATE_NOOP("Labels",
                                                "Changement d'adresse électronique demandé"),
    "identities_imported": QT_TRANSLATE_NOOP("Labels", "Import d'identités"),
    "staff_account_created": QT_TRANSLATE_NOOP("Labels", "Compte d'agent créé"),
    "staff_message": QT_TRANSLATE_NOOP("Labels", "Message de l'agence publié"),
    "national_staff_message": QT_TRANSLATE_NOOP("Labels", "Message de l'agence"),
    "national_assignments_exported": QT_TRANSLATE_NOOP("Labels", "Export des affectations"),
}

SIGNIN_METHODS: dict[str, str] = {
    "password": QT_TRANSLATE_NOOP("Labels", "par mot de passe"),
    "signin_link": QT_TRANSLATE_NOOP("Labels", "par lien reçu par courriel"),
}

CONTACT_FIELDS: dict[str, str] = {
    "email": QT_TRANSLATE_NOOP("Labels", "adresse électronique"),
    "phone": QT_TRANSLATE_NOOP("Labels", "téléphone"),
    "address": QT_TRANSLATE_NOOP("Labels", "adresse postale"),
    "faculty": QT_TRANSLATE_NOOP("Labels", "UFR"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role(code: str | None, kinds: Iterable[str] = ()) -> str:
    """"Étudiant", "Coordonnateur"...; "—" for none.

    ``kinds`` are the kinds of procedure the role is held in: a student only in
    amphitheatres reads "Interne", only in matchings "Docteur junior".
    """
    if not code:
        return "—"
    known = set(kinds) & STUDENT_BY_KIND.keys()
    if code == "student" and len(known) == 1:
        return _t(STUDENT_BY_KIND[known.pop()])
    return _t(ROLES[code]) if code in ROLES else _t("Autre rôle")


def pool(code: str, fallback: str = "") -> str:
    """"non CESP" / "CESP"; ``fallback`` (the server's label) for an unknown code."""
    return _t(POOLS[code]) if code in POOLS else (fallback or code)


def campaign_kind(code: str) -> str:
    return _t(CAMPAIGN_KINDS[code]) if code in CAMPAIGN_KINDS else _t("Procédure")


def campaign_title(name: str, region: str | None) -> str:
    """« Name — Region », the region left out when the name says it already."""
    return name if not region or region in name else f"{name} — {region}"


def campaign_state(code: str) -> str:
    return _t(CAMPAIGN_STATES[code]) if code in CAMPAIGN_STATES else _t("En cours")


def audit_action(code: str) -> str:
    return _t(AUDIT_ACTIONS[code]) if code in AUDIT_ACTIONS else _t("Autre action")


def audit_detail(action: str, detail: dict[str, Any] | None) -> str:
    """A short French description of an audit entry's detail ("" when nothing to add)."""
    if not detail:
        return ""
    if action == "login" and detail.get("method") in SIGNIN_METHODS:
        return _t(SIGNIN_METHODS[detail["method"]])
    if action == "contact_updated" and isinstance(detail.get("fields"), list):
        names = [_t(CONTACT_FIELDS[f]) for f in detail["fields"] if f in CONTACT_FIELDS]
        return ", ".join(names)
    if action == "national_staff_message" and isinstance(detail.get("text"), str):
        text = " ".join(detail["text"].split())  # one line in the table
        author = detail.get("author")
        return f"{author} : {text}" if isinstance(author, str) and author else text
    if "email" in detail and isinstance(detail["email"], str):
        return detail["email"]
    if action == "identities_imported":
        return _t("%1 créée(s), %2 mise(s) à jour").replace(
            "%1", str(detail.get("created", 0))).replace("%2", str(detail.get("updated", 0)))
    return ""
