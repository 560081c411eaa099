"""National choice: the vocabulary every national service shares.

Site states, amphitheatre run statuses, turn outcomes, audit actions, event kinds, and the
refusals (French messages) that more than one use case raises.
"""

from __future__ import annotations

import enum

from server_stub.core.errors import ApiError


class SiteState(enum.StrEnum):
    """What the site of a national campaign lets students do (CELINE's "états du site").

    Stored in `Campaign.state`; set by staff.
    """

    CLOSED = "closed"  # fermé pour travaux: only the campaign summary answers
    DETAILS_ONLY = "details_only"  # coordonnées et mot de passe: read-only national data
    WISHES_OPEN = "wishes_open"  # choix avec simulation: wishes, absence, demotion
    AMPHI = "amphi"  # en période d'amphi: the above, plus turns and validation
    FINISHED = "finished"  # terminé: everything read-only


STATE_LABELS: dict[str, str] = {
    SiteState.CLOSED: "Fermé pour travaux",
    SiteState.DETAILS_ONLY: "Saisie des coordonnées et mot de passe",
    SiteState.WISHES_OPEN: "Ouvert pour choix avec simulation",
    SiteState.AMPHI: "En période d'amphi",
    SiteState.FINISHED: "Terminé",
}

# States in which students may change their wishes, absence and demotion.
EDITABLE_STATES = frozenset({SiteState.WISHES_OPEN, SiteState.AMPHI})
# States in which the offer and the ranked students may be imported.
IMPORT_STATES = frozenset({SiteState.CLOSED, SiteState.DETAILS_ONLY, SiteState.WISHES_OPEN})


class RunStatus(enum.StrEnum):
    """The amphitheatre run (only meaningful in the `amphi` site state)."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # every student has passed


class Outcome(enum.StrEnum):
    """How a student's turn ended."""

    VALIDATED = "validated"
    AUTO_ASSIGNED = "auto_assigned"
    STAFF_ASSIGNED = "staff_assigned"
    NO_FEASIBLE_WISH = "no_feasible_wish"
    SKIPPED = "skipped"


ASSIGNING_OUTCOMES = frozenset({Outcome.VALIDATED, Outcome.AUTO_ASSIGNED,
                                Outcome.STAFF_ASSIGNED})

POOL_LABELS = {"general": "non CESP", "cesp": "CESP"}
POOLS = ("general", "cesp")

# Seconds a student is expected to take at his turn ("vous avez environ une minute").
TURN_SECONDS = 60


class NationalAction:
    """Audit action names of the national area (stable: the client labels them)."""

    WISHES_CHANGED = "national_wishes_changed"
    ABSENCE_DECLARED = "national_absence_declared"
    ABSENCE_CANCELLED = "national_absence_cancelled"
    DEMOTION_REQUESTED = "national_demotion_requested"
    DEMOTION_CANCELLED = "national_demotion_cancelled"
    AMPHI_ENTERED = "national_amphi_entered"
    SECRET_FAILED = "national_secret_failed"
    CHOICE_VALIDATED = "national_choice_validated"
    AUTO_ASSIGNED = "national_auto_assigned"
    NO_FEASIBLE_WISH = "national_no_feasible_wish"
    STAFF_ASSIGNED = "national_staff_assigned"
    STAFF_SKIPPED = "national_staff_skipped"
    STAFF_DEMOTED = "national_staff_demoted"
    STATE_CHANGED = "national_state_changed"
    AMPHI_STARTED = "national_amphi_started"
    AMPHI_PAUSED = "national_amphi_paused"
    AMPHI_RESUMED = "national_amphi_resumed"
    CAMPAIGN_CREATED = "national_campaign_created"
    OFFER_IMPORTED = "national_offer_imported"
    STUDENTS_IMPORTED = "national_students_imported"
    DAY_SLICES_SET = "national_day_slices_set"
    DAY_SLICE_OPENED = "national_day_slice_opened"  # staff opened the next slice early
    ASSIGNMENTS_EXPORTED = "national_assignments_exported"
    STAFF_MESSAGE = "national_staff_message"  # to one student: in his activity history


class NationalEvent:
    """Live event kinds of the national area (see docs/api-national.md)."""

    SIMULATION_MOVED = "simulation_moved"  # coalesced, at most once a second per campaign
    SITE_STATE = "site_state"
    AMPHI_STATE = "amphi_state"
    TURN_STARTED = "turn_started"
    # The next student's day slice has not started: no turn until `until` (or until staff
    # open the slice early).
    AMPHI_WAITING = "amphi_waiting"
    STUDENT_ASSIGNED = "student_assigned"
    TURN_ENDED = "turn_ended"  # without a post (no feasible wish, skipped)
    ORDER_CHANGED = "order_changed"  # a demotion moved people in the passing order
    OFFER_CHANGED = "offer_changed"  # an import changed cells, students or slices
    YOUR_TURN = "your_turn"  # to the student only
    # For the other server processes' mirrors (runtime.py), to the student only:
    WISHES_CHANGED = "wishes_changed"  # his list: candidate_id, version, cells
    ABSENCE_CHANGED = "absence_changed"  # candidate_id, absent
    AMPHI_ENTERED = "amphi_entered"  # candidate_id, entered_at (secret answered)
    STUDENT_MESSAGE = "student_message"  # to the student only: the agency's message


# --------------------------------------------------------------------------- refusals


def wrong_state(state: str, allowed: frozenset[str] | set[str]) -> ApiError:
    """409 `wrong_site_state`: the site's state does not allow this now."""
    label = STATE_LABELS.get(state, state)
    if state == SiteState.CLOSED:
        message = "Le site est fermé pour travaux : revenez plus tard."
    elif state == SiteState.FINISHED:
        message = "La procédure de choix est terminée : plus aucune modification n'est possible."
    elif allowed == {SiteState.AMPHI}:
        message = f"Cette action n'est possible que pendant l'amphi (le site est : {label})."
    else:
        message = f"Cette action n'est pas possible actuellement (le site est : {label})."
    return ApiError(409, "wrong_site_state", message, field="state")


def not_a_candidate() -> ApiError:
    return ApiError(403, "not_a_candidate",
                    "Vous ne figurez pas parmi les étudiants classés de cette procédure.")


def campaign_not_found() -> ApiError:
    return ApiError(404, "not_found", "Procédure de choix national introuvable.",
                    field="campaign_id")


def cell_not_found() -> ApiError:
    return ApiError(404, "not_found", "Poste (subdivision × spécialité) introuvable.",
                    field="cell_id")
