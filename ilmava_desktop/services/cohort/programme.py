"""The cohort's programme profile: read whole, edited field by field."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.core import programme as core
from ilmava_desktop.core.rules import RuleViolation, clean_text
from ilmava_desktop.i18n import _
from ilmava_desktop.reports.logo import natural_size
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.storage import queries

_FIELDS = ("programme_kind", "programme_name_fi", "programme_name_sv", "programme_name_en",
           "organiser", "accent", "report_sections", "logo", "logo_type")


def programme(db) -> core.Programme:
    row = next(db.query(f"SELECT {', '.join(_FIELDS)} FROM cohort WHERE deleted = 0"), None)
    if row is None:
        return core.PRESETS["ilmava"]
    return core.resolve(row["programme_kind"], {
        "fi": row["programme_name_fi"], "sv": row["programme_name_sv"],
        "en": row["programme_name_en"]}, row["organiser"], row["accent"],
        row["report_sections"], row["logo"], row["logo_type"])


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


def profile_fields(*, kind: str | Keep = KEEP, name_fi: str | Keep = KEEP,
                   name_sv: str | Keep = KEEP, name_en: str | Keep = KEEP,
                   organiser: str | Keep = KEEP, accent: str | Keep = KEEP,
                   sections: list[str] | Keep = KEEP,
                   logo: bytes | None | Keep = KEEP) -> dict:
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
    return fields


def set_programme(session: CohortSession, *, kind: str | Keep = KEEP,
                  name_fi: str | Keep = KEEP, name_sv: str | Keep = KEEP,
                  name_en: str | Keep = KEEP, organiser: str | Keep = KEEP,
                  accent: str | Keep = KEEP, sections: list[str] | Keep = KEEP,
                  logo: bytes | None | Keep = KEEP) -> Changes:
    """Edit the profile; what is left out stays as it is."""
    fields = profile_fields(kind=kind, name_fi=name_fi, name_sv=name_sv, name_en=name_en,
                            organiser=organiser, accent=accent, sections=sections, logo=logo)
    cohort = queries.cohort(session.db)
    return session.write(_("Edit the programme"),
                         lambda tx: tx.update("cohort", cohort.id, fields))
