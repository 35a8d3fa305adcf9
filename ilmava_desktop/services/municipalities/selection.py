"""Applicants, selection and own funding: who applied, who was chosen, who has paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ilmava_desktop.core import selection as core
from ilmava_desktop.core.dates import format_date
from ilmava_desktop.core.model import Municipality
from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import _, ngettext
from ilmava_desktop.services.cohort import programme as programme_service
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries


@dataclass(frozen=True)
class Applicant:
    id: str
    code: str
    name: str
    status: str
    criteria: core.Criteria
    missing: list[str]

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "status": self.status,
                "criteria": self.criteria.as_dict(), "missing": self.missing}


def applicants(db, language: str) -> list[Applicant]:
    """Every municipality of the cohort with its status, the programme's criteria and what
    its application lacks, in words."""
    return [Applicant(m.id, m.code, m.name(language), m.status, core.criteria(m),
                      core.missing(m, language)) for m in queries.municipalities(db)]


@dataclass(frozen=True)
class SelectionCount:
    selected: int
    applicants: int       # still waiting for a decision
    range: tuple[int, int] | None

    @property
    def state(self) -> str:
        return core.range_state(self.selected, self.range)

    def sentence(self) -> str:
        """"15 selected; the programme takes 10–15", and how many short or over when out
        of it ("17 selected; the programme takes 10–15: 2 too many"), and those waiting."""
        if self.range:
            low, high = self.range
            text = _("{n} selected; the programme takes {low}–{high}").format(
                n=self.selected, low=low, high=high)
            if self.state == "under":
                text += ": " + ngettext("{n} more needed", "{n} more needed",
                                        low - self.selected).format(n=low - self.selected)
            elif self.state == "over":
                text += ": " + ngettext("{n} too many", "{n} too many",
                                        self.selected - high).format(n=self.selected - high)
        else:
            text = _("{n} selected").format(n=self.selected)
        if self.applicants:
            text += " · " + ngettext("{n} applicant waiting", "{n} applicants waiting",
                                     self.applicants).format(n=self.applicants)
        return text


def selection_count(db) -> SelectionCount:
    statuses = [m.status for m in queries.municipalities(db)]
    return SelectionCount(statuses.count(core.SELECTED), statuses.count(core.APPLICANT),
                          programme_service.programme(db).selection)


def set_status(session: CohortSession, municipality_ids: list[str], status: str) -> Changes:
    """Select, decline, withdraw (or make an applicant again) one or more municipalities.

    Only a selected municipality can withdraw; a withdrawn one can be selected again."""
    if status not in core.STATUSES:
        raise RuleViolation(_("“{status}” is not a status; the statuses are {statuses}.")
                            .format(status=status, statuses=", ".join(core.STATUSES)))
    chosen: list[Municipality] = []
    for municipality_id in municipality_ids:
        m = queries.municipality(session.db, municipality_id)
        if m is None:
            raise RuleViolation(_("The municipality is no longer in the cohort."))
        if status == core.WITHDRAWN and m.status != core.SELECTED:
            raise RuleViolation(_("{name} was not selected, so it cannot withdraw.").format(
                name=m.name_fi))
        chosen.append(m)
    if len(chosen) == 1:
        what = {core.SELECTED: _("Select {name}"), core.NOT_SELECTED: _("Decline {name}"),
                core.WITHDRAWN: _("Withdraw {name}"),
                core.APPLICANT: _("{name} back to the applicants")}[status].format(
                    name=chosen[0].name_fi)
    else:
        what = {core.SELECTED: _("Select {n} municipalities"),
                core.NOT_SELECTED: _("Decline {n} municipalities"),
                core.WITHDRAWN: _("Withdraw {n} municipalities"),
                core.APPLICANT: _("{n} municipalities back to the applicants")}[status].format(
                    n=len(chosen))
    return session.write(what, lambda tx: [tx.update("municipality", m.id, {"status": status})
                                           for m in chosen])


# -- own funding ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Funding:
    id: str
    code: str
    name: str
    amount: int | None     # euros: the municipality's own, else the programme's
    invoiced: date | None
    paid: date | None
    # A cohort from before kept only a tick for "paid": paid, on a day not recorded.
    is_paid: bool

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name, "amount": self.amount,
                "invoiced": self.invoiced.isoformat() if self.invoiced else None,
                "paid": self.paid.isoformat() if self.paid else None, "is_paid": self.is_paid}


def _funding(m: Municipality, default: int | None, language: str) -> Funding:
    return Funding(m.id, m.code, m.name(language),
                   m.funding_amount if m.funding_amount is not None else default,
                   m.funding_invoiced, m.funding_paid,
                   m.funding_paid is not None or m.own_funding_paid)


def funding(db, language: str = "fi") -> list[Funding]:
    """The own funding of every municipality taking part."""
    default = programme_service.programme(db).own_funding
    return [_funding(m, default, language)
            for m in queries.municipalities(db, taking_part=True)]


def funding_of(db, municipality_id: str, language: str = "fi") -> Funding | None:
    m = queries.municipality(db, municipality_id)
    return _funding(m, programme_service.programme(db).own_funding, language) if m else None


def not_paid(db, language: str = "fi") -> list[Funding]:
    return [f for f in funding(db, language) if not f.is_paid]


def paid_text(f: Funding) -> str:
    """The day it was paid, "paid" when the day is not known, else nothing."""
    if f.paid is not None:
        return format_date(f.paid)
    return _("paid") if f.is_paid else ""


def set_funding(session: CohortSession, municipality_id: str, *,
                amount: int | None | Keep = KEEP, invoiced: date | None | Keep = KEEP,
                paid: date | None | Keep = KEEP) -> Changes:
    """A municipality's own funding: the amount (None: the programme's), when it was
    invoiced and when paid (None: not yet)."""
    m = queries.municipality(session.db, municipality_id)
    if m is None:
        raise RuleViolation(_("The municipality is no longer in the cohort."))
    fields: dict = {}
    if amount is not KEEP:
        if amount is not None and not 0 <= amount <= 1_000_000:
            raise RuleViolation(_("Own funding must be from 0 to 1 000 000 euros."))
        fields["funding_amount"] = amount
    if invoiced is not KEEP:
        fields["funding_invoiced"] = invoiced.isoformat() if invoiced else None
    if paid is not KEEP:
        fields["funding_paid"] = paid.isoformat() if paid else None
        fields["own_funding_paid"] = int(paid is not None)
    if "funding_invoiced" in fields or "funding_paid" in fields or "funding_amount" in fields:
        fields.setdefault("funding_committed", 1)
    return session.write(_("Own funding of {name}").format(name=m.name_fi),
                         lambda tx: tx.update("municipality", m.id, fields))
