"""The coded catalogue of user-facing errors.

Every error a user can meet has a code (``MP1xx`` input, ``MP2xx`` store, ``MP3xx``
usage) and one line of text; the CLI prints that line and exits with ``exit_code``.
"""

from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    """Error codes with their message templates."""

    MP101 = "path not found: {path}"
    MP102 = "no readable documents in directory: {path}"
    MP103 = "empty document: {path}"
    MP104 = "binary file, not text: {path}"
    MP105 = "invalid UTF-8 at byte {offset}: {path}"
    MP106 = "malformed JSONL line {line}: {reason}: {path}"
    MP107 = "HTML page has no main text: {path}"
    MP108 = "unsupported file type {suffix!r} (use .txt, .md, .html, .jsonl, .jsonl.gz, .parquet): {path}"
    MP112 = "unreadable {kind} file: {reason}: {path}"
    MP113 = "Parquet file has no string column {column!r}: {path}"
    MP114 = "Parquet row {row}: {reason}: {path}"
    MP109 = "invalid date {value!r}: {reason}"
    MP110 = "nothing was ingested ({failed} failed)"
    MP111 = "could not process document {doc}: {reason}"
    MP199 = "unexpected error: {reason}"
    MP201 = "cannot open store {path}: {reason}"
    MP202 = "store {path} has schema version {found}, this multipolar expects {expected}"
    MP203 = "store {path} does not exist (run `multipolar ingest` first)"
    MP301 = "unknown export format {value!r} (choose from: {choices})"
    MP302 = "cannot write {path}: {reason}"
    MP303 = "unknown {what} {value!r} (choose from: {choices})"
    MP304 = "no actor matches {value!r} (see `multipolar actors`)"
    MP305 = "no event {value!r} in the store (see `multipolar events`)"
    MP306 = "cannot reach the Dask scheduler at {address}: {reason}"


class MultipolarError(Exception):
    """An error with a code, a one-line message and the exit code the CLI uses."""

    def __init__(self, code: Code, exit_code: int = 1, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.exit_code = exit_code
        super().__init__(self.line)

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable, so that an error raised on a Dask worker reaches the CLI as itself.
        return (_rebuild, (self.code, self.exit_code, self.fields))

    @property
    def line(self) -> str:
        return f"{self.code.name}: {self.code.value.format(**self.fields)}"


def _rebuild(code: Code, exit_code: int, fields: dict[str, object]) -> MultipolarError:
    return MultipolarError(code, exit_code, **fields)
