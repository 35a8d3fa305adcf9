"""The sparrer bank: sparrers entered or imported, matched to the municipalities, kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ilmava_desktop.core import sparring as core
from ilmava_desktop.core.columns import ColumnMap, Field, check_choices, map_columns
from ilmava_desktop.core.import_rows import (
    MissingColumns,
    Rejection,
    ThemeQuestion,
    check_theme_picks,
    theme_question,
)
from ilmava_desktop.core.municipality_names import (
    BILINGUAL_FINNISH_MAJORITY,
    BILINGUAL_SWEDISH_MAJORITY,
    name_key,
)
from ilmava_desktop.core.rules import RuleViolation, clean_text, excerpt, whole_number
from ilmava_desktop.i18n import LANGUAGES, N_, _
from ilmava_desktop.resources import wicked_problem_themes
from ilmava_desktop.services import column_choices
from ilmava_desktop.services.cohort.session import Changes, CohortSession
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.services.table_files import read_table
from ilmava_desktop.storage.transaction import Transaction, stable_id

COLUMNS = {
    "name": ("nimi", "namn", "name", "sparraaja", "sparrare", "sparrer"),
    "organisation": ("organisaatio", "organisation", "organization", "taho"),
    "themes": ("teemat", "teema", "teman", "tema", "themes", "theme", "osaaminen"),
    "languages": ("kielet", "kieli", "språk", "languages", "language"),
    "capacity": ("kapasiteetti", "kuntia", "kapacitet", "capacity", "municipalities"),
}
# Finland has 308 municipalities; a larger capacity is a typing slip (and a number that
# large does not fit the cohort file's integers).
MAX_CAPACITY = 308

PHRASES = {
    "name": ("nimi", "namn", "name", "sparraaja", "sparrare", "sparrer"),
    "organisation": ("organisaatio", "organisation", "organization", "taho", "tyonantaja",
                     "arbetsgivare", "employer", "yritys", "foretag", "company"),
    "themes": ("teema", "tema", "theme", "osaami", "asiantuntemu", "kompetens", "expertis",
               "expertise"),
    "languages": ("kiel", "sprak", "language"),
    "capacity": ("kapasiteet", "kuntia", "kuinka monta kunt", "kapacitet", "capacity",
                 "municipalities", "how many"),
}
LABELS = {"name": N_("name"), "organisation": N_("organisation"), "themes": N_("themes"),
          "languages": N_("languages"), "capacity": N_("capacity")}
_LANGUAGE_WORDS = {"fi": "fi", "suomi": "fi", "finska": "fi", "finnish": "fi", "sv": "sv",
                   "ruotsi": "sv", "svenska": "sv", "swedish": "sv", "en": "en",
                   "englanti": "en", "engelska": "en", "english": "en"}


@dataclass(frozen=True)
class SparrerRow:
    """A line of the file that describes a sparrer, and what importing it does."""
    line: int
    action: str  # "added", "updated" or "unchanged"
    name: str
    organisation: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class SparrerImport:
    added: int
    updated: int
    unchanged: int
    rejected: list[Rejection]
    notes: tuple[Rejection, ...] = ()  # a theme left out of a sparrer, and why
    columns: ColumnMap = ColumnMap(())
    rows: tuple[SparrerRow, ...] = ()
    # Theme labels that fit several themes or none, and the themes the user picked for them.
    theme_questions: tuple[ThemeQuestion, ...] = ()
    theme_picks: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
                "notes": [{"line": r.line, "note": r.reason} for r in self.notes],
                "columns": self.columns.summary(),
                "sparrers": [{"line": r.line, "action": r.action, "name": r.name,
                              "organisation": r.organisation, "themes": list(r.themes)}
                             for r in self.rows],
                "themes_to_choose": [{**q.as_json(self.theme_picks.get(q.key)),
                                      "sparrer": q.subject} for q in self.theme_questions]}


def field_choices() -> list[tuple[str, str]]:
    return [(key, _(LABELS[key])) for key in COLUMNS]


def sparrer_fields() -> list[Field]:
    return [Field(key, LABELS[key], COLUMNS[key], PHRASES[key]) for key in COLUMNS]


def sparrers(db) -> list[core.Sparrer]:
    return [core.Sparrer(r["id"], r["name"], r["organisation"],
                         frozenset(t for t in r["themes"].split(",") if t),
                         frozenset(x for x in r["languages"].split(",") if x), r["capacity"])
            for r in db.query("SELECT * FROM sparrer WHERE deleted = 0 ORDER BY name")]


def _theme_ids(text: str, line: int = 0, subject: str = ""
               ) -> tuple[list[str], list[ThemeQuestion]]:
    """Theme ids from ids or labels in any language, whole, short or partial ("maankäyttö"),
    separated by semicolons, commas or lines; and the labels that fit several themes or
    none, as questions the user may answer by picking a theme.

    Some labels hold commas themselves ("Maankäyttö, liikenne ja hajautunut rakenne"), so
    comma-separated pieces are joined until they make a known theme.
    """
    themes = wicked_problem_themes()
    found: list[str] = []
    questions: list[ThemeQuestion] = []
    for part in text.replace("\n", ";").split(";"):
        pieces = [piece.strip() for piece in part.split(",")]
        start = 0
        while start < len(pieces):
            if not pieces[start]:
                start += 1
                continue
            # The shortest run of pieces from here that makes a theme (or several).
            for end in range(start + 1, len(pieces) + 1):
                theme, question = theme_question(line, ", ".join(pieces[start:end]), themes,
                                                 subject, len(questions))
                if theme is not None or question.candidates:
                    break
            else:  # none does: this piece names no theme
                theme, question = theme_question(line, pieces[start], themes, subject,
                                                 len(questions))
                end = start + 1
            if theme is not None:
                found.append(theme)
            else:
                questions.append(question)
            start = end
    return found, questions


def _languages(text: str) -> list[str]:
    found = []
    # "suomi, ruotsi", "fi/sv", or a survey's several choices "suomi ruotsi"
    for part in re.split(r"[;,/\s]+", text):
        word = part.strip().casefold()
        if not word:
            continue
        if word not in _LANGUAGE_WORDS:
            raise RuleViolation(_("unknown language “{language}”").format(
                language=excerpt(part.strip())))
        found.append(_LANGUAGE_WORDS[word])
    return found or ["fi"]


def put_sparrer(tx: Transaction, name: str, organisation: str, themes: list[str],
                languages: list[str], capacity: int) -> str:
    name = clean_text(name)
    if not name:
        raise RuleViolation(_("A sparrer needs a name."))
    if not 0 <= capacity <= MAX_CAPACITY:
        raise RuleViolation(_("Capacity is a number of municipalities, from 0 to {high}.").format(
            high=MAX_CAPACITY))
    unknown = [x for x in languages if x not in LANGUAGES]
    if unknown:
        raise RuleViolation(_("unknown language “{language}”").format(language=unknown[0]))
    row_id = stable_id("sparrer", name_key(name), name_key(organisation))
    tx.put("sparrer", {"id": row_id, "name": name, "organisation": clean_text(organisation),
                       "themes": ",".join(sorted(set(themes))),
                       "languages": ",".join(sorted(set(languages))), "capacity": capacity,
                       "deleted": 0})
    return row_id


def add_sparrer(session: CohortSession, name: str, organisation: str, themes: list[str],
                languages: list[str], capacity: int) -> Changes:
    return session.write(_("Add the sparrer {name}").format(name=clean_text(name)), lambda tx:
                         put_sparrer(tx, name, organisation, themes, languages, capacity))


def remove_sparrer(session: CohortSession, sparrer_id: str) -> Changes:
    def work(tx: Transaction) -> None:
        tx.tombstone("sparrer", sparrer_id)
        for (match_id,) in tx.db.execute("SELECT id FROM sparrer_match WHERE sparrer_id = ? AND"
                                         " deleted = 0", [sparrer_id]).fetchall():
            tx.tombstone("sparrer_match", match_id)

    return session.write(_("Remove a sparrer"), work)


@dataclass(frozen=True)
class SparrerFile:
    """What a file of sparrers says, checked."""
    planned: list[tuple]  # (name, organisation, themes, languages, capacity) each
    lines: list[int]  # the line of each planned sparrer
    rejected: list[Rejection]
    notes: list[Rejection]  # themes left out, and why
    columns: ColumnMap
    questions: list[ThemeQuestion]  # theme labels that fit several themes or none


def read_sparrer_file(path: Path, chosen: dict[str, str | None] | None = None,
                      picks: dict[tuple[int, int], str | None] | None = None) -> SparrerFile:
    """The sparrers a file describes, checked, with the rows rejected (line and reason), the
    themes left out and how each column was used. `picks`: the theme the user picked for a
    label that fits several or none ((line, the label's place among the line's unclear
    labels) -> theme id; None: left out)."""
    header, rows = read_table(path)
    check_choices(chosen or {}, header, COLUMNS)
    picks = picks or {}
    column_map = map_columns(header, [row for _line, row in rows], sparrer_fields(), chosen)
    columns = column_map.index()
    if "name" not in columns or "themes" not in columns:
        raise MissingColumns(_("The file needs at least the columns name and themes (Nimi, "
                               "Teemat)."), column_map, field_choices())
    planned, lines, rejected, notes, questions = [], [], [], [], []
    first_line: dict[str, tuple[int, tuple]] = {}
    for line, row in rows:
        cells = {c: clean_text(row[i]) if i < len(row) else "" for c, i in columns.items()}
        if not any(cells.values()):
            continue
        try:
            if not cells["name"]:
                raise RuleViolation(_("no name"))
            capacity_text = cells.get("capacity") or "1"
            capacity = whole_number(capacity_text, 0, MAX_CAPACITY)
            if capacity is None:
                raise RuleViolation(_("capacity must be a whole number from 0 to {high}, not "
                                      "“{text}”").format(high=MAX_CAPACITY,
                                                         text=excerpt(capacity_text)))
            themes, unclear = _theme_ids(cells["themes"], line, cells["name"])
            sparrer = (cells["name"], cells.get("organisation", ""), themes,
                       _languages(cells.get("languages", "")), capacity)
        except RuleViolation as exc:
            rejected.append(Rejection(line, str(exc)))
            continue
        questions += unclear
        theme_notes = []
        for question in unclear:
            picked = picks.get(question.key)
            if picked is None:
                theme_notes.append(question.note)
            elif picked not in themes:
                themes.append(picked)
        # The same sparrer twice in one file is one sparrer: the first line says who they
        # are, a repeat that says the same stands for that line, one that differs is rejected.
        key = stable_id("sparrer", name_key(sparrer[0]), name_key(sparrer[1]))
        if key in first_line:
            first, earlier = first_line[key]
            if _comparable(earlier) != _comparable(sparrer):
                rejected.append(Rejection(line, _(
                    "line {line} already describes this sparrer otherwise").format(line=first)))
                continue
            sparrer = earlier
        else:
            first_line[key] = (line, sparrer)
        planned.append(sparrer)
        lines.append(line)
        notes += [Rejection(line, note) for note in theme_notes]
    check_theme_picks(picks, questions, wicked_problem_themes())
    return SparrerFile(planned, lines, rejected, notes, column_map, questions)


def _comparable(sparrer: tuple) -> tuple:
    name, organisation, themes, languages, capacity = sparrer
    return name_key(name), name_key(organisation), set(themes), set(languages), capacity


def import_sparrers(session: CohortSession, path: Path, dry_run: bool = False,
                    chosen: dict[str, str | None] | None = None, *,
                    picks: dict[tuple[int, int], str | None] | None = None) -> SparrerImport:
    check_choices(chosen or {}, read_table(path)[0], COLUMNS)
    choices = {h: f for h, f in column_choices.with_remembered(
        session.db, column_choices.SPARRERS, chosen).items() if f is None or f in COLUMNS}
    read = read_sparrer_file(path, choices, picks)
    existing = {s.id: s for s in sparrers(session.db)}
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    unique = {}
    rows = []
    for line, (name, organisation, themes, languages, capacity) in zip(
            read.lines, read.planned, strict=True):
        row_id = stable_id("sparrer", name_key(name), name_key(organisation))
        if row_id in unique:  # a line repeating an earlier one changes nothing more
            action = "unchanged"
        else:
            unique[row_id] = (name, organisation, themes, languages, capacity)
            before = existing.get(row_id)
            after = core.Sparrer(row_id, name, organisation, frozenset(themes),
                                 frozenset(languages), capacity)
            action = "added" if before is None else "unchanged" if before == after else "updated"
        counts[action] += 1
        rows.append(SparrerRow(line, action, name, organisation, tuple(sorted(set(themes)))))
    if not dry_run and counts["added"] + counts["updated"]:
        def work(tx: Transaction) -> None:
            column_choices.remember(tx, column_choices.SPARRERS, read.columns)
            for sparrer in unique.values():
                put_sparrer(tx, *sparrer)

        session.write(_("Import sparrers"), work)
    return SparrerImport(counts["added"], counts["updated"], counts["unchanged"], read.rejected,
                         tuple(read.notes), read.columns, tuple(rows), tuple(read.questions),
                         dict(picks or {}))


def seekers(db) -> list[core.Seeker]:
    out = []
    for m in taking_part(db):
        languages = {m.main_language}
        if m.language_status in (BILINGUAL_FINNISH_MAJORITY, BILINGUAL_SWEDISH_MAJORITY):
            languages = {"fi", "sv"}
        out.append(core.Seeker(m.id, m.theme, frozenset(languages)))
    return out


def saved_matches(db) -> dict[str, tuple[str, bool]]:
    """municipality id -> (sparrer id, locked)."""
    return {m: (s, bool(locked)) for m, s, locked in db.execute(
        "SELECT municipality_id, sparrer_id, locked FROM sparrer_match WHERE deleted = 0"
    ).fetchall()}


def propose(db) -> list[core.Match]:
    locked = {m: s for m, (s, is_locked) in saved_matches(db).items() if is_locked}
    return core.match(sparrers(db), seekers(db), locked)


def put_matches(tx: Transaction, matches: list[core.Match]) -> None:
    before = saved_matches(tx.db)
    for match in matches:
        tx.put("sparrer_match", {
            "id": stable_id("sparrer_match", match.municipality),
            "municipality_id": match.municipality, "sparrer_id": match.sparrer,
            "score": match.score, "deleted": 0,
            "locked": int(before.get(match.municipality, ("", False))[1])})


def save_matches(session: CohortSession, matches: list[core.Match]) -> Changes:
    return session.write(_("Match sparrers"), lambda tx: put_matches(tx, matches))


def set_locked(session: CohortSession, municipality_id: str, locked: bool) -> Changes:
    return session.write(_("Lock") if locked else _("Unlock"), lambda tx: tx.update(
        "sparrer_match", stable_id("sparrer_match", municipality_id), {"locked": int(locked)}))
