"""What the operating system said, as our sentence in the user's language.

`exc.strerror` is the C library's English ("No such file or directory") whatever the
window speaks, and means little to a facilitator; these name the cause and what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ilmava_desktop.i18n import _

# Windows reports a file another program holds open (Excel, a sync client) as EACCES
# with this code.
SHARING_VIOLATION = 32


def reason(exc: OSError) -> str:
    """Why a file operation failed, as a clause: "the disk is full"."""
    code = exc.errno
    if getattr(exc, "winerror", None) == SHARING_VIOLATION or code in (errno.EBUSY,
                                                                       errno.ETXTBSY):
        return _("the file is in use by another program")
    if code == errno.ENOENT:
        return _("the file or its folder does not exist")
    if code == errno.ENOTDIR:
        return _("a part of the path is a file, not a folder")
    if code == errno.EISDIR:
        return _("it is a folder, not a file")
    if code in (errno.EACCES, errno.EPERM):
        return _("there is no permission to use it")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full")
    if code == errno.EROFS:
        return _("the disk is read-only")
    if code in (errno.EIO, errno.ENXIO, errno.ENODEV):
        return _("the drive does not answer (was a USB stick pulled out?)")
    if code == errno.ENAMETOOLONG:
        return _("the name is too long")
    if code == errno.EEXIST:
        return _("it already exists")
    if code == errno.EINVAL:
        return _("the name is not allowed on this drive")
    return _("the system refused it (error {code})").format(code=code)


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
