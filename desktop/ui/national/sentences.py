"""The wishes page's two sentences, written by the client in the interface's language.

The server sends them in French with the figures they are made of (`situation`, k, N,
wish number, subdivision, specialty; the pool and the counts). French stays the source
text here, so a French interface reads exactly what the manuals show, and an English
one reads English. An older server without `situation` keeps its own sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.api.national import Above, Headline
from desktop.i18n import integer
from desktop.models import labels


def _tr(text: str) -> str:
    return QCoreApplication.translate("NationalSentences", text)


def headline_text(headline: Headline) -> str:
    """"En k / N le vœu n° X à LYON en Pédiatrie permettra d'être affecté", and the others."""
    where = {"%3": headline.subdivision or "", "%4": headline.specialty or ""}
    situation = headline.situation
    if situation == "feasible" and headline.wish_number is not None:
        text = _tr("En %1 / %2 le vœu n° %5 à %3 en %4 permettra d'être affecté")
        where |= {"%1": str(headline.k), "%2": str(headline.capacity),
                  "%5": str(headline.wish_number)}
    elif situation == "assigned" and headline.wish_number is not None:
        text = _tr("Le vœu n° %5 à %3 en %4 est celui sur lequel vous êtes définitivement "
                   "affecté")
        where["%5"] = str(headline.wish_number)
    elif situation == "assigned":
        text = _tr("Vous êtes définitivement affecté à %3 en %4")
    elif situation == "no_wishes":
        return _tr("Vous n'avez fait aucun vœu")
    elif situation == "none_feasible":
        return _tr("Aucun vœu n'est réalisable")
    elif situation == "none_feasible_at_turn":
        return _tr("Aucun vœu n'était réalisable à votre tour")
    elif situation == "skipped":
        return _tr("Votre tour est passé sans affectation")
    else:
        return headline.text[:1].upper() + headline.text[1:]
    for key, value in where.items():
        text = text.replace(key, value)
    return text


def above_text(above: Above) -> str:
    """"3577 / 3673 étudiants non CESP validés au-dessus de moi ont fait au moins 1 vœu"."""
    if not above.pool:
        return above.text
    return (_tr("%1 / %2 étudiants %3 validés au-dessus de moi ont fait au moins 1 vœu")
            .replace("%1", integer(above.with_wishes)).replace("%2", integer(above.above))
            .replace("%3", labels.pool(above.pool)))
