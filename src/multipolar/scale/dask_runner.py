"""Run the pipeline's stages on a Dask distributed cluster (an existing engine, no home-made
scheduler): documents go out in partitions, at most a few partitions are in flight at once so
that memory stays bounded, and results come back to the single writer as they complete."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from ..ingest import StageFailure, process_batch
from ..model import Document


class DaskRunner:
    """A runner for `ingest`: maps `process_batch` over partitions of documents."""

    def __init__(self, client, partition_size: int = 20, in_flight: int | None = None) -> None:  # type: ignore[no-untyped-def]
        self.client = client
        self.partition_size = partition_size
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.in_flight = in_flight or 2 * workers

    def __call__(self, docs: list[Document], published: str | None) -> Iterator[Document | StageFailure]:
        from distributed import as_completed

        batches = _chunks(docs, self.partition_size)
        running = as_completed()
        for batch in islice(batches, self.in_flight):
            running.add(self.client.submit(process_batch, batch, published, pure=False))
        for future in running:
            yield from future.result()
            future.release()
            following = next(batches, None)
            if following is not None:
                running.add(self.client.submit(process_batch, following, published, pure=False))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[object]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes
    bound to 127.0.0.1."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
