"""The tantivy index on disk: lost, corrupt or outdated indexes are rebuilt from the guides and
logged, and many threads (or processes) can search and write at once."""

import datetime
import shutil
import threading
import time

import pytest

from search.base import GuideDocument
from search.engines import tantivy as tantivy_engine
from search.engines.tantivy import TantivyEngine
from search.synonyms import SynonymTable

GUIDES = [
    GuideDocument(n, f"guide-{n}", title, "Ingress.", (), body, ("ledarskap",), (), datetime.date(2026, 1, n))
    for n, title, body in [
        (1, "Ge och ta emot feedback", "Beskriv vad du såg."),
        (2, "Lönesamtal med medarbetare", "Gå igenom lönekriterierna."),
        (3, "Delegera med tydlighet", "Lämna över ansvar, inte bara uppgifter."),
    ]
]


def lose(path) -> None:
    """Delete an index folder as an operator or a full disk's clean-up might. tantivy's merge
    thread may still be writing a segment into it ("Directory not empty"): delete until it is gone."""
    for _ in range(100):
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} could not be deleted")


def run_together(*calls) -> list[BaseException]:
    """Run each (function, *args) in its own thread at once; the exceptions they raised.

    An exception in a thread would otherwise only reach pytest as a warning, and the test pass."""
    errors = []

    def guarded(function, *args):
        try:
            function(*args)
        except BaseException as error:  # noqa: BLE001 - every failure in a thread fails the test
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def engine_at(path, guides=GUIDES):
    return TantivyEngine(path, documents=lambda: guides, synonyms=SynonymTable)


@pytest.fixture
def index_path(tmp_path):
    path = tmp_path / "search-index"
    engine_at(path).rebuild(GUIDES)
    return path


def found(engine, query):
    return [hit.id for hit in engine.search(query).hits]


def test_a_missing_index_is_rebuilt_from_the_guides_and_logged(index_path, caplog):
    lose(index_path)
    assert found(engine_at(index_path), "feedback") == [1]
    assert "rebuilding it" in caplog.text


def _garble_meta(path):
    (path / "meta.json").write_text("{garbage")


def _delete_meta(path):
    (path / "meta.json").unlink()


def _truncate_the_stored_texts(path):
    for store in path.glob("*.store"):
        with open(store, "r+b") as file:
            file.truncate(8)


def _delete_the_postings(path):
    for postings in path.glob("*.idx"):
        postings.unlink()


@pytest.mark.parametrize("damage", [_garble_meta, _delete_meta, _truncate_the_stored_texts, _delete_the_postings])
def test_a_corrupt_index_is_rebuilt_from_the_guides_and_logged(index_path, caplog, damage):
    damage(index_path)
    engine = engine_at(index_path)
    assert found(engine, "lönesamtal") == [2]
    assert engine.status() == {"ok": True, "engine": "tantivy", "path": str(index_path), "documents": 3}
    assert "rebuilding it" in caplog.text


@pytest.mark.parametrize("damage", [_garble_meta, _delete_meta, _truncate_the_stored_texts, lose])
def test_an_index_damaged_while_in_use_is_rebuilt_by_the_next_search(index_path, caplog, damage):
    engine = engine_at(index_path)
    assert found(engine, "feedback") == [1]
    damage(index_path)
    assert found(engine, "lönesamtal") == [2]  # no exception reaches the page: the search repairs it
    assert "rebuilding it" in caplog.text
    assert engine.status()["documents"] == 3


def test_an_index_of_an_older_schema_is_rebuilt(index_path, caplog):
    (index_path / tantivy_engine.VERSION_FILE).write_text("0")
    assert found(engine_at(index_path), "delegera") == [3]
    assert "older schema" in caplog.text


def test_an_index_lost_while_in_use_is_rebuilt_on_the_next_write(index_path, caplog):
    engine = engine_at(index_path)
    assert found(engine, "feedback") == [1]
    lose(index_path)
    newcomer = GuideDocument(4, "guide-4", "Arbetsglädje", "", (), "", (), (), datetime.date(2026, 2, 1))
    engine.index([newcomer])
    assert found(engine, "arbetsglädje") == [4]
    assert found(engine, "feedback") == [1]
    assert "rebuilding it" in caplog.text


def test_searches_in_many_threads_while_guides_are_written(index_path):
    engine = engine_at(index_path)
    failures = []

    def search_repeatedly():
        for _ in range(40):
            results = engine.search("feedback")
            if [hit.id for hit in results.hits] != [1]:
                failures.append(results)

    def write_repeatedly():
        for n in range(10, 25):
            engine.index([GuideDocument(n, f"g-{n}", f"Guide {n}", "", (), "", (), (), datetime.date(2026, 3, 1))])

    errors = run_together(*[(search_repeatedly,)] * 4, (write_repeatedly,))
    assert errors == [] and failures == []
    assert engine.status()["documents"] == 3 + 15


def test_two_processes_writing_one_index_take_turns(index_path):
    # Two engines on one directory hold separate tantivy indexes, as two worker processes would.
    first, second = engine_at(index_path), engine_at(index_path)

    def write(engine, numbers):
        for n in numbers:
            engine.index([GuideDocument(n, f"g-{n}", f"Guide {n}", "", (), "", (), (), datetime.date(2026, 3, 1))])

    assert run_together((write, first, range(100, 110)), (write, second, range(200, 210))) == []
    assert engine_at(index_path).status()["documents"] == 3 + 20


def test_a_commit_by_another_process_is_seen_by_the_next_search(index_path):
    """Two engines on one folder stand for two gunicorn processes: the reader must not serve the
    old index after the writer's commit (its results may be kept for the current content)."""
    reader, writer = engine_at(index_path), engine_at(index_path)
    assert found(reader, "delegera") == [3]  # the reader has the index open
    writer.remove([3])
    assert found(reader, "delegera") == []
