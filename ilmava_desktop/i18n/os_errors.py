"""What the operating system said, as our sentence in the user's language.

`exc.strerror` is the C library's English ("No such file or directory") whatever the
window speaks, and means little to a facilitator; these name the cause and what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ilmava_desktop.i18n import N_, _

# Windows reports a file another program holds open (Excel, a sync client) as EACCES
# with this code.
SHARING_VIOLATION = 32


# errno -> the cause in words; several codes share one cause.
CAUSES = {
    errno.EBUSY: N_("the file is in use by another program"),
    errno.ETXTBSY: N_("the file is in use by another program"),
    errno.ENOENT: N_("the file or its folder does not exist"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.EACCES: N_("there is no permission to use it"),
    errno.EPERM: N_("there is no permission to use it"),
    errno.ENOSPC: N_("the disk is full"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EIO: N_("the drive does not answer (was a USB stick pulled out?)"),
    errno.ENXIO: N_("the drive does not answer (was a USB stick pulled out?)"),
    errno.ENODEV: N_("the drive does not answer (was a USB stick pulled out?)"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EEXIST: N_("it already exists"),
    errno.EINVAL: N_("the name is not allowed on this drive"),
}


def reason(exc: OSError) -> str:
    """Why a file operation failed, as a clause: "the disk is full"."""
    if getattr(exc, "winerror", None) == SHARING_VIOLATION:
        return _(CAUSES[errno.EBUSY])
    if exc.errno in CAUSES:
        return _(CAUSES[exc.errno])
    return _("the system refused it (error {code})").format(code=exc.errno)


def write_failed(target: Path, exc: OSError) -> str:
    """One sentence for a file that could not be written."""
    target = Path(target)
    if exc.errno == errno.ENOENT and not target.parent.exists():
        return _("The folder {folder} does not exist.").format(folder=target.parent)
    return _("{name} could not be saved: {reason}.").format(name=target.name, reason=reason(exc))


def read_failed(path: Path, exc: OSError) -> str:
    """One sentence for a file that could not be read."""
    path = Path(path)
    if exc.errno == errno.ENOENT:
        return _("The file {name} does not exist.").format(name=path.name)
    return _("{name} cannot be read: {reason}.").format(name=path.name, reason=reason(exc))


def folder_failed(folder: Path, exc: OSError) -> str:
    """One sentence for a folder that could not be made."""
    return _("The folder {folder} could not be made: {reason}.").format(
        folder=folder, reason=reason(exc))
