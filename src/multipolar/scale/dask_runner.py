"""Run the pipeline's stages on a Dask distributed cluster (an existing engine, no home-made
scheduler): partitions go out as tasks, at most a few are in flight at once so that memory
stays bounded, and their results come back to the single writer in corpus order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

from ..errors import Code, MultipolarError
from ..ingest import Done, Work, process_partition

CONNECT_TIMEOUT_S = 10


class DaskRunner:
    """A runner for `ingest`: maps `process_partition` over the partitions of a corpus."""

    def __init__(self, client, in_flight: int | None = None) -> None:  # type: ignore[no-untyped-def]
        self.client = client
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.in_flight = in_flight or 2 * workers

    def __call__(self, works: Iterator[Work], published: str | None, parts: str | None) -> Iterator[Done]:
        # Results come back in the order the partitions were sent, so that the store is loaded
        # in corpus order whatever finishes first: a run stopped midway has loaded a prefix of
        # the corpus, and rows numbered or stamped on loading follow the single-process order.
        running = deque(self._submit(work, published, parts) for work in islice(works, self.in_flight))
        while running:
            future = running.popleft()
            done = future.result()
            future.release()
            following = next(works, None)
            if following is not None:
                running.append(self._submit(following, published, parts))
            yield done

    def _submit(self, work: Work, published: str | None, parts: str | None):  # type: ignore[no-untyped-def]
        return self.client.submit(process_partition, work, published, parts, pure=False)


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[object]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes
    bound to 127.0.0.1."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, ValueError, TypeError) as exc:  # refused, timed out, not an address
            raise MultipolarError(Code.MP306, address=scheduler, reason=_reason(exc)) from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
