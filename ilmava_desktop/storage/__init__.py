"""The cohort file: open and save, schema, migrations, queries. sqlite-utils; no Qt."""
