"""A visit's timeline and checklist: the steps before and after the day with their dates,
those the facilitator ticks kept with the visit, the others read from the cohort."""

from __future__ import annotations

import json
from datetime import date

from ilmava_desktop.core import visit_timeline as core
from ilmava_desktop.core import visits as visits_core
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.visits import _host, put_visit, visit


def timeline(db, host_id: str, today: date | None = None) -> list[core.Step]:
    found = visit(db, host_id)
    if found is None:
        raise RuleViolation(_("Nobody reviews {municipality}: save the peer-review pairs "
                              "first.").format(municipality=_host(db, host_id).name()))
    meetings = {p.reviewer_id for p in found.preparations if p.date}
    facts = core.VisitFacts(
        day=date.fromisoformat(found.date) if found.date else None, status=found.status,
        interviewees_ok=visits_core.interviewee_count_warning(len(found.interviewees)) is None,
        preparations_set=bool(found.reviewer_ids) and set(found.reviewer_ids) <= meetings,
        ticks=found.checklist)
    return core.timeline(facts, today or date.today())


def tick(session: CohortSession, *, host_id: str, step: str, done: bool = True,
         today: date | None = None) -> Changes:
    """A step ticked done (with today's date) or unticked."""
    host = _host(session.db, host_id)
    core.checked_step(step)
    found = visit(session.db, host_id)
    if found is None:
        raise RuleViolation(_("Nobody reviews {municipality}: save the peer-review pairs "
                              "first.").format(municipality=host.name()))
    ticks = dict(found.checklist)
    if done:
        ticks.setdefault(step, (today or date.today()).isoformat())
    else:
        ticks.pop(step, None)
    label = _(core.STEPS_BY_KEY[step].label)
    description = (_("Done: {step} ({municipality})") if done else
                   _("Not done: {step} ({municipality})")).format(step=label,
                                                                  municipality=host.name())
    return session.write(description, lambda tx: put_visit(
        tx, host_id, checklist=json.dumps(ticks, sort_keys=True)))
