"""The FastAPI application: JSON endpoints over the store's query functions (no SQL here),
ingest over HTTP for token holders, and the web UI's static files."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import export as exports
from ..errors import Code, MultipolarError
from ..ingest import content_hash, ingest_sources
from ..knowledge.lexicon import PLOVER_TYPES
from ..model import SourceDocument
from ..pipeline.dateline import parse_explicit
from ..pipeline.read import html_document
from ..store import Store, queries
from ..store.relations import KINDS, count_relations
from . import errors
from .errors import ApiError

MAX_BODY = 1_000_000  # bytes accepted by POST /api/documents
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PAGE, MAX_PAGE = 1000, 10_000  # rows a list endpoint gives by default and at most
MAX_OFFSET = 2**53  # past any real store; keeps the value a 64-bit integer
Status = Literal["asserted", "reported", "negated", "hypothetical"]
EventType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Kind = Literal[KINDS]  # type: ignore[valid-type]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class Database:
    """One DuckDB database per process: a cursor per request, one writer at a time."""

    def __init__(self, path: str, writable: bool) -> None:
        if not writable and not Path(path).exists():
            raise MultipolarError(Code.MP203, path=path)
        Store.open(path, create=writable, read_only=not writable).close()  # creates or checks the schema
        self.path = path
        self.con = duckdb.connect(path, read_only=not writable)
        self.write_lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def store(self) -> Iterator[Store]:
        cursor = self.con.cursor()
        try:
            yield Store(cursor, self.path)
        finally:
            cursor.close()


class IngestRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_BODY, description="Article text, or HTML when format is html.")
    format: Literal["text", "html"] = "text"
    id: str | None = Field(default=None, max_length=200, pattern=r"^[\w.:-]+$")
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=40)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


def create_app(db_path: str, token: str | None = None, cors_origins: list[str] | None = None) -> FastAPI:
    """The application over the store at `db_path`; writes need `token` (read-only without)."""
    database = Database(db_path, writable=token is not None)
    app = FastAPI(title="multipolar", version="0.1.0",
                  description="Actors, events and relations read from geopolitical news, with evidence.")
    errors.install(app)
    if cors_origins:  # off unless asked for
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "POST"])

    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY + 10_000:
            return JSONResponse(errors.error_body("too_large", f"body over {MAX_BODY} bytes"), status_code=413)
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    app.state.database = database
    _routes(app)
    _ingest_route(app, database, token)
    _ui(app)
    return app


def _check_dates(*values: str | None) -> None:
    for value in values:
        if value is not None:
            parse_explicit(value, "query")  # MP109 → 400 on 2024-13


def get_store(request: Request) -> Iterator[Store]:
    """A store on its own cursor for one request."""
    with request.app.state.database.store() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]


def _routes(app: FastAPI) -> None:
    @app.get("/api/documents", tags=["documents"])
    def documents(store: StoreDep) -> list[dict[str, Any]]:
        return store.documents()

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: str, store: StoreDep) -> dict[str, Any]:
        found = queries.document_detail(store, doc_id)
        if found is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        return found

    @app.get("/api/actors", tags=["actors"])
    def actors(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
               kind: Annotated[str | None, Query(max_length=40)] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """Actors whose name or any alias contains `q`."""
        return queries.search_actors(store, q, kind, limit)

    @app.get("/api/actors/{actor}", tags=["actors"])
    def actor(actor: str, store: StoreDep) -> dict[str, Any]:
        """One actor with its aliases and counts (by id, name or alias)."""
        return queries.get_actor(store, queries.require_actor(store, actor))

    @app.get("/api/events", tags=["events"])
    def events(store: StoreDep, actor: Annotated[str | None, Query(max_length=200)] = None,
               other: Annotated[str | None, Query(max_length=200, description="with `actor`: the pair")] = None,
               type: Annotated[EventType | None, Query()] = None,  # noqa: A002
               status: Annotated[Status | None, Query()] = None,
               since: Annotated[str | None, Query(pattern=DATE)] = None,
               until: Annotated[str | None, Query(pattern=DATE)] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        """Events filtered by actor (or pair), type, status and date range, paginated."""
        _check_dates(since, until)
        first = queries.require_actor(store, actor) if actor else None
        second = queries.require_actor(store, other) if other and first else None
        pair = (first, second) if first and second else None
        rows = queries.find_events(store, None if pair else first, pair, type, status, since, until,
                                   limit + 1, offset)
        return {"items": rows[:limit], "limit": limit, "offset": offset, "more": len(rows) > limit}

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: str, store: StoreDep) -> dict[str, Any]:
        """One event with its evidence: sentence, trigger and actor spans, date reasoning."""
        found = queries.explain_event(store, event_id)
        if found is None:
            raise MultipolarError(Code.MP305, value=event_id)
        return found

    @app.get("/api/timeline/{actor}", tags=["events"])
    def timeline(actor: str, store: StoreDep,
                 other: Annotated[str | None, Query(max_length=200)] = None,
                 limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = PAGE,
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
        """An actor's (or a pair's) events in date order, the undated apart; each list is
        paged by `limit`/`offset`, and the totals say how many there are in all."""
        first = queries.require_actor(store, actor)
        second = queries.require_actor(store, other) if other else None
        dated, undated = queries.timeline(store, first, second, limit, offset)
        total_dated, total_undated = queries.timeline_totals(store, first, second)
        return {"actor": first, "other": second, "dated": dated, "undated": undated,
                "total_dated": total_dated, "total_undated": total_undated, "limit": limit, "offset": offset}

    @app.get("/api/relations", tags=["relations"])
    def relations(response: Response, store: StoreDep, as_of: Annotated[str | None, Query(pattern=DATE)] = None,
                  kind: Annotated[Kind | None, Query()] = None,
                  actor: Annotated[str | None, Query(max_length=200)] = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = PAGE,
                  offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> list[dict[str, Any]]:
        """Relations derived from events; with `as_of`, those holding on that date. Paged by
        `limit`/`offset`; the `X-Total-Count` header says how many there are in all."""
        _check_dates(as_of)
        who = queries.require_actor(store, actor) if actor else None
        rows = queries.relation_records(store, kind, who, as_of, limit, offset)
        response.headers["X-Total-Count"] = str(count_relations(store, kind, who, as_of))
        names = queries.actor_names(store)
        for row in rows:
            row["source_name"], row["target_name"] = names.get(row["source"]), names.get(row["target"])
        return rows

    @app.get("/api/export/facts", tags=["export"])
    def facts(store: StoreDep) -> dict[str, Any]:
        """The whole store in the facts format of the shared contract (FACTS.md)."""
        return exports.facts(store)


def _ingest_route(app: FastAPI, database: Database, token: str | None) -> None:
    @app.post("/api/documents", tags=["documents"], status_code=201)
    def ingest(body: IngestRequest,
               authorization: Annotated[str | None, Header(max_length=500)] = None) -> dict[str, Any]:
        """Ingest one article (needs the server's token: `Authorization: Bearer TOKEN`)."""
        if token is None:
            raise ApiError(403, "read_only", "this server is read-only (start it with --token to accept writes)")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "unauthorized", "missing or wrong token")
        source = _source(body)
        with database.write_lock, database.store() as store:
            report = ingest_sources(store, [source], [], body.published, stop_on_error=True)
            doc_id = report.last_document or source.id
            events = queries.find_events(store, doc=doc_id)
        return {"document": doc_id, "ingested": bool(report.ingested), "already": bool(report.already),
                "events": events}


def _source(body: IngestRequest) -> SourceDocument:
    doc_id = body.id or "api-" + content_hash(body.text)[:12]
    if body.format == "html":
        found = html_document(body.text, "<api>", doc_id)
        if not isinstance(found, SourceDocument):
            raise ApiError(400, found.code, found.message)
        found.title, found.source = body.title or found.title, body.source or found.source
        found.url = body.url or found.url
        return found
    return SourceDocument(id=doc_id, text=body.text, path="<api>", title=body.title,
                          source=body.source, url=body.url, format="text")


def _ui(app: FastAPI) -> None:
    static = resources.files("multipolar.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"))
