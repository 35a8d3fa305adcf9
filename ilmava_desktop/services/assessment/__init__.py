"""Self-assessment rounds: answers entered or imported, and the results they give."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ilmava_desktop.core import assessment as core
from ilmava_desktop.core.municipality_names import name_key
from ilmava_desktop.core.rules import RuleViolation, clean_text, excerpt
from ilmava_desktop.i18n import _, os_errors
from ilmava_desktop.resources import resource_path
from ilmava_desktop.services.cohort.session import KEEP, Changes, CohortSession, Keep
from ilmava_desktop.services.municipalities import taking_part
from ilmava_desktop.storage.transaction import Transaction, derived_id, stable_id

COMMENT_KINDS = ("strengths", "development_areas")


@dataclass(frozen=True)
class Round:
    id: str
    name: str                   # in Finnish, the name every round has
    template_id: str
    position: int
    name_sv: str = ""
    name_en: str = ""

    def name_in(self, language: str) -> str:
        """The round's name in `language`, the Finnish one when none was given."""
        return {"sv": self.name_sv, "en": self.name_en}.get(language, "") or self.name

    def names(self) -> list[str]:
        return [n for n in (self.name, self.name_sv, self.name_en) if n]


def default_template_body() -> str:
    return resource_path("data/self_assessment_template.json").read_text("utf-8")


def put_template(tx: Transaction, body: str) -> str:
    """Store a template (checked); the same key and text is the same row."""
    template = core.parse_template(json.loads(body))
    existing = [row for row in tx.db.query(
        "SELECT id, version, body FROM template WHERE key = ? AND deleted = 0 ORDER BY version",
        [template.key])]
    for row in existing:  # the same questions and texts, however the JSON is laid out
        if _parsed(row["body"]) == template:
            return row["id"]
    version = (existing[-1]["version"] + 1) if existing else 1
    row_id = stable_id("template", template.key, str(version))
    tx.put("template", {"id": row_id, "key": template.key, "version": version, "body": body})
    return row_id


def cohort_template_id(db) -> str | None:
    """The template new rounds use: the one last imported or edited, else None (default)."""
    row = db.execute("SELECT template_id FROM cohort WHERE deleted = 0 ORDER BY stamp"
                     " LIMIT 1").fetchone()
    return row[0] if row and row[0] else None


def cohort_template_body(db) -> str:
    template_id = cohort_template_id(db)
    if template_id is None:
        return default_template_body()
    return db.execute("SELECT body FROM template WHERE id = ?", [template_id]).fetchone()[0]


def template_body(db, round_id: str | None = None) -> str:
    """A round's template as JSON, or the cohort's when no round is named."""
    if round_id is None:
        return cohort_template_body(db)
    return db.execute("SELECT body FROM template WHERE id = ?",
                      [_round(db, round_id).template_id]).fetchone()[0]


def read_template_file(path) -> str:
    """The text of a template file, checked; a file that is not one is refused plainly."""
    from pathlib import Path

    path = Path(path)
    name = path.name
    if path.exists() and not path.is_file():  # a folder, or a pipe that would never end
        raise RuleViolation(_("{name} is not a file.").format(name=name))
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise RuleViolation(os_errors.read_failed(path, exc)) from exc
    except UnicodeDecodeError as exc:
        raise RuleViolation(_("{name} is not a template in JSON ({detail}).").format(
            name=name, detail=_("it is not UTF-8 text"))) from exc
    except json.JSONDecodeError as exc:
        raise RuleViolation(_("{name} is not a template in JSON ({detail}).").format(
            name=name, detail=_("line {line}").format(line=exc.lineno))) from exc
    except (ValueError, RecursionError) as exc:
        # ValueError: a number of thousands of digits; RecursionError: "[[[[…".
        raise RuleViolation(_("{name} is not a template in JSON ({detail}).").format(
            name=name, detail=excerpt(str(exc), 80))) from exc
    if not isinstance(data, dict):
        raise RuleViolation(_("{name} is not a template in JSON ({detail}).").format(
            name=path.name, detail=_("not an object")))
    core.parse_template(data)
    return json.dumps(data, ensure_ascii=False, indent=2)


def use_template(session: CohortSession, body: str) -> Changes:
    """Make a template (imported or edited) the one new rounds use.

    Rounds that already exist keep theirs: a template never changes under given answers.
    """
    template_ = core.parse_template(json.loads(body))

    def work(tx: Transaction) -> str:
        template_id = put_template(tx, body)
        cohort_row = tx.db.execute("SELECT id FROM cohort WHERE deleted = 0 ORDER BY stamp"
                                   " LIMIT 1").fetchone()
        tx.update("cohort", cohort_row[0], {"template_id": template_id})
        return template_id

    return session.write(_("Use the template {title}").format(title=template_.title["fi"]), work)


def template_as_data(tpl: core.Template, note: str = "") -> dict:
    """A template back to the JSON shape it is read from (the default file's shape)."""
    def texts(t: dict[str, str]) -> dict[str, str]:
        return {lang: t[lang] for lang in core.LANGUAGES}

    return {
        "id": tpl.key, "title": texts(tpl.title), **({"note": note} if note else {}),
        "scale": [{"value": level.value, **texts(level.label),
                   **{f"desc_{lang}": text for lang, text in level.description.items()}}
                  for level in tpl.scale],
        "no_answer": {"value": None, **texts(tpl.no_answer)},
        "themes": [{"id": theme.id, "title": texts(theme.title),
                    "statements": [{"id": st.id, **texts(st.text)} for st in theme.statements]}
                   for theme in tpl.themes],
    }


def template(db, template_id: str) -> core.Template:
    row = db.execute("SELECT body FROM template WHERE id = ?", [template_id]).fetchone()
    return _parsed(row[0])


@lru_cache(maxsize=16)
def _parsed(body: str) -> core.Template:
    # A stored template never changes (a changed one is a new version), so parse it once.
    return core.parse_template(json.loads(body))


def rounds(db) -> list[Round]:
    return [Round(r["id"], r["name"], r["template_id"], r["position"], r["name_sv"],
                  r["name_en"]) for r in db.query(
        "SELECT * FROM assessment_round WHERE deleted = 0 ORDER BY position, name")]


def find_round(db, name_or_id: str) -> Round | None:
    """The round by its id or its name in any language."""
    key = clean_text(name_or_id).casefold()
    return next((r for r in rounds(db) if r.id == name_or_id or
                 key in (n.casefold() for n in r.names())), None)


def _taken(db, names: list[str], but: str | None = None) -> str | None:
    """The first of `names` another round already goes by, if any."""
    for name in names:
        other = find_round(db, name)
        if other is not None and other.id != but:
            return name
    return None


def put_round(tx: Transaction, name: str, template_id: str | None = None, *,
              name_sv: str = "", name_en: str = "") -> str:
    name, name_sv, name_en = clean_text(name), clean_text(name_sv), clean_text(name_en)
    if not name:
        raise RuleViolation(_("A round needs a name."))
    existing = find_round(tx.db, name)
    if existing:
        return existing.id
    template_id = template_id or cohort_template_id(tx.db) or put_template(
        tx, default_template_body())
    position = 1 + max((r.position for r in rounds(tx.db)), default=0)
    row_id = derived_id(tx.db, "assessment_round", name_key(name))
    tx.put("assessment_round", {"id": row_id, "name": name, "template_id": template_id,
                                "position": position, "name_sv": name_sv, "name_en": name_en,
                                "deleted": 0})
    return row_id


def add_round(session: CohortSession, *, name: str, name_sv: str = "",
              name_en: str = "") -> Changes:
    """A new round named in Finnish and, when given, in Swedish and English."""
    taken = _taken(session.db, [clean_text(n) for n in (name, name_sv, name_en) if n.strip()])
    if taken:
        raise RuleViolation(_("There is already a round called {name}.").format(name=taken))
    return session.write(_("Add round {name}").format(name=clean_text(name)),
                         lambda tx: put_round(tx, name, name_sv=name_sv, name_en=name_en))


def rename_round(session: CohortSession, *, round_id: str, name: str | Keep = KEEP,
                 name_sv: str | Keep = KEEP, name_en: str | Keep = KEEP) -> Changes:
    """Change a round's names; an empty Swedish or English name falls back to the Finnish."""
    current = _round(session.db, round_id)
    given = {"name": name, "name_sv": name_sv, "name_en": name_en}
    fields = {key: clean_text(value) for key, value in given.items() if value is not KEEP}
    if "name" in fields and not fields["name"]:
        raise RuleViolation(_("A round needs a name."))
    taken = _taken(session.db, [v for v in fields.values() if v], but=current.id)
    if taken:
        raise RuleViolation(_("There is already a round called {name}.").format(name=taken))
    return session.write(_("Rename round {name}").format(name=current.name),
                         lambda tx: tx.update("assessment_round", current.id, fields))


def answer_id(round_id: str, municipality_id: str, sheet: int, statement_id: str) -> str:
    return stable_id("answer", round_id, municipality_id, str(sheet), statement_id)


def put_answer(tx: Transaction, round_id: str, municipality_id: str, sheet: int,
               statement_id: str, value: int | None) -> str:
    row_id = answer_id(round_id, municipality_id, sheet, statement_id)
    tx.put("answer", {"id": row_id, "round_id": round_id, "municipality_id": municipality_id,
                      "sheet": sheet, "statement_id": statement_id, "value": value, "deleted": 0})
    return row_id


def record_answer(session: CohortSession, *, round_id: str, municipality_id: str, sheet: int,
                  statement_id: str, value: int | None) -> Changes:
    """One key press in the grid: a value 1–5, or None for "don't know"."""
    tpl = template(session.db, _round(session.db, round_id).template_id)
    if statement_id not in {s.id for s in tpl.statements}:
        raise RuleViolation(_("Unknown statement “{id}”.").format(id=statement_id))
    if value is not None and value not in tpl.values:
        raise RuleViolation(_("{value} is outside the scale {low}–{high}").format(
            value=value, low=tpl.values.start, high=tpl.values.stop - 1))
    if sheet < 1:
        raise RuleViolation(_("Sheets are numbered from 1."))
    return session.write(_("Answer {statement}").format(statement=statement_id),
                         lambda tx: put_answer(tx, round_id, municipality_id, sheet,
                                               statement_id, value))


def clear_answer(session: CohortSession, *, round_id: str, municipality_id: str, sheet: int,
                 statement_id: str) -> Changes:
    row_id = answer_id(round_id, municipality_id, sheet, statement_id)
    return session.write(_("Clear {statement}").format(statement=statement_id),
                         lambda tx: tx.get("answer", row_id) and tx.tombstone("answer", row_id))


def set_comment(session: CohortSession, *, round_id: str, municipality_id: str, theme_id: str,
                kind: str, text: str) -> Changes:
    if kind not in COMMENT_KINDS:
        raise ValueError(kind)
    row_id = stable_id("theme_comment", round_id, municipality_id, theme_id, kind)
    return session.write(_("Comment on {theme}").format(theme=theme_id), lambda tx: tx.put(
        "theme_comment", {"id": row_id, "round_id": round_id, "municipality_id": municipality_id,
                          "theme_id": theme_id, "kind": kind, "text": text.strip()}))


def add_comment_line(tx: Transaction, round_id: str, municipality_id: str, theme_id: str,
                     kind: str, text: str) -> None:
    """Append a line to a theme's comment (imports: one comment per answer row)."""
    row_id = stable_id("theme_comment", round_id, municipality_id, theme_id, kind)
    current = tx.db.execute("SELECT text FROM theme_comment WHERE id = ? AND deleted = 0",
                            [row_id]).fetchone()
    joined = "\n".join(part for part in ((current[0] if current else ""), text.strip()) if part)
    tx.put("theme_comment", {"id": row_id, "round_id": round_id,
                             "municipality_id": municipality_id, "theme_id": theme_id,
                             "kind": kind, "text": joined, "deleted": 0})


def all_comments(db, round_id: str) -> dict[tuple[str, str, str], str]:
    """(municipality, theme, kind) -> text for a whole round."""
    return {(m_id, theme, kind): text for m_id, theme, kind, text in db.execute(
        "SELECT municipality_id, theme_id, kind, text FROM theme_comment WHERE round_id = ?"
        " AND deleted = 0", [round_id]).fetchall()}


def comments(db, round_id: str, municipality_id: str) -> dict[tuple[str, str], str]:
    """(theme, kind) -> text for one municipality in a round."""
    return {(theme, kind): text for theme, kind, text in db.execute(
        "SELECT theme_id, kind, text FROM theme_comment WHERE round_id = ? AND"
        " municipality_id = ? AND deleted = 0", [round_id, municipality_id]).fetchall()}


def _round(db, round_id: str) -> Round:
    found = next((r for r in rounds(db) if r.id == round_id), None)
    if found is None:
        raise RuleViolation(_("The round is no longer in the cohort."))
    return found


def answer_place(db, answer_id: str) -> tuple[str, str] | None:
    """The round and municipality an answer belongs to."""
    row = db.execute("SELECT round_id, municipality_id FROM answer WHERE id = ?",
                     [answer_id]).fetchone()
    return (row[0], row[1]) if row else None


def municipality_answers(db, round_id: str, municipality_id: str) -> list[core.Answer]:
    rows = db.execute("SELECT municipality_id, sheet, statement_id, value FROM answer"
                      " WHERE round_id = ? AND municipality_id = ? AND deleted = 0",
                      [round_id, municipality_id]).fetchall()
    return [core.Answer(*row) for row in rows]


def answers(db, round_id: str) -> list[core.Answer]:
    # Plain tuples: a round holds thousands of answers and is read on every key press.
    rows = db.execute("SELECT municipality_id, sheet, statement_id, value FROM answer"
                      " WHERE round_id = ? AND deleted = 0", [round_id]).fetchall()
    return [core.Answer(*row) for row in rows]


# -- results -----------------------------------------------------------------------------


class RoundTally:
    """A round's results kept per municipality, so that a key press re-reads one
    municipality's answers, not the round's. `results` builds one from all the answers: the
    window and the command line compute the same figures the same way."""

    def __init__(self, template: core.Template):
        self.template = template
        self.theme_ids = [t.id for t in template.themes]
        self.scores: dict[str, dict[str, float | None]] = {}
        self.counts: dict[str, dict[str, dict[int | None, int]]] = {}
        self.sheets: dict[str, int] = {}

    def keep(self, municipality_id: str, given: list[core.Answer]) -> None:
        """A municipality's answers as they are now (none: it drops out of the average)."""
        if not given:
            for kept in (self.scores, self.counts, self.sheets):
                kept.pop(municipality_id, None)
            return
        self.scores[municipality_id] = core.theme_scores(self.template, given)
        self.counts[municipality_id] = core.answer_counts(self.template, given)
        self.sheets[municipality_id] = core.sheet_count(given)

    def cohort(self) -> dict[str, float | None]:
        """Each municipality with answers counts once."""
        return core.cohort_average(list(self.scores.values()), self.theme_ids)

    @property
    def cohort_sheets(self) -> int:
        return sum(self.sheets.values())

    @property
    def municipalities_answered(self) -> int:
        return len(self.scores)

    def pooled_counts(self) -> dict[str, dict[int | None, int]] | None:
        """Per theme how the whole cohort answered (every value counted, no municipality
        named); None below the anonymity limit of sheets."""
        if self.cohort_sheets < core.MIN_SHEETS_FOR_DISTRIBUTION:
            return None
        pooled: dict[str, dict[int | None, int]] = {theme: {} for theme in self.theme_ids}
        for counts in self.counts.values():
            for theme, per_value in counts.items():
                for value, count in per_value.items():
                    pooled[theme][value] = pooled[theme].get(value, 0) + count
        return pooled


def results(session: CohortSession, round_id: str,
            given_answers: list[core.Answer] | None = None) -> dict:
    """Per municipality its theme scores and sheet count, and the cohort's average."""
    db = session.db
    current = _round(db, round_id)
    tpl = template(db, current.template_id)
    by_municipality: dict[str, list[core.Answer]] = {}
    for answer in given_answers if given_answers is not None else answers(db, round_id):
        by_municipality.setdefault(answer.municipality_id, []).append(answer)
    tally, rows = RoundTally(tpl), []
    for m in taking_part(db):
        given = by_municipality.get(m.id, [])
        tally.keep(m.id, given)
        rows.append({"code": m.code, "name": m.name(), "themes": core.theme_scores(tpl, given),
                     "sheets": tally.sheets.get(m.id, 0)})
    return {"round": current.name, "municipalities": rows, "cohort": tally.cohort()}


def gap_threshold(db) -> float:
    """The smallest gap the cohort marks (its programme profile's setting)."""
    from ilmava_desktop.services.cohort.programme import gap_threshold as chosen

    return chosen(db)


def compare(session: CohortSession, first_id: str, second_id: str) -> list[dict]:
    """For each municipality and theme, the two rounds' scores and the gap between them."""
    first, second = results(session, first_id), results(session, second_id)
    threshold = gap_threshold(session.db)
    second_by_code = {row["code"]: row for row in second["municipalities"]}
    out = []
    for row in first["municipalities"]:
        other = second_by_code.get(row["code"], {"themes": {}})
        all_gaps = core.gaps(row["themes"], other["themes"])
        out.append({
            "code": row["code"], "name": row["name"],
            "themes": {g.theme_id: {"first": g.first, "second": g.second, "gap": g.gap}
                       for g in all_gaps},
            "largest": [g.theme_id for g in core.largest_gaps(all_gaps, threshold=threshold)],
        })
    return out
