"""The `multipolar` command line: thin wrappers over ingest, store queries and exports."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import export as exports
from .errors import Code, MultipolarError
from .ingest import PARTITION_SIZE, check_ingest_args, ingest_items
from .pipeline.read import count_documents, read_paths
from .pipeline.dateline import parse_explicit
from .knowledge.lexicon import PLOVER_TYPES
from .store import Store
from .store import queries
from .store.relations import KINDS

STATUSES = ("asserted", "reported", "negated", "hypothetical")

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Read geopolitical news into an evidence-backed model of actors, events "
                       "and relations.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
DEFAULT_DB = "multipolar.duckdb"
DbOption = Annotated[str, typer.Option("--db", help="DuckDB store file.")]
F = TypeVar("F", bound=Callable[..., Any])


def coded_errors(func: F) -> F:
    """Print a coded one-line message instead of a traceback, and exit non-zero."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MultipolarError as exc:
            err.print(exc.line, markup=False)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # the last line of defence: still one coded line
            err.print(MultipolarError(Code.MP199, reason=repr(exc)).line, markup=False)
            raise typer.Exit(70) from None

    return wrapper  # type: ignore[return-value]


@app.command()
@coded_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt .md .html .jsonl .jsonl.gz .parquet), directories, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date for all documents.")] = None,
    stop_on_error: Annotated[bool, typer.Option("--stop-on-error",
                                                help="Stop at the first bad document.")] = False,
    workers: Annotated[int | None, typer.Option(min=1, max=256,
                                                help="Run the stages on a local Dask cluster of N processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Run the stages on the Dask cluster at this address.")] = None,
    parts: Annotated[str | None, typer.Option(
        help="Folder for the Parquet datasets (one per table, one file per partition), written by the "
             "workers: with --scheduler, a path that they and this machine share. Default with --workers: "
             "the store's name + .parts")] = None,
    partition_size: Annotated[int, typer.Option(min=1, max=100_000,
                                                help="Documents per partition (the unit of resuming).")] = PARTITION_SIZE,
) -> None:
    """Read documents, learn their actors and events, and store them in the DuckDB file.

    A corpus streams through in partitions; a re-run skips the partitions and documents
    already stored, so an interrupted run can simply be started again."""
    check_ingest_args(paths, published)  # bad arguments fail before the store is touched
    if parts is None and workers and not scheduler:
        parts = str(Path(db).with_suffix("")) + ".parts"
    # The cluster first: an unreachable scheduler fails before the store is touched.
    with _runner(workers, scheduler) as runner, Store.open(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=count_documents(paths))

        def tick(name: str, outcome: str) -> None:
            bar.update(task, advance=1)
            if outcome == "failed":  # documents already stored are only counted: a re-run of a
                bar.console.print(f"{outcome}: {name}", markup=False)  # large corpus stays quiet

        report = ingest_items(store, read_paths(paths), published, tick, stop_on_error, runner,
                              parts, partition_size)
    for failure in report.failures:
        err.print(failure.message, markup=False)
    if report.failed > len(report.failures):
        err.print(f"... and {report.failed - len(report.failures)} more failures (all are in the store's"
                  " failures table)", markup=False)
    out.print(report.summary + (f"; Parquet datasets in {parts}" if parts and report.ingested else ""),
              markup=False)
    if not report.ingested and not report.already:
        raise MultipolarError(Code.MP110, failed=report.failed)


@contextlib.contextmanager
def _runner(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """No runner (this process), or one on a Dask cluster."""
    if not workers and not scheduler:
        yield None
        return
    from .scale.dask_runner import DaskRunner, dask_client

    with dask_client(workers, scheduler) as client:
        yield DaskRunner(client)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False)


@app.command()
@coded_errors
def docs(db: DbOption = DEFAULT_DB,
         as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False) -> None:
    """List the documents in the store."""
    with Store.open(db, create=False, read_only=True) as store:
        rows = store.documents()
    if as_json:
        out.print(json.dumps(rows, default=str, indent=2), markup=False)
        return
    table = Table("id", "published", "title", "sentences", "mentions", "events")
    for r in rows:
        table.add_row(r["id"], r["published"] or "unknown", r["title"] or "", str(r["sentences"]),
                      str(r["mentions"]), str(r["events"]))
    out.print(table)
    out.print(f"{len(rows)} documents", markup=False)


@app.command()
@coded_errors
def actors(db: DbOption = DEFAULT_DB,
           kind: Annotated[str | None, typer.Option(help="Only actors of this kind.")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False) -> None:
    """List the actors the documents mention."""
    with Store.open(db, create=False, read_only=True) as store:
        found = store.actors(kind)
    if as_json:
        out.print(json.dumps([{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                               "aliases": list(a.aliases), "wikidata": a.wikidata,
                               "origin": a.origin} for a in found], indent=2), markup=False)
        return
    table = Table("id", "name", "kind", "country", "aliases")
    for a in found:
        table.add_row(a.id, a.name, a.kind, a.country or "", ", ".join(a.aliases[:6]))
    out.print(table)
    out.print(f"{len(found)} actors", markup=False)


@app.command()
@coded_errors
def export(db: DbOption = DEFAULT_DB,
           fmt: Annotated[str, typer.Option("--format", help="facts | plover | csv")] = "facts",
           output: Annotated[str, typer.Option("-o", "--output", help="File, or - for stdout.")] = "-") -> None:
    """Export the store: facts JSON (shared FACTS.md), PLOVER JSONL, or a flat CSV."""
    if fmt not in exports.FORMATS:
        raise MultipolarError(Code.MP301, exit_code=2, value=fmt, choices=", ".join(exports.FORMATS))
    with Store.open(db, create=False, read_only=True) as store:
        text = exports.render(store, fmt)
    if output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MultipolarError(Code.MP302, path=output, reason=exc.strerror) from exc
    out.print(f"wrote {output}", markup=False)


def _check_choice(what: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    if value.lower() not in {c.lower() for c in choices}:
        raise MultipolarError(Code.MP303, exit_code=2, what=what, value=value, choices=", ".join(choices))
    return value


def _check_date(value: str | None) -> str | None:
    if value is not None:
        parse_explicit(value, "argument")  # MP109 on a bad date
    return value


def _actor_id(store: Store, text: str | None) -> str | None:
    return None if text is None else queries.require_actor(store, text)


def _event_table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table("id", "date", "source", "type", "target", "status", "evidence", title=title)
    for r in rows:
        table.add_row(r["id"], r["date_iso"] or "—", r["source_name"] or r["source_id"] or "", r["type"],
                      r["target_name"] or r["target_id"] or "—", r["status"],
                      (r["sentence"] or "")[:90], )
    return table


@app.command()
@coded_errors
def events(db: DbOption = DEFAULT_DB,
           actor: Annotated[str | None, typer.Option(help="Actor id, name or alias.")] = None,
           type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
           status: Annotated[str | None, typer.Option(help="asserted | reported | negated | hypothetical")] = None,
           since: Annotated[str | None, typer.Option(help="Events on or after this date (prefix).")] = None,
           until: Annotated[str | None, typer.Option(help="Events on or before this date (prefix).")] = None,
           as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False) -> None:
    """Who did what to whom: events with their date, status and evidence sentence."""
    _check_choice("event type", type_, PLOVER_TYPES)
    _check_choice("status", status, STATUSES)
    _check_date(since)
    _check_date(until)
    with Store.open(db, create=False, read_only=True) as store:
        rows = queries.find_events(store, _actor_id(store, actor), None, type_, status, since, until)
    if as_json:
        out.print(json.dumps(rows, default=str, indent=2, ensure_ascii=False), markup=False)
        return
    out.print(_event_table(rows))
    out.print(f"{len(rows)} events", markup=False)


@app.command()
@coded_errors
def timeline(actor: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
             other: Annotated[str | None, typer.Argument(help="A second actor: the pair's events.")] = None,
             db: DbOption = DEFAULT_DB) -> None:
    """An actor's (or a pair's) dated events in order; undated ones listed apart."""
    with Store.open(db, create=False, read_only=True) as store:
        first, second = _actor_id(store, actor), _actor_id(store, other)
        dated, undated = queries.timeline(store, first or "", second)
    out.print(_event_table(dated, title="dated"))
    out.print(_event_table(undated, title="undated"))
    out.print(f"{len(dated)} dated, {len(undated)} undated events", markup=False)


@app.command()
@coded_errors
def relations(db: DbOption = DEFAULT_DB,
              as_of: Annotated[str | None, typer.Option("--as-of", help="Only relations holding on this date.")] = None,
              kind: Annotated[str | None, typer.Option(help="recognizes | cooperates | hostile")] = None,
              actor: Annotated[str | None, typer.Option(help="Actor id, name or alias.")] = None,
              as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False) -> None:
    """Relations derived from events (recognition, cooperation, hostility), as of a date."""
    _check_choice("relation kind", kind, KINDS)
    _check_date(as_of)
    with Store.open(db, create=False, read_only=True) as store:
        rows = queries.relation_records(store, kind, _actor_id(store, actor), as_of)
        names = queries.actor_names(store)
    if as_json:
        out.print(json.dumps(rows, indent=2, ensure_ascii=False), markup=False)
        return
    table = Table("source", "relation", "target", "since", "until", "events")
    for r in rows:
        table.add_row(names.get(r["source"], r["source"]), r["kind"], names.get(r["target"], r["target"]),
                      r["since"] or "—", r["until"] or "—", ", ".join(r["events"]))
    out.print(table)
    out.print(f"{len(rows)} relations" + (f" holding on {as_of}" if as_of else ""), markup=False)


@app.command()
@coded_errors
def explain(event_id: Annotated[str, typer.Argument(help="Event id (see `multipolar events`).")],
            db: DbOption = DEFAULT_DB) -> None:
    """One event: its evidence sentences with trigger and actors marked, date reasoning and
    status cues."""
    with Store.open(db, create=False, read_only=True) as store:
        event = queries.explain_event(store, event_id)
    if event is None:
        raise MultipolarError(Code.MP305, value=event_id)
    out.print(f"[bold]{event['id']}[/]: {escape(event['source_name'] or '')} —{event['type']}→ "
              f"{escape(event['target_name'] or '—')}  (CAMEO {event['cameo']})")
    out.print(f"date: {event['date_iso'] or 'unknown'}" + (f"  ({escape(event['date_reason'])})"
                                                            if event['date_reason'] else ""))
    cue = f"  (cue: {escape(event['status_cue'])})" if event["status_cue"] else ""
    out.print(f"status: {event['status']}{cue}")
    if event["attributed_to"]:
        out.print(f"reported by: {', '.join(event['attributed_to'])}", markup=False)
    if event["denied_by"]:
        out.print(f"denied by: {', '.join(event['denied_by'])}", markup=False)
    if event["source_principal_id"] or event["target_principal_id"]:  # officials count for their state
        sides = [event["source_principal_id"] or event["source_id"], event["target_principal_id"] or event["target_id"]]
        out.print(f"in relations: {sides[0]} —{event['type']}→ {sides[1] or '—'}", markup=False)
    for ev in event["evidence"]:
        out.print(f"\n[dim]{escape(ev['doc_id'])} ({ev['published_iso'] or 'date unknown'}), "
                  f"characters {ev['start_char']}–{ev['end_char']}[/]")
        out.print(_highlight(ev))


def _highlight(ev: dict[str, Any]) -> Text:
    """The evidence sentence with the trigger in bold red and the actors underlined."""
    text = Text(ev["sentence"])
    start, end = ev["trigger_offset"]
    text.stylize("bold red", start, end)
    for actor in ev["actors"]:
        text.stylize("underline cyan", actor["start"], actor["end"])
    return text


@app.command()
@coded_errors
def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option(help="Interface to bind (localhost unless told otherwise).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
          token: Annotated[str | None, typer.Option(envvar="MULTIPOLAR_TOKEN",
                                                    help="Accept POST /api/documents with this bearer token; "
                                                         "read-only without.")] = None,
          cors_origin: Annotated[list[str] | None, typer.Option(help="Allow cross-origin requests from this "
                                                                     "origin (off by default).")] = None) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the web UI."""
    import uvicorn

    from .api import create_app

    application = create_app(db, token=token, cors_origins=cors_origin)
    err.print(f"serving {db} on http://{host}:{port} ({'read-write' if token else 'read-only'})", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
@coded_errors
def generate(count: Annotated[int, typer.Argument(min=1, max=10_000_000, help="How many articles.")],
             out: Annotated[str, typer.Option("--out", help="Folder to write NNNNN.txt and NNNNN.gold.json.")],
             seed: Annotated[int, typer.Option(help="Same seed, same corpus.")] = 1) -> None:
    """Write a synthetic wire-style corpus with its expected facts (for scale and merge tests)."""
    from .scale.corpus import generate as write_corpus

    try:
        written = write_corpus(Path(out), count, seed)
    except OSError as exc:
        raise MultipolarError(Code.MP302, path=out, reason=exc.strerror) from exc
    err.print(f"wrote {len(written)} articles and their gold facts to {out}", markup=False)
