"""The temporal rules' own examples, run through the public :func:`rules.resolve`: each registered reader reads what its
declaration says it reads (so no reader tried before it takes the expression away), and declines what it says it
declines. The registry's order is total and unique, and every module that declares a reader is one the rules load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsreader.core.timex import registry, rules

TIMEX = Path(rules.__file__).parent
READERS = registry.resolvers()


def _cases():
    for reader in READERS:
        for example in reader.examples:
            yield pytest.param(reader, example, id=f"{reader.name}: {example.text}")


def test_every_reader_has_examples_of_what_it_reads():
    assert len(READERS) >= 27
    for reader in READERS:
        assert 2 <= len(reader.examples) <= 4, reader.name
        assert any(not e.declined for e in reader.examples), reader.name


@pytest.mark.parametrize("reader, example", _cases())
def test_example(reader, example):
    ctx = example.context()
    found = rules.resolve(example.text, ctx)
    got = None if found is None else (found.type, found.value)
    assert got == (None if example.declined else (example.type, example.value))
    by, answer = rules.reading(example.text, ctx)
    if example.declined:  # no reader read it; if one recognised it, it is this one (answering False)
        assert by is None or (by.name == reader.name and answer is False), by and by.name
    else:  # this reader read it, not one tried before it
        assert by is not None and by.name == reader.name, by and by.name


def test_the_order_is_total_and_unique():
    orders = [r.order for r in READERS]
    assert all(isinstance(o, int) for o in orders)
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    assert len({r.name for r in READERS}) == len(READERS)
    assert len({r.read for r in READERS}) == len(READERS)  # no reader registered twice under two names


def test_a_second_reader_at_a_taken_order_or_name_is_refused():
    taken = READERS[0]
    example = [("tomorrow", registry.DAY, "future", "DATE", "2019-11-20")]
    with pytest.raises(ValueError, match="order"):
        registry.resolver("another", order=taken.order, examples=example)(lambda low, text, ctx: None)
    with pytest.raises(ValueError, match="named"):
        registry.resolver(taken.name, order=taken.order + 1, examples=example)(lambda low, text, ctx: None)
    with pytest.raises(ValueError, match="type and value"):
        registry.resolver("odd", order=5, examples=[("tomorrow", registry.DAY, None, "DATE", None)])(
            lambda low, text, ctx: None)
    assert registry.resolvers() == READERS  # nothing refused was registered


def test_every_module_that_declares_a_reader_is_loaded_by_the_rules():
    declaring = {path.stem for path in TIMEX.glob("*.py")
                 if re.search(r"^@resolver\(", path.read_text(encoding="utf-8"), re.M)}
    loaded = {reader.module.rsplit(".", 1)[-1] for reader in READERS}
    assert declaring == loaded
    assert declaring - {"rules"} == {family.__name__.rsplit(".", 1)[-1] for family in rules.FAMILIES}
