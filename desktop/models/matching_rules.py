"""The engine's three ranking rules, recomputed on the client for instant feedback.

The server (engine `match`, ENGINE.md) stays authoritative: its `valid`/`violations`
answer replaces ours after every save. These functions only let the red banner follow
the supervisor's drag at once, without a round trip. Same rules, same order of codes,
same French sentences as `server_stub/matching/rankings.py` (the client does
not import the server; the tests check both agree through the server's answers).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

VIOLATIONS: tuple[str, ...] = ("unclassified", "ranked_share", "subdivision_first")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingRules", text)


def ranking_violations(local: Mapping[int, bool], ranked: Sequence[int],
                       rejected: Sequence[int], *, min_ranked_share: float = 0.8,
                       subdivision_first: bool = True) -> list[str]:
    """Broken rules of one post's ranking (`local`: candidate id → from the post's subdivision).

    - `unclassified`: a candidate is neither ranked nor rejected;
    - `ranked_share`: fewer than `min_ranked_share` of the candidates are ranked;
    - `subdivision_first`: a candidate of the post's subdivision exists, and the first
      ranked one is not (or nobody is ranked).
    """
    n = len(local)
    broken: list[str] = []
    if len(ranked) + len(rejected) < n:
        broken.append("unclassified")
    if n > 0 and len(ranked) / n < min_ranked_share:
        broken.append("ranked_share")
    if subdivision_first and any(local.values()):
        if not ranked or not local.get(ranked[0], False):
            broken.append("subdivision_first")
    return broken


def rejection_floor(share: float) -> int | None:
    """The fewest candidates from which one may be rejected at this ranked share."""
    if share >= 1:
        return None
    return max(1, math.ceil(1 / (1 - share) - 1e-9))


def violation_message(code: str, n_candidates: int, min_ranked_share: float,
                      subdivision: str) -> str:
    """The red banner's sentence for one broken rule."""
    if code == "unclassified":
        return _tr("Il ne doit pas rester de candidatures non classées.")
    if code == "ranked_share":
        needed = math.ceil(min_ranked_share * n_candidates - 1e-9)
        floor = rejection_floor(min_ranked_share)
        text = (_tr("Au moins {pct} % des candidatures doivent être classées, soit {needed} "
                    "sur {n}").format(pct=round(min_ranked_share * 100), needed=needed,
                                      n=n_candidates))
        if floor:
            return text + _tr(" : refuser une candidature n'est possible qu'à partir de "
                              "{floor} candidatures.").format(floor=floor)
        return text + "."
    return _tr("Le premier rang du classement doit contenir un étudiant de votre "
               "subdivision ({subdivision}).").format(subdivision=subdivision)
