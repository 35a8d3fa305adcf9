"""The cohort's programme profile: read whole, edited field by field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ilmava_desktop.core import programme as core
from ilmava_desktop.core.assessment import valid_gap_threshold
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.reports.logo import natural_size
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries

_FIELDS = ("programme_kind", "programme_name_fi", "programme_name_sv", "programme_name_en",
           "organiser", "accent", "report_sections", "logo", "logo_type")


def programme(db) -> core.Programme:
    row = next(db.query(f"SELECT {', '.join(_FIELDS)}, select_min, select_max, own_funding,"
                        " periods, year, gap_threshold FROM cohort WHERE deleted = 0"), None)
    if row is None:
        return core.PRESETS["ilmava"]
    return core.resolve(row["programme_kind"], {
        "fi": row["programme_name_fi"], "sv": row["programme_name_sv"],
        "en": row["programme_name_en"]}, row["organiser"], row["accent"],
        row["report_sections"], row["logo"], row["logo_type"],
        selection=(row["select_min"], row["select_max"]),
        own_funding=row["own_funding"], periods=_periods(row["periods"]), year=row["year"],
        gap_threshold=row["gap_threshold"])


def gap_threshold(db) -> float:
    """The smallest gap the cohort's reports and the window mark."""
    return programme(db).gap_threshold


def read_logo(path: Path) -> bytes:
    """A logo file's bytes, checked to be a PNG of a sensible size."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RuleViolation(_("{name} could not be read: {reason}").format(
            name=path.name, reason=error.strerror or error)) from error
    check_logo(data, path.name)
    return data


def check_logo(data: bytes, name: str = "") -> str:
    """The logo's type, "png"; a RuleViolation saying why it cannot be one."""
    kind = core.logo_type(data)
    if kind == "svg":
        raise RuleViolation(_("{name} is an SVG image: choose it in the window (File → "
                              "Programme profile…), which draws it as a PNG, or give a PNG "
                              "file here.").format(name=name or _("The file")))
    if kind is None:
        raise RuleViolation(_("{name} is not a PNG image.").format(
            name=name or _("The file")))
    if len(data) > core.MAX_LOGO_BYTES:
        raise RuleViolation(_("{name} is larger than 1 MB; a logo needs far less.").format(
            name=name or _("The file")))
    if natural_size(data) is None:
        raise RuleViolation(_("{name} could not be drawn as an image.").format(
            name=name or _("The file")))
    return kind




def _periods(text: str) -> tuple[core.Period, ...]:
    """The cohort's own periods as stored (JSON), or none (the programme's preset)."""
    try:
        stored = json.loads(text) if text else []
        return tuple(core.Period(int(p["number"]), {k: p.get(k, "") for k in ("fi", "sv", "en")},
                                 date.fromisoformat(p["start"]) if p.get("start") else None,
                                 date.fromisoformat(p["end"]) if p.get("end") else None)
                     for p in stored)
    except (ValueError, TypeError, KeyError):
        return ()


def periods_json(periods: tuple[core.Period, ...] | list[core.Period]) -> str:
    return json.dumps([{"number": p.number, **p.names,
                        "start": p.start.isoformat() if p.start else None,
                        "end": p.end.isoformat() if p.end else None} for p in periods],
                      ensure_ascii=False)


def set_period(session: CohortSession, number: int, *, start: date | None | Keep = KEEP,
               end: date | None | Keep = KEEP) -> Changes:
    """Date one of the programme's periods (the others keep theirs)."""
    current = programme(session.db)
    period = current.period(number)
    if period is None:
        raise RuleViolation(_("The programme has no period {number}.").format(number=number))
    start = period.start if start is KEEP else start
    end = period.end if end is KEEP else end
    if start and end and end < start:
        raise RuleViolation(_("A period cannot end before it starts."))
    changed = [core.Period(p.number, p.names, start, end) if p.number == number else p
               for p in current.periods]
    cohort = queries.cohort(session.db)
    return session.write(_("Date period {number}").format(number=number),
                         lambda tx: tx.update("cohort", cohort.id,
                                              {"periods": periods_json(changed)}))


def set_selection(session: CohortSession, *, low: int | None | Keep = KEEP,
                  high: int | None | Keep = KEEP, own_funding: int | None | Keep = KEEP
                  ) -> Changes:
    """The cohort's range of selected municipalities and own funding (None: the preset's)."""
    fields = {}
    current = programme(session.db)
    if low is not KEEP:
        fields["select_min"] = low
    if high is not KEEP:
        fields["select_max"] = high
    new_low = fields.get("select_min", current.selection[0] if current.selection else None)
    new_high = fields.get("select_max", current.selection[1] if current.selection else None)
    if any(v is not None and not 0 <= v <= 308 for v in (new_low, new_high)) or (
            new_low is not None and new_high is not None and new_low > new_high):
        raise RuleViolation(_("The range of selected municipalities must be like 10–15, "
                              "from 0 to 308."))
    if own_funding is not KEEP:
        if own_funding is not None and not 0 <= own_funding <= 1_000_000:
            raise RuleViolation(_("Own funding must be from 0 to 1 000 000 euros."))
        fields["own_funding"] = own_funding
    cohort = queries.cohort(session.db)
    return session.write(_("Edit the programme"),
                         lambda tx: tx.update("cohort", cohort.id, fields))


def profile_fields(*, kind: str | Keep = KEEP, name_fi: str | Keep = KEEP,
                   name_sv: str | Keep = KEEP, name_en: str | Keep = KEEP,
                   organiser: str | Keep = KEEP, accent: str | Keep = KEEP,
                   sections: list[str] | Keep = KEEP,
                   logo: bytes | None | Keep = KEEP,
                   gap_threshold: float | Keep = KEEP) -> dict:
    """The columns an edit of the profile writes, checked; what is KEEP is left out; a logo
    of None takes the logo away."""
    fields: dict = {}
    if logo is not KEEP:
        fields["logo"], fields["logo_type"] = (
            (None, "") if not logo else (bytes(logo), check_logo(logo)))
    if kind is not KEEP:
        if kind not in core.KINDS:
            raise RuleViolation(_("“{kind}” is not a programme; the programmes are {kinds}.")
                                .format(kind=kind, kinds=", ".join(core.KINDS)))
        fields["programme_kind"] = kind
    for column, value in (("programme_name_fi", name_fi), ("programme_name_sv", name_sv),
                          ("programme_name_en", name_en), ("organiser", organiser)):
        if value is not KEEP:
            fields[column] = clean_text(value)
    if accent is not KEEP:
        # "#0A3D91" or "0A3D91": a shell reads "#" as a comment's start.
        accent = accent.strip()
        if accent and not accent.startswith("#"):
            accent = "#" + accent
        if accent and not core.valid_accent(accent):
            raise RuleViolation(_("A colour is written #RRGGBB, e.g. #0A3D91."))
        fields["accent"] = accent
    if sections is not KEEP:
        unknown = [s for s in sections if s not in core.SECTIONS]
        if unknown:
            raise RuleViolation(_("Unknown report section “{section}”; the sections are "
                                  "{sections}.").format(section=unknown[0],
                                                        sections=", ".join(core.SECTIONS)))
        # Stored as given, in the report's order; "none" keeps an empty choice apart from
        # "the preset's".
        fields["report_sections"] = ",".join(s for s in core.SECTIONS if s in sections) or (
            "none")
    if gap_threshold is not KEEP:
        fields["gap_threshold"] = valid_gap_threshold(gap_threshold)
    return fields


def set_programme(session: CohortSession, *, kind: str | Keep = KEEP,
                  name_fi: str | Keep = KEEP, name_sv: str | Keep = KEEP,
                  name_en: str | Keep = KEEP, organiser: str | Keep = KEEP,
                  accent: str | Keep = KEEP, sections: list[str] | Keep = KEEP,
                  logo: bytes | None | Keep = KEEP,
                  gap_threshold: float | Keep = KEEP) -> Changes:
    """Edit the profile; what is left out stays as it is."""
    fields = profile_fields(kind=kind, name_fi=name_fi, name_sv=name_sv, name_en=name_en,
                            organiser=organiser, accent=accent, sections=sections, logo=logo,
                            gap_threshold=gap_threshold)
    cohort = queries.cohort(session.db)
    return session.write(_("Edit the programme"),
                         lambda tx: tx.update("cohort", cohort.id, fields))


def where_now(db, language: str, today: date | None = None) -> str:
    """Where the cohort is in its year, in words: "Period 4 of 5: Sparring … (1.5.–31.8.2026)"."""
    from ilmava_desktop.core.dates import format_date, format_range
    from ilmava_desktop.i18n import gettext_for

    _ = gettext_for(language)
    shown = programme(db)
    if not shown.periods:
        return ""
    at = core.position(shown.periods, today or date.today())
    last = max(p.number for p in shown.periods)

    def span(p: core.Period) -> str:
        if not (p.start and p.end):
            return ""
        return format_range(p.start, p.end, language)

    if at.state == "in":
        return _("Period {number} of {last}: {name} ({dates})").format(
            number=at.period.number, last=last, name=at.period.name(language),
            dates=span(at.period))
    if at.state in ("before", "between"):
        return _("Next: period {number} of {last}, {name}, from {start}").format(
            number=at.period.number, last=last, name=at.period.name(language),
            start=format_date(at.period.start, language))
    if at.state == "after":
        return _("The programme's year is over (periods 1–{last}).").format(last=last)
    return _("The programme's periods have no dates yet.")


def periods_json_for(db, today: date | None = None) -> list[dict]:
    shown = programme(db)
    at = core.position(shown.periods, today or date.today())
    return [{"number": p.number, "name": p.names,
             "start": p.start.isoformat() if p.start else None,
             "end": p.end.isoformat() if p.end else None,
             "current": at.state == "in" and at.period is not None
             and at.period.number == p.number} for p in shown.periods]


def timeline(db, language: str, today: date | None = None) -> list[tuple[int, str, str, str]]:
    """The programme's periods for a strip across the window: (number, name, dates, state)
    with state "past", "now" or "coming" ("" when the period has no dates)."""
    from ilmava_desktop.core.dates import format_range

    today = today or date.today()
    out = []
    for p in programme(db).periods:
        if p.start and p.end:
            state = "now" if p.holds(today) else "past" if p.end < today else "coming"
            dates = format_range(p.start, p.end, language)
        else:
            state, dates = "", ""
        out.append((p.number, p.name(language), dates, state))
    return out


def day_in_year(db, day, language: str, today: date | None = None) -> str:
    """A day's place in the programme's year, and where the cohort is now, in words:
    "Jakso 5: Sparrauksen purku ja yhteiset opit · Nyt: jakso 4/5, …"."""
    from ilmava_desktop.i18n import gettext_for

    _ = gettext_for(language)
    shown = programme(db)
    parts = []
    period = shown.period(day.period) if day is not None else None
    if period is not None:
        text = _("This day: period {number}, {name}").format(number=period.number,
                                                              name=period.name(language))
        if day.date and period.start and period.end and not period.holds(day.date):
            text += " " + _("(its date is outside the period)")
        parts.append(text)
    now = where_now(db, language, today)
    if now:
        # Inside the line the sentence goes on after the colon: "Now: the programme's year
        # is over", not "Now: The …" (it starts with a common word in every language).
        parts.append(_("Now: {where}").format(where=now[:1].lower() + now[1:]))
    return " · ".join(parts)


def set_year(session: CohortSession, *, periods: list[tuple[int, date | None, date | None]],
             low: int | None, high: int | None, own_funding: int | None) -> Changes:
    """The periods' dates, the range of selected municipalities and the own funding, as
    edited together in the window: one write, one undo."""
    current = programme(session.db)
    dates = {number: (start, end) for number, start, end in periods}
    for number, (start, end) in dates.items():
        if current.period(number) is None:
            raise RuleViolation(_("The programme has no period {number}.").format(
                number=number))
        if start and end and end < start:
            raise RuleViolation(_("A period cannot end before it starts."))
    if any(v is not None and not 0 <= v <= 308 for v in (low, high)) or (
            low is not None and high is not None and low > high):
        raise RuleViolation(_("The range of selected municipalities must be like 10–15, "
                              "from 0 to 308."))
    if own_funding is not None and not 0 <= own_funding <= 1_000_000:
        raise RuleViolation(_("Own funding must be from 0 to 1 000 000 euros."))
    changed = [core.Period(p.number, p.names, *dates.get(p.number, (p.start, p.end)))
               for p in current.periods]
    cohort = queries.cohort(session.db)
    return session.write(_("Edit the programme's year"), lambda tx: tx.update(
        "cohort", cohort.id, {"periods": periods_json(changed), "select_min": low,
                              "select_max": high, "own_funding": own_funding}))
