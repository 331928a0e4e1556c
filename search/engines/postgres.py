"""The shared engine: guides in a PostgreSQL table with weighted 'swedish' search vectors.

Title, ingress, headings and body, each with the parts of its compounds, are weighted A–D in one
generated vector; a smaller head vector holds all but the body (migration 0005); one GIN index
covers both (migration 0010), so a single scan finds the matches and which of them match in their
head. docs/search.md, "PostgreSQL engine", says how a search stays fast at 100,000 guides. A
vocabulary table of the guides' public words
(search.pipeline.public_vocabulary), each with how many guides use it, gives the Swedish spellings
of words typed without å, ä, ö, the trigram neighbours (pg_trgm) of misspelt words and completions.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import islice

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from search.analysis import fold, is_stopword, stem, unfoldings, words
from search.base import SORT_UPDATED, GuideDocument, SearchFilters, searchable
from search.models import GuideSearchEntry, VocabularyWord
from search.pipeline import (
    COMPOUND_WEIGHT,
    CORRECTION_WEIGHT,
    PROXIMITY_WEIGHT,
    SPELLING_WEIGHT,
    SYNONYM_WEIGHT,
    TIE_BREAKER,
    AnalysedEngine,
    AnalysedGuide,
    RetrievedPage,
    StoredGuide,
    analyse,
    field_words,
    public_vocabulary,
)
from search.query import Concept, QueryPlan

TABLE = GuideSearchEntry._meta.db_table
VOCABULARY = VocabularyWord._meta.db_table
#: ts_rank weights for D (body), C (headings), B (ingress), A (title).
RANK_WEIGHTS = "'{0.1, 0.25, 0.5, 1.0}'"
#: Above this many matches only the best candidates by coverage and by a match in the small head
#: vector (title, ingress, search words, headings) are ranked by the full vector, which is read
#: from TOAST and decompressed; up to it every match is, so a library of our size ranks exactly.
RANK_CANDIDATES = 200
#: A guide matching at least some of a query's concepts (a question: two of three, three of four)
#: is found by one condition the GIN index decides (_at_least), while no number of the concepts
#: has more combinations than this; a longer query reads each concept's matches and groups them.
MAX_COMBINATIONS = 20
#: `ts_rank` knows nothing of how many guides have a word (tantivy's BM25 does): each concept's
#: score counts 1 - SPECIFICITY_WEIGHT plus this times how specific its word is to few guides
#: (Concept.specificity), so in "sjukskriven medarbetare" a guide about being off sick outranks
#: one that says "medarbetare" in its title.
SPECIFICITY_WEIGHT = 0.9
#: A compound query word's halves found apart in a guide count this much of what they would as
#: words (_concept): less than the compound, whose halves stand together ("skydd" of
#: "anställningsskydd" is also the "skydd" of "skyddsombud").
APART_HALVES = 0.5
#: Each concept a guide matches adds this: partial matches of a long query rank by coverage first.
COVERAGE_WEIGHT = 1.0
BATCH_SIZE = 1000
#: The search vector's most common lexemes with the share of guides that have each, as the last
#: ANALYZE found them (a rebuild ends with one; autovacuum keeps them current).
COMMON_LEXEMES = f"""
    SELECT unnest(most_common_elems::text::text[]) AS lexeme, unnest(most_common_elem_freqs) AS share
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = '{TABLE}' AND attname = 'search_vector'
"""
#: What changes when ANALYZE (a rebuild's, autovacuum's) has made new statistics: a process reads
#: the common lexemes again only then (a third of a millisecond against 1.3 ms) ...
STATISTICS_VERSION = f"""concat_ws(' ',
    pg_stat_get_analyze_count('{TABLE}'::regclass), pg_stat_get_last_analyze_time('{TABLE}'::regclass),
    pg_stat_get_autoanalyze_count('{TABLE}'::regclass), pg_stat_get_last_autoanalyze_time('{TABLE}'::regclass))"""
#: ... or after this many seconds: the counters change when ANALYZE ends, before its transaction
#: commits the statistics, so a search in between may have read the old ones.
COMMON_LEXEMES_SECONDS = 60.0
SPELLING_NEIGHBOURS = 40
#: Memory for a search's sorts and kept matches (PostgreSQL's default of 4 MB spills the matches of
#: a common word in a library of 100,000 guides to disk).
SEARCH_WORK_MEM = "16MB"
#: Vocabulary words: letters only, as long as the column allows.
MAX_VOCABULARY_WORD = VocabularyWord._meta.get_field("word").max_length
ENTRY_FIELDS = [
    "title",
    "summary",
    "headings",
    "body",
    "keywords",
    "compound_parts",
    "areas",
    "situations",
    "updated",
    "members_only",
]


class _Params(dict):
    """Named query parameters, so one value can be used in several places of a statement."""

    def add(self, value) -> str:
        name = f"p{len(self)}"
        self[name] = value
        return f"%({name})s"


class PostgresEngine(AnalysedEngine):
    name = "postgres"

    def __init__(self, *, using: str = DEFAULT_DB_ALIAS, **options) -> None:
        super().__init__(**options)
        self.using = using
        # (statistics version, when read, {lexeme: share}, share of a lexeme not listed): _common_lexemes
        self._common: tuple[str, float, dict[str, float], float] | None = None

    def _execute(self, sql: str, params=None) -> None:
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)

    def _rows(self, sql: str, params=None) -> list[tuple]:
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _rows_with(self, settings: Mapping[str, str], sql: str, params) -> list[tuple]:
        """Rows of a statement run with these planner settings, and only it: the settings are put
        back afterwards, so a search inside a longer transaction (a request's, a test's) leaves
        nothing behind. SET LOCAL alone would last to the end of the outermost transaction."""
        names = list(settings)
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            changes = ", ".join(f"current_setting('{name}'), set_config('{name}', %s, true)" for name in names)
            cursor.execute(f"SELECT {changes}", list(settings.values()))
            previous = cursor.fetchone()[::2]
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            restore = ", ".join(f"set_config('{name}', %s, true)" for name in names)
            cursor.execute(f"SELECT {restore}", previous)
            return rows

    def _planned_rows(self, sql: str, params) -> list[tuple]:
        """Rows of a search statement, planned for the GIN indexes. A tsquery with a few common
        expansions can make the planner guess that a sequential scan is cheaper, which reads and
        decompresses every guide's vector (seconds at 100,000 guides); the index never does. The
        matches a search keeps (tens of thousands in a large library) stay in memory. No parallel
        workers: a search's UNION ALL is read in order (_retrieve)."""
        settings = {"enable_seqscan": "off", "work_mem": SEARCH_WORK_MEM, "max_parallel_workers_per_gather": "0"}
        return self._rows_with(settings, sql, params)

    # Writing ----------------------------------------------------------------------------------

    @staticmethod
    def _entry(guide: GuideDocument, analysed: AnalysedGuide) -> GuideSearchEntry:
        return GuideSearchEntry(
            guide_id=guide.id,
            title=guide.title,
            summary=guide.summary,
            headings="\n".join(guide.headings),
            body=guide.body,
            keywords="\n".join(guide.keywords),
            compound_parts=analysed.parts,
            areas=list(guide.areas),
            situations=list(guide.situations),
            updated=guide.updated,
            members_only=guide.members_only,
        )

    def _stored_vocabulary(self, ids: list[int]) -> Counter:
        """How many of these guides, as stored now, use each vocabulary word (rows locked until commit)."""
        rows = (
            GuideSearchEntry.objects.using(self.using)
            .select_for_update()
            .filter(guide_id__in=ids)
            .values_list("title", "summary", "headings", "body", "keywords", "members_only")
        )
        return Counter(
            word for *texts, members_only in rows for word in public_vocabulary(field_words(*texts), members_only)
        )

    def _store(self, documents: Iterable[GuideDocument], *, replacing: bool = True) -> None:
        """Write the guides' entries and count their words into the vocabulary, less the words of
        the entries they replace (none to look up when replacing=False: the table was emptied)."""
        entries = GuideSearchEntry.objects.using(self.using)
        change: Counter = Counter()
        documents = iter(documents)
        while batch := list(islice(documents, BATCH_SIZE)):
            if replacing:
                change.subtract(self._stored_vocabulary([guide.id for guide in batch]))
            analysed = [analyse(guide) for guide in batch]
            for guide in analysed:
                change.update(guide.vocabulary)
            entries.bulk_create(
                [self._entry(guide, found) for guide, found in zip(batch, analysed, strict=True)],
                update_conflicts=True,
                unique_fields=["guide_id"],
                update_fields=ENTRY_FIELDS,
            )
        self._count_words(change)

    def _count_words(self, change: Counter) -> None:
        """Apply changes in how many guides use each word; a word no guide uses any more is dropped."""
        change = {
            word: n for word, n in change.items() if n and word.isalpha() and 2 <= len(word) <= MAX_VOCABULARY_WORD
        }
        if not change:
            return
        params = [list(change), list(change.values())]
        changes = "unnest(%s::text[], %s::int[]) AS change(word, n)"
        self._execute(
            f"DELETE FROM {VOCABULARY} AS v USING {changes} WHERE v.word = change.word AND v.documents + change.n <= 0",
            params,
        )
        self._execute(
            f"""
            INSERT INTO {VOCABULARY} (word, documents) SELECT word, n FROM {changes} WHERE n > 0
            ON CONFLICT (word) DO UPDATE SET documents = {VOCABULARY}.documents + EXCLUDED.documents
            """,
            params,
        )
        self._execute(
            f"UPDATE {VOCABULARY} AS v SET documents = v.documents + change.n FROM {changes} "
            "WHERE v.word = change.word AND change.n < 0",
            params,
        )

    def index(self, documents: Iterable[GuideDocument]) -> None:
        with transaction.atomic(using=self.using):
            self._store(map(searchable, documents))

    def remove(self, ids: Iterable[int]) -> None:
        ids = [int(guide_id) for guide_id in ids]
        with transaction.atomic(using=self.using):
            change = Counter()
            change.subtract(self._stored_vocabulary(ids))
            GuideSearchEntry.objects.using(self.using).filter(guide_id__in=ids).delete()
            self._count_words(change)

    def rebuild(self, documents: Iterable[GuideDocument]) -> None:
        with transaction.atomic(using=self.using):
            GuideSearchEntry.objects.using(self.using).all().delete()
            VocabularyWord.objects.using(self.using).all().delete()
            self._store(map(searchable, documents), replacing=False)
            self._execute(f"ANALYZE {TABLE}, {VOCABULARY}")  # plan queries for the new contents
        self._common = None  # new statistics (a transaction may still see the old version: _common_lexemes)

    # Reading ----------------------------------------------------------------------------------

    def status(self) -> dict:
        try:
            documents = GuideSearchEntry.objects.using(self.using).count()
        except Exception as error:
            return {"ok": False, "engine": self.name, "error": str(error)}
        return {"ok": True, "engine": self.name, "documents": documents}

    def _indexed_words(self) -> Iterable[str]:
        return VocabularyWord.objects.using(self.using).values_list("word", flat=True).iterator()

    def _known(self, concepts: tuple[Concept, ...]) -> list[bool]:
        """Whether any guide has each concept's word. A word of the vocabulary (the public guides'
        words as spelt) is known by its primary key, in one short statement; only another (an
        inflection no guide spells so, a word outside the public guides' vocabulary) is looked for
        through the GIN index, planned so: a word no guide has would otherwise be looked for by
        reading every vector (0.8 s at 100,000 guides)."""
        words = [c.word for c in concepts]
        listed = [word for word in words if not is_stopword(word)]  # a stopword is in no guide's vector
        in_vocabulary = self._spelt(listed)
        others = [word for word in dict.fromkeys(words) if word not in in_vocabulary]
        found = {}
        if others:
            params = _Params()
            checks = [f"EXISTS (SELECT 1 FROM {TABLE} WHERE search_vector @@ {_word(params, word)})" for word in others]
            found = dict(zip(others, self._planned_rows(f"SELECT {', '.join(checks)}", params)[0], strict=True))
        return [word in in_vocabulary or found[word] for word in words]

    def _spelt(self, words: list[str]) -> set[str]:
        """The words the vocabulary (the public guides' words as spelt) has, by its primary key
        (migration 0011)."""
        if not words:
            return set()
        return {word for (word,) in self._rows(f"SELECT word FROM {VOCABULARY} WHERE word = ANY(%s)", [words])}

    def _shares(self, words: list[str]) -> tuple[int, Mapping[str, float]]:
        """From the statistics ANALYZE keeps (a rebuild ends with one; autovacuum keeps them
        current), read without touching a guide: the number of rows, and the share of guides of the
        search vector's most common lexemes (_common_lexemes). Words are turned into lexemes by
        `to_tsvector('swedish', …)` itself, so they are the index's."""
        rows = self._rows(
            f"""
            SELECT {STATISTICS_VERSION},
                (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '{TABLE}'::regclass),
                word, tsvector_to_array(to_tsvector('swedish', word))
            FROM unnest(%s::text[]) AS word
            """,
            [words],
        )
        if not rows:
            return 0, {}
        common, unlisted = self._common_lexemes(rows[0][0])
        shares = {
            word: max(common.get(lexeme, unlisted) for lexeme in lexemes) for _, _, word, lexemes in rows if lexemes
        }
        return rows[0][1], shares

    def _common_lexemes(self, version: str) -> tuple[dict[str, float], float]:
        """The search vector's most common lexemes (the 1,000 most common that are in more than a
        few guides) with their share of guides, and the share of a lexeme not listed: half the
        least common listed, as PostgreSQL's planner assumes, or nothing when the list is not full
        (every lexeme of a small library is listed). Kept in the process until the statistics
        change (STATISTICS_VERSION) or for COMMON_LEXEMES_SECONDS."""
        now = time.monotonic()
        if self._common and self._common[0] == version and now - self._common[1] < COMMON_LEXEMES_SECONDS:
            return self._common[2], self._common[3]
        rows = self._rows(
            f"SELECT lexeme, share, current_setting('default_statistics_target')::int FROM ({COMMON_LEXEMES}) AS c "
            "WHERE lexeme IS NOT NULL"
        )
        common = {lexeme: float(share) for lexeme, share, _ in rows}
        unlisted = min(common.values()) / 2 if rows and len(rows) >= rows[0][2] * 10 else 0.0
        self._common = (version, now, common, unlisted)
        return common, unlisted

    def _spellings(self, word: str) -> tuple[str, ...]:
        candidates = unfoldings(word)[1:]
        if not candidates:
            return ()
        found = self._spelt(candidates)
        return tuple(candidate for candidate in candidates if candidate in found)

    def _words_near(self, word: str, max_edits: int) -> Mapping[str, int]:
        rows = self._rows(
            f"""
            SELECT word, documents FROM {VOCABULARY}
            WHERE length(word) BETWEEN %s AND %s ORDER BY lower(word) <-> %s LIMIT %s
            """,
            [len(word) - max_edits, len(word) + max_edits, word, SPELLING_NEIGHBOURS],
        )
        return dict(rows)

    def _retrieve(self, plan: QueryPlan, filters: SearchFilters, *, sort, limit, offset, widen=False) -> RetrievedPage:
        params = _Params()
        by_relevance = sort != SORT_UPDATED and not plan.is_empty
        one_condition = False
        if plan.is_empty:
            score = "0"
            head_matches = "FALSE"  # no head matches: in_head is FALSE, not NULL
        else:
            forms, scores = zip(*(self._concept(params, concept, widen) for concept in plan.concepts), strict=True)
            required = 1 if widen else plan.required
            # Common concepts (QueryPlan.with_common_concepts) only add to the score; the nearest
            # guides may be found by any concept.
            chosen_by = tuple(form for form, c in zip(forms, plan.concepts, strict=True) if widen or not c.common)
            one_condition = required >= len(chosen_by)
            proximity = [
                f"{PROXIMITY_WEIGHT} * ts_rank_cd({RANK_WEIGHTS}, v, {_tsquery(params, f'{a.word} {b.word}')}, 1)"
                for a, b in plan.adjacent_pairs()
            ]
            score = " + ".join([f"{COVERAGE_WEIGHT} * covered", *scores, *proximity])
            # The matches with a concept in their head vector, found by the two-column GIN index in
            # one scan (never by reading either vector): usually far fewer than the matches.
            head_matches = f"{self._indexed(chosen_by, required)} AND head_vector @@ {_any(forms)}"
            if not by_relevance:  # by date, where a match is does not count
                head_matches = "FALSE"
        # The filters, on a combination's lists; a guide passes them when its combination does.
        in_areas = _any_of(params, "areas", filters.areas)
        in_situations = _any_of(params, "situations", filters.situations)
        guide_filter = "facets IN (SELECT facets FROM kept)" if filters.areas or filters.situations else "TRUE"
        candidates = max(RANK_CANDIDATES, offset + limit) if by_relevance else offset + limit
        if by_relevance and one_condition:
            # Every match has every concept: the candidates are the head matches, newest first, and
            # only if they are too few the other matches (the second part of UNION ALL is not run
            # when the first fills the LIMIT; OFFSET 0 keeps the planner from walking the date
            # index and testing each row's vector). The matches are read once, only to be counted.
            condition = self._indexed(chosen_by, required)
            sources = f"""head AS MATERIALIZED (SELECT guide_id, facets, updated FROM {TABLE} WHERE {head_matches}),
                counted AS (SELECT facets, count(*) AS n FROM {TABLE} WHERE {condition} GROUP BY facets)"""
            chosen = f"""SELECT guide_id, {len(chosen_by)} AS covered FROM (
                    (SELECT guide_id FROM head WHERE {guide_filter} ORDER BY updated DESC, guide_id LIMIT {candidates})
                    UNION ALL
                    (SELECT guide_id FROM (
                        SELECT guide_id, updated FROM {TABLE} WHERE {condition} AND {guide_filter}
                            AND guide_id NOT IN (SELECT guide_id FROM head) OFFSET 0
                    ) AS others ORDER BY updated DESC, guide_id LIMIT {candidates})
                ) AS head_first LIMIT {candidates}"""
        else:
            # Each match is read once and kept with only what counting and choosing need; the
            # candidates are chosen from the kept matches: relevance, the most concepts, those with
            # a match in their title, ingress, search words or headings first, then the newest; by
            # date, the newest.
            candidate_order = "updated DESC, guide_id"
            if by_relevance:
                candidate_order = f"covered DESC, in_head DESC, {candidate_order}"
            matching = f"SELECT *, 0 AS covered FROM {TABLE}" if plan.is_empty else self._matching(chosen_by, required)
            sources = f"""head AS MATERIALIZED (SELECT guide_id FROM {TABLE} WHERE {head_matches}),
                matched AS MATERIALIZED (
                    SELECT guide_id, facets, updated, covered, guide_id IN (SELECT guide_id FROM head) AS in_head
                    FROM ({matching}) AS found
                ), counted AS (SELECT facets, count(*) AS n FROM matched GROUP BY facets)"""
            chosen = f"SELECT guide_id, covered FROM matched WHERE {guide_filter} ORDER BY {candidate_order}"
            chosen += f" LIMIT {candidates}"
        order = "score DESC, updated DESC, guide_id" if by_relevance else "updated DESC, score DESC, guide_id"
        vector = ", search_vector || ''::tsvector AS v" if not plan.is_empty else ""
        # The matches are counted per `facets` ("lon,karriar|ny-som-chef", migration 0009): the
        # combinations of areas and situations, over which the count, the filters and both facets'
        # counts are worked out (a few thousand at most, however many guides match). Only the
        # candidates are ranked by the full vector.
        total, page, areas, situations = self._planned_rows(
            f"""
            WITH {sources}, combinations AS MATERIALIZED (
                SELECT facets, n, split_part(facets, '|', 1) AS areas, split_part(facets, '|', 2) AS situations
                FROM counted
            ), kept AS MATERIALIZED (
                SELECT facets, n FROM combinations WHERE {in_areas} AND {in_situations}
            ), candidates AS MATERIALIZED ({chosen}), ranked AS (
                SELECT guide_id, updated, {score} AS score FROM (
                    SELECT guide_id, covered, updated{vector} FROM candidates JOIN {TABLE} USING (guide_id) OFFSET 0
                ) AS candidate
            ), page AS (
                SELECT guide_id, score, updated FROM ranked ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}
            )
            SELECT
                (SELECT coalesce(sum(n), 0)::int FROM kept),
                (SELECT coalesce(json_agg(
                    json_build_array(guide_id, score, summary, body, members_only) ORDER BY {order}), '[]')
                 FROM page JOIN {TABLE} USING (guide_id, updated)),
                {_facet_counts("areas", in_situations)},
                {_facet_counts("situations", in_areas)}
            """,
            params,
        )[0]
        guides = [StoredGuide(int(i), float(s), summary, body, bool(m)) for i, s, summary, body, m in page]
        facets = {} if widen else {"area": areas, "situation": situations}
        return RetrievedPage(guides=guides, total=total, facets=facets)

    @staticmethod
    def _indexed(forms: tuple[str, ...], required: int) -> str:
        """One condition the GIN index decides: at least `required` of the concepts' tsqueries (the
        matches exactly) while _at_least can say so, any of them otherwise (a superset)."""
        return f"search_vector @@ {_at_least(forms, required) if _combinations_fit(forms, required) else _any(forms)}"

    @classmethod
    def _matching(cls, forms: tuple[str, ...], required: int) -> str:
        """The guides matching at least `required` of the concepts' tsqueries (their id, date and
        `facets`), with how many they match, found through the GIN index alone: no search vector is
        read to decide."""
        if _combinations_fit(forms, required):
            # One scan finds the matches; a guide matches one more concept for each larger number
            # of them it matches at least (each a hashed set of the guides that do, one scan each;
            # all of them, the smallest, is quick: GIN skips through the rarest concept's list).
            more = "".join(
                f" + (guide_id IN (SELECT guide_id FROM {TABLE} WHERE search_vector @@ {_at_least(forms, n)}))::int"
                for n in range(required + 1, len(forms) + 1)
            )
            least = min(required, len(forms))
            return f"SELECT *, {least}{more} AS covered FROM {TABLE} WHERE {cls._indexed(forms, required)}"
        # Each concept's scan reads what the search keeps of a match from the row it visits anyway
        # (a narrow row: id, date, `facets`), so no match is looked up again by its id.
        each = " UNION ALL ".join(
            f"SELECT guide_id, facets, updated FROM {TABLE} WHERE search_vector @@ {form}" for form in forms
        )
        return f"""
            SELECT guide_id, facets, updated, count(*) AS covered FROM ({each}) AS each_concept
            GROUP BY guide_id, facets, updated HAVING count(*) >= {int(required)}"""

    @staticmethod
    def _concept(params: _Params, concept: Concept, widen: bool) -> tuple[str, str]:
        """(a tsquery of every form the concept may take, its score): scored by its best way of matching."""
        ways = [(_word(params, concept.word), concept.literal_weight)]
        ways += [(_tsquery(params, " ".join(synonym)), SYNONYM_WEIGHT) for synonym in concept.synonyms]
        ways += [(_tsquery(params, " ".join(other.words)), other.weight) for other in concept.related]
        ways += [(_word(params, spelling), SPELLING_WEIGHT) for spelling in concept.spellings]
        if concept.correction:
            ways.append((_word(params, concept.correction), CORRECTION_WEIGHT))
        scores = [f"({weight} * ts_rank({RANK_WEIGHTS}, v, {query}, 1))" for query, weight in ways]
        if concept.compound:
            # Both halves, anywhere (either, for the nearest guides), scored as the halves' own
            # words are (at APART_HALVES) or by cover density when they stand close ("samtal om
            # lön"), whichever is more: ts_rank of an AND is a measure of how close its words are,
            # next to nothing for halves a paragraph apart, below a sibling compound's one mention.
            head, tail = (_any(tuple(_tsquery(params, form) for form in forms)) for forms in concept.compound_halves())
            either = _any((head, tail))
            both = either if widen else f"({head} && {tail})"
            ways.append((both, COMPOUND_WEIGHT))
            scores.append(
                f"({COMPOUND_WEIGHT} * greatest({APART_HALVES} * ts_rank({RANK_WEIGHTS}, v, {either}, 1), "
                f"ts_rank_cd({RANK_WEIGHTS}, v, {both}, 1)))"
            )
        forms = _any(tuple(query for query, _ in ways))
        values = ", ".join(scores)
        best = f"(SELECT {1 - TIE_BREAKER} * max(s) + {TIE_BREAKER} * sum(s) FROM (VALUES {values}) AS ways(s))"
        weight = concept.emphasis * (1.0 - SPECIFICITY_WEIGHT + SPECIFICITY_WEIGHT * concept.specificity)
        return forms, best if weight == 1.0 else f"({weight:.4f} * {best})"

    # Completion -------------------------------------------------------------------------------

    def _titles_starting(self, text: str, limit: int) -> list[str]:
        title_start = " " + " ".join(fold(word) for word in words(text))
        titles = self._rows(
            f"""
            SELECT title FROM {TABLE} WHERE strpos(' ' || unaccent(lower(title)), %s) > 0
            ORDER BY strpos(' ' || unaccent(lower(title)), %s), updated DESC LIMIT %s
            """,
            [title_start, title_start, limit],
        )
        return [title for (title,) in titles]

    def _frequent_words(self, prefix: str, limit: int) -> list[str]:
        rows = self._rows(
            f"SELECT word FROM {VOCABULARY} WHERE word LIKE %s ORDER BY documents DESC, word LIMIT %s",
            [prefix + "%", limit],
        )
        return [word for (word,) in rows]


def _tsquery(params: _Params, text: str) -> str:
    """A tsquery of the words of text (all must match), built by PostgreSQL from a parameter."""
    return f"plainto_tsquery('swedish', {params.add(text)})"


def _word(params: _Params, word: str) -> str:
    """A tsquery of a word; its stem is searched as a word too, so PostgreSQL stems it again
    ("mötena" -> "möten" -> "möt")."""
    return f"({' || '.join(_tsquery(params, form) for form in dict.fromkeys((word, stem(word))))})"


def _combinations_fit(forms: tuple[str, ...], required: int) -> bool:
    """Whether _at_least may say "at least n of the forms" for every n from `required` up: no n
    has more than MAX_COMBINATIONS combinations (all of up to two, two of three, three of four,
    four of six). Any one of them (the nearest guides) is read per concept: each larger number
    would merge every concept's list again, and as many matches are visited either way."""
    if required >= len(forms):
        return True
    return required >= 2 and max(math.comb(len(forms), n) for n in range(required, len(forms) + 1)) <= MAX_COMBINATIONS


def _at_least(forms: tuple[str, ...], n: int) -> str:
    """A tsquery of the guides that match at least n of the forms: the first and n - 1 of the
    rest, or n of the rest (three of four: f1 & (f2 & (f3 | f4) | f3 & f4) | f2 & f3 & f4)."""
    if n >= len(forms):
        return f"({' && '.join(forms)})"
    if n <= 1:
        return _any(forms)
    return f"(({forms[0]} && {_at_least(forms[1:], n - 1)}) || {_at_least(forms[1:], n)})"


def _any(forms: tuple[str, ...]) -> str:
    return f"({' || '.join(forms)})"


def _facet_counts(column: str, condition: str) -> str:
    """Guides per option of a facet among the matches, from the combinations of areas and
    situations (the CTE combinations, each list a text "lon,karriar"): grouped by the facet's list
    first, as text (hashing a text costs less than an array), so each distinct list is split and
    unnested once."""
    return f"""(SELECT coalesce(json_object_agg(name, n), '{{}}') FROM (
        SELECT name, sum(n)::int AS n FROM (
            SELECT {column}, sum(n) AS n FROM combinations WHERE {condition} GROUP BY {column}
        ) AS options, unnest(string_to_array({column}, ',')) AS name GROUP BY name) AS counts)"""


def _any_of(params: _Params, column: str, values: Iterable[str]) -> str:
    """A combination's list (a text "lon,karriar") has one of the values."""
    values = list(values)
    return f"string_to_array({column}, ',') && {params.add(values)}::text[]" if values else "TRUE"
