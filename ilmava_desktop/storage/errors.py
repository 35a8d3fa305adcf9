"""Why a cohort file cannot be used, in one sentence the user can act on."""

from __future__ import annotations

from pathlib import Path

from ilmava_desktop.i18n import _


class CohortFileError(Exception):
    """A problem with a file; str() is the sentence shown to the user."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path


def not_found(path: Path) -> CohortFileError:
    return CohortFileError(path, _("The file {name} does not exist.").format(name=path.name))


def not_a_cohort(path: Path) -> CohortFileError:
    return CohortFileError(
        path, _("{name} is not an ILMAVA cohort file.").format(name=path.name)
    )


def foreign_database(path: Path) -> CohortFileError:
    return CohortFileError(
        path,
        _("{name} is a database of another application, not an ILMAVA cohort.").format(
            name=path.name
        ),
    )


def too_new(path: Path) -> CohortFileError:
    return CohortFileError(
        path,
        _("{name} was saved by a newer version of ILMAVA Desktop; update the app to open it.")
        .format(name=path.name),
    )


def damaged(path: Path, backups: Path | None = None) -> CohortFileError:
    if backups is not None:
        return CohortFileError(
            path,
            _("{name} is damaged and cannot be opened; open one of its backups instead: they "
              "are in {folder}.").format(name=path.name, folder=backups),
        )
    return CohortFileError(
        path,
        _("{name} is damaged and cannot be opened; open one of its backups instead.").format(
            name=path.name
        ),
    )


def recovery_damaged(path: Path) -> CohortFileError:
    return CohortFileError(
        path,
        _("The unsaved changes of {name} kept on this laptop are damaged; open the file "
          "without them, or one of its backups.").format(name=path.name),
    )


def unreadable(path: Path, reason: str) -> CohortFileError:
    return CohortFileError(
        path, _("{name} cannot be read: {reason}").format(name=path.name, reason=reason)
    )


def already_exists(path: Path) -> CohortFileError:
    return CohortFileError(
        path, _("{name} already exists; choose another name.").format(name=path.name)
    )


def already_open(path: Path) -> CohortFileError:
    return CohortFileError(
        path, _("{name} is already open in another ILMAVA Desktop window.").format(name=path.name)
    )


def unsaved_work(path: Path) -> CohortFileError:
    return CohortFileError(
        path,
        _("{name} has unsaved changes from a session that ended unexpectedly; open it in "
          "ILMAVA Desktop to recover them.").format(name=path.name),
    )


class SaveError(Exception):
    """Saving back to the user's file failed; the working copy still holds every change."""


class OriginalChanged(SaveError):
    """The file changed on disk since it was opened (another laptop, a sync client)."""


class OriginalMissing(SaveError):
    """The file is not where it was opened from (a pulled stick whose mount folder stays,
    a drive letter now another disk's); it is never written anew there unasked."""

    def __init__(self, path: Path):
        super().__init__(
            _("{name} is not there any more: reconnect the stick or drive it is on, or save "
              "it elsewhere.").format(name=path.name))
        self.path = path


def save_failed(path: Path, reason: str) -> SaveError:
    return SaveError(_("{name} could not be saved: {reason}").format(name=path.name, reason=reason))
