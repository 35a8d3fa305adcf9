"""What every table, column and view of a cohort file means: the text of docs/schema.md and
of the Datasette metadata (`ilmava export datasette-metadata`).

`python -m ilmava_desktop.storage.schema_docs > docs/schema.md` writes the document from
this text and the schema the migrations build; a test keeps the two from drifting apart.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

COMMON = {
    "id": "The row's id (a UUID as text). Ids of things two laptops may both add are derived "
          "from what the thing is (a municipality from its official code, a person from the "
          "cohort and their e-mail, a day from its date and title), so copies merge.",
    "stamp": "When the row last changed: a hybrid logical clock 'milliseconds.counter.laptop' "
             "(milliseconds since 1970, a counter within the millisecond, the laptop's id). "
             "Stamps compare as text; merging copies keeps the later change of each field.",
    "deleted": "1 for a deleted row (a tombstone, kept so that a merge knows of the deletion), "
               "0 for a live one. The v_* views leave deleted rows out.",
}
MUNICIPALITY = "The municipality (municipality.id)."

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "cohort": ("The cohort itself: one live row.", {
        "name": "The cohort's name.",
        "programme": "The programme's name as first given (ILMAVA, Motiva or another).",
        "year": "The year the cohort runs (may be empty).",
        "language": "The cohort's main language: fi, sv or en.",
        "is_demo": "1 for the fictional demo cohort.",
        "template_id": "The self-assessment template new rounds use (template.id); empty: "
                       "the app's default.",
        "programme_kind": "ilmava (coaching days), motiva (peer-review visits) or custom.",
        "programme_name_fi": "The programme's name in Finnish; empty: the kind's own.",
        "programme_name_sv": "The programme's name in Swedish; empty: the kind's own.",
        "programme_name_en": "The programme's name in English; empty: the kind's own.",
        "organiser": "The organisation running the programme; empty: the kind's own.",
        "accent": "The reports' accent colour, #RRGGBB; empty: the kind's own.",
        "report_sections": "The report's optional sections, comma-separated (task, groups, "
                           "peer_review, sparrer); empty: the kind's own.",
        "logo": "The programme's logo as PNG data, printed on the reports; empty: none.",
        "logo_type": "The logo's format (png); empty when there is no logo.",
        "select_min": "The fewest municipalities the programme selects (ILMAVA: 10); empty: "
                      "the programme's own.",
        "select_max": "The most municipalities the programme selects (ILMAVA: 15); empty: "
                      "the programme's own.",
        "own_funding": "Each municipality's own funding in euros (ILMAVA: 2000); empty: the "
                       "programme's own.",
        "periods": "The programme's periods with their dates as JSON [{number, fi, sv, en, "
                   "start, end}]; empty: the programme's periods in the cohort's year.",
        "gap_threshold": "The smallest gap (on the 1–5 scale) the reports and the window mark "
                         "as notable; 0.5 unless the cohort chose another.",
    }),
    "municipality": ("The municipalities in the cohort, from the official list.", {
        "code": "The official three-digit municipality code (Statistics Finland): the same "
                "municipality in every cohort.",
        "name_fi": "The official Finnish name.",
        "name_sv": "The official Swedish name.",
        "region_code": "The region's (maakunta) official code.",
        "region_fi": "The region's Finnish name.",
        "region_sv": "The region's Swedish name.",
        "language_status": "0 unilingual Finnish, 1 bilingual with a Finnish majority, "
                           "2 unilingual Swedish, 3 bilingual with a Swedish majority "
                           "(lookup_language_status).",
        "status": "applicant, selected, not_selected or withdrawn; only selected ones take "
                  "part in the days, groups, pairs, visits and reports.",
        "funding_committed": "1 if the application commits the own funding, 0 if not, empty "
                             "if not said.",
        "funding_amount": "The own funding in euros; empty: the programme's amount.",
        "funding_invoiced": "When the own funding was invoiced, YYYY-MM-DD.",
        "funding_paid": "When the own funding was paid, YYYY-MM-DD.",
        "council_target": "1 if the council has adopted a climate target, 0 if not, empty if "
                          "not known.",
        "current_state": "The application's description of the climate work today.",
        "challenges": "The application's challenges.",
        "theme": "The development task's theme key (lookup_theme, kind development_task).",
        "wicked_problem": "The development task (the 'wicked problem') in the municipality's "
                          "words.",
        "own_funding_paid": "1 once the municipality's own share of the funding is paid.",
    }),
    "person": ("The people a municipality sends: the least the programme needs. A deleted "
               "person's name, title, e-mail and language are blanked.", {
        "municipality_id": MUNICIPALITY,
        "name": "Full name.",
        "role": "The role's key (lookup_role), e.g. municipal_manager.",
        "title": "The person's own title, as written.",
        "email": "E-mail address, lower case.",
        "language": "fi, sv or en; empty: the municipality's language.",
        "token": "The badge's QR code: eight characters without 0/O or 1/I/L, derived from "
                 "the person's id.",
    }),
    "day": ("The programme's days (workshops).", {
        "period": "The programme period the day belongs to (1, 2, …).",
        "title": "The day's title (in Finnish, or the only one given).",
        "title_sv": "The day's title in Swedish; empty: the Finnish one.",
        "title_en": "The day's title in English; empty: the Finnish one.",
        "date": "The date, YYYY-MM-DD (may be empty).",
        "venue": "Where it is held.",
        "audience": "Who the day is for, as written.",
        "min_attendance": "The fewest people a municipality should send.",
        "max_attendance": "The most people a municipality may send (at most 5).",
        "invitees": "Whom new people are invited as: all, officials, politicians or none.",
    }),
    "attendance": ("Check-ins: one person present on one day.", {
        "day_id": "The day (day.id).",
        "person_id": "The person present (person.id).",
        "checked_in_at": "When they were checked in, ISO 8601 local time.",
        "kind": "registered, walk_in (came without registering) or substitute.",
        "substitute_for": "The registered person a substitute came instead of (person.id).",
        "over_limit": "1 if checked in over the day's limit with the facilitator's override.",
        "invited_at_door": "1 if invited only when checked in.",
    }),
    "invitation": ("Who is invited to which day.", {
        "day_id": "The day (day.id).",
        "person_id": "The person invited (person.id).",
    }),
    "template": ("Self-assessment templates, kept whole as JSON so that a cohort carries the "
                 "exact statements its answers were given to.", {
        "key": "The template's key.",
        "version": "Its version: a template in use is versioned, never changed.",
        "body": "The template as JSON: themes, their statements (ids and texts in fi/sv/en), "
                "the scale and the 'don't know' answer. v_answers reads the texts from it.",
    }),
    "assessment_round": ("Self-assessment rounds (e.g. officials in January).", {
        "name": "The round's name in Finnish.",
        "template_id": "The template its sheets follow (template.id).",
        "position": "The rounds' order.",
        "name_sv": "The name in Swedish; empty: the Finnish one.",
        "name_en": "The name in English; empty: the Finnish one.",
    }),
    "answer": ("Self-assessment answers: one statement on one sheet.", {
        "round_id": "The round (assessment_round.id).",
        "municipality_id": MUNICIPALITY,
        "sheet": "The sheet's number within the municipality (1, 2, …), one per respondent.",
        "statement_id": "The statement's id in the template, e.g. strategy.1.",
        "value": "1–5 on the scale (lookup_scale); empty (NULL) for 'don't know'.",
    }),
    "theme_comment": ("Free text per theme of a round: strengths and development areas.", {
        "round_id": "The round (assessment_round.id).",
        "municipality_id": MUNICIPALITY,
        "theme_id": "The template theme's id (lookup_theme, kind self_assessment).",
        "kind": "strengths or development_areas.",
        "text": "The text.",
    }),
    "card_cluster": ("Clusters of cards on the debrief board.", {
        "name": "The cluster's name.",
    }),
    "card": ("Debrief board cards and visits' findings. Confidential until the facilitator "
             "marks them publishable.", {
        "municipality_id": "The municipality the card is about; empty: the whole cohort.",
        "kind": "strength, development, idea, lesson or question.",
        "theme_id": "The template theme's id (lookup_theme, kind self_assessment).",
        "group_name": "The peer group it was written in.",
        "text": "The card's text.",
        "author": "Who wrote it (may be empty).",
        "confidential": "1 until marked publishable; the dataset export leaves these out.",
        "votes": "Dot votes.",
        "position": "Its place in its column.",
        "cluster_id": "The cluster it is in (card_cluster.id).",
        "source": "board (typed on the board) or finding (a visit's finding).",
    }),
    "grouping": ("Saved groupings of the municipalities into peer groups.", {
        "name": "The grouping's name.",
        "day_id": "The day it is for (day.id).",
        "kind": "thematic or another kind of grouping.",
        "settings": "The proposal's settings as JSON (sizes, weights).",
    }),
    "grouping_member": ("Each municipality's group in a saved grouping.", {
        "grouping_id": "The grouping (grouping.id).",
        "municipality_id": MUNICIPALITY,
        "group_number": "The group, counted from 0 (v_groups counts from 1).",
        "locked": "1 if the facilitator locked it in this group.",
    }),
    "group_wish": ("Wishes about the groups: two municipalities kept together or apart.", {
        "kind": "together or apart.",
        "first_id": MUNICIPALITY,
        "second_id": "The other municipality (municipality.id).",
    }),
    "review_pair": ("Peer-review pairs: who reviews whom.", {
        "reviewer_id": "The reviewing municipality (municipality.id).",
        "reviewee_id": "The reviewed municipality (municipality.id).",
        "score": "How well the pair fits (higher is better).",
        "locked": "1 if kept when pairs are proposed again.",
        "done": "1 once the review is done.",
    }),
    "review_dropout": ("Municipalities that left the peer review.", {
        "municipality_id": MUNICIPALITY,
    }),
    "sparrer": ("The bank of sparrers (experts who spar a municipality).", {
        "name": "Name.",
        "organisation": "Their organisation.",
        "themes": "Theme keys they know, comma-separated (lookup_theme, kind "
                  "development_task).",
        "languages": "Languages they work in, comma-separated (fi, sv, en).",
        "capacity": "How many municipalities they can take.",
    }),
    "sparrer_match": ("Which sparrer each municipality has.", {
        "municipality_id": MUNICIPALITY,
        "sparrer_id": "The sparrer (sparrer.id).",
        "score": "How well they fit.",
        "locked": "1 if kept when matched again.",
    }),
    "review_team_member": ("Each municipality's review team for peer-review visits.", {
        "municipality_id": MUNICIPALITY,
        "person_id": "The member (person.id).",
    }),
    "visit": ("Peer-review visits, one per host municipality.", {
        "host_id": "The host municipality (municipality.id).",
        "date": "The date, YYYY-MM-DD.",
        "place": "Where.",
        "status": "planned, held or findings_written.",
        "themes": "The visit's themes as a JSON list.",
        "schedule": "The day's schedule as JSON (kept whole, so its rules hold).",
        "checklist": "The timeline's steps ticked done, as JSON {step: date ticked} (the "
                     "agreement, the pack sent, the report approved, the follow-up).",
    }),
    "preparation_meeting": ("A visiting municipality's preparation meeting for a visit.", {
        "visit_id": "The visit (visit.id).",
        "reviewer_id": "The visiting municipality (municipality.id).",
        "date": "The date, YYYY-MM-DD.",
        "place": "Where.",
    }),
    "interviewee": ("People a host has interviewed at a visit. A deleted one's personal data "
                    "is blanked.", {
        "visit_id": "The visit (visit.id).",
        "name": "Name.",
        "title": "Title.",
        "interview_group": "leadership, sector, expert, elected or local.",
        "email": "E-mail address.",
    }),
    "interview_guide": ("The interview guide of the visits, kept whole as JSON.", {
        "key": "The guide's key.",
        "body": "The guide as JSON.",
    }),
    "report_text": ("What the facilitator writes in a municipality's report.", {
        "municipality_id": MUNICIPALITY,
        "summary": "The summary.",
        "next_steps": "Next steps, one a line.",
    }),
    "sparring_session": ("A meeting of a municipality with its sparrer between the days.", {
        "municipality_id": MUNICIPALITY,
        "sparrer_id": "The sparrer (sparrer.id); empty if not recorded.",
        "date": "The date, YYYY-MM-DD.",
        "minutes": "How long it lasted, in minutes.",
        "online": "1 if it was held online, 0 on site.",
        "participants": "Who took part, as written (roles rather than names).",
        "topic": "The topic; empty: the development task's theme.",
        "notes": "Notes; confidential unless publishable is 1.",
        "publishable": "1 if the notes may be printed in the municipality's report.",
        "next_step": "The next step agreed.",
    }),
    "column_choice": ("What the user chose a column of an imported file to be, remembered "
                      "for the next file with the same heading.", {
        "importer": "Which import: registrations, applications, answers, sparrers or "
                    "interviewees.",
        "header": "The column's heading, as the file wrote it.",
        "field": "The field it is read into; empty: the column is not used.",
    }),
    "_migrations": ("Internal: the schema's migrations applied to this file.", {
        "name": "The migration's name.",
        "applied_at": "When it was applied (UTC).",
    }),
    "_field_stamps": ("Internal, for merging copies: the stamps of fields changed before "
                      "their row's latest change.", {
        "tbl": "The table.",
        "row_id": "The row's id.",
        "stamps": "JSON: field → stamp, for the fields older than the row's stamp.",
    }),
    "_clock": ("Internal, for merging copies: each laptop's latest stamp this file holds or "
               "has merged in.", {
        "device": "The laptop's id (the last part of a stamp).",
        "stamp": "Its latest stamp.",
    }),
    "lookup_theme": ("Labels of theme keys: development tasks' themes (municipality.theme, "
                     "sparrer.themes) and the self-assessment template's themes "
                     "(card.theme_id, theme_comment.theme_id).", {
        "kind": "development_task or self_assessment.",
        "key": "The theme's key.",
        "label_fi": "Finnish label.", "label_sv": "Swedish label.", "label_en": "English label.",
    }),
    "lookup_role": ("Labels of role keys (person.role).", {
        "key": "The role's key.",
        "role_group": "executive, political or specialist.",
        "label_fi": "Finnish label.", "label_sv": "Swedish label.", "label_en": "English label.",
    }),
    "lookup_scale": ("The self-assessment scale (answer.value); NULL is 'don't know'.", {
        "value": "1–5.",
        "label_fi": "Finnish label.", "label_sv": "Swedish label.", "label_en": "English label.",
        "description_fi": "What the step means, in Finnish.",
        "description_sv": "What the step means, in Swedish.",
        "description_en": "What the step means, in English.",
    }),
    "lookup_language_status": ("Labels of municipality.language_status.", {
        "code": "0–3.",
        "label_fi": "Finnish label.", "label_sv": "Swedish label.", "label_en": "English label.",
    }),
}

VIEWS = {
    "v_municipalities": "Live municipalities with their language status and development "
                        "task's theme labelled, and how many people they have.",
    "v_people": "Live people with their municipality and role labelled.",
    "v_days": "Live days with how many are invited and present.",
    "v_attendance": "Check-ins that stand, with the day, the person, their municipality and "
                    "role.",
    "v_answers": "Self-assessment answers with the round, municipality, theme and statement "
                 "texts in fi/sv/en (from the round's template) and the answer's label; "
                 "dont_know is 1 where value is empty.",
    "v_cards": "Live debrief board cards with their municipality, theme and cluster.",
    "v_groups": "Saved groupings' members, groups counted from 1.",
    "v_pairs": "Peer-review pairs with both municipalities named.",
    "v_sparrers": "Each municipality's sparrer.",
}


def _schema() -> sqlite_utils.Database:
    from ilmava_desktop.storage.schema import migrate

    db = sqlite_utils.Database(sqlite3.connect(":memory:"), execute_plugins=False)
    migrate(db)
    return db


def render() -> str:
    """docs/schema.md: every table, column and view of a cohort file."""
    db = _schema()
    lines = [
        "# The cohort file's schema",
        "",
        "A cohort is one SQLite file (`*.ilmava`); it opens in sqlite3, sqlite-utils and "
        "Datasette. Generated by `python -m ilmava_desktop.storage.schema_docs` from the "
        "code; a test checks it against the schema.",
        "",
        "Every table of rows has the same three columns first: " + ", ".join(
            f"`{name}`" for name in COMMON) + ". Read the live rows through the `v_*` views.",
        "",
        "## Views",
        "",
    ]
    for view in db.view_names():
        columns = ", ".join(f"`{c.name}`" for c in db[view].columns)
        lines += [f"### {view}", "", VIEWS[view], "", f"Columns: {columns}.", ""]
    lines += ["## Tables", ""]
    for table in db.table_names():
        description, _columns = TABLES[table]
        lines += [f"### {table}", "", description, "", "| Column | Type | Meaning |",
                  "|---|---|---|"]
        explained = {**COMMON, **TABLES[table][1]}
        for column in db[table].columns:
            text = explained[column.name].replace("|", "\\|")
            lines.append(f"| `{column.name}` | {column.type or ''} | {text} |")
        lines.append("")
    db.close()
    return "\n".join(lines)


def undocumented() -> list[str]:
    """Tables, columns and views of the schema this text does not explain (or explains
    though they are gone)."""
    db = _schema()
    try:
        found = []
        for table in db.table_names():
            if table not in TABLES:
                found.append(table)
                continue
            explained = {**COMMON, **TABLES[table][1]}
            found += [f"{table}.{c.name}" for c in db[table].columns if c.name not in explained]
            names = {c.name for c in db[table].columns}
            found += [f"{table}.{name} (gone)" for name in TABLES[table][1] if name not in names]
        found += [view for view in db.view_names() if view not in VIEWS]
        found += [f"{name} (gone)" for name in (*TABLES, *VIEWS)
                  if name not in db.table_names() and name not in db.view_names()]
        return found
    finally:
        db.close()


if __name__ == "__main__":
    print(render())
