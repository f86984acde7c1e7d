"""`manage.py backup` and `manage.py restore`: one encrypted, authenticated archive of the database
(portable JSON Lines), the attachment files as stored, and a manifest. The format is described in
docs/backup.md."""

from corridor.core.backup.reader import MismatchError, NotEmptyError, RestoreReport, restore_read
from corridor.core.backup.stream import (
    ENV_NAME,
    ArchiveError,
    DamagedError,
    KeyMissingError,
    Secret,
    WrongKeyError,
    secret_from,
)
from corridor.core.backup.writer import BackupReport, backup_write

__all__ = [
    "ENV_NAME",
    "ArchiveError",
    "BackupReport",
    "DamagedError",
    "KeyMissingError",
    "MismatchError",
    "NotEmptyError",
    "RestoreReport",
    "Secret",
    "WrongKeyError",
    "backup_write",
    "restore_read",
    "secret_from",
]
