"""Errors a user can act on. The CLI prints their message (no traceback) and exits with `exit_code`."""


class CiteqaError(Exception):
    """An error whose message tells the user what to do."""

    exit_code = 1


class SettingsError(CiteqaError):
    """A setting has a value that cannot work; the message names the setting and how to fix it."""

    exit_code = 2


class CorpusNotFound(CiteqaError):
    exit_code = 2


class NothingToIndex(CiteqaError):
    exit_code = 1


class IndexMissing(CiteqaError):
    """No index has been built yet at the configured path."""


class IndexIncompatible(CiteqaError):
    """The index was built with another model or chunking; it must be rebuilt."""


class IndexBusy(CiteqaError):
    """Another build (or upload) of the same index is running."""


class IndexDamaged(CiteqaError):
    """An index file is unreadable or inconsistent."""


class InputNotFound(CiteqaError):
    """A file or folder named on the command line does not exist."""

    exit_code = 2


class StoreUnavailable(CiteqaError):
    """The store cannot be reached or opened (a Milvus server down, a Milvus Lite file held by another process)."""
