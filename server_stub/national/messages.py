"""National choice: the agency writes to a student whose turn is coming and who cannot be
reached (CELINE's hotline calls him; Amphi also writes).

One message is: an entry of his activity history (« mon activité passée », the audit log,
with the text), a live event to him only (`student_message`: his client shows it as a
notification, and a client that reconnects replays it), and a mail to his address. All in
one transaction; the mail leaves once it is committed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from server_stub.core import audit, events, mail
from server_stub.core.clock import now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Person
from server_stub.core.txn import on_commit
from server_stub.national import schemas as sch
from server_stub.national.common import (
    EDITABLE_STATES,
    NationalAction,
    NationalEvent,
    wrong_state,
)
from server_stub.national.runtime import NationalRegistry


def send_to_student(session: Session, ctx: RequestContext, registry: NationalRegistry,
                    campaign_id: int, staff: Person, candidate_id: int,
                    data: sch.NationalStudentMessage) -> sch.NationalMessageSent:
    """Store, push and mail the agency's message to one student who has not passed yet.

    Raises 404 (campaign, student), 409 `wrong_site_state` (no choice under way) or
    `turn_passed`, 422 `empty_message`.
    """
    text = data.text.strip()
    if not text:
        raise ApiError(422, "empty_message", "Le message est vide : écrivez-le avant de "
                                             "l'envoyer.", field="text")
    with registry.hold(campaign_id) as rt:
        cand = rt.cands.get(candidate_id)
        if cand is None:
            raise ApiError(404, "not_found", "Étudiant introuvable dans cette procédure.",
                           field="candidate_id")
        if rt.state not in EDITABLE_STATES:
            raise wrong_state(rt.state, EDITABLE_STATES)
        if cand.passed:
            raise ApiError(409, "turn_passed",
                           "Le tour de cet étudiant est passé : le message n'a pas été envoyé.",
                           field="candidate_id")
        campaign_name = rt.name
    student = session.get_one(Person, cand.person_id)
    at = now().replace(microsecond=0)
    author = staff.display_name
    emailed = bool(student.email)
    audit.record(session, NationalAction.STAFF_MESSAGE, actor_id=staff.id,
                 subject_id=student.id, campaign_id=campaign_id, address=ctx.address,
                 detail={"candidate_id": candidate_id, "text": text, "author": author,
                         "emailed": emailed})
    events.publish(session, NationalEvent.STUDENT_MESSAGE,
                   {"campaign_id": campaign_id, "candidate_id": candidate_id, "text": text,
                    "author": author, "sent_at": at.isoformat()},
                   campaign_id=campaign_id, audience_id=student.id)
    if student.email:
        content = mail.content(f"Message de l'agence — {campaign_name}",
                               "national/mail/staff_message", html=False,
                               name=student.display_name, text=text, author=author,
                               campaign=campaign_name)
        to, mailer = student.email, ctx.mailer
        on_commit(session, lambda: mailer.send(to, content.subject, content.text))
    session.commit()
    return sch.NationalMessageSent(candidate_id=candidate_id, sent_at=at, emailed=emailed)
