"""The error every layer may raise for the player: what can't be done, why, and what to do."""

from __future__ import annotations


class GameError(Exception):
    """Something the player asked for can't be done; the message says why and what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def os_reason(exc: OSError, *, name: bool = True) -> str:
    """An OSError in the player's words, naming the file: 'the disk is full (/ws/x.py)'."""
    import errno

    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
              errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
              errno.EPERM: "permission denied", errno.ENAMETOOLONG: "the path is too long",
              errno.ENOTDIR: "a part of the path is a file, not a folder",
              errno.EISDIR: "it is a folder, not a file"}.get(exc.errno or 0)
    where = f" ({short(exc.filename)})" if exc.filename and name else ""
    return (reason or exc.strerror or str(exc)) + where


def short(path: object) -> str:
    """A path fit for a message: a 5,000-character one keeps its start and its end."""
    text = str(path)
    return text if len(text) <= 200 else f"{text[:90]}...{text[-90:]}"
