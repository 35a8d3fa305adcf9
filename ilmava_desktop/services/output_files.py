"""Writing a file the user asked for: beside the target first, then swapped in.

So a pulled USB stick or a full disk leaves the old file (or none), never half a file,
and the user reads one sentence about it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ilmava_desktop.core.rules import RuleViolation
from ilmava_desktop.i18n import os_errors


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise RuleViolation(os_errors.write_failed(target, exc)) from exc
    return target


# Each PDF's author field: the app that wrote it, whoever ran it.
AUTHOR = "ILMAVA Desktop"


def write_pdf(data: bytes, target: Path) -> Path:
    """A rendered PDF to `target` (".pdf" added when missing), swapped in whole."""
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    return write_atomically(target, lambda tmp: tmp.write_bytes(data))
