"""Stage 1, read: files, directories, JSONL (plain or gzipped), Parquet and stdin become
SourceDocuments.

Nothing here touches the store or prints: a bad document becomes a ReadFailure so that a
batch keeps its good documents. Everything streams: a directory is walked one folder at a
time, JSONL is read a line at a time and Parquet a row group at a time, so that memory
stays bounded however large the corpus.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import unicodedata
import zlib
from collections.abc import Iterator
from typing import Any
from pathlib import Path

from ..errors import Code, MultipolarError
from ..model import ReadFailure, SourceDocument

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
            ".htm": "html", ".jsonl": "jsonl", ".jsonl.gz": "jsonl.gz", ".parquet": "parquet"}
ReadResult = SourceDocument | ReadFailure
PARQUET_BATCH = 512  # rows read at a time from a Parquet file
METADATA = ("title", "published", "source", "url")


def file_format(path: Path) -> str | None:
    """The format of a file from its name (`.jsonl.gz` is a double suffix)."""
    name = path.name.lower()
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)


def check_paths(paths: list[str]) -> None:
    """Fail before any work when a path is missing or a directory holds nothing readable."""
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        if not path.exists():
            raise MultipolarError(Code.MP101, path=raw)
        if path.is_dir() and next(_files_under(path), None) is None:
            raise MultipolarError(Code.MP102, path=raw)


def read_paths(paths: list[str]) -> Iterator[ReadResult]:
    """Every document under the given paths, in a stable order; `-` reads stdin."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise MultipolarError(Code.MP101, path=raw)
        if path.is_dir():
            yield from _read_dir(path)
        else:
            yield from read_file(path)


def count_documents(paths: list[str]) -> int | None:
    """How many documents (and failures) reading `paths` will give, when that is cheap to
    know without reading them (for a progress bar); None for stdin and gzipped JSONL."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        for file in (_files_under(path) if path.is_dir() else [path]):
            count = _count_in_file(file)
            if count is None:
                return None
            total += count
    return total


def _count_in_file(path: Path) -> int | None:
    fmt = file_format(path)
    try:
        if fmt == "jsonl":
            with open(path, "rb") as stream:
                return sum(1 for line in stream if line.strip())
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows or 1
    except Exception:  # unreadable: reading it will say why, as one failure
        return 1
    return None if fmt == "jsonl.gz" else 1


def _read_dir(path: Path) -> Iterator[ReadResult]:
    found = False
    for file in _files_under(path):
        found = True
        yield from read_file(file)
    if not found:
        raise MultipolarError(Code.MP102, path=str(path))


def _files_under(folder: Path) -> Iterator[Path]:
    """Readable files under `folder`, depth first in name order, one folder listed at a time."""
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=lambda e: e.name)
    for entry in ordered:
        if entry.is_dir():
            yield from _files_under(Path(entry.path))
        elif entry.is_file() and file_format(Path(entry.name)) is not None:
            yield Path(entry.path)


def _read_stdin() -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read()
    yield from _from_bytes(data, "<stdin>", "text", "stdin")


def read_file(path: Path) -> Iterator[ReadResult]:
    """The documents of one file (one, or one per line or row for JSONL and Parquet)."""
    fmt = file_format(path)
    if fmt is None:
        yield _fail(Code.MP108, str(path), suffix=path.suffix)
        return
    if fmt in ("jsonl", "jsonl.gz"):
        yield from _jsonl_file(path, fmt)
        return
    if fmt == "parquet":
        yield from _parquet_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(str(path), "MP101", f"MP101: cannot read {path}: {exc.strerror}")
        return
    yield from _from_bytes(data, str(path), fmt, path.stem)


def _from_bytes(data: bytes, path: str, fmt: str, stem: str) -> Iterator[ReadResult]:
    text_or_fail = decode(data, path)
    if isinstance(text_or_fail, ReadFailure):
        yield text_or_fail
        return
    text = text_or_fail
    if fmt == "html":
        yield _html(text, path, stem)
    else:
        yield _plain(text, path, stem, fmt)


def decode(data: bytes, path: str) -> str | ReadFailure:
    """UTF-8 text with normalised newlines, or the reason it is not usable text."""
    if b"\x00" in data[:8192]:
        return _fail(Code.MP104, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _fail(Code.MP105, path, offset=exc.start)
    text = _normalised(text)
    if not text.strip():
        return _fail(Code.MP103, path)
    return text


def _normalised(text: str) -> str:
    """Unix newlines and composed characters, whatever the source wrote."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _plain(text: str, path: str, stem: str, fmt: str) -> SourceDocument:
    title = None
    if fmt == "markdown":
        first = next((ln for ln in text.splitlines() if ln.strip()), "")
        title = first.lstrip("#").strip() if first.startswith("#") else None
    return SourceDocument(id=stem, text=text, path=path, title=title, format=fmt)


def html_document(html: str, path: str, stem: str) -> SourceDocument | ReadFailure:
    """The main text and metadata of an HTML page (a failure when it has no text)."""
    return _html(html, path, stem)


def _html(html: str, path: str, stem: str) -> SourceDocument | ReadFailure:
    # Imported here: trafilatura is slow to import and only HTML needs it.
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        return _fail(Code.MP107, path)
    return SourceDocument(id=stem, text=text, path=path, format="html",
                          title=getattr(result, "title", None),
                          published=getattr(result, "date", None),
                          source=getattr(result, "sitename", None),
                          url=getattr(result, "url", None))


def _jsonl_line(line: str, number: int, path: str) -> Iterator[ReadResult]:
    if not line.strip():
        return
    try:
        yield _jsonl_record(json.loads(line), number, path)
    except json.JSONDecodeError as exc:
        yield _fail(Code.MP106, f"{path}:{number}", line=number, reason=exc.msg)
    except ValueError as exc:
        yield _fail(Code.MP106, f"{path}:{number}", line=number, reason=str(exc))


def _jsonl_file(path: Path, fmt: str) -> Iterator[ReadResult]:
    """A JSONL file a line at a time; a gzip that breaks midway keeps the lines before it."""
    opener = gzip.open if fmt == "jsonl.gz" else open
    number = 0
    try:
        with opener(path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if number == 1 and b"\x00" in raw[:8192]:
                    yield _fail(Code.MP104, str(path))
                    return
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield _fail(Code.MP105, f"{path}:{number}", offset=exc.start)
                    continue
                yield from _jsonl_line(_normalised(line.rstrip("\r\n")), number, path)
    except (OSError, EOFError, zlib.error) as exc:
        yield _fail(Code.MP112, f"{path}:{number + 1}", kind=fmt, reason=str(exc) or type(exc).__name__)
        return
    if number == 0:
        yield _fail(Code.MP103, str(path))


def _parquet_file(path: Path) -> Iterator[ReadResult]:
    """Rows of a Parquet file with a string `text` column (and optional string `id` and metadata
    columns), a batch of rows at a time. Without an `id` column a row is `<file stem>-<row>`
    and, like a file, is identified by its text alone."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        table = pq.ParquetFile(path)
        schema = table.schema_arrow
        for column in ("text", "id"):
            if column in schema.names and not _is_text(pa, schema.field(column).type):
                yield _fail(Code.MP113, str(path), column=column)
                return
        if "text" not in schema.names:
            yield _fail(Code.MP113, str(path), column="text")
            return
        columns = [c for c in ("id", "text", *METADATA) if c in schema.names]
        for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
            try:
                records = batch.to_pylist()
            except Exception as exc:  # a value Python cannot hold (a date out of range): the batch fails
                yield _fail(Code.MP112, f"{path}:{row + 1}-{row + batch.num_rows}", kind="Parquet",
                            reason=_first_line(str(exc)) if str(exc) else type(exc).__name__)
                row += batch.num_rows
                continue
            for record in records:
                row += 1
                yield _parquet_record(record, row, path, "id" in schema.names)
    except (OSError, pa.ArrowException) as exc:
        yield _fail(Code.MP112, str(path), kind="Parquet", reason=_first_line(str(exc)))
        return
    if row == 0:
        yield _fail(Code.MP103, str(path))


def _is_text(pa: Any, kind: Any) -> bool:
    if pa.types.is_dictionary(kind):  # e.g. a pandas categorical
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _parquet_record(record: dict[str, object], row: int, path: Path, has_ids: bool) -> ReadResult:
    where = f"{path}:{row}"
    text, given = record.get("text"), record.get("id")
    if not isinstance(text, str) or not text.strip():
        return _fail(Code.MP103, where)
    if has_ids and (not isinstance(given, str) or not given.strip()):
        return _fail(Code.MP114, where, row=row, reason="no id")
    text = _normalised(text)
    meta = {k: (str(record[k]) if record.get(k) is not None else None) for k in METADATA}
    return SourceDocument(id=given if isinstance(given, str) else f"{path.stem}-{row}", text=text,
                          path=where, format="parquet", given_id=has_ids, **meta)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unknown error"


def _jsonl_record(record: object, number: int, path: str) -> SourceDocument:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    for key in ("id", "text"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise ValueError(f"field {key!r} must be a non-empty string")
    optional = {k: record.get(k) for k in ("title", "published", "source", "url")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {key!r} must be a string")
    return SourceDocument(id=record["id"], text=record["text"], path=f"{path}:{number}",
                          format="jsonl", given_id=True, **optional)


def _fail(code: Code, path: str, **fields: object) -> ReadFailure:
    err = MultipolarError(code, path=path, **fields)
    return ReadFailure(path=path, code=code.name, message=err.line)
