"""The cohort's programme profile: read whole, edited field by field."""

from __future__ import annotations

from ilmava_desktop.core import programme as core
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries

_FIELDS = ("programme_kind", "programme_name_fi", "programme_name_sv", "programme_name_en",
           "organiser", "accent", "report_sections")


def programme(db) -> core.Programme:
    row = next(db.query(f"SELECT {', '.join(_FIELDS)} FROM cohort WHERE deleted = 0"), None)
    if row is None:
        return core.PRESETS["ilmava"]
    return core.resolve(row["programme_kind"], {
        "fi": row["programme_name_fi"], "sv": row["programme_name_sv"],
        "en": row["programme_name_en"]}, row["organiser"], row["accent"],
        row["report_sections"])


def profile_fields(*, kind: str | Keep = KEEP, name_fi: str | Keep = KEEP,
                   name_sv: str | Keep = KEEP, name_en: str | Keep = KEEP,
                   organiser: str | Keep = KEEP, accent: str | Keep = KEEP,
                   sections: list[str] | Keep = KEEP) -> dict[str, str]:
    """The columns an edit of the profile writes, checked; what is KEEP is left out."""
    fields: dict[str, str] = {}
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
    return fields


def set_programme(session: CohortSession, *, kind: str | Keep = KEEP,
                  name_fi: str | Keep = KEEP, name_sv: str | Keep = KEEP,
                  name_en: str | Keep = KEEP, organiser: str | Keep = KEEP,
                  accent: str | Keep = KEEP, sections: list[str] | Keep = KEEP) -> Changes:
    """Edit the profile; what is left out stays as it is."""
    fields = profile_fields(kind=kind, name_fi=name_fi, name_sv=name_sv, name_en=name_en,
                            organiser=organiser, accent=accent, sections=sections)
    cohort = queries.cohort(session.db)
    return session.write(_("Edit the programme"),
                         lambda tx: tx.update("cohort", cohort.id, fields))
