"""What makes a cohort file readable to the organisation behind the programme, in sqlite3,
sqlite-utils or Datasette: lookup tables of the labels the rows only name by key (themes,
roles, the answer scale, language status), and views of the live rows with those labels
(deleted rows left out). docs/schema.md explains every table, column and view.
"""

from __future__ import annotations

import json

import sqlite_utils

from ilmava_desktop.core.roles import ROLES, exact_labels
from ilmava_desktop.resources import resource_path, wicked_problem_themes

LANGUAGE_STATUS = [
    (0, "yksikielinen suomenkielinen", "enspråkigt finsk", "unilingual Finnish"),
    (1, "kaksikielinen, suomi enemmistön kieli", "tvåspråkig, finska majoritetsspråk",
     "bilingual, Finnish majority"),
    (2, "yksikielinen ruotsinkielinen", "enspråkigt svensk", "unilingual Swedish"),
    (3, "kaksikielinen, ruotsi enemmistön kieli", "tvåspråkig, svenska majoritetsspråk",
     "bilingual, Swedish majority"),
]

LOOKUPS = """
CREATE TABLE lookup_theme (
    kind TEXT NOT NULL, key TEXT NOT NULL, label_fi TEXT NOT NULL, label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL, PRIMARY KEY (kind, key)
);
CREATE TABLE lookup_role (
    key TEXT PRIMARY KEY, role_group TEXT NOT NULL, label_fi TEXT NOT NULL,
    label_sv TEXT NOT NULL, label_en TEXT NOT NULL
);
CREATE TABLE lookup_scale (
    value INTEGER PRIMARY KEY, label_fi TEXT NOT NULL, label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL, description_fi TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL DEFAULT '', description_en TEXT NOT NULL DEFAULT ''
);
CREATE TABLE lookup_language_status (
    code INTEGER PRIMARY KEY, label_fi TEXT NOT NULL, label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL
);
"""

VIEWS = """
CREATE VIEW v_municipalities AS
SELECT m.id, m.code, m.name_fi, m.name_sv, m.region_code, m.region_fi, m.region_sv,
       m.language_status, ls.label_en AS language_status_en, m.theme,
       t.label_fi AS theme_fi, t.label_sv AS theme_sv, t.label_en AS theme_en,
       m.wicked_problem, m.council_target, m.current_state, m.challenges, m.own_funding_paid,
       (SELECT count(*) FROM person AS p WHERE p.municipality_id = m.id AND p.deleted = 0)
           AS people
FROM municipality AS m
LEFT JOIN lookup_theme AS t ON t.kind = 'development_task' AND t.key = m.theme
LEFT JOIN lookup_language_status AS ls ON ls.code = m.language_status
WHERE m.deleted = 0;

CREATE VIEW v_people AS
SELECT p.id, m.code AS municipality_code, m.name_fi AS municipality_fi,
       m.name_sv AS municipality_sv, p.name, p.role, r.role_group,
       r.label_fi AS role_fi, r.label_sv AS role_sv, r.label_en AS role_en,
       p.title, p.email, p.language
FROM person AS p
JOIN municipality AS m ON m.id = p.municipality_id AND m.deleted = 0
LEFT JOIN lookup_role AS r ON r.key = p.role
WHERE p.deleted = 0;

CREATE VIEW v_days AS
SELECT d.id, d.date, d.title, d.period, d.venue, d.audience, d.invitees,
       d.min_attendance, d.max_attendance,
       (SELECT count(*) FROM invitation AS i JOIN person AS p ON p.id = i.person_id
        WHERE i.day_id = d.id AND i.deleted = 0 AND p.deleted = 0) AS invited,
       (SELECT count(*) FROM attendance AS a JOIN person AS p ON p.id = a.person_id
        WHERE a.day_id = d.id AND a.deleted = 0 AND p.deleted = 0) AS present
FROM day AS d WHERE d.deleted = 0;

CREATE VIEW v_attendance AS
SELECT a.id, d.date AS day_date, d.title AS day_title, m.code AS municipality_code,
       m.name_fi AS municipality_fi, p.name AS person, p.role,
       r.label_fi AS role_fi, r.label_sv AS role_sv, r.label_en AS role_en,
       a.kind, a.checked_in_at, a.over_limit, a.invited_at_door,
       s.name AS substitute_for
FROM attendance AS a
JOIN day AS d ON d.id = a.day_id AND d.deleted = 0
JOIN person AS p ON p.id = a.person_id AND p.deleted = 0
JOIN municipality AS m ON m.id = p.municipality_id AND m.deleted = 0
LEFT JOIN lookup_role AS r ON r.key = p.role
LEFT JOIN person AS s ON s.id = a.substitute_for
WHERE a.deleted = 0;

CREATE VIEW v_answers AS
SELECT a.id, ro.name AS round, ro.position AS round_position, m.code AS municipality_code,
       m.name_fi AS municipality_fi, a.sheet,
       json_extract(theme.value, '$.id') AS theme_id,
       json_extract(theme.value, '$.title.fi') AS theme_fi,
       json_extract(theme.value, '$.title.sv') AS theme_sv,
       json_extract(theme.value, '$.title.en') AS theme_en,
       a.statement_id,
       json_extract(statement.value, '$.fi') AS statement_fi,
       json_extract(statement.value, '$.sv') AS statement_sv,
       json_extract(statement.value, '$.en') AS statement_en,
       a.value, a.value IS NULL AS dont_know,
       coalesce((SELECT json_extract(s.value, '$.fi') FROM json_each(tp.body, '$.scale') AS s
                 WHERE json_extract(s.value, '$.value') = a.value),
                json_extract(tp.body, '$.no_answer.fi')) AS value_fi,
       coalesce((SELECT json_extract(s.value, '$.en') FROM json_each(tp.body, '$.scale') AS s
                 WHERE json_extract(s.value, '$.value') = a.value),
                json_extract(tp.body, '$.no_answer.en')) AS value_en
FROM answer AS a
JOIN assessment_round AS ro ON ro.id = a.round_id AND ro.deleted = 0
JOIN municipality AS m ON m.id = a.municipality_id AND m.deleted = 0
JOIN template AS tp ON tp.id = ro.template_id
JOIN json_each(tp.body, '$.themes') AS theme
JOIN json_each(theme.value, '$.statements') AS statement
    ON json_extract(statement.value, '$.id') = a.statement_id
WHERE a.deleted = 0;

CREATE VIEW v_cards AS
SELECT c.id, m.code AS municipality_code, m.name_fi AS municipality_fi, c.kind, c.theme_id,
       t.label_fi AS theme_fi, t.label_en AS theme_en, c.group_name, c.text, c.author,
       c.confidential, c.votes, cl.name AS cluster, c.source
FROM card AS c
LEFT JOIN municipality AS m ON m.id = c.municipality_id
LEFT JOIN lookup_theme AS t ON t.kind = 'self_assessment' AND t.key = c.theme_id
LEFT JOIN card_cluster AS cl ON cl.id = c.cluster_id AND cl.deleted = 0
WHERE c.deleted = 0 AND (c.municipality_id IS NULL OR m.deleted = 0);

CREATE VIEW v_groups AS
SELECT gm.id, g.name AS grouping, g.kind AS grouping_kind, d.date AS day_date,
       d.title AS day_title, gm.group_number + 1 AS group_number, m.code AS municipality_code,
       m.name_fi AS municipality_fi, gm.locked
FROM grouping_member AS gm
JOIN grouping AS g ON g.id = gm.grouping_id AND g.deleted = 0
JOIN municipality AS m ON m.id = gm.municipality_id AND m.deleted = 0
LEFT JOIN day AS d ON d.id = g.day_id
WHERE gm.deleted = 0;

CREATE VIEW v_pairs AS
SELECT rp.id, a.code AS reviewer_code, a.name_fi AS reviewer_fi, b.code AS reviewee_code,
       b.name_fi AS reviewee_fi, rp.score, rp.locked, rp.done
FROM review_pair AS rp
JOIN municipality AS a ON a.id = rp.reviewer_id AND a.deleted = 0
JOIN municipality AS b ON b.id = rp.reviewee_id AND b.deleted = 0
WHERE rp.deleted = 0;

CREATE VIEW v_sparrers AS
SELECT sm.id, m.code AS municipality_code, m.name_fi AS municipality_fi,
       s.name AS sparrer, s.organisation, s.themes, s.languages, s.capacity, sm.locked
FROM sparrer_match AS sm
JOIN sparrer AS s ON s.id = sm.sparrer_id AND s.deleted = 0
JOIN municipality AS m ON m.id = sm.municipality_id AND m.deleted = 0
WHERE sm.deleted = 0;
"""


def create(db: sqlite_utils.Database) -> None:
    """The lookup tables, filled from the app's own lists, and the views."""
    db.executescript(LOOKUPS)
    themes = wicked_problem_themes()
    db.conn.executemany("INSERT INTO lookup_theme VALUES ('development_task', ?, ?, ?, ?)",
                        [(key, t["fi"], t["sv"], t["en"]) for key, t in themes.items()])
    db.conn.executemany("INSERT INTO lookup_role VALUES (?, ?, ?, ?, ?)",
                        [(role.key, role.group, *exact_labels(role.key)) for role in ROLES])
    template = json.loads(resource_path("data/self_assessment_template.json")
                          .read_text("utf-8"))
    db.conn.executemany("INSERT INTO lookup_theme VALUES ('self_assessment', ?, ?, ?, ?)", [
        (t["id"], t["title"]["fi"], t["title"]["sv"], t["title"]["en"])
        for t in template["themes"]])
    db.conn.executemany("INSERT INTO lookup_scale VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (s["value"], s["fi"], s["sv"], s["en"], s.get("desc_fi", ""), s.get("desc_sv", ""),
         s.get("desc_en", "")) for s in template["scale"]])
    db.conn.executemany("INSERT INTO lookup_language_status VALUES (?, ?, ?, ?)",
                        LANGUAGE_STATUS)
    db.executescript(VIEWS)


VIEW_NAMES = ("v_municipalities", "v_people", "v_days", "v_attendance", "v_answers", "v_cards",
              "v_groups", "v_pairs", "v_sparrers")
LOOKUP_NAMES = ("lookup_theme", "lookup_role", "lookup_scale", "lookup_language_status")
