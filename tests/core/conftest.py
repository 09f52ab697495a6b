"""Fixtures the core's tests share."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cluster():
    """A Dask LocalCluster of two worker processes (one thread each) and its scheduler, all on 127.0.0.1."""
    from distributed import Client, LocalCluster  # noqa: PLC0415 - only the Dask tests need it

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=40) as local, Client(local) as client:
        client.wait_for_workers(2, timeout=60)
        yield client
