"""A visit's timeline: the steps before and after the day, each with the date to keep.

Pure. The dates follow comparable programmes (VISITS.md): the agreement about three months
before [T], the visit pack three weeks before [L1], the preparation meeting one to two weeks
before [L1], the report about four weeks after [A, E] and a follow-up after six to twelve
months [T]. Some steps are ticked by the facilitator; the others are done when the cohort
shows it (the interviewees recorded, the meetings set, the visit held, findings written).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import N_, _


@dataclass(frozen=True)
class StepKind:
    key: str
    label: str
    days: int          # from the visit day: negative before it
    ticked: bool       # ticked by hand (else read from the cohort)


STEPS = (
    StepKind("agreement", N_("Agreement on themes, team, timing, duties and confidentiality"),
             -90, True),
    StepKind("interviewees", N_("Interviewees confirmed (6–10)"), -21, False),
    StepKind("pack", N_("Visit pack sent to the visiting teams"), -21, True),
    StepKind("preparation", N_("Preparation meeting of every visiting team"), -7, False),
    StepKind("held", N_("The visit day held"), 0, False),
    StepKind("findings", N_("Findings written at the joint debrief"), 0, False),
    StepKind("report", N_("Report checked and approved by the host"), 28, True),
    StepKind("follow_up", N_("Follow-up with the host"), 180, True),
)
STEPS_BY_KEY = {step.key: step for step in STEPS}
TICKED = tuple(step.key for step in STEPS if step.ticked)


@dataclass(frozen=True)
class Step:
    key: str
    label: str          # translated
    due: date | None    # None until the visit has a date
    done: bool
    ticked: bool        # the facilitator ticks it (else the cohort shows it)
    late: bool          # due before today and not done


@dataclass(frozen=True)
class VisitFacts:
    """What the cohort shows about a visit."""

    day: date | None
    status: str
    interviewees_ok: bool
    preparations_set: bool
    ticks: dict[str, str]  # ticked step -> the date it was ticked


def timeline(facts: VisitFacts, today: date) -> list[Step]:
    """The visit's steps in order, each with its date, whether it is done and whether late."""
    derived = {
        "interviewees": facts.interviewees_ok,
        "preparation": facts.preparations_set,
        "held": facts.status in ("held", "findings_written"),
        "findings": facts.status == "findings_written",
    }
    steps = []
    for kind in STEPS:
        due = facts.day + timedelta(days=kind.days) if facts.day else None
        done = kind.key in facts.ticks if kind.ticked else derived[kind.key]
        steps.append(Step(kind.key, _(kind.label), due, done, kind.ticked,
                          bool(due and due < today and not done)))
    return steps


def checked_step(key: str) -> str:
    """A step that is ticked by hand; RuleViolation naming those that are."""
    if key not in TICKED:
        raise RuleViolation(_("“{step}” is not a step to tick; those are: {steps}.").format(
            step=key, steps=", ".join(TICKED)))
    return key
