"""The search files on a Dask cluster with what the build process holds bounded at any corpus size (issue #26): the
documents' entities numbered on the workers (no list of the ids here), and a few ranges of terms in flight at a
time (the scheduler's record of the tasks does not grow with partitions × ranges). On a LocalCluster of this
machine (loopback only)."""

from __future__ import annotations

from functools import partial

import pytest

from newsreader.core.search import facets_on_dask, on_dask as dask_search, shards
from newsreader.search import facet_pieces, search_files, shown, streamed


@pytest.mark.parametrize("ordered", [True, False])
def test_the_facets_numbered_on_the_cluster_are_the_local_file(cluster, ordered, monkeypatch):
    import newsreader.search as glue
    from test_dask_sitewide import store_of

    monkeypatch.setattr(glue, "ROWS", 7)  # many pieces
    monkeypatch.setattr(facets_on_dask, "IDS", 40)  # the ids sent in several partitions
    store = store_of(300)
    if not ordered:  # ids out of order: numbered all the same
        store["entities"] = dict(reversed(store["entities"].items()))
    local = shards.dumps(shown(store)[1])

    def listed(ids):
        raise AssertionError("the entities' ids numbered in the build process")

    monkeypatch.setattr(glue, "_numbering", listed)
    search = dask_search.Search(cluster, [])
    pieces = list(facet_pieces(store, partial(facets_on_dask.pieces, search)))
    assert len(pieces) > 10
    assert "".join(pieces) == local
    store["docs"][5]["e"].append("e99999")  # an id that is not in the store is an error, as locally
    with pytest.raises(KeyError):
        "".join(facet_pieces(store, partial(facets_on_dask.pieces, search)))


def test_a_few_ranges_of_terms_are_in_flight_at_a_time(cluster, tmp_path, monkeypatch):
    from distributed import Future
    from test_dask import search_documents, tree

    docs, store = search_documents(700)
    local = search_files(docs, store)
    held, result = [], Future.result

    def counted(self, *args, **kwargs):  # the scheduler's tasks whenever the build process waits for a result
        held.append(cluster.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)))
        return result(self, *args, **kwargs)

    monkeypatch.setattr(Future, "result", counted)
    search = dask_search.Search(cluster, docs, partition=70, range_terms=30)  # 10 partitions, many ranges
    dask_search.write(search, tmp_path, *streamed(store))
    assert tree(tmp_path) == {path: text.encode() for path, text in local.items()}
    partitions, window = 10, dask_search.AHEAD * 2
    # Gathering a range is a task per partition; the tasks a range was made by are forgotten once it is here.
    bound = window * (partitions + 4) + 6 * partitions  # a few ranges' tasks, and a few a partition: not per range
    assert search.ranges * partitions > 3 * bound
    assert max(held) <= bound
