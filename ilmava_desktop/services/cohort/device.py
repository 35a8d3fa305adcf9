"""This laptop's id, so stamps from two laptops never tie."""

from __future__ import annotations

import uuid

from ilmava_desktop.storage.locations import data_dir


def device_id() -> str:
    path = data_dir() / "device-id"
    try:
        text = path.read_text("utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    text = uuid.uuid4().hex[:12]
    try:
        path.write_text(text, "utf-8")
    except OSError:
        pass  # a read-only profile: a fresh id each run is still unique
    return text
