"""The library's editorial rules as checks (../shared/EDITORIAL.md, docs/writing-guides.md).

Works on the source files in content/, with no database: `manage.py check_content` runs it for
writers, and guides/tests/test_starter_library.py holds the whole library to it. A problem is an
error (breaks a rule) or a warning (worth a second look)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from facts.citations import CITATION, UnknownFact, check_citations
from facts.register import read_register
from guides.readability import WORD, lix, plain_text, word_count
from guides.source import SourceError, parse_guide, split_front_matter

#: Areas whose every guide must rest on the register or an official source.
LEGAL_AREAS = {"Arbetsrätt", "Arbetsmiljö", "Lön"}
BYLINE = "Chefsguiders redaktion"
MAX_LIX = 45
MAX_SENTENCE_WORDS = 25
#: Words per form (docs/writing-guides.md); outside the range is a warning, not an error.
FORM_WORDS = {"process": (1000, 1600), "snabbt-svar": (250, 550), "guide": (450, 1000)}

#: Superseded rules stated as current law. A sentence that says the rule is history passes.
SUPERSEDED = [
    (re.compile(r"\bAFS\s*(2001:1|2015:4|1994:1|1993:17|1980:14|1999:7)\b"), "a replaced AFS (now AFS 2023:1–15)"),
    (re.compile(r"\bsaklig grund\b", re.I), "\"saklig grund\" (LAS says \"sakliga skäl\" since 2022)"),
    (re.compile(r"\bLAS-åldern?\b[^.]{0,40}\b6[78]\b|\b6[78] år\b[^.]{0,40}\bLAS\b", re.I), "LAS age 67/68 (it is 69)"),
    (re.compile(r"\b(två|2) (arbetstagare|personer|medarbetare)\b[^.]{0,60}\bundanta"
                r"|\bundanta\w*\b[^.]{0,30}\b(två|2) (arbetstagare|personer|medarbetare)\b", re.I),
     "two exempted employees in turordning (it is three)"),
]
HISTORY = re.compile(r"\b(tidigare|ersatt|ersattes|upphävd|upphävdes|fram till|före 20\d\d|innan 20\d\d|förr)\b", re.I)
ANGLICISMS = re.compile(r"\b(äga frågan|äger frågan|på riktigt|workshop\w*|hybrida team\w*|landa|landar|landade)\b",
                        re.I)
SO_CHAIN = re.compile(r", så (?!att\b)", re.I)
HR = re.compile(r"\bHR\b")
SENTENCE = re.compile(r"(?:(?<=[.!?:])|(?<=[.!?][\"”]))\s+(?=[A-ZÅÄÖ0-9\"”])")


@dataclass
class Problem:
    path: str
    line: int
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'error' if self.error else 'warning'}: {self.message}"


@dataclass
class Library:
    """The content folder as read: terms, the register and every guide's parsed source."""

    folder: Path
    areas: set[str] = field(default_factory=set)
    situations: set[str] = field(default_factory=set)
    fact_ids: dict[str, set[str]] = field(default_factory=dict)
    guides: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def read(cls, folder: Path) -> Library:
        library = cls(Path(folder))
        terms = yaml.safe_load((library.folder / "terms.yml").read_text(encoding="utf-8")) or {}
        library.areas = {entry["name"] for entry in terms.get("areas", [])}
        library.situations = {entry["name"] for entry in terms.get("situations", [])}
        readable, failed = read_register(library.folder / "facts")
        for facts in readable.values():
            for fact in facts:
                library.fact_ids.setdefault(fact["fact_id"], set()).update(fact["values"])
        library.problems += [Problem(path, _line_of(reason), reason) for path, reason in failed]
        for path in sorted((library.folder / "guides").glob("*.md")):
            try:
                library.guides[path.stem] = parse_guide(path.read_text(encoding="utf-8"), path.stem, library.fact_ids)
            except SourceError as error:
                library.problems.append(Problem(str(path), _line_of(str(error)), str(error)))
        return library

    def check_guide(self, path: Path) -> list[Problem]:
        guide = self.guides.get(path.stem)
        if guide is None:
            return []
        text = path.read_text(encoding="utf-8")
        body = split_front_matter(text)[1]
        offset = text[: len(text) - len(body)].count("\n")
        problems = []

        def add(message, line=1, error=True):
            problems.append(Problem(str(path), line, message, error))

        for name in guide.areas:
            if name not in self.areas:
                add(f"unknown area {name!r}")
        for name in guide.situations:
            if name not in self.situations:
                add(f"unknown situation {name!r}")
        if not 1 <= len(guide.areas) <= 3:
            add("a guide belongs to 1–3 areas")
        if not 1 <= len(guide.situations) <= 3:
            add("a guide sits in 1–3 situations")
        if guide.author != BYLINE:
            add(f"byline {guide.author!r}: starter guides are signed {BYLINE!r}")
        if guide.reviewed is None:
            add("no reviewed date (Granskad)")
        links = guide.linked_slugs - {path.stem}
        unknown = links - set(self.guides)
        if unknown:
            add(f"links to unknown guides {', '.join(sorted(unknown))}")
        if len(links) < 2:
            add("links to fewer than 2 other guides")
        if set(guide.areas) & LEGAL_AREAS and not (CITATION.search(body) or guide.sources):
            add("a guide in Arbetsrätt, Arbetsmiljö or Lön cites no fact of the register and lists no source")
        problems += text_problems(str(path), body, offset)
        plain = plain_text(CITATION.sub("X", body))
        words = word_count(plain)
        low, high = FORM_WORDS.get(guide.form, (150, 1600))
        if not low <= words <= high:
            add(f"{words} words; a {guide.form} has {low}–{high}", error=False)
        return problems

    def check_answer(self, path: Path) -> list[Problem]:
        text = path.read_text(encoding="utf-8")
        try:
            meta, body = split_front_matter(
                text, {"title", "area", "question", "expert", "expert_role", "date"}, {"slug", "related"}
            )
        except SourceError as error:
            return [Problem(str(path), _line_of(str(error)), str(error))]
        offset = text[: len(text) - len(body)].count("\n")
        problems = []
        if meta.get("area") not in self.areas:
            problems.append(Problem(str(path), 1, f"unknown area {meta.get('area')!r}"))
        if meta.get("expert") != BYLINE:
            problems.append(Problem(str(path), 1, f"expert {meta.get('expert')!r}: answers are signed {BYLINE!r}"))
        related = meta.get("related") or []
        missing = [slug for slug in related if slug not in self.guides]
        if missing:
            problems.append(Problem(str(path), 1, f"related names unknown guides {', '.join(map(str, missing))}"))
        try:
            check_citations(body, self.fact_ids)
        except UnknownFact as error:
            problems.append(Problem(str(path), error.line + offset, error.reason))
        return problems + text_problems(str(path), body, offset, hr_limit=1)


def text_problems(path: str, body: str, offset: int, hr_limit: int = 1) -> list[Problem]:
    """Language and currency rules over a Markdown body (line numbers in the file)."""
    problems = []
    resolved = CITATION.sub("X", body)
    for number, line in enumerate(resolved.splitlines(), start=offset + 1):
        for sentence in SENTENCE.split(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)):
            for pattern, what in SUPERSEDED:
                if pattern.search(sentence) and not HISTORY.search(sentence):
                    problems.append(Problem(path, number, f"{what} stated as current"))
            count = len(WORD.findall(sentence))
            if count > MAX_SENTENCE_WORDS:
                problems.append(Problem(path, number, f"sentence of {count} words (at most {MAX_SENTENCE_WORDS})"))
        for match in ANGLICISMS.finditer(line):
            problems.append(Problem(path, number, f"anglicism {match.group(0)!r}"))
        if SO_CHAIN.search(line):
            problems.append(Problem(path, number, "\", så …\" chain of clauses", error=False))
    hr = len(HR.findall(body))
    if hr > hr_limit:
        problems.append(Problem(path, offset + 1, f"HR named {hr} times (refer to HR at most once)"))
    score = lix(plain_text(resolved))
    if score > MAX_LIX:
        problems.append(Problem(path, offset + 1, f"LIX {score:.0f} (at most {MAX_LIX})"))
    return problems


def library_problems(folder: Path, paths=None) -> list[Problem]:
    """Every problem of the library, or of the given files (guides, answers, register files)."""
    library = Library.read(folder)
    wanted = {str(Path(p).resolve()) for p in paths} if paths else None

    def chosen(path):
        return wanted is None or str(Path(path).resolve()) in wanted

    problems = [p for p in library.problems if chosen(p.path)]
    for path in sorted((library.folder / "guides").glob("*.md")):
        if chosen(path):
            problems += library.check_guide(path)
    for path in sorted((library.folder / "experts").glob("*.md")):
        if chosen(path):
            problems += library.check_answer(path)
    if wanted is None:
        problems += near_duplicates(library)
    return problems


#: Guides whose title and ingress are this alike (tf-idf cosine over word stems) must link each
#: other, or be merged: two guides must not answer the same question unawares.
NEAR_DUPLICATE = 0.35


def near_duplicates(library: Library) -> list[Problem]:
    """Pairs of guides about the same question that do not link each other."""
    from search.analysis import is_stopword, stem, words

    def terms(guide):
        text = f"{guide.title} {guide.title} {guide.summary}"  # the title weighs double
        return Counter(stem(word) for word in words(text) if not is_stopword(word))

    counts = {slug: terms(guide) for slug, guide in library.guides.items()}
    frequency = Counter(term for terms_ in counts.values() for term in terms_)
    total = len(counts)
    vectors = {
        slug: {term: (1 + math.log(n)) * math.log(total / frequency[term]) for term, n in terms_.items()}
        for slug, terms_ in counts.items()
    }
    norms = {slug: math.sqrt(sum(w * w for w in vector.values())) or 1.0 for slug, vector in vectors.items()}
    problems = []
    slugs = sorted(vectors)
    for index, first in enumerate(slugs):
        for second in slugs[index + 1 :]:
            a, b = vectors[first], vectors[second]
            similarity = sum(weight * b.get(term, 0.0) for term, weight in a.items()) / (norms[first] * norms[second])
            if similarity < NEAR_DUPLICATE:
                continue
            for this, other in ((first, second), (second, first)):
                if other not in library.guides[this].linked_slugs:
                    message = f"answers nearly the same question as {other} but does not link it"
                    problems.append(Problem(this, 1, message))
    return problems


def _line_of(reason: str) -> int:
    match = re.match(r"line (\d+)", reason)
    return int(match.group(1)) if match else 1
