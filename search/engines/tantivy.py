"""The embedded default engine: a tantivy index on local disk (CHEFSGUIDER_SEARCH_INDEX_DIR).

Writes go through one writer at a time (a lock in the process, tantivy's lock file across
processes) and are visible to every reader thread when they return. A missing, unreadable or
outdated index is rebuilt from the engine's document source and logged, never raised to a request.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from search import spelling
from search.analysis import ANALYZERS, is_stopword, stem, stems, unfoldings, words
from search.base import SORT_UPDATED, GuideDocument, SearchFilters, searchable
from search.pipeline import (
    COMPOUND_WEIGHT,
    CORRECTION_WEIGHT,
    PROXIMITY_WEIGHT,
    SPELLING_WEIGHT,
    SYNONYM_WEIGHT,
    TIE_BREAKER,
    AnalysedEngine,
    RetrievedPage,
    StoredGuide,
    analyse,
)
from search.query import Concept, QueryPlan

logger = logging.getLogger(__name__)

#: Bump when fields or analyzers change: an index of another version is rebuilt on open.
SCHEMA_VERSION = "8"  # 6: search words (keywords); 7: members-only guides without headings and body; 8: area
VERSION_FILE = "chefsguider-schema-version"

# Title > ingress and editors' search words > headings > body; the weights of the other ways to
# match are in search.pipeline.
FIELD_BOOSTS = {"title": 3.0, "summary": 2.0, "keywords": 2.0, "headings": 1.5, "body": 1.0}
FUZZY_BOOST = 0.2
PROXIMITY_SLOP = 3
FUZZY_FIELDS = ("title", "body")
#: Completions read at most this many vocabulary words with the typed prefix.
PREFIX_TERMS = 5_000

WRITER_HEAP_BYTES = 128_000_000
WRITER_LOCK_WAIT_SECONDS = 30.0
#: A broken index is rebuilt at most this often, so a bug cannot turn every query into a rebuild.
RECOVERY_INTERVAL_SECONDS = 60.0
#: Words of misspellings are looked for in this many guides that contain a near word.
SPELLING_SAMPLE = 3
STORAGE_ERRORS = ("corrupt", "failed to open", "ioerror", "does not exist", "footer")


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in FIELD_BOOSTS:  # each holds its text, then the parts of its compounds
        builder.add_text_field(name, stored=name != "headings", tokenizer_name="sv_stem")
    builder.add_text_field("words", tokenizer_name="sv_words", index_option="basic")
    builder.add_text_field("title_prefix", tokenizer_name="sv_prefix")
    builder.add_text_field("area", fast=True, tokenizer_name="raw")
    builder.add_text_field("situation", fast=True, tokenizer_name="raw")
    builder.add_integer_field("updated", indexed=True, fast=True)
    builder.add_boolean_field("members_only", stored=True)
    return builder.build()


def _is_storage_error(error: Exception) -> bool:
    return isinstance(error, OSError) or (
        isinstance(error, ValueError) and any(marker in str(error).lower() for marker in STORAGE_ERRORS)
    )


class TantivyEngine(AnalysedEngine):
    name = "tantivy"

    def __init__(self, path: str | Path, **options) -> None:
        super().__init__(**options)
        self.path = Path(path)
        self._schema = _schema()
        self._index: tantivy.Index | None = None
        self._open_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._last_recovery = float("-inf")

    def _search(self, *args, **kwargs):
        # Commits of other processes reach this process's reader only after a delay; reloading
        # first (a few microseconds when nothing changed) makes every search see them at once, so
        # no result kept for the current content (operations.content_cache) comes from an old index.
        # Inside the search's guard: an index damaged or lost while in use fails the reload, and is
        # rebuilt like any other failed search's.
        self._get_index().reload()
        return super()._search(*args, **kwargs)

    # The index on disk ------------------------------------------------------------------------

    def _get_index(self, *, refill: bool = True) -> tantivy.Index:
        if self._index is None:
            with self._open_lock:
                if self._index is None:
                    self._index = self._open_or_rebuild(refill)
        return self._index

    def _open_or_rebuild(self, refill: bool) -> tantivy.Index:
        """The index on disk; a new one, filled from the document source if refill, when it is unusable."""
        try:
            index = self._open_existing()
            problem = None if index else "missing or of an older schema"
        except Exception as error:
            index, problem = None, f"unreadable ({error})"
        if index:
            return index
        if not refill:
            logger.info("Creating a search index at %s", self.path)
            return self._create()
        logger.warning("Search index at %s is %s; rebuilding it from the database", self.path, problem)
        index = self._create()
        count = self._write(index, self._documents(), replace_all=True)
        logger.warning("Search index at %s rebuilt with %d guides", self.path, count)
        return index

    def _open_existing(self) -> tantivy.Index | None:
        version_file = self.path / VERSION_FILE
        if not version_file.is_file() or version_file.read_text().strip() != SCHEMA_VERSION:
            return None
        if not tantivy.Index.exists(str(self.path)):
            return None
        index = self._prepare(tantivy.Index.open(str(self.path)))
        _ = index.searcher().num_docs  # opens every segment, so missing files show now, not mid-request
        return index

    def _create(self) -> tantivy.Index:
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        index = self._prepare(tantivy.Index(self._schema, path=str(self.path), reuse=False))
        (self.path / VERSION_FILE).write_text(SCHEMA_VERSION)
        return index

    @staticmethod
    def _prepare(index: tantivy.Index) -> tantivy.Index:
        for name, analyzer in ANALYZERS.items():
            index.register_tokenizer(name, analyzer)
        index.config_reader(reload_policy="commit")  # commits of other processes show up by themselves
        index.reload()
        return index

    def _recover(self, error: Exception) -> bool:
        if not _is_storage_error(error) or time.monotonic() - self._last_recovery < RECOVERY_INTERVAL_SECONDS:
            return False
        self._last_recovery = time.monotonic()
        logger.error("Search index at %s failed (%s); rebuilding it", self.path, error)
        with self._open_lock:
            shutil.rmtree(self.path, ignore_errors=True)
            self._index = None
        self._get_index()
        return True

    # Writing ----------------------------------------------------------------------------------

    def _writer(self, index: tantivy.Index) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_LOCK_WAIT_SECONDS
        while True:
            try:
                return index.writer(heap_size=WRITER_HEAP_BYTES)
            except ValueError as error:  # another process is writing: wait for its commit
                if "LockBusy" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _write(
        self, index: tantivy.Index, documents: Iterable[GuideDocument], *, remove: Iterable[int] = (), replace_all=False
    ) -> int:
        count = 0
        with self._write_lock:
            writer = self._writer(index)
            try:
                if replace_all:
                    writer.delete_all_documents()
                for guide_id in remove:
                    writer.delete_documents_by_term("id", int(guide_id))
                for document in documents:
                    if not replace_all:
                        writer.delete_documents_by_term("id", document.id)
                    writer.add_document(self._document(document))
                    count += 1
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()  # also releases the writer lock
            index.reload()
        return count

    @staticmethod
    def _document(guide: GuideDocument) -> tantivy.Document:
        document = tantivy.Document()
        document.add_integer("id", guide.id)
        document.add_text("title", guide.title)
        document.add_text("summary", guide.summary)
        for heading in guide.headings:
            document.add_text("headings", heading)
        document.add_text("body", guide.body)
        for keyword in guide.keywords:
            document.add_text("keywords", keyword)
        analysed = analyse(guide)
        for field, parts in analysed.parts.items():
            if parts:  # a second value: stored fields still read back the text first
                document.add_text(field, parts)
        # Each distinct word once is all the spelling vocabulary needs.
        document.add_text("words", " ".join(analysed.vocabulary))
        document.add_text("title_prefix", guide.title)
        for area in guide.areas:
            document.add_text("area", area)
        for situation in guide.situations:
            document.add_text("situation", situation)
        document.add_integer("updated", guide.updated.toordinal())
        document.add_boolean("members_only", guide.members_only)
        return document

    def _writing(self, write: Callable[[tantivy.Index], object], *, refill: bool = True) -> None:
        """Run a write; if the index turns out to be broken, rebuild it and write once more."""
        try:
            write(self._get_index(refill=refill))
        except Exception as error:
            if not self._recover(error):
                raise
            write(self._get_index())

    def index(self, documents: Iterable[GuideDocument]) -> None:
        documents = [searchable(document) for document in documents]
        self._writing(lambda index: self._write(index, documents))

    def remove(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        self._writing(lambda index: self._write(index, (), remove=ids))

    def rebuild(self, documents: Iterable[GuideDocument]) -> None:
        documents = map(searchable, documents)
        self._writing(lambda index: self._write(index, documents, replace_all=True), refill=False)

    # Reading ----------------------------------------------------------------------------------

    def status(self) -> dict:
        try:
            documents = self._get_index().searcher().num_docs
        except Exception as error:
            return {"ok": False, "engine": self.name, "path": str(self.path), "error": str(error)}
        return {"ok": True, "engine": self.name, "path": str(self.path), "documents": documents}

    def _indexed_words(self) -> Iterable[str]:
        return (term for term, _ in self._get_index().searcher().terms_with_prefix("words", "", limit=None))

    def _known(self, concepts: tuple[Concept, ...]) -> list[bool]:
        searcher = self._get_index().searcher()
        return [self._in_index(searcher, concept.word) for concept in concepts]

    def _shares(self, words: list[str]) -> tuple[int, Mapping[str, float]]:
        searcher = self._get_index().searcher()
        guides = searcher.num_docs
        using = {
            word: max(searcher.doc_freq(field, form) for form in stems(word) for field in FIELD_BOOSTS)
            for word in words
        }
        return guides, {word: n / guides for word, n in using.items()} if guides else {}

    @staticmethod
    def _in_index(searcher: tantivy.Searcher, word: str) -> bool:
        return any(searcher.doc_freq(field, form) for form in stems(word) for field in FIELD_BOOSTS)

    def _spelt(self, words: list[str]) -> set[str]:
        searcher = self._get_index().searcher()
        return {word for word in words if searcher.doc_freq("words", word)}

    def _spellings(self, word: str) -> tuple[str, ...]:
        searcher = self._get_index().searcher()
        return tuple(spelling for spelling in unfoldings(word)[1:] if self._in_index(searcher, spelling))

    def _words_near(self, word: str, max_edits: int) -> Mapping[str, int]:
        searcher = self._get_index().searcher()
        near = {candidate: df for candidate in spelling.edits1(word) if (df := searcher.doc_freq("words", candidate))}
        if near:
            return near
        # Further than one edit, or only near as stems: read the words of a few guides the fuzzy
        # search finds, keeping those that start like the query word (few typos are in the first letter).
        # Only words of the vocabulary may be offered, which keeps out a members-only guide's body.
        for _, address in searcher.search(self._fuzzy(word, max_edits), SPELLING_SAMPLE).hits:
            document = searcher.doc(address)
            text = " ".join(document.get_all("title") + document.get_all("summary") + document.get_all("body"))
            for candidate in set(words(text.lower())):
                if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= max_edits + 2:
                    if documents := searcher.doc_freq("words", candidate):
                        near[candidate] = documents
        return near

    def _retrieve(self, plan: QueryPlan, filters: SearchFilters, *, sort, limit, offset, widen=False) -> RetrievedPage:
        searcher = self._get_index().searcher()
        matching = self._matching(plan, widen)
        everything = self._filtered(matching, filters.areas, filters.situations)
        asked = max(limit, 1)  # tantivy panics on 0; a count without guides still counts
        if plan.is_empty or sort == SORT_UPDATED:
            result = searcher.search(
                everything, asked, offset=offset, order_by_field="updated", order=tantivy.Order.Desc
            )
            addresses = [address for _, address in result.hits][:limit]
            scores = self._scores(searcher, everything, addresses)
        else:
            result = searcher.search(everything, asked, offset=offset)
            addresses = [address for _, address in result.hits][:limit]
            scores = [score for score, _ in result.hits][:limit]
        guides = [self._stored(searcher.doc(address), score) for address, score in zip(addresses, scores, strict=True)]
        facets = {} if widen else self._facets(searcher, matching, filters)
        return RetrievedPage(guides=guides, total=result.count, facets=facets)

    def _facets(self, searcher: tantivy.Searcher, matching: Query, filters: SearchFilters) -> dict:
        """Counts per area with only the situation filter applied, and per situation with only the area filter."""
        if not filters.areas and not filters.situations:  # one pass counts both
            return self._counts(searcher, matching, ["area", "situation"])
        in_situations = self._filtered(matching, (), filters.situations)
        in_areas = self._filtered(matching, filters.areas, ())
        return {
            **self._counts(searcher, in_situations, ["area"]),
            **self._counts(searcher, in_areas, ["situation"]),
        }

    def _scores(self, searcher: tantivy.Searcher, query: Query, addresses: list) -> list[float]:
        """Relevance of guides found in another order, for Hit.score."""
        ids = [int(guide_id) for guide_id in searcher.fast_field_values("id", addresses)]
        if not ids:
            return []
        only_these = Query.term_set_query(self._schema, "id", ids)
        found = searcher.search(query.and_must_match(only_these), len(ids)).hits
        by_id = {searcher.doc(address).get_first("id"): score for score, address in found}
        return [by_id.get(guide_id, 0.0) for guide_id in ids]

    @staticmethod
    def _stored(document: tantivy.Document, score: float) -> StoredGuide:
        return StoredGuide(
            id=document.get_first("id"),
            score=float(score),
            summary=document.get_first("summary") or "",
            body=document.get_first("body") or "",
            members_only=bool(document.get_first("members_only")),
        )

    @staticmethod
    def _counts(searcher: tantivy.Searcher, query: Query, fields: list[str]) -> dict[str, dict[str, int]]:
        aggregation = searcher.aggregate(
            query, {field: {"terms": {"field": field, "size": 10_000}} for field in fields}
        )
        return {field: {b["key"]: b["doc_count"] for b in aggregation[field]["buckets"]} for field in fields}

    def _filtered(self, query: Query, areas: Iterable[str], situations: Iterable[str]) -> Query:
        """query AND (any of areas) AND (any of situations); filters add nothing to scores."""
        clauses = [(Occur.Must, query)]
        for field, values in (("area", list(areas)), ("situation", list(situations))):
            if values:
                clauses.append(
                    (Occur.Must, Query.const_score_query(Query.term_set_query(self._schema, field, values), 0.0))
                )
        return Query.boolean_query(clauses) if len(clauses) > 1 else query

    # From a query plan to a tantivy query -----------------------------------------------------

    def _matching(self, plan: QueryPlan, widen: bool) -> Query:
        if plan.is_empty:
            return Query.all_query()
        # Common concepts (QueryPlan.with_common_concepts) only add to the score; the nearest guides
        # may be found by any concept.
        chosen_by = plan.concepts if widen else plan.core()
        concepts = [self._concept(concept, widen) for concept in chosen_by]
        required = 1 if widen else plan.required
        core = Query.boolean_query([(Occur.Should, q) for q in concepts], minimum_number_should_match=required)
        extra = [(Occur.Should, self._concept(c, widen)) for c in plan.concepts if c not in chosen_by]
        extra += [(Occur.Should, q) for a, b in plan.adjacent_pairs() for q in self._near(a.word, b.word)]
        return Query.boolean_query([(Occur.Must, core), *extra]) if extra else core

    def _concept(self, concept: Concept, widen: bool) -> Query:
        ways = [Query.boost_query(self._word(concept.word), concept.literal_weight)]
        ways += [Query.boost_query(self._word(spelling), SPELLING_WEIGHT) for spelling in concept.spellings]
        ways += [Query.boost_query(self._all_of(synonym), SYNONYM_WEIGHT) for synonym in concept.synonyms]
        ways += [Query.boost_query(self._all_of(other.words), other.weight) for other in concept.related]
        if concept.compound:
            head, tail = concept.compound
            forms = [self._any_of(half) for half in concept.compound_halves()]
            near = [(Occur.Should, q) for q in self._near(head, tail)]
            halves = Query.boolean_query(
                [(Occur.Should if widen else Occur.Must, form) for form in forms] + ([] if widen else near)
            )
            ways.append(Query.boost_query(halves, COMPOUND_WEIGHT))
        if concept.correction:
            ways.append(Query.boost_query(self._word(concept.correction), CORRECTION_WEIGHT))
        if concept.max_edits and (widen or concept.needs_spelling):
            ways.append(Query.boost_query(self._fuzzy(concept.word, concept.max_edits), FUZZY_BOOST))
        best = Query.disjunction_max_query(ways, tie_breaker=TIE_BREAKER)
        return best if concept.emphasis == 1.0 else Query.boost_query(best, concept.emphasis)

    def _fuzzy(self, word: str, distance: int) -> Query:
        """Stems within distance edits of the word's stem in a title or body: typos and inflections
        combine ("sjukskrivnig" meets "sjukskriven")."""
        return Query.boolean_query(
            [
                (Occur.Should, Query.fuzzy_term_query(self._schema, field, stem(word), distance=distance))
                for field in FUZZY_FIELDS
            ]
        )

    def _word(self, word: str) -> Query:
        """One word anywhere in a guide, weighted by where it stands."""
        return Query.boolean_query(
            [
                (Occur.Should, Query.boost_query(self._term(field, word_stem), boost))
                for word_stem in stems(word)
                for field, boost in FIELD_BOOSTS.items()
            ]
        )

    def _any_of(self, words: Iterable[str]) -> Query:
        return Query.boolean_query([(Occur.Should, self._word(word)) for word in words])

    def _all_of(self, phrase: Iterable[str], bonus: Iterable[Query] = ()) -> Query:
        phrase = list(phrase)
        meaningful = [word for word in phrase if not is_stopword(word)] or phrase
        return Query.boolean_query(
            [(Occur.Must, self._word(word)) for word in meaningful] + [(Occur.Should, q) for q in bonus]
        )

    def _near(self, first: str, second: str) -> list[Query]:
        """A bonus for two words close together, in either order, in the title or the body."""
        terms = [stem(first), stem(second)]
        return [
            Query.boost_query(
                Query.phrase_query(self._schema, field, terms, slop=PROXIMITY_SLOP), PROXIMITY_WEIGHT * boost
            )
            for field, boost in (("title", FIELD_BOOSTS["title"]), ("body", FIELD_BOOSTS["body"]))
        ]

    def _term(self, field: str, text: str) -> Query:
        return Query.term_query(self._schema, field, text)

    # Completion -------------------------------------------------------------------------------

    def _titles_starting(self, text: str, limit: int) -> list[str]:
        title_words = ANALYZERS["sv_prefix"].analyze(text)
        if not title_words:
            return []
        searcher = self._get_index().searcher()
        titles = Query.phrase_prefix_query(self._schema, "title_prefix", title_words)
        return [searcher.doc(address).get_first("title") for _, address in searcher.search(titles, limit).hits]

    def _frequent_words(self, prefix: str, limit: int) -> list[str]:
        terms = self._get_index().searcher().terms_with_prefix("words", prefix, limit=PREFIX_TERMS)
        return [term for term, _ in sorted(terms, key=lambda term: -term[1])[:limit]]
