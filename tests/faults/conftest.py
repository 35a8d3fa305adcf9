"""The fault suite injects faults with monkeypatch; undoing one must never undo the test's
own app-data folder as well, or the test would write into the user's real one."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def stays_in_its_data_folder(data_dir):
    yield
    assert os.environ.get("ILMAVA_DATA_DIR") == str(data_dir), "the data folder was undone"
