"""Stage 1, read: files, directories, JSONL and stdin become SourceDocuments.

Nothing here touches the store or prints: a bad document becomes a ReadFailure
so that a batch keeps its good documents.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import Code, MultipolarError
from ..model import ReadFailure, SourceDocument

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
            ".htm": "html", ".jsonl": "jsonl"}
ReadResult = SourceDocument | ReadFailure


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


def _read_dir(path: Path) -> Iterator[ReadResult]:
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                   and not p.name.endswith(".gold.json"))
    if not files:
        raise MultipolarError(Code.MP102, path=str(path))
    for file in files:
        yield from read_file(file)


def _read_stdin() -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read()
    yield from _from_bytes(data, "<stdin>", "text", "stdin")


def read_file(path: Path) -> Iterator[ReadResult]:
    """The documents of one file (one, or one per line for JSONL)."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield _fail(Code.MP108, str(path), suffix=path.suffix)
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
    if fmt == "jsonl":
        yield from _jsonl(text, path)
    elif fmt == "html":
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
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return _fail(Code.MP103, path)
    return text


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


def _jsonl(text: str, path: str) -> Iterator[ReadResult]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(json.loads(line), number, path)
        except json.JSONDecodeError as exc:
            yield _fail(Code.MP106, f"{path}:{number}", line=number, reason=exc.msg)
        except ValueError as exc:
            yield _fail(Code.MP106, f"{path}:{number}", line=number, reason=str(exc))


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
                          format="jsonl", **optional)


def _fail(code: Code, path: str, **fields: object) -> ReadFailure:
    err = MultipolarError(code, path=path, **fields)
    return ReadFailure(path=path, code=code.name, message=err.line)
