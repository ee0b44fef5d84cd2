"""The `multipolar` command line: thin wrappers over ingest, store queries and exports."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import export as exports
from .errors import Code, MultipolarError
from .ingest import collect, ingest as run_ingest
from .pipeline.dateline import parse_explicit
from .store import Store

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
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date for all documents.")] = None,
    stop_on_error: Annotated[bool, typer.Option("--stop-on-error",
                                                help="Stop at the first bad document.")] = False,
) -> None:
    """Read documents, learn their actors and events, and store them in the DuckDB file."""
    if published:
        parse_explicit(published, "argument")
    collect([p for p in paths if p != "-"])  # bad input fails before the store is touched
    with Store.open(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)

        def tick(name: str, outcome: str) -> None:
            bar.update(task, advance=1)
            if outcome != "ingested":
                bar.console.print(f"{outcome}: {name}", markup=False)

        report = run_ingest(store, paths, published, tick, stop_on_error,
                            on_total=lambda n: bar.update(task, total=n))
        failed = {f.path: f.message for f in report.failed}
    for message in failed.values():
        err.print(message, markup=False)
    out.print(report.summary, markup=False)
    if not report.ingested and not report.already:
        raise MultipolarError(Code.MP110, failed=len(report.failed))


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
           fmt: Annotated[str, typer.Option("--format", help="facts")] = "facts",
           output: Annotated[str, typer.Option("-o", "--output", help="File, or - for stdout.")] = "-") -> None:
    """Export the store (facts JSON per the shared FACTS.md contract)."""
    if fmt not in exports.FORMATS:
        raise MultipolarError(Code.MP301, exit_code=2, value=fmt, choices=", ".join(exports.FORMATS))
    with Store.open(db, create=False, read_only=True) as store:
        text = json.dumps(exports.facts(store), ensure_ascii=False, indent=2, default=str)
    if output == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        Path(output).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise MultipolarError(Code.MP302, path=output, reason=exc.strerror) from exc
    out.print(f"wrote {output}", markup=False)
