"""`kztrade extract --engine dask`: the same partitions and the same runner as the local engine, on Dask.

The client sends Dask only descriptions of partitions (corpus.Part: lists of files, byte ranges of a .jsonl,
runs of row groups of a .parquet), never texts. Each task reads its own documents, extracts them and writes
its own part file into the output folder (a shared file system, as dask's own to_parquet assumes); only
counts and errors travel back. A bounded number of tasks is in flight, so neither the client nor the
scheduler holds the whole corpus's task list. Without --scheduler a local cluster of --jobs worker
processes is started. The listing, the check of ids across partitions and the all-or-nothing commit are
corpus.run_extract's, so the output is the local engine's, part for part.
"""
from __future__ import annotations

from typing import Iterator

from .corpus import Part, run_part

IN_FLIGHT_PER_WORKER = 3  # one running, the next ones queued on the worker so it never waits for the client


def missing() -> bool:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return True
    return False


def dask_map(stream: Iterator[tuple[int, Part]], outs: list[tuple[str, str]], lang: str | None, jobs: int,
             scheduler: str | None = None) -> Iterator[tuple[int, Part, dict]]:
    """(index, part) pairs in, (index, part, run_part's answer) out, in input order, run on Dask."""
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # a cluster of our own samples no stacks every 10 ms and no GIL every 1 ms: nobody looks at them, and
        # on a small machine they take CPU from the extraction (the workers inherit this config)
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.admin.system-monitor.gil.enabled": False}):
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        it = iter(stream)
        running: dict = {}
        done: dict[int, tuple[Part, dict]] = {}
        queue = as_completed()

        def submit() -> None:
            if (item := next(it, None)) is not None:
                index, part = item
                future = client.submit(run_part, part, index, outs, lang, pure=False)
                running[future.key] = item
                queue.add(future)

        for _ in range(IN_FLIGHT_PER_WORKER * workers):
            submit()
        following = 0
        for future in queue:
            index, part = running.pop(future.key)
            done[index] = (part, future.result())  # a task's exception is raised here
            future.release()
            submit()
            while following in done:
                part, result = done.pop(following)
                yield following, part, result
                following += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
