"""docs/schema.md is generated from the code and explains every table, column and view."""

from pathlib import Path

from ilmava_desktop.storage.schema_docs import render, undocumented

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def test_every_table_column_and_view_is_explained():
    assert undocumented() == []


def test_the_schema_document_matches_the_schema():
    assert DOC.read_text("utf-8") == render() + "\n", (
        "docs/schema.md is out of date: python -m ilmava_desktop.storage.schema_docs "
        "> docs/schema.md")
