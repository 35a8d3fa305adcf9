"""The words a merge's conflicts are told in: each table and field by what a facilitator
calls it, never by its name in the file ("municipality", "current_state")."""

from __future__ import annotations

from ilmava_desktop.i18n import N_, _

TABLES = {
    "answer": N_("Answer"), "assessment_round": N_("Round"), "attendance": N_("Check-in"),
    "card": N_("Card"), "card_cluster": N_("Cluster"), "cohort": N_("Cohort"),
    "column_choice": N_("Column choice"), "day": N_("Day"), "group_wish": N_("Group wish"),
    "grouping": N_("Grouping"), "grouping_member": N_("Group member"),
    "interview_guide": N_("Interview guide"), "interviewee": N_("Interviewee"),
    "invitation": N_("Invitation"), "municipality": N_("Municipality"), "person": N_("Person"),
    "preparation_meeting": N_("Preparation meeting"), "report_text": N_("Report text"),
    "review_dropout": N_("Left the peer review"), "review_pair": N_("Peer-review pair"),
    "review_team_member": N_("Review team member"), "sparrer": N_("Sparrer"),
    "sparrer_match": N_("Sparrer match"), "sparring_session": N_("Sparring session"),
    "template": N_("Template"), "theme_comment": N_("Comment"), "visit": N_("Visit"),
}

FIELDS = {
    "name": N_("name"), "name_fi": N_("name in Finnish"), "name_sv": N_("name in Swedish"),
    "name_en": N_("name in English"), "title": N_("title"), "title_sv": N_("title in Swedish"),
    "title_en": N_("title in English"), "email": N_("e-mail"), "role": N_("role"),
    "language": N_("language"), "text": N_("text"), "kind": N_("kind"),
    "group_name": N_("group"), "author": N_("initials"), "confidential": N_("confidentiality"),
    "votes": N_("votes"), "date": N_("date"), "venue": N_("venue"), "place": N_("place"),
    "audience": N_("audience"), "min_attendance": N_("smallest number per municipality"),
    "max_attendance": N_("largest number per municipality"), "status": N_("status"),
    "theme": N_("theme"), "wicked_problem": N_("wicked problem"),
    "current_state": N_("current state"), "challenges": N_("challenges"),
    "council_target": N_("council climate target"), "funding_committed": N_("own funding"),
    "funding_amount": N_("amount of own funding"), "funding_invoiced": N_("invoiced"),
    "funding_paid": N_("paid"), "summary": N_("summary"), "next_steps": N_("next steps"),
    "value": N_("answer"), "locked": N_("locked"), "done": N_("done"),
    "notes": N_("notes"), "next_step": N_("next step"), "topic": N_("topic"),
    "participants": N_("who took part"), "minutes": N_("length"), "online": N_("online"),
    "publishable": N_("publishable"), "organisation": N_("organisation"),
    "themes": N_("themes"), "languages": N_("languages"), "capacity": N_("capacity"),
    "interview_group": N_("interview group"), "schedule": N_("schedule"),
    "checklist": N_("timeline"), "checked_in_at": N_("time of check-in"),
}


def table_word(table: str) -> str:
    return _(TABLES[table]) if table in TABLES else table.replace("_", " ").capitalize()


def field_word(field: str) -> str:
    return _(FIELDS[field]) if field in FIELDS else field.replace("_", " ")
