"""Named migrations, applied in order and recorded in the file itself.

`PRAGMA user_version` holds the number of migrations a file has; a file with
more than this code knows was written by a newer app and is refused.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

from ilmava_desktop.storage import organisation
from ilmava_desktop.storage.transaction import stable_id

# 'ILMV': lets us tell our files from any other SQLite database.
APPLICATION_ID = 0x494C4D56

# Every synchronised table has the same bookkeeping columns: a text UUID key,
# a hybrid-logical-clock stamp and a tombstone flag instead of deletes.
_ROW = "id TEXT PRIMARY KEY, stamp TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0"


def _initial(db: sqlite_utils.Database) -> None:
    db.executescript(f"""
        CREATE TABLE cohort (
            {_ROW}, name TEXT NOT NULL, programme TEXT NOT NULL DEFAULT 'ILMAVA',
            year INTEGER, language TEXT NOT NULL DEFAULT 'fi',
            is_demo INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE municipality (
            {_ROW}, code TEXT NOT NULL UNIQUE, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,
            region_code TEXT NOT NULL DEFAULT '', region_fi TEXT NOT NULL DEFAULT '',
            region_sv TEXT NOT NULL DEFAULT '', language_status INTEGER NOT NULL DEFAULT 0,
            council_target INTEGER, current_state TEXT NOT NULL DEFAULT '',
            challenges TEXT NOT NULL DEFAULT '', theme TEXT,
            wicked_problem TEXT NOT NULL DEFAULT '', own_funding_paid INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE person (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id),
            name TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'other', title TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '', language TEXT
        );
        CREATE INDEX person_municipality ON person(municipality_id);
        CREATE TABLE day (
            {_ROW}, period INTEGER NOT NULL DEFAULT 1, title TEXT NOT NULL DEFAULT '',
            date TEXT, venue TEXT NOT NULL DEFAULT '', audience TEXT NOT NULL DEFAULT '',
            min_attendance INTEGER NOT NULL DEFAULT 1,
            max_attendance INTEGER NOT NULL DEFAULT 3
                CHECK (max_attendance BETWEEN 1 AND 5 AND min_attendance <= max_attendance)
        );
    """)


def _attendance(db: sqlite_utils.Database) -> None:
    # A badge token per person, printed as a QR code; existing people get theirs now.
    db.execute("ALTER TABLE person ADD COLUMN token TEXT")
    for (person_id,) in db.execute("SELECT id FROM person WHERE token IS NULL").fetchall():
        db.execute("UPDATE person SET token = ? WHERE id = ?", [new_token(), person_id])
    db.executescript(f"""
        CREATE UNIQUE INDEX person_token ON person(token);
        CREATE TABLE attendance (
            {_ROW}, day_id TEXT NOT NULL REFERENCES day(id),
            person_id TEXT NOT NULL REFERENCES person(id),
            checked_in_at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'registered'
                CHECK (kind IN ('registered', 'walk_in', 'substitute')),
            substitute_for TEXT REFERENCES person(id),
            over_limit INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX attendance_day ON attendance(day_id);
    """)


def _self_assessment(db: sqlite_utils.Database) -> None:
    # The template's JSON is kept in the file, so a cohort carries the exact questions its
    # answers were given to; a template in use is versioned, never changed under them.
    db.executescript(f"""
        CREATE TABLE template (
            {_ROW}, key TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, body TEXT NOT NULL
        );
        CREATE TABLE assessment_round (
            {_ROW}, name TEXT NOT NULL, template_id TEXT NOT NULL REFERENCES template(id),
            position INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE answer (
            {_ROW}, round_id TEXT NOT NULL REFERENCES assessment_round(id),
            municipality_id TEXT NOT NULL REFERENCES municipality(id),
            sheet INTEGER NOT NULL CHECK (sheet >= 1), statement_id TEXT NOT NULL, value INTEGER
        );
        CREATE INDEX answer_round ON answer(round_id, municipality_id);
        CREATE TABLE theme_comment (
            {_ROW}, round_id TEXT NOT NULL REFERENCES assessment_round(id),
            municipality_id TEXT NOT NULL REFERENCES municipality(id),
            theme_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('strengths', 'development_areas')),
            text TEXT NOT NULL DEFAULT ''
        );
    """)


def _template_choice(db: sqlite_utils.Database) -> None:
    # The template new rounds use: imported or edited in the window, else the default.
    db.execute("ALTER TABLE cohort ADD COLUMN template_id TEXT REFERENCES template(id)")


def _board(db: sqlite_utils.Database) -> None:
    # Cards of the debrief board. A card without a municipality is about the whole cohort;
    # cards are confidential until the facilitator marks them publishable.
    db.executescript(f"""
        CREATE TABLE card_cluster ({_ROW}, name TEXT NOT NULL DEFAULT '');
        CREATE TABLE card (
            {_ROW}, municipality_id TEXT REFERENCES municipality(id),
            kind TEXT NOT NULL
                CHECK (kind IN ('strength', 'development', 'idea', 'lesson', 'question')),
            theme_id TEXT, group_name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '', confidential INTEGER NOT NULL DEFAULT 1,
            votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
            position REAL NOT NULL DEFAULT 0, cluster_id TEXT REFERENCES card_cluster(id)
        );
        CREATE INDEX card_municipality ON card(municipality_id);
    """)


def _groups(db: sqlite_utils.Database) -> None:
    # Saved groupings, named and tied to a day; each municipality's group and whether the
    # facilitator locked it there. Wishes (keep together, keep apart) belong to the cohort.
    db.executescript(f"""
        CREATE TABLE grouping (
            {_ROW}, name TEXT NOT NULL, day_id TEXT REFERENCES day(id),
            kind TEXT NOT NULL DEFAULT 'thematic', settings TEXT NOT NULL DEFAULT '{{}}'
        );
        CREATE TABLE grouping_member (
            {_ROW}, grouping_id TEXT NOT NULL REFERENCES grouping(id),
            municipality_id TEXT NOT NULL REFERENCES municipality(id),
            group_number INTEGER NOT NULL CHECK (group_number >= 0),
            locked INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX grouping_member_grouping ON grouping_member(grouping_id);
        CREATE TABLE group_wish (
            {_ROW}, kind TEXT NOT NULL CHECK (kind IN ('together', 'apart')),
            first_id TEXT NOT NULL REFERENCES municipality(id),
            second_id TEXT NOT NULL REFERENCES municipality(id)
        );
    """)


def _pairs(db: sqlite_utils.Database) -> None:
    # The cohort's peer-review pairs (who reviews whom); locked and done pairs survive a
    # re-pairing. Sparrers: the bank of experts and whom each is matched to.
    db.executescript(f"""
        CREATE TABLE review_pair (
            {_ROW}, reviewer_id TEXT NOT NULL REFERENCES municipality(id),
            reviewee_id TEXT NOT NULL REFERENCES municipality(id),
            score REAL NOT NULL DEFAULT 0, locked INTEGER NOT NULL DEFAULT 0,
            done INTEGER NOT NULL DEFAULT 0, CHECK (reviewer_id <> reviewee_id)
        );
        CREATE TABLE sparrer (
            {_ROW}, name TEXT NOT NULL, organisation TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT 'fi',
            capacity INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 0)
        );
        CREATE TABLE sparrer_match (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id),
            sparrer_id TEXT NOT NULL REFERENCES sparrer(id), score REAL NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0
        );
    """)


def _review_dropouts(db: sqlite_utils.Database) -> None:
    # Municipalities that left the peer review: later proposals leave them out.
    db.executescript(f"""
        CREATE TABLE review_dropout (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id)
        );
    """)


def _round_names(db: sqlite_utils.Database) -> None:
    # A round is named in each language ("Virkajohto, tammikuu 2026", "Tjänstemannaledning,
    # januari 2026", "Officials, January 2026"); `name` stays the Finnish one, which a report
    # falls back to when its own language's is empty.
    db.executescript("""
        ALTER TABLE assessment_round ADD COLUMN name_sv TEXT NOT NULL DEFAULT '';
        ALTER TABLE assessment_round ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
    """)


def _visits(db: sqlite_utils.Database) -> None:
    # Peer-review visits (Motiva): each municipality's review team, one visit per reviewed
    # municipality, a preparation meeting per visiting municipality, and the people the
    # host has interviewed (the least the programme needs: name, title, group, e-mail).
    # A visit's schedule is kept whole, as JSON: its rules (nobody in two places at once)
    # hold for the schedule as a whole, so two laptops' edits never mix slot by slot.
    db.executescript(f"""
        CREATE TABLE review_team_member (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id),
            person_id TEXT NOT NULL REFERENCES person(id)
        );
        CREATE INDEX review_team_municipality ON review_team_member(municipality_id);
        CREATE TABLE visit (
            {_ROW}, host_id TEXT NOT NULL REFERENCES municipality(id),
            date TEXT, place TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'findings_written')),
            themes TEXT NOT NULL DEFAULT '[]', schedule TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE preparation_meeting (
            {_ROW}, visit_id TEXT NOT NULL REFERENCES visit(id),
            reviewer_id TEXT NOT NULL REFERENCES municipality(id),
            date TEXT, place TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE interviewee (
            {_ROW}, visit_id TEXT NOT NULL REFERENCES visit(id),
            name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
            interview_group TEXT NOT NULL DEFAULT 'expert'
                CHECK (interview_group IN ('leadership', 'sector', 'expert', 'elected', 'local')),
            email TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX interviewee_visit ON interviewee(visit_id);
    """)


def _interview_guides(db: sqlite_utils.Database) -> None:
    # The interview guide the cohort's visits use, its JSON kept whole in the file (as a
    # self-assessment template is), so the cohort carries the questions it was prepared with.
    db.executescript(f"""
        CREATE TABLE interview_guide ({_ROW}, key TEXT NOT NULL, body TEXT NOT NULL);
    """)


def _invitations(db: sqlite_utils.Database) -> None:
    """Each day has its invited people. A file from before had everyone registered for
    every day, so everyone is invited to the days it has; the ids and stamps come from the
    rows themselves, so two laptops migrating copies of one cohort agree."""
    db.executescript(f"""
        ALTER TABLE day ADD COLUMN invitees TEXT NOT NULL DEFAULT 'all'
            CHECK (invitees IN ('all', 'officials', 'politicians', 'none'));
        ALTER TABLE attendance ADD COLUMN invited_at_door INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE invitation (
            {_ROW}, day_id TEXT NOT NULL REFERENCES day(id),
            person_id TEXT NOT NULL REFERENCES person(id)
        );
        CREATE INDEX invitation_day ON invitation(day_id);
        CREATE INDEX invitation_person ON invitation(person_id);
    """)
    pairs = db.execute(
        "SELECT day.id, person.id, max(day.stamp, person.stamp) FROM day, person"
        " WHERE day.deleted = 0 AND person.deleted = 0").fetchall()
    db.conn.executemany(
        "INSERT INTO invitation (id, stamp, deleted, day_id, person_id) VALUES (?, ?, 0, ?, ?)",
        [(stable_id("invitation", day_id, person_id), stamp, day_id, person_id)
         for day_id, person_id, stamp in pairs])


def _card_source(db: sqlite_utils.Database) -> None:
    # Where a card came from: typed on the board, or a finding written at a visit's debrief.
    db.execute("ALTER TABLE card ADD COLUMN source TEXT NOT NULL DEFAULT 'board'")


def _report_texts(db: sqlite_utils.Database) -> None:
    # What the facilitator writes for a municipality's report: a summary and next steps
    # (one a line). One row a municipality, its id derived from the municipality's, so two
    # laptops writing it merge as one row.
    db.executescript(f"""
        CREATE TABLE report_text (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id),
            summary TEXT NOT NULL DEFAULT '', next_steps TEXT NOT NULL DEFAULT ''
        );
    """)


def _programme_profile(db: sqlite_utils.Database) -> None:
    # The programme that runs the cohort (ilmava, motiva, custom) with its names, organiser,
    # accent colour and report sections; an empty field means the kind's preset. A file that
    # named another programme in `programme` keeps that name as a custom one.
    db.executescript("""
        ALTER TABLE cohort ADD COLUMN programme_kind TEXT NOT NULL DEFAULT 'ilmava';
        ALTER TABLE cohort ADD COLUMN programme_name_fi TEXT NOT NULL DEFAULT '';
        ALTER TABLE cohort ADD COLUMN programme_name_sv TEXT NOT NULL DEFAULT '';
        ALTER TABLE cohort ADD COLUMN programme_name_en TEXT NOT NULL DEFAULT '';
        ALTER TABLE cohort ADD COLUMN organiser TEXT NOT NULL DEFAULT '';
        ALTER TABLE cohort ADD COLUMN accent TEXT NOT NULL DEFAULT '';
        ALTER TABLE cohort ADD COLUMN report_sections TEXT NOT NULL DEFAULT '';
        UPDATE cohort SET programme_kind = 'motiva' WHERE lower(programme) LIKE '%motiva%';
        UPDATE cohort SET programme_kind = 'custom', programme_name_fi = programme
            WHERE lower(programme) NOT LIKE '%motiva%' AND upper(trim(programme)) != 'ILMAVA';
    """)


def _column_choices(db: sqlite_utils.Database) -> None:
    # The use the user chose for an imported file's column (a field, or '' for not used), per
    # importer and header, so the next file headed alike is read the same way. The id is
    # derived from importer and header: two laptops choosing for one header merge as one row.
    db.executescript(f"""
        CREATE TABLE column_choice (
            {_ROW}, importer TEXT NOT NULL, header TEXT NOT NULL, field TEXT NOT NULL DEFAULT ''
        );
    """)


def _programme_logo(db: sqlite_utils.Database) -> None:
    # The programme's logo, imported into the file as a PNG (the window draws an SVG into
    # one) so the reports print it on any laptop the file goes to; no logo is NULL and ''.
    db.executescript("""
        ALTER TABLE cohort ADD COLUMN logo BLOB;
        ALTER TABLE cohort ADD COLUMN logo_type TEXT NOT NULL DEFAULT '';
    """)


def _merging(db: sqlite_utils.Database) -> None:
    """Copies of a cohort merge field by field: a row's fields changed before its latest
    change keep their own stamps, and the file remembers each laptop's latest stamp (its
    own and those of copies merged in). A file from before has every field at its row's
    stamp, and its laptops' latest stamps are read from its rows."""
    db.executescript("""
        CREATE TABLE _field_stamps (
            tbl TEXT NOT NULL, row_id TEXT NOT NULL, stamps TEXT NOT NULL,
            PRIMARY KEY (tbl, row_id)
        );
        CREATE TABLE _clock (device TEXT PRIMARY KEY, stamp TEXT NOT NULL);
    """)
    for table in synchronised_tables(db):
        db.execute(
            f"INSERT INTO _clock (device, stamp) SELECT substr(stamp, 20), max(stamp)"
            f" FROM [{table}] WHERE length(stamp) > 19 GROUP BY substr(stamp, 20)"
            f" ON CONFLICT(device) DO UPDATE SET stamp = max(stamp, excluded.stamp)")


def _organisation(db: sqlite_utils.Database) -> None:
    # For the organisation reading the file in sqlite3, sqlite-utils or Datasette: lookup
    # tables of the labels rows name by key, and views of the live rows with their labels.
    organisation.create(db)


def synchronised_tables(db: sqlite_utils.Database) -> list[str]:
    """The tables of rows with an id, a stamp and a tombstone: what copies merge."""
    return [name for (name,) in db.execute(
        "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table'"
        " AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite_%'"
        " AND (SELECT count(*) FROM pragma_table_info(m.name) AS c"
        "      WHERE c.name IN ('id', 'stamp', 'deleted')) = 3 ORDER BY m.name").fetchall()]


def _visit_checklist(db: sqlite_utils.Database) -> None:
    # The steps of a visit's timeline the facilitator ticks (the agreement, the pack sent,
    # the report approved, the follow-up), as JSON {step: date ticked}: kept whole with the
    # visit row, as its schedule is.
    db.execute("ALTER TABLE visit ADD COLUMN checklist TEXT NOT NULL DEFAULT '{}'")


def _applicants_and_sparring(db: sqlite_utils.Database) -> None:
    # A municipality applies and is selected (or not, or withdraws later); a cohort made
    # before had only the municipalities taking part, so each of them counts as selected.
    # Own funding: the amount (empty: the programme's), when invoiced and when paid. The
    # cohort's own selection range, funding and the programme's periods with their dates
    # (empty: the programme's preset). Sparring sessions, one row a meeting of a
    # municipality with its sparrer; notes confidential until marked publishable.
    db.executescript(f"""
        ALTER TABLE municipality ADD COLUMN status TEXT NOT NULL DEFAULT 'selected'
            CHECK (status IN ('applicant', 'selected', 'not_selected', 'withdrawn'));
        ALTER TABLE municipality ADD COLUMN funding_committed INTEGER;
        ALTER TABLE municipality ADD COLUMN funding_amount INTEGER;
        ALTER TABLE municipality ADD COLUMN funding_invoiced TEXT;
        ALTER TABLE municipality ADD COLUMN funding_paid TEXT;
        ALTER TABLE cohort ADD COLUMN select_min INTEGER;
        ALTER TABLE cohort ADD COLUMN select_max INTEGER;
        ALTER TABLE cohort ADD COLUMN own_funding INTEGER;
        ALTER TABLE cohort ADD COLUMN periods TEXT NOT NULL DEFAULT '';
        CREATE TABLE sparring_session (
            {_ROW}, municipality_id TEXT NOT NULL REFERENCES municipality(id),
            sparrer_id TEXT REFERENCES sparrer(id), date TEXT NOT NULL,
            minutes INTEGER NOT NULL DEFAULT 90 CHECK (minutes BETWEEN 1 AND 1440),
            online INTEGER NOT NULL DEFAULT 0, participants TEXT NOT NULL DEFAULT '',
            topic TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
            publishable INTEGER NOT NULL DEFAULT 0, next_step TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sparring_session_municipality ON sparring_session(municipality_id);
    """)


def _report_settings(db: sqlite_utils.Database) -> None:
    # The smallest gap between two rounds (or a municipality and the cohort) that the reports
    # and the window mark, a cohort setting (half a step of the 1–5 scale unless changed);
    # and a day's title in Swedish and English, as rounds have (empty: the Finnish `title`).
    db.executescript("""
        ALTER TABLE cohort ADD COLUMN gap_threshold REAL NOT NULL DEFAULT 0.5;
        ALTER TABLE day ADD COLUMN title_sv TEXT NOT NULL DEFAULT '';
        ALTER TABLE day ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
    """)


def new_token() -> str:
    """Eight characters a scanner types without ambiguity (no 0/O, 1/I/L)."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(8))


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_initial", _initial),
    ("0002_attendance", _attendance),
    ("0003_self_assessment", _self_assessment),
    ("0004_template_choice", _template_choice),
    ("0005_board", _board),
    ("0006_groups", _groups),
    ("0007_pairs_and_sparrers", _pairs),
    ("0008_review_dropouts", _review_dropouts),
    ("0009_round_names", _round_names),
    ("0010_visits", _visits),
    ("0011_interview_guides", _interview_guides),
    ("0012_invitations", _invitations),
    ("0013_card_source", _card_source),
    ("0014_report_texts", _report_texts),
    ("0015_programme_profile", _programme_profile),
    ("0016_column_choices", _column_choices),
    ("0017_programme_logo", _programme_logo),
    ("0018_merging", _merging),
    ("0019_organisation_views", _organisation),
    ("0020_visit_checklist", _visit_checklist),
    ("0021_applicants_and_sparring", _applicants_and_sparring),
    ("0022_report_settings", _report_settings),
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations this file lacks, each in its own transaction; return their names."""
    applied = []
    version = schema_version(db)
    for index, (name, step) in enumerate(MIGRATIONS):
        if index < version:
            continue
        with db.atomic():
            if not db["_migrations"].exists():
                db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            step(db)
            db.execute(
                "INSERT INTO _migrations VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {index + 1}")
        applied.append(name)
    return applied
